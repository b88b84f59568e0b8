import type { Checkout } from '../checkout/types'
import type { Orders } from './types'

/**
 * Keeps the order centre in step with the checkout: when the checkout finds an order paid that the
 * order centre holds (its own answer, or a re-check on show after the user left the cashier), the
 * order is read again, so its page and its card in a list move on without a pull to refresh. Each
 * paid order is read once. Returns the stop.
 *
 * @example
 * ```ts
 * const stop = followCheckout(orders, checkout)
 * ```
 */
export function followCheckout(
  orders: Pick<Orders, 'getSnapshot' | 'getOrder'>,
  checkout: Pick<Checkout, 'getSnapshot' | 'subscribe'>,
): () => void {
  const paidOrder = () => {
    const { status, order } = checkout.getSnapshot()
    return status === 'paid' ? order?.orderId : undefined
  }
  // a payment found paid before this started: what the order centre reads from now on is after it
  let read = paidOrder()
  return checkout.subscribe(() => {
    const orderId = paidOrder()
    if (orderId === undefined || orderId === read) return
    read = orderId
    if (orders.getSnapshot().orders[orderId]) void orders.getOrder(orderId)
  })
}
