import { reportLater } from '../store/createStore'
import type { TradeEvent, TradeEventHandler } from './tradeEvents'

/**
 * Hands an event to the app's analytics without ever failing or holding up the flow that emits
 * it: the handler runs on a later microtask (the purchase goes on first), its errors — thrown,
 * or a rejected promise it returns — are rethrown on a later tick where the app's error reporting
 * sees them (like a store listener's), and a promise it returns is never waited for. `event` may be
 * a function making the event, so a mapper's error is caught the same way and nothing is built
 * when there is no handler.
 *
 * @example
 * ```ts
 * safeEmit(onEvent, () => purchaseEvent(order))
 * safeEmit(onEvent, addToCartEvent(item, 1))
 * ```
 */
export function safeEmit(
  onEvent: TradeEventHandler | null | undefined,
  event: TradeEvent | (() => TradeEvent),
): void {
  if (typeof onEvent !== 'function') return
  Promise.resolve()
    .then(() => onEvent(typeof event === 'function' ? event() : event))
    .then(undefined, reportLater)
}

/**
 * The key that makes an event count once: a purchase per order, a refund per refund request (or
 * per order and amount when it has no id). `undefined` for events that may repeat.
 *
 * @example
 * ```ts
 * const seen = new Set<string>()
 * const key = eventKey(event)
 * if (key === undefined || !seen.has(key)) { if (key) seen.add(key); safeEmit(onEvent, event) }
 * ```
 */
export function eventKey(event: TradeEvent): string | undefined {
  if (event.name === 'purchase') return `purchase:${event.orderId}`
  if (event.name === 'refund') {
    return `refund:${event.orderId}:${event.refundId ?? `${event.value.currency}${event.value.amount}`}`
  }
  return undefined
}
