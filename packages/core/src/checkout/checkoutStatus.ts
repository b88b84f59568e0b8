import type { CheckoutStatus } from './types'

/**
 * True for the moving states — `creating`, `paying`, `confirming` — each of which has a timed exit.
 * A screen shows a busy action while the checkout is moving; `submit()` then returns the running
 * attempt. The one place TradeKit decides "moving".
 */
export function isMoving(status: CheckoutStatus): boolean {
  return status === 'creating' || status === 'paying' || status === 'confirming'
}

/**
 * True for the settled states — `cancelled`, `failed`, `expired`, `unknown` — which wait for the
 * user; only a re-check finding the order paid moves them without the user.
 */
export function isSettled(status: CheckoutStatus): boolean {
  return status === 'cancelled' || status === 'failed' || status === 'expired' || status === 'unknown'
}
