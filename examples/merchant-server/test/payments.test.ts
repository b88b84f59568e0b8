import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type Answer,
  cny,
  DRIVER,
  manualClock,
  manualScheduler,
  newKey,
  SHIPPING_ADDRESS,
  snapshotDatabase,
  startTestServer,
  stockOf,
  type TestServer,
} from './harness.ts'

let server: TestServer
const clock = manualClock()
const timers = manualScheduler()

beforeAll(async () => {
  server = await startTestServer({ now: clock.now, scheduler: timers.scheduler })
})
afterAll(async () => {
  await server?.destroy()
})

async function createOrder(user: string, lines: unknown[], payable: number): Promise<string> {
  const answer = await server.call('POST', '/orders', {
    body: {
      lines,
      expectedPayable: cny(payable),
      contact: { phone: '13800000000' },
      address: SHIPPING_ADDRESS,
    },
    headers: { 'Idempotency-Key': newKey() },
    user: user,
  })
  expect(answer.status).toBe(201)
  return answer.body.orderId as string
}
const status = async (user: string, orderId: string) =>
  (await server.call('GET', `/orders/${orderId}`, { user: user })).body.status
const notify = (orderId: string, outcome: 'paid' | 'failed'): Promise<Answer> =>
  server.notify(orderId, outcome)
const script = (steps: unknown[]) => server.call('PUT', '/sandbox/script', { body: { steps } })
const events = (orderId: string) =>
  server.merchant.db.query<{ outcome: string; effect: string; status_after: string }>(
    'SELECT outcome, effect, status_after FROM payment_events WHERE order_id = $1 ORDER BY id',
    [orderId],
  )
const entitlement = async (user: string) =>
  (await server.call('GET', '/membership/entitlement', { user })).body

describe(`payments and the sandbox cashier on ${DRIVER}`, () => {
  it('pays through the cashier by default and then answers paid', async () => {
    const orderId = await createOrder('pat', [{ skuId: 'sticker-pack', quantity: 2 }], 1200)
    const paid = await server.call('POST', '/sandbox/pay', { body: { orderId }, user: 'pat' })
    expect(paid.status).toBe(200)
    expect(paid.body).toMatchObject({ orderId, status: 'paid', applied: 1, scheduled: 0 })
    expect(await status('pat', orderId)).toBe('paid')
  })

  it('never downgrades a paid order: duplicated and late notifications, a late failure', async () => {
    const orderId = await createOrder('quinn', [{ skuId: 'tea-gift-box', quantity: 1 }], 12800)
    const stock = await stockOf(server.merchant, 'tea-gift-box')
    await script([
      { outcome: 'paid', delayMs: 3000, duplicates: 3, late: [{ outcome: 'failed', delayMs: 9000 }] },
    ])

    const receipt = await server.call('POST', '/sandbox/pay', { body: { orderId }, user: 'quinn' })
    expect(receipt.body).toMatchObject({ status: 'pending', applied: 0, scheduled: 4 })
    expect(timers.pending().sort((a, b) => a - b)).toEqual([3000, 3000, 3000, 9000])
    expect(await status('quinn', orderId)).toBe('pending')

    await timers.flush()
    expect(await status('quinn', orderId)).toBe('paid')
    // More arrive by hand, in every order.
    expect((await notify(orderId, 'failed')).body).toMatchObject({ status: 'paid', effect: 'ignored' })
    expect((await notify(orderId, 'paid')).body).toMatchObject({ status: 'paid', effect: 'ignored' })

    expect(await status('quinn', orderId)).toBe('paid')
    const log = await events(orderId)
    expect(log).toHaveLength(6)
    expect(log.filter((e) => e.effect === 'applied')).toEqual([
      { outcome: 'paid', effect: 'applied', status_after: 'paid' },
    ])
    expect(log.every((e) => e.status_after === 'paid')).toBe(true)
    // Paid keeps its stock: nothing was returned by the late failure.
    expect(await stockOf(server.merchant, 'tea-gift-box')).toBe(stock)
  })

  it('grants a membership once, even for 20 concurrent duplicate notifications', async () => {
    const before = await entitlement('rosa')
    expect(before).toEqual({ active: false })
    const orderId = await createOrder('rosa', [{ skuId: 'plan-monthly', quantity: 1 }], 1500)
    expect((await entitlement('rosa')).active).toBe(false)

    const answers = await Promise.all(Array.from({ length: 20 }, () => notify(orderId, 'paid')))
    expect(answers.filter((a) => a.body.effect === 'applied')).toHaveLength(1)
    expect(answers.every((a) => a.body.status === 'paid')).toBe(true)

    // Paid on 15 January 08:00 UTC: one month later.
    expect(await entitlement('rosa')).toEqual({
      active: true,
      planId: 'plan-monthly',
      expiresAt: Date.UTC(2026, 1, 15, 8, 0, 0),
    })
    const grants = await server.merchant.db.query('SELECT * FROM entitlement_grants WHERE order_id = $1', [
      orderId,
    ])
    expect(grants).toHaveLength(1)
  })

  it('makes the entitlement active after a membership order is paid, extends it, and prices members', async () => {
    const orderId = await createOrder('sam', [{ skuId: 'plan-monthly-auto', quantity: 1 }], 1200)
    await server.call('POST', '/sandbox/pay', { body: { orderId }, user: 'sam' })
    const first = await entitlement('sam')
    expect(first).toEqual({
      active: true,
      planId: 'plan-monthly-auto',
      expiresAt: Date.UTC(2026, 1, 15, 8, 0, 0),
      renewal: {
        nextChargeAt: Date.UTC(2026, 1, 15, 8, 0, 0),
        amount: cny(1200),
        manageRoute: '/pages/membership/manage',
      },
    })

    // A member sees member prices; the guest does not.
    const member = await server.call('POST', '/quote', {
      body: { lines: [{ skuId: 'sticker-pack', quantity: 2 }] },
      user: 'sam',
    })
    const guest = await server.call('POST', '/quote', {
      body: { lines: [{ skuId: 'sticker-pack', quantity: 2 }] },
    })
    expect(member.body).toMatchObject({ payable: cny(600), savings: cny(600) })
    expect(guest.body).toMatchObject({ payable: cny(1200), savings: cny(0) })

    // A yearly plan bought while active extends from the current end.
    const yearly = await createOrder('sam', [{ skuId: 'plan-yearly', quantity: 1 }], 12800)
    await server.call('POST', '/sandbox/pay', { body: { orderId: yearly }, user: 'sam' })
    expect(await entitlement('sam')).toEqual({
      active: true,
      planId: 'plan-yearly',
      expiresAt: Date.UTC(2027, 1, 15, 8, 0, 0),
    })
  })

  it('fails an order on a failed notification and returns its stock; a later payment still wins', async () => {
    const before = await stockOf(server.merchant, 'legal-consult-30')
    const orderId = await createOrder('tom', [{ skuId: 'legal-consult-30', quantity: 2 }], 39800)
    expect(await stockOf(server.merchant, 'legal-consult-30')).toBe((before ?? 0) - 2)

    await script([{ outcome: 'failed' }])
    const failed = await server.call('POST', '/sandbox/pay', { body: { orderId }, user: 'tom' })
    expect(failed.body).toMatchObject({ status: 'failed', applied: 1 })
    expect(await stockOf(server.merchant, 'legal-consult-30')).toBe(before)
    expect((await notify(orderId, 'failed')).body).toMatchObject({ status: 'failed', effect: 'ignored' })

    // The money moved after all (cashiers do report failure after paying): paid, stock taken again.
    expect((await notify(orderId, 'paid')).body).toMatchObject({ status: 'paid', effect: 'applied' })
    expect(await stockOf(server.merchant, 'legal-consult-30')).toBe((before ?? 0) - 2)
  })

  it('refunds a payment that arrives after expiry when the stock is gone, and the cashier refuses expired orders', async () => {
    await server.call('PATCH', '/admin/skus/ceramic-mug', { body: { stock: 1 } })
    const late = await createOrder('uma', [{ skuId: 'ceramic-mug', quantity: 1 }], 3700)
    clock.advance(15 * 60_000)

    // Expired: the mug is back on the shelf and someone else buys it.
    const paying = await server.call('POST', '/sandbox/pay', { body: { orderId: late }, user: 'uma' })
    expect(paying.status).toBe(409)
    expect(paying.body).toMatchObject({ error: { code: 'ORDER_EXPIRED', orderId: late } })
    expect(await status('uma', late)).toBe('closed')
    expect(await stockOf(server.merchant, 'ceramic-mug')).toBe(1)
    await createOrder('vic', [{ skuId: 'ceramic-mug', quantity: 1 }], 3700)

    const answer = await notify(late, 'paid')
    expect(answer.body).toMatchObject({ status: 'refunded', effect: 'refunded' })
    expect(await stockOf(server.merchant, 'ceramic-mug')).toBe(0)
    expect((await notify(late, 'paid')).body).toMatchObject({ status: 'refunded', effect: 'ignored' })
  })

  it('pays a late notification for an expired order whose stock is still there', async () => {
    const orderId = await createOrder('wen', [{ skuId: 'tea-gift-box', quantity: 1 }], 12800)
    const stock = await stockOf(server.merchant, 'tea-gift-box')
    clock.advance(16 * 60_000)
    // No sweep ran yet: the notification itself closes the expired order, then takes the stock again.
    expect((await notify(orderId, 'paid')).body).toMatchObject({ status: 'paid', effect: 'applied' })
    expect(await stockOf(server.merchant, 'tea-gift-box')).toBe(stock)
    const log = await events(orderId)
    expect(log).toEqual([{ outcome: 'paid', effect: 'applied', status_after: 'paid' }])
  })

  it('sends nothing for an outcome of none, and answers a script it was given', async () => {
    const set = await script([{ outcome: 'none' }, { outcome: 'paid', delayMs: 500 }])
    expect(set.body).toMatchObject({
      steps: [
        { outcome: 'none', delayMs: 0, duplicates: 1, late: [] },
        { outcome: 'paid', delayMs: 500, duplicates: 1, late: [] },
      ],
    })
    const orderId = await createOrder('xan', [{ skuId: 'sticker-pack', quantity: 1 }], 600)
    const none = await server.call('POST', '/sandbox/pay', { body: { orderId }, user: 'xan' })
    expect(none.body).toMatchObject({ status: 'pending', applied: 0, scheduled: 0 })
    expect(await events(orderId)).toEqual([])
    const read = await server.call('GET', '/sandbox/script')
    expect(read.body).toMatchObject({ steps: [{ outcome: 'paid', delayMs: 500 }] })
  })

  it.each([
    { name: 'an unknown outcome', body: { steps: [{ outcome: 'maybe' }] } },
    { name: 'a negative delay', body: { steps: [{ outcome: 'paid', delayMs: -1 }] } },
    { name: 'a fractional delay', body: { steps: [{ outcome: 'paid', delayMs: 1.5 }] } },
    { name: 'a duplicate count of 0', body: { steps: [{ outcome: 'paid', duplicates: 0 }] } },
    { name: 'steps that are not a list', body: { steps: 'paid' } },
  ])('refuses a script with $name', async ({ body }) => {
    const before = await server.call('GET', '/sandbox/script')
    const answer = await server.call('PUT', '/sandbox/script', { body })
    expect(answer.status).toBe(400)
    expect(answer.body).toMatchObject({ error: { code: 'INVALID_ARGUMENT' } })
    expect((await server.call('GET', '/sandbox/script')).body).toEqual(before.body)
  })

  it('refuses notifications for unknown orders and outcomes without writing', async () => {
    const before = await snapshotDatabase(server.merchant)
    const unknown = await notify(`ord_${'0'.repeat(32)}`, 'paid')
    expect(unknown.status).toBe(404)
    const orderId = await server.merchant.db.query<{ id: string }>('SELECT id FROM orders LIMIT 1')
    // Signed by the cashier's key, yet not an outcome a notification can carry.
    const signed = server.merchant.signSandboxNotification!({
      orderId: orderId[0]!.id,
      outcome: 'refunded' as 'paid',
    })
    const wrong = await server.call('POST', '/sandbox/notify', {
      raw: signed.body,
      headers: signed.headers,
      user: null,
    })
    expect(wrong.status).toBe(400)
    expect(await snapshotDatabase(server.merchant)).toBe(before)
  })
})
