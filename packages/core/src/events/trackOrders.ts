import type { Orders, OrdersSnapshot } from '../orders/types'
import { refundEvent } from './eventMappers'
import type { EventHub } from './trackEvents'

/**
 * Follows the order centre: `refund` when a refund the app saw still open reaches `refunded` (or
 * an order seen before shows a new refund already refunded). Orders seen for the first time are
 * history, not events: a relaunch that lists old refunds reports nothing.
 *
 * @example
 * ```ts
 * const stop = trackOrders(orders, hub)
 * ```
 */
export function trackOrders(orders: Orders, hub: EventHub): () => void {
  const known = new Map<string, ReadonlyMap<string, string>>()
  const look = (snapshot: OrdersSnapshot) => {
    for (const order of Object.values(snapshot.orders)) {
      const before = known.get(order.orderId)
      const now = new Map((order.refunds ?? []).map((r) => [r.refundId, r.status] as const))
      known.set(order.orderId, now)
      if (!before) continue
      for (const refund of order.refunds ?? []) {
        if (refund.status === 'refunded' && before.get(refund.refundId) !== 'refunded') {
          hub.emit(() => refundEvent(order, refund))
        }
      }
    }
  }
  look(orders.getSnapshot())
  return orders.subscribe(look)
}
