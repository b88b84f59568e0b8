import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  cny,
  DRIVER,
  newKey,
  orderCount,
  SHIPPING_ADDRESS,
  startTestServer,
  stockOf,
  type TestServer,
} from './harness.ts'

let server: TestServer

beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => {
  await server?.destroy()
})

describe(`idempotency under concurrency on ${DRIVER}`, () => {
  it('runs on the driver the environment names', () => {
    expect(server.merchant.db.driver).toBe(DRIVER)
  })

  it('makes exactly one order from 200 concurrent duplicate createOrder requests', async () => {
    const key = newKey()
    const stockBefore = await stockOf(server.merchant, 'tea-gift-box')
    const ordersBefore = await orderCount(server.merchant)
    const body = {
      lines: [{ skuId: 'tea-gift-box', quantity: 2 }],
      address: SHIPPING_ADDRESS,
      expectedPayable: cny(25600),
    }

    const answers = await Promise.all(
      Array.from({ length: 200 }, () =>
        server.call('POST', '/orders', { body, headers: { 'Idempotency-Key': key }, user: 'crowd' }),
      ),
    )

    const statuses = answers.map((a) => a.status)
    expect(statuses.filter((s) => s === 201)).toHaveLength(1)
    expect(statuses.filter((s) => s === 200)).toHaveLength(199)
    const ids = new Set(answers.map((a) => a.body.orderId))
    expect(ids.size).toBe(1)
    // the same order in every answer (serverNow is each answer's own clock)
    const order = ({ serverNow: _clock, ...rest }: Record<string, unknown>) => JSON.stringify(rest)
    expect(answers.every((a) => order(a.body) === order(answers[0]!.body))).toBe(true)

    expect(await orderCount(server.merchant)).toBe(ordersBefore + 1)
    const rows = await server.merchant.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM orders WHERE user_id = $1 AND idempotency_key = $2',
      [(await server.session('crowd')).userId, key],
    )
    expect(rows[0]?.n).toBe(1)
    // The stock was reserved once, not 200 times.
    expect(await stockOf(server.merchant, 'tea-gift-box')).toBe((stockBefore ?? 0) - 2)
  })

  it('makes exactly one order when 200 duplicates reach the handlers at the same moment (in-process)', async () => {
    // Over sockets the requests trickle in; through app.request() all 200 are in the handlers at
    // once, so the database's UNIQUE constraint and row locks are what keep it to one order.
    const key = newKey()
    const ordersBefore = await orderCount(server.merchant)
    const stockBefore = await stockOf(server.merchant, 'legal-consult-30')
    const body = JSON.stringify({
      lines: [{ skuId: 'legal-consult-30', quantity: 1 }],
      contact: { phone: '13800000000' },
      expectedPayable: cny(19900),
    })
    const authorization = `Bearer ${(await server.session('burst')).token}`
    const responses = await Promise.all(
      Array.from({ length: 200 }, () =>
        server.merchant.app.request('/orders', {
          method: 'POST',
          body,
          headers: { 'content-type': 'application/json', 'Idempotency-Key': key, authorization },
        }),
      ),
    )
    const bodies = await Promise.all(responses.map((r) => r.json() as Promise<{ orderId?: string }>))
    expect(responses.filter((r) => r.status === 201)).toHaveLength(1)
    expect(responses.filter((r) => r.status === 200)).toHaveLength(199)
    expect(new Set(bodies.map((b) => b.orderId)).size).toBe(1)
    expect(await orderCount(server.merchant)).toBe(ordersBefore + 1)
    expect(await stockOf(server.merchant, 'legal-consult-30')).toBe((stockBefore ?? 0) - 1)
  })

  it('never oversells: 200 concurrent different orders for 3 mugs make exactly 3 orders', async () => {
    await server.call('PATCH', '/admin/skus/ceramic-mug', { body: { stock: 3 } })
    const ordersBefore = await orderCount(server.merchant)
    const body = {
      lines: [{ skuId: 'ceramic-mug', quantity: 1 }],
      address: SHIPPING_ADDRESS,
      expectedPayable: cny(2900 + 800),
    }
    // The buyers log in first (one at a time); then their orders race.
    for (let i = 0; i < 200; i++) await server.session(`buyer-${i}`)

    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        server.call('POST', '/orders', {
          body,
          headers: { 'Idempotency-Key': newKey() },
          user: `buyer-${i}`,
        }),
      ),
    )

    expect(answers.filter((a) => a.status === 201)).toHaveLength(3)
    const refused = answers.filter((a) => a.status === 409)
    expect(refused).toHaveLength(197)
    expect(refused.every((a) => (a.body.error as { code: string }).code === 'OUT_OF_STOCK')).toBe(true)
    expect(await orderCount(server.merchant)).toBe(ordersBefore + 3)
    expect(await stockOf(server.merchant, 'ceramic-mug')).toBe(0)
  })
})
