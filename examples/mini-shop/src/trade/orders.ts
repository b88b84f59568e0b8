import {
  type Order,
  type OrderPage,
  type OrdersApi,
  type OrderTab,
  type RefundRequest,
  TradeKitError,
} from '@tradekit/core'
import { merchantRequest } from './merchant'

// The order centre over the merchant server (examples/merchant-server, "Order centre"): every call
// is the signed-in user's (the session token names the user), statuses move only on the server.

const path = (orderId: string) => `/orders/${encodeURIComponent(orderId)}`

/**
 * Sends an action once more with the same idempotency key when the network failed on the way (the
 * server may have done it already: the key makes the second call answer the same).
 */
async function withOneRetry<T>(send: () => Promise<T>): Promise<T> {
  try {
    return await send()
  } catch (error) {
    if ((error as TradeKitError)?.code !== 'NETWORK') throw error
    return send()
  }
}

/** TradeKit's `OrdersApi`, plugged into `TradeProvider ordersApi={ordersApi}`. */
export const ordersApi: OrdersApi = {
  listOrders({ tab, cursor, signal }: { tab: OrderTab; cursor?: string; signal: AbortSignal }) {
    const query = `tab=${encodeURIComponent(tab)}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`
    return merchantRequest<OrderPage>('GET', `/orders?${query}&limit=10`, { signal })
  },

  getOrder: (orderId, { signal }) => merchantRequest<Order>('GET', `${path(orderId)}/detail`, { signal }),

  async cancelOrder(orderId) {
    // The checkout's cancel route answers the payment view; the order centre's view follows it.
    await merchantRequest('POST', `${path(orderId)}/cancel`)
    return merchantRequest<Order>('GET', `${path(orderId)}/detail`)
  },

  // TradeKit's key: the same for a request sent again after no answer, so the server makes one refund
  requestRefund(orderId, request: RefundRequest, { idempotencyKey }) {
    return withOneRetry(() =>
      merchantRequest<Order>('POST', `${path(orderId)}/refunds`, {
        data: request, // lines and amounts in minor units, allocated exactly by TradeKit
        headers: { 'Idempotency-Key': idempotencyKey },
      }),
    )
  },

  cancelRefund: (orderId, refundId) =>
    merchantRequest<Order>('POST', `${path(orderId)}/refunds/${encodeURIComponent(refundId)}/cancel`),

  confirmReceipt: (orderId) => merchantRequest<Order>('POST', `${path(orderId)}/confirm-receipt`),
}

/** Thrown for an order id that cannot be one of the merchant server's. */
export function assertOrderId(orderId: string): string {
  if (!/^ord_[0-9a-f]{32}$/.test(orderId)) throw new TradeKitError('INVALID_ARGUMENT', `No order ${orderId}`)
  return orderId
}
