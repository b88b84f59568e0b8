// The app's own backend, as "Plugging in your API" asks a team to write it (a placeholder host:
// the fresh-app check only builds the app, it never pays).
import Taro from '@tarojs/taro'
import type { CheckoutApi, CreatedOrder, MembershipApi, OrderStatus } from '@tradekit/core'

const BASE = 'https://shop.example.com/api'

async function call<T>(method: 'GET' | 'POST', path: string, data?: unknown): Promise<T> {
  const res = await Taro.request<T>({ url: `${BASE}${path}`, method, data: data as never })
  return res.data
}

export const checkoutApi: CheckoutApi = {
  createOrder: (req, { idempotencyKey }) => call<CreatedOrder>('POST', '/orders', { ...req, idempotencyKey }),
  getOrderStatus: (orderId) => call<OrderStatus>('GET', `/orders/${orderId}/status`),
}

export const membershipApi: MembershipApi = {
  getPlans: () => call('GET', '/membership/plans'),
  getEntitlement: () => call('GET', '/membership/entitlement'),
}
