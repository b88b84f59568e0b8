import { type AnyTradeKitError, TradeKitError } from '../errors/TradeKitError'
import { idempotencyKey as newKey } from '../internal/idempotencyKey'
import { ORDER_ACTIONS, orderActions } from './orderActions'
import { planRefund } from './refunds'
import type { Order, OrderLifecycleStatus, OrdersApi, RefundInput } from './types'

// The order centre's actions: what each checks before it may run, the call, and how an order read
// again after a call that got no answer shows it done.

const argument = (message: string | undefined) =>
  new TradeKitError('INVALID_ARGUMENT', message) as AnyTradeKitError

/**
 * What an action does once it may run: the call, the status shown until the server answers, and
 * how the order read again after a call that got no answer shows the action was done.
 */
export interface ActionPlan {
  readonly call: () => Promise<unknown>
  readonly method: string
  readonly optimistic?: OrderLifecycleStatus
  readonly done: (fresh: Order) => boolean
  /** The server answered the call (done or refused), or the order read again shows it done. */
  readonly answered?: () => void
}

const AFTER_SALE: readonly OrderLifecycleStatus[] = [
  'refund_requested',
  'refunding',
  'refunded',
  'refund_rejected',
]
const afterSale = (order: Order) => AFTER_SALE.includes(order.status)
/** Cancels an unpaid order, shown `cancelled` until the server answers. */
export function cancelPlan(api: OrdersApi, order: Order, now: number): ActionPlan {
  if (ORDER_ACTIONS[order.status].canCancel && !orderActions(order, now).canCancel) {
    throw new TradeKitError(
      'ORDER_EXPIRED',
      process.env.NODE_ENV !== 'production' ? `Order ${order.orderId} is past its time to pay` : undefined,
    )
  }
  if (!ORDER_ACTIONS[order.status].canCancel)
    throw argument(
      process.env.NODE_ENV !== 'production' ? `An order ${order.status} cannot be cancelled` : undefined,
    )
  return {
    call: () => api.cancelOrder(order.orderId),
    method: 'cancelOrder',
    optimistic: 'cancelled',
    done: (fresh) => fresh.status === 'cancelled',
  }
}

/**
 * A refund request's idempotency key, kept for a retry while the request got no answer, with what
 * it asked and how to tell from the order that it was made.
 */
export interface RefundKey {
  readonly asked: string
  readonly key: string
  readonly done: (fresh: Order) => boolean
}

/**
 * Asks for a refund, allocated exactly across the lines, under one idempotency key per request
 * (`keys`, by order): sent again after a call that got no answer, the same key makes it one request;
 * an answer, any later read of the order, or the order shown with the request made (another
 * action's answer) ends it, so the same refund asked for later is a new request.
 */
export function refundPlan(
  api: OrdersApi,
  order: Order,
  input: RefundInput,
  keys: Map<string, RefundKey>,
): ActionPlan {
  if (!ORDER_ACTIONS[order.status].canRefund)
    throw argument(
      process.env.NODE_ENV !== 'production' ? `An order ${order.status} takes no refund request` : undefined,
    )
  const request = planRefund(order, input)
  const asked = JSON.stringify(request)
  const kept = keys.get(order.orderId)
  const idempotencyKey = kept?.asked === asked ? kept.key : newKey()
  const known = order.refunds
  // a request made shows as a move into after-sale, or as a refund record not known before. Tapped
  // on a page without refund records, whose status may be behind the server's, only an open request
  // tells: a rejection or a refund may be of an earlier request (the user is told "not confirmed")
  const done = (fresh: Order) =>
    known === undefined
      ? fresh.status === 'refund_requested'
      : (fresh.status !== order.status && afterSale(fresh)) ||
        (fresh.refunds ?? []).some((r) => !known.some((k) => k.refundId === r.refundId))
  keys.set(order.orderId, { asked, key: idempotencyKey, done })
  return {
    call: () => api.requestRefund(order.orderId, request, { idempotencyKey }),
    method: 'requestRefund',
    done,
    answered: () => keys.delete(order.orderId),
  }
}

/** Takes back an open refund request. */
export function cancelRefundPlan(api: OrdersApi, order: Order, refundId: string): ActionPlan {
  const cancelRefund = api.cancelRefund
  if (typeof cancelRefund !== 'function')
    throw argument(process.env.NODE_ENV !== 'production' ? 'The orders API has no cancelRefund' : undefined)
  const refund = order.refunds?.find((r) => r.refundId === refundId)
  if (order.refunds !== undefined && refund?.status !== 'refund_requested') {
    throw argument(
      process.env.NODE_ENV !== 'production'
        ? `Order ${order.orderId} has no open refund request ${String(refundId)}`
        : undefined,
    )
  }
  return {
    call: () => cancelRefund.call(api, order.orderId, refundId),
    method: 'cancelRefund',
    // taken back: its record says so, or the order left the after-sale status it was in
    done: (fresh) =>
      fresh.refunds?.find((r) => r.refundId === refundId)?.status === 'withdrawn' ||
      (afterSale(order) && !afterSale(fresh)),
  }
}

/** Confirms a parcel arrived. */
export function confirmReceiptPlan(api: OrdersApi, order: Order, now: number): ActionPlan {
  const confirmReceipt = api.confirmReceipt
  if (typeof confirmReceipt !== 'function')
    throw argument(process.env.NODE_ENV !== 'production' ? 'The orders API has no confirmReceipt' : undefined)
  if (!orderActions(order, now).canConfirmReceipt) {
    throw argument(
      process.env.NODE_ENV !== 'production'
        ? `An order ${order.status} cannot be confirmed received`
        : undefined,
    )
  }
  return {
    call: () => confirmReceipt.call(api, order.orderId),
    method: 'confirmReceipt',
    done: (fresh) => fresh.status === 'completed',
  }
}
