import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cartLineId } from '../../../packages/core/src/cart/cartLineId.ts'
import {
  type Answer,
  cny,
  DRIVER,
  manualClock,
  newKey,
  orderCount,
  SHIPPING_ADDRESS,
  snapshotDatabase,
  startTestServer,
  stockOf,
  type TestServer,
} from './harness.ts'

let server: TestServer
const clock = manualClock()

beforeAll(async () => {
  server = await startTestServer({ now: clock.now })
})
afterAll(async () => {
  await server?.destroy()
})

const order = (body: unknown, options: { key?: string; user?: string } = {}): Promise<Answer> =>
  server.call('POST', '/orders', {
    body,
    headers: { 'Idempotency-Key': options.key ?? newKey() },
    ...(options.user ? { user: options.user } : {}),
  })

describe(`createOrder on ${DRIVER}`, () => {
  it('prices on the server and creates a pending order that holds its stock', async () => {
    const before = await stockOf(server.merchant, 'tea-gift-box')
    const key = newKey()
    const created = await order(
      {
        lines: [{ skuId: 'tea-gift-box', quantity: 2 }],
        address: SHIPPING_ADDRESS,
        expectedPayable: cny(25600),
      },
      { key, user: 'alice' },
    )
    expect(created.status).toBe(201)
    expect(created.body).toEqual({
      orderId: expect.stringMatching(/^ord_[0-9a-f]{32}$/),
      amount: cny(25600),
      expiresAt: clock.now() + 15 * 60_000,
      serverNow: clock.now(),
      payment: { orderId: created.body.orderId },
    })
    expect(await stockOf(server.merchant, 'tea-gift-box')).toBe((before ?? 0) - 2)

    const status = await server.call('GET', `/orders/${created.body.orderId}`, {
      user: 'alice',
    })
    expect(status.status).toBe(200)
    expect(status.body).toMatchObject({
      orderId: created.body.orderId,
      status: 'pending',
      amount: cny(25600),
    })
  })

  it('answers the same order for the same key and request, and refuses the key for another request', async () => {
    const key = newKey()
    const body = { lines: [{ skuId: 'sticker-pack', quantity: 1 }], expectedPayable: cny(600) }
    const first = await order(body, { key, user: 'bob' })
    const again = await order(body, { key, user: 'bob' })
    expect(first.status).toBe(201)
    expect(again.status).toBe(200)
    expect(again.headers.get('idempotent-replayed')).toBe('true')
    expect(again.body).toEqual(first.body)

    const count = await orderCount(server.merchant)
    const other = await order(
      { ...body, lines: [{ skuId: 'sticker-pack', quantity: 2 }] },
      { key, user: 'bob' },
    )
    expect(other.status).toBe(409)
    expect(other.body).toEqual({
      error: expect.objectContaining({ code: 'INVALID_ARGUMENT', reason: 'idempotency_key_reused' }),
    })
    expect(await orderCount(server.merchant)).toBe(count)

    // Keys are per user: another user's identical key is another order.
    const carol = await order(body, { key, user: 'carol' })
    expect(carol.status).toBe(201)
    expect(carol.body.orderId).not.toBe(first.body.orderId)
  })

  it('rejects a moved price with PRICE_CHANGED and the new quote, creating no order and reserving nothing', async () => {
    const before = await snapshotDatabase(server.merchant)
    const answer = await order({
      lines: [{ skuId: 'ceramic-mug', quantity: 1 }],
      address: SHIPPING_ADDRESS,
      expectedPayable: cny(2000),
    })
    expect(answer.status).toBe(409)
    expect(answer.body).toEqual({
      error: expect.objectContaining({
        code: 'PRICE_CHANGED',
        quote: expect.objectContaining({ payable: cny(2900 + 800), subtotal: cny(2900), fees: cny(800) }),
      }),
    })
    expect(await snapshotDatabase(server.merchant)).toBe(before)
  })

  it('follows a price moved between cart and pay: PRICE_CHANGED, then the accepted new total goes through', async () => {
    const body = { lines: [{ skuId: 'ebook-trading-guide', quantity: 1 }], expectedPayable: cny(990) }
    const key = newKey()
    const quoted = await server.call('POST', '/quote', { body })
    expect(quoted.body).toMatchObject({ payable: cny(990) })

    const moved = await server.call('PATCH', '/admin/skus/ebook-trading-guide', { body: { price: 1290 } })
    expect(moved.status).toBe(200)
    expect(moved.body).toMatchObject({ skuId: 'ebook-trading-guide', price: cny(1290) })

    const rejected = await order(body, { key })
    expect(rejected.status).toBe(409)
    expect(rejected.body).toMatchObject({ error: { code: 'PRICE_CHANGED', quote: { payable: cny(1290) } } })

    // The user accepts: a new attempt with the new total and a new key.
    const accepted = await order({ ...body, expectedPayable: cny(1290) })
    expect(accepted.status).toBe(201)
    expect(accepted.body).toMatchObject({ amount: cny(1290) })

    // A replay of a key that did make an order still answers that order after the price moves.
    const earlier = await order({ ...body, expectedPayable: cny(1290) }, { key: 'replay-after-move' })
    await server.call('PATCH', '/admin/skus/ebook-trading-guide', { body: { price: 990 } })
    const replayed = await order({ ...body, expectedPayable: cny(1290) }, { key: 'replay-after-move' })
    expect(replayed.status).toBe(200)
    expect(replayed.body).toEqual({ ...earlier.body, serverNow: replayed.body.serverNow })
  })

  it('never takes a price from the client', async () => {
    const answer = await order({
      lines: [{ skuId: 'ceramic-mug', quantity: 1, price: cny(1), unitPrice: cny(1) }],
      address: SHIPPING_ADDRESS,
      expectedPayable: cny(1),
      amount: cny(1),
    })
    expect(answer.status).toBe(409)
    expect(answer.body).toMatchObject({ error: { code: 'PRICE_CHANGED', quote: { payable: cny(3700) } } })
  })

  it('applies the threshold coupon across goods exactly and leaves memberships undiscounted', async () => {
    const quoted = await server.call('POST', '/quote', {
      body: {
        lines: [
          { skuId: 'tea-gift-box', quantity: 1 },
          { skuId: 'ceramic-mug', quantity: 1 },
          { skuId: 'plan-monthly', quantity: 1 },
        ],
        coupon: 'FULL100MINUS20',
        address: SHIPPING_ADDRESS,
      },
      user: 'dave',
    })
    expect(quoted.status).toBe(200)
    const quote = quoted.body as {
      lines: { skuId: string; discount: { amount: number }; payable: { amount: number } }[]
      discount: { amount: number }
      payable: { amount: number }
      savings: { amount: number }
      coupon: unknown
    }
    expect(quote.discount).toEqual(cny(2000))
    expect(quote.lines.map((l) => [l.skuId, l.discount.amount])).toEqual([
      ['tea-gift-box', 1631],
      ['ceramic-mug', 369],
      ['plan-monthly', 0],
    ])
    expect(quote.payable).toEqual(cny(12800 + 2900 + 1500 - 2000))
    expect(quote.savings).toEqual(cny(15800 - 12800 + 2000))
    expect(quote.coupon).toEqual({ code: 'FULL100MINUS20', applied: true })

    const below = await server.call('POST', '/quote', {
      body: {
        lines: [{ skuId: 'ceramic-mug', quantity: 1 }],
        coupon: 'FULL100MINUS20',
        address: SHIPPING_ADDRESS,
      },
    })
    expect(below.body).toMatchObject({ discount: cny(0), coupon: { applied: false } })
  })

  it('keeps two bookings of one consultation as two lines with their own ids', async () => {
    const quoted = await server.call('POST', '/quote', {
      body: {
        lines: [
          { skuId: 'legal-consult-30', quantity: 1, options: { slot: '2026-01-20 10:00' } },
          { skuId: 'legal-consult-30', quantity: 1, options: { slot: '2026-01-21 15:00' } },
        ],
        contact: { phone: '13800000000' },
      },
    })
    expect(quoted.status).toBe(200)
    const ids = (quoted.body.lines as { lineId: string }[]).map((l) => l.lineId)
    expect(ids).toHaveLength(2)
    expect(new Set(ids).size).toBe(2)
    // the client's cart line ids, so it finds these lines in its cart
    expect(ids).toEqual([
      cartLineId('legal-consult-30', { slot: '2026-01-20 10:00' }),
      cartLineId('legal-consult-30', { slot: '2026-01-21 15:00' }),
    ])
  })

  it.each([
    {
      name: 'an unknown sku',
      body: { lines: [{ skuId: 'no-such-sku', quantity: 1 }], expectedPayable: cny(100) },
      status: 422,
      error: { code: 'ORDER_REJECTED', reason: 'unknown_sku', skuIds: ['no-such-sku'] },
    },
    {
      name: 'an off-shelf sku',
      body: { lines: [{ skuId: 'desk-calendar-2025', quantity: 1 }], expectedPayable: cny(2700) },
      status: 422,
      error: { code: 'ORDER_REJECTED', reason: 'off_shelf', skuIds: ['desk-calendar-2025'] },
    },
    {
      name: 'a sold-out sku',
      body: { lines: [{ skuId: 'limited-print', quantity: 1 }], expectedPayable: cny(39900) },
      status: 409,
      error: { code: 'OUT_OF_STOCK', skuIds: ['limited-print'] },
    },
    {
      name: 'more units than the per-order limit',
      body: { lines: [{ skuId: 'tea-gift-box', quantity: 6 }], expectedPayable: cny(76800) },
      status: 422,
      error: { code: 'INVALID_QUANTITY', reason: 'over_limit', skuIds: ['tea-gift-box'] },
    },
    {
      name: 'a service without a contact phone',
      body: { lines: [{ skuId: 'legal-consult-30', quantity: 1 }], expectedPayable: cny(19900) },
      status: 400,
      error: { code: 'INVALID_ARGUMENT', field: 'contact.phone', reason: 'contact_required' },
    },
    {
      name: 'a membership without a user',
      body: { lines: [{ skuId: 'plan-monthly', quantity: 1 }], expectedPayable: cny(1500) },
      status: 422,
      error: { code: 'ORDER_REJECTED', reason: 'login_required' },
    },
    {
      name: 'an unknown coupon',
      body: { lines: [{ skuId: 'sticker-pack', quantity: 1 }], coupon: 'FREE', expectedPayable: cny(600) },
      status: 422,
      error: { code: 'ORDER_REJECTED', reason: 'unknown_coupon' },
    },
    {
      name: 'a channel this server cannot pay through',
      body: { lines: [{ skuId: 'sticker-pack', quantity: 1 }], channel: 'wechat', expectedPayable: cny(600) },
      status: 422,
      error: { code: 'PAYMENT_UNAVAILABLE', channel: 'wechat' },
    },
  ])('refuses $name with a typed error and writes nothing', async ({ body, status, error }) => {
    const before = await snapshotDatabase(server.merchant)
    const answer = await order(body)
    expect(answer.status).toBe(status)
    expect(answer.body).toEqual({ error: expect.objectContaining({ ...error, message: expect.any(String) }) })
    expect(await snapshotDatabase(server.merchant)).toBe(before)
  })

  it('sells a service with its contact and options, and shows the order only to its owner', async () => {
    const created = await order(
      {
        lines: [{ skuId: 'legal-consult-30', quantity: 1, options: { slot: '2026-01-20 10:00' } }],
        contact: { name: '王女士', phone: '13800000000', note: '合同审阅' },
        expectedPayable: cny(19900),
      },
      { user: 'erin' },
    )
    expect(created.status).toBe(201)
    const mine = await server.call('GET', `/orders/${created.body.orderId}`, {
      user: 'erin',
    })
    expect(mine.body).toMatchObject({
      status: 'pending',
      request: { contact: { name: '王女士', phone: '13800000000', note: '合同审阅' } },
    })
    const theirs = await server.call('GET', `/orders/${created.body.orderId}`, {
      user: 'mallory',
    })
    expect(theirs.status).toBe(403)
    expect(theirs.body).toMatchObject({ error: { code: 'INVALID_ARGUMENT', reason: 'forbidden' } })
  })
})
