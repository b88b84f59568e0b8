import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DRIVER, manualClock, newKey, startTestServer, stockOf, type TestServer } from './harness.ts'
import { type CentreOrderBody, CONTACT, detail, listAll, place, placePaid } from './orderCentreHelpers.ts'

const TTL = 10 * 60_000
const clock = manualClock()
let server: TestServer

beforeAll(async () => {
  server = await startTestServer({ now: clock.now, orderTtlMs: TTL })
})
afterAll(async () => {
  await server?.destroy()
})

const statuses = (order: CentreOrderBody) => order.timeline?.map((step) => step.status)

describe(`the order centre on ${DRIVER}`, () => {
  it("lists the user's own orders by tab, newest first, page by page without repeats", async () => {
    const user = 'lia-lists'
    const created: string[] = []
    const step = async (orderId: Promise<string>) => {
      created.push(await orderId)
      clock.advance(1000)
      return created[created.length - 1]!
    }
    const pending = [
      await step(place(server, user, [{ skuId: 'sticker-pack', quantity: 1 }], 600)),
      await step(place(server, user, [{ skuId: 'sticker-pack', quantity: 2 }], 1200)),
    ]
    const tea = await step(placePaid(server, user, [{ skuId: 'tea-gift-box', quantity: 1 }], 12800))
    const consult = await step(
      placePaid(server, user, [{ skuId: 'legal-consult-30', quantity: 1 }], 19900, CONTACT),
    )
    const ebook = await step(placePaid(server, user, [{ skuId: 'ebook-trading-guide', quantity: 1 }], 990))
    const cancelled = await step(place(server, user, [{ skuId: 'sticker-pack', quantity: 3 }], 1800))
    expect((await server.call('POST', `/orders/${cancelled}/cancel`, { user })).status).toBe(200)
    const third = await step(place(server, user, [{ skuId: 'sticker-pack', quantity: 4 }], 2400))
    // someone else's orders are never listed
    await place(server, 'someone-else', [{ skuId: 'sticker-pack', quantity: 1 }], 600)

    const all = await listAll(server, user, 'all', 3)
    expect(all.ids).toEqual([...created].reverse())
    expect(all.pages).toBe(3)
    expect((await listAll(server, user, 'pending_payment')).ids).toEqual([third, pending[1], pending[0]])
    expect((await listAll(server, user, 'to_ship')).ids).toEqual([tea])
    expect((await listAll(server, user, 'to_verify')).ids).toEqual([ebook, consult])
    expect((await listAll(server, user, 'to_receive')).ids).toEqual([])
    expect((await listAll(server, user, 'after_sale')).ids).toEqual([])
    const byId = new Map(all.orders.map((order) => [order.orderId, order]))
    expect(byId.get(tea)).toMatchObject({ status: 'paid', kind: 'physical' })
    expect(byId.get(consult)).toMatchObject({ status: 'to_verify', kind: 'service' })
    expect(byId.get(ebook)).toMatchObject({ status: 'to_verify', kind: 'virtual' })
    expect(byId.get(cancelled)).toMatchObject({ status: 'cancelled' })
    // the list is light (no timeline) but carries what "continue to pay" needs
    expect(byId.get(third)).toMatchObject({ payment: { orderId: third }, expiresAt: expect.any(Number) })
    expect(byId.get(third)?.timeline).toBeUndefined()
    expect(byId.get(tea)?.payment).toBeUndefined()
  })

  it('refuses a bad tab, cursor or limit, and a caller without a session', async () => {
    for (const query of ['tab=mine', 'cursor=abc', 'cursor=0', 'limit=0', 'limit=51', 'limit=ten']) {
      const answer = await server.call('GET', `/orders?${query}`, { user: 'lia-lists' })
      expect(answer.status, query).toBe(400)
      expect(answer.body).toMatchObject({ error: { code: 'INVALID_ARGUMENT' } })
    }
    expect((await server.call('GET', '/orders', { user: null })).status).toBe(401)
  })

  it('answers the detail: lines, amounts, timeline, the countdown on the server clock and the payment to continue with', async () => {
    const user = 'dan-details'
    const orderId = await place(server, user, [{ skuId: 'ceramic-mug', quantity: 1 }], 3700, {
      address: {
        name: '李四',
        phone: '13900139000',
        region: { province: '浙江省', city: '杭州市', district: '西湖区' },
        detail: '文三路 1 号',
      },
    })
    const createdAt = clock.now()
    clock.advance(60_000)
    const order = await detail(server, user, orderId)
    expect(order).toMatchObject({
      orderId,
      status: 'pending_payment',
      kind: 'physical',
      lines: [
        {
          lineId: '1',
          skuId: 'ceramic-mug',
          title: expect.any(String),
          quantity: 1,
          unitPrice: { amount: 2900, currency: 'CNY' },
          amount: { amount: 2900, currency: 'CNY' },
          refunded: { amount: 0, currency: 'CNY' },
        },
      ],
      amount: { amount: 3700, currency: 'CNY' },
      refunded: { amount: 0, currency: 'CNY' },
      fee: { amount: 800, currency: 'CNY' },
      createdAt,
      expiresAt: createdAt + TTL,
      serverNow: createdAt + 60_000,
      address: {
        name: '李四',
        phone: '13900139000',
        region: { province: '浙江省', city: '杭州市', district: '西湖区' },
        detail: '文三路 1 号',
      },
      channel: 'sandbox',
      payment: { orderId },
      refunds: [],
    })
    expect(statuses(order)).toEqual(['pending_payment'])
    expect((await server.call('GET', `/orders/${orderId}/detail`, { user: 'eve-details' })).status).toBe(403)

    // continue to pay: the same order, paid once through the sandbox cashier
    const paid = await server.call('POST', '/sandbox/pay', { body: { orderId }, user })
    expect(paid.body).toMatchObject({ status: 'paid' })
    const again = await server.call('POST', '/sandbox/pay', { body: { orderId }, user })
    expect(again.status).toBe(409)
    const after = await detail(server, user, orderId)
    expect(after).toMatchObject({ status: 'paid', paidAt: clock.now() })
    expect(after.expiresAt).toBeUndefined()
    expect(after.payment).toBeUndefined()
    expect(statuses(after)).toEqual(['pending_payment', 'paid'])
    const events = await server.merchant.db.query('SELECT * FROM payment_events WHERE order_id = $1', [
      orderId,
    ])
    expect(events).toHaveLength(1)
  })

  it('cancels an unpaid order through the table (stock back), and then refuses every move from cancelled', async () => {
    const user = 'cai-cancels'
    const before = await stockOf(server.merchant, 'tea-gift-box')
    const orderId = await place(server, user, [{ skuId: 'tea-gift-box', quantity: 2 }], 25600)
    expect(await stockOf(server.merchant, 'tea-gift-box')).toBe(before! - 2)
    expect((await server.call('POST', `/orders/${orderId}/cancel`, { user })).status).toBe(200)
    expect(await stockOf(server.merchant, 'tea-gift-box')).toBe(before)
    const order = await detail(server, user, orderId)
    expect(order.status).toBe('cancelled')
    expect(statuses(order)).toEqual(['pending_payment', 'cancelled'])

    const receipt = await server.call('POST', `/orders/${orderId}/confirm-receipt`, { user })
    expect(receipt.status).toBe(409)
    expect(receipt.body).toMatchObject({ error: { code: 'ORDER_REJECTED', status: 'cancelled' } })
    const refund = await server.call('POST', `/orders/${orderId}/refunds`, {
      user,
      headers: { 'Idempotency-Key': newKey() },
      body: {
        lines: [{ lineId: '1', amount: { amount: 100, currency: 'CNY' } }],
        amount: { amount: 100, currency: 'CNY' },
        reason: '不想要了',
      },
    })
    expect(refund.status).toBe(409)
    const ship = await server.call('POST', `/admin/orders/${orderId}/ship`, {
      body: { carrier: 'SF', trackingNo: 'SF1234' },
    })
    expect(ship.status).toBe(409)
    expect((await detail(server, user, orderId)).status).toBe('cancelled')
    expect(await stockOf(server.merchant, 'tea-gift-box')).toBe(before)
  })

  it('closes an unpaid order at expiresAt (stock back), and money that moves late still makes it paid', async () => {
    const user = 'eli-expires'
    const before = await stockOf(server.merchant, 'tea-gift-box')
    const orderId = await place(server, user, [{ skuId: 'tea-gift-box', quantity: 1 }], 12800)
    clock.advance(TTL - 1)
    expect((await detail(server, user, orderId)).status).toBe('pending_payment')
    clock.advance(1)
    const closed = await detail(server, user, orderId)
    expect(closed.status).toBe('closed')
    expect(closed.payment).toBeUndefined()
    expect(await stockOf(server.merchant, 'tea-gift-box')).toBe(before)
    expect((await listAll(server, user, 'pending_payment')).ids).toEqual([])
    const pay = await server.call('POST', '/sandbox/pay', { body: { orderId }, user })
    expect(pay.body).toMatchObject({ error: { code: 'ORDER_EXPIRED' } })

    await server.notify(orderId, 'paid')
    const late = await detail(server, user, orderId)
    expect(late.status).toBe('paid')
    expect(statuses(late)).toEqual(['pending_payment', 'closed', 'paid'])
    expect(await stockOf(server.merchant, 'tea-gift-box')).toBe(before! - 1)
  })
})
