import type { ContinuedOrder } from '../checkout/types'
import { TradeKitError } from '../errors/TradeKitError'
import { remainingMs } from './orderActions'
import type { Order } from './types'

/**
 * What the checkout's `continuePayment` takes for an unpaid order of the order centre: the same
 * order, its payment payload and the channel's saved state. Throws `INVALID_ARGUMENT` for an order
 * that is not awaiting payment or that the server sent without its payment payload.
 *
 * @example
 * ```ts
 * if (orderActions(order, Date.now()).canPay) await checkout.continuePayment(continuedOrderOf(order))
 * ```
 */
export function continuedOrderOf(order: Order): ContinuedOrder {
  if (order.status !== 'pending_payment' || order.payment === undefined) {
    throw new TradeKitError(
      'INVALID_ARGUMENT',
      process.env.NODE_ENV !== 'production'
        ? `Order ${order.orderId} cannot be paid again: it is ${order.status}${order.payment === undefined ? ' and has no payment payload' : ''}`
        : undefined,
    )
  }
  // the expiry on the device's clock: the server's and the device's may differ
  const now = Date.now()
  const remaining = remainingMs(order, now)
  return {
    orderId: order.orderId,
    amount: order.amount,
    payment: order.payment,
    ...(remaining !== null ? { expiresAt: now + remaining } : {}),
    ...(order.channel !== undefined ? { channel: order.channel } : {}),
    ...(order.channelState !== undefined ? { channelState: order.channelState } : {}),
  }
}
