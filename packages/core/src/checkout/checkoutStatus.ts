import type { CheckoutStatus } from './types'

/** The moving statuses, each with a timed exit. The one place TradeKit lists them. */
export const MOVING_STATUSES: readonly CheckoutStatus[] = ['creating', 'paying', 'confirming']

/** The settled statuses, which wait for the user. The one place TradeKit lists them. */
export const SETTLED_STATUSES: readonly CheckoutStatus[] = ['cancelled', 'failed', 'expired', 'unknown']

/**
 * True for the moving states — `creating`, `paying`, `confirming` — each of which has a timed exit.
 * A screen shows a busy action while the checkout is moving; `submit()` then returns the running
 * attempt. The one place TradeKit decides "moving".
 */
export function isMoving(status: CheckoutStatus): boolean {
  return MOVING_STATUSES.includes(status)
}

/**
 * True for the settled states — `cancelled`, `failed`, `expired`, `unknown` — which wait for the
 * user; only a re-check finding the order paid moves them without the user.
 */
export function isSettled(status: CheckoutStatus): boolean {
  return SETTLED_STATUSES.includes(status)
}
