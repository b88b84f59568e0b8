import { expect } from 'vitest'
import { cny, newKey, SHIPPING_ADDRESS, type TestServer } from './harness.ts'

/** An order of the order centre as the server answers it (TradeKit's `Order`, loosely typed). */
export interface CentreOrderBody {
  orderId: string
  status: string
  kind: string
  lines: {
    lineId: string
    skuId: string
    title: string
    quantity: number
    unitPrice: { amount: number }
    amount: { amount: number }
    refunded: { amount: number }
  }[]
  amount: { amount: number; currency: string }
  refunded: { amount: number }
  fee: { amount: number }
  createdAt: number
  expiresAt?: number
  serverNow: number
  version: number
  verification?: { code: string }
  refunds: {
    refundId: string
    status: string
    amount: { amount: number }
    lines: unknown[]
    reason: string
  }[]
  timeline?: { status: string; at: number; event: string }[]
  channel: string
  payment?: unknown
  channelState?: unknown
}

/** Places an order for `user` and answers its id. */
export async function place(
  server: TestServer,
  user: string,
  lines: { skuId: string; quantity: number }[],
  payable: number,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const answer = await server.call('POST', '/orders', {
    body: { lines, address: SHIPPING_ADDRESS, expectedPayable: cny(payable), ...extra },
    headers: { 'Idempotency-Key': newKey() },
    user,
  })
  expect(answer.status, JSON.stringify(answer.body)).toBe(201)
  return answer.body.orderId as string
}

/** Places and pays an order through the sandbox cashier. */
export async function placePaid(
  server: TestServer,
  user: string,
  lines: { skuId: string; quantity: number }[],
  payable: number,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const orderId = await place(server, user, lines, payable, extra)
  const paid = await server.call('POST', '/sandbox/pay', { body: { orderId }, user })
  expect(paid.body).toMatchObject({ status: 'paid' })
  return orderId
}

/** The order centre's detail of an order. */
export async function detail(server: TestServer, user: string, orderId: string): Promise<CentreOrderBody> {
  const answer = await server.call<CentreOrderBody>('GET', `/orders/${orderId}/detail`, { user })
  expect(answer.status, JSON.stringify(answer.body)).toBe(200)
  return answer.body
}

/** Every order of a tab, page by page; answers the ids in list order and the number of pages. */
export async function listAll(
  server: TestServer,
  user: string,
  tab: string,
  limit = 10,
): Promise<{ ids: string[]; pages: number; orders: CentreOrderBody[] }> {
  const orders: CentreOrderBody[] = []
  let cursor: string | null = null
  let pages = 0
  do {
    const query: string = `tab=${tab}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`
    const answer = await server.call<{ orders: CentreOrderBody[]; nextCursor: string | null }>(
      'GET',
      `/orders?${query}`,
      { user },
    )
    expect(answer.status, JSON.stringify(answer.body)).toBe(200)
    orders.push(...answer.body.orders)
    cursor = answer.body.nextCursor
    pages += 1
  } while (cursor !== null && pages < 100)
  return { ids: orders.map((order) => order.orderId), pages, orders }
}

/** The sandbox consultation needs a phone. */
export const CONTACT = { contact: { phone: '13800000000' } }
