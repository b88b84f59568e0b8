import type { CheckoutSnapshot } from '../checkout/types'
import type { AnyTradeKitError } from '../errors/TradeKitError'
import { refundableTotal } from './refunds'
import type { Order, OrderLifecycleStatus } from './types'

/** What the user may do with an order. */
export interface OrderActionFlags {
  /** Close it unpaid. */
  readonly canCancel: boolean
  /** Pay it (continue to pay through the checkout). */
  readonly canPay: boolean
  /** Ask for a refund. */
  readonly canRefund: boolean
  /** Say the parcel arrived. */
  readonly canConfirmReceipt: boolean
  /** Put its lines back in the cart. */
  readonly canBuyAgain: boolean
}

const flags = (
  canCancel: boolean,
  canPay: boolean,
  canRefund: boolean,
  canConfirmReceipt: boolean,
  canBuyAgain: boolean,
): OrderActionFlags => Object.freeze({ canCancel, canPay, canRefund, canConfirmReceipt, canBuyAgain })

const Y = true
const N = false

/**
 * What each status allows, as one table. {@link orderActions} narrows it for one order: an
 * expired unpaid order can only be bought again, and a refund needs something left to refund.
 * One refund request at a time: none while one is answered.
 *
 * @example
 * ```ts
 * ORDER_ACTIONS.shipped.canConfirmReceipt // true
 * ```
 */
export const ORDER_ACTIONS: Readonly<Record<OrderLifecycleStatus, OrderActionFlags>> = Object.freeze({
  //                cancel pay refund confirmReceipt buyAgain
  pending_payment: flags(Y, Y, N, N, N),
  paid: flags(N, N, Y, N, Y),
  shipped: flags(N, N, Y, Y, Y),
  delivered: flags(N, N, Y, Y, Y),
  to_verify: flags(N, N, Y, N, Y),
  verified: flags(N, N, Y, N, Y),
  completed: flags(N, N, Y, N, Y),
  refund_requested: flags(N, N, N, N, Y),
  refunding: flags(N, N, N, N, Y),
  refunded: flags(N, N, Y, N, Y),
  refund_rejected: flags(N, N, Y, N, Y),
  cancelled: flags(N, N, N, N, Y),
  closed: flags(N, N, N, N, Y),
})

/**
 * Milliseconds left to pay an unpaid order, on the server's clock: the device clock moved by the
 * offset between the server's `serverNow` and the device's `receivedAt` when the answer arrived,
 * so a device clock set wrong does not change the countdown. `null` when there is no countdown
 * (not `pending_payment`, or no `expiresAt`); 0 once it has run out.
 *
 * @example
 * ```ts
 * // the server said now = 1_000_000, expires at 1_900_000; the device (10 min fast) got it at 1_600_000
 * remainingMs({ ...order, serverNow: 1_000_000, receivedAt: 1_600_000, expiresAt: 1_900_000 }, 1_660_000) // 840_000
 * ```
 */
export function remainingMs(
  order: Pick<Order, 'status' | 'expiresAt' | 'serverNow' | 'receivedAt'>,
  deviceNow: number,
): number | null {
  if (order.status !== 'pending_payment' || typeof order.expiresAt !== 'number') return null
  const offset =
    typeof order.serverNow === 'number' && typeof order.receivedAt === 'number'
      ? order.serverNow - order.receivedAt
      : 0
  return Math.max(0, order.expiresAt - (deviceNow + offset))
}

/**
 * Whether a payment failed in a way that cannot be tried again on the same order: `PAYMENT_FAILED`
 * that the cashier or the server marked not retryable. Paying that order again would be refused too.
 */
export function isRefusedForGood(error: AnyTradeKitError | undefined): boolean {
  return error?.code === 'PAYMENT_FAILED' && error.retryable === false
}

/**
 * What the user may do with this order now: {@link ORDER_ACTIONS} for its status, narrowed by its
 * countdown (an expired unpaid order can no longer be paid or cancelled, only bought again), by
 * what is left to refund and by its kind (only a parcel is received). With `payment`, the
 * checkout's snapshot on this order (`useOrder(id).payment`): no "continue to pay" once that
 * payment was refused for good ({@link isRefusedForGood}).
 *
 * @example
 * ```ts
 * const { canPay, canBuyAgain } = orderActions(order, Date.now())
 * ```
 */
export function orderActions(order: Order, deviceNow: number, payment?: CheckoutSnapshot): OrderActionFlags {
  const base = ORDER_ACTIONS[order.status]
  if (!base) return flags(N, N, N, N, N)
  const expired = remainingMs(order, deviceNow) === 0
  return flags(
    base.canCancel && !expired,
    base.canPay &&
      !expired &&
      !(
        payment?.status === 'failed' &&
        payment.order?.orderId === order.orderId &&
        isRefusedForGood(payment.error)
      ),
    base.canRefund && refundableTotal(order).amount > 0,
    base.canConfirmReceipt && order.kind === 'physical',
    (base.canBuyAgain || (order.status === 'pending_payment' && expired)) && order.lines.length > 0,
  )
}
