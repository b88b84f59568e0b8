import { createHash } from 'node:crypto'
import { createSessionTokens } from '@tradekit/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fakeWechatPay } from './fakePlatforms.ts'
import {
  cny,
  DRIVER,
  manualClock,
  manualScheduler,
  newKey,
  snapshotDatabase,
  startTestServer,
  stockOf,
  type TestServer,
} from './harness.ts'
import { type CentreOrderBody, detail, listAll, placePaid } from './orderCentreHelpers.ts'

const clock = manualClock()
const timers = manualScheduler()
let server: TestServer

beforeAll(async () => {
  server = await startTestServer({ now: clock.now, scheduler: timers.scheduler })
})
afterAll(async () => {
  await server?.destroy()
})

/** A refund request of amounts per line (`[lineId, fen]`). */
const refundOf = (lines: [string, number][], extra: { reason?: string; note?: string } = {}) => ({
  lines: lines.map(([lineId, amount]) => ({ lineId, amount: cny(amount) })),
  amount: cny(lines.reduce((sum, [, amount]) => sum + amount, 0)),
  reason: extra.reason ?? '质量问题',
  ...(extra.note !== undefined && { note: extra.note }),
})

function ask(user: string, orderId: string, body: unknown, key: string | null = newKey()) {
  return server.call<CentreOrderBody & { error?: Record<string, unknown> }>(
    'POST',
    `/orders/${orderId}/refunds`,
    {
      user,
      body,
      headers: key === null ? {} : { 'Idempotency-Key': key },
    },
  )
}
const admin = (path: string, body?: unknown) =>
  server.call<CentreOrderBody & { error?: Record<string, unknown> }>('POST', `/admin/orders/${path}`, {
    ...(body !== undefined && { body }),
  })
const paymentStatus = async (user: string, orderId: string) =>
  (await server.call('GET', `/orders/${orderId}`, { user })).body.status
const setRefundDelay = (refundDelayMs: number) =>
  server.call('PUT', '/sandbox/script', { body: { steps: [], refundDelayMs }, user: null })

describe(`refunds on ${DRIVER}`, () => {
  it('refunds part of an order: requested → refunding (merchant accepts) → refunded when the money moved; stock of a line refunded in full comes back', async () => {
    const user = 'rui-refunds'
    const teaStock = await stockOf(server.merchant, 'tea-gift-box')
    const mugStock = await stockOf(server.merchant, 'ceramic-mug')
    const orderId = await placePaid(
      server,
      user,
      [
        { skuId: 'tea-gift-box', quantity: 1 },
        { skuId: 'ceramic-mug', quantity: 1 },
      ],
      15700,
    )
    await setRefundDelay(5000)

    const asked = await ask(user, orderId, refundOf([['2', 2900]], { note: '杯口有裂' }))
    expect(asked.status).toBe(201)
    expect(asked.body).toMatchObject({
      status: 'refund_requested',
      refunds: [
        {
          status: 'refund_requested',
          amount: cny(2900),
          lines: [{ lineId: '2', amount: cny(2900) }],
          reason: '质量问题',
          note: '杯口有裂',
          requestedAt: clock.now(),
        },
      ],
    })
    const refundId = asked.body.refunds[0]!.refundId
    expect((await listAll(server, user, 'after_sale')).ids).toEqual([orderId])
    expect((await listAll(server, user, 'to_ship')).ids).toEqual([])

    const accepted = await admin(`${orderId}/refunds/${refundId}/approve`)
    expect(accepted.status).toBe(200)
    expect(accepted.body).toMatchObject({ status: 'refunding', refunds: [{ status: 'refunding' }] })
    expect(await stockOf(server.merchant, 'ceramic-mug')).toBe(mugStock! - 1)
    expect(timers.pending()).toEqual([5000])

    await timers.flush()
    const refunded = await detail(server, user, orderId)
    expect(refunded).toMatchObject({
      status: 'refunded',
      refunded: cny(2900),
      lines: [{ refunded: cny(0) }, { refunded: cny(2900) }],
      refunds: [{ refundId, status: 'refunded' }],
    })
    expect(refunded.timeline?.map((step) => step.status)).toEqual([
      'pending_payment',
      'paid',
      'refund_requested',
      'refunding',
      'refunded',
    ])
    expect(await stockOf(server.merchant, 'ceramic-mug')).toBe(mugStock)
    expect(await stockOf(server.merchant, 'tea-gift-box')).toBe(teaStock! - 1)
    // a part refunded: for the checkout the order is still paid
    expect(await paymentStatus(user, orderId)).toBe('paid')
    // accepting it again changes nothing
    expect((await admin(`${orderId}/refunds/${refundId}/approve`)).body).toMatchObject({
      refunded: cny(2900),
    })

    // a new request after a settled one is a new record; the rest of the order, at once this time
    await setRefundDelay(0)
    const second = await ask(user, orderId, refundOf([['1', 12800]], { reason: '不想要了' }))
    expect(second.status).toBe(201)
    expect(second.body.status).toBe('refund_requested')
    const secondId = second.body.refunds[1]!.refundId
    const done = await admin(`${orderId}/refunds/${secondId}/approve`)
    expect(done.body).toMatchObject({ status: 'refunded', refunded: cny(15700) })
    expect(await stockOf(server.merchant, 'tea-gift-box')).toBe(teaStock)
    expect(await paymentStatus(user, orderId)).toBe('refunded')

    // nothing is left: a third request is refused and writes nothing
    const before = await snapshotDatabase(server.merchant)
    const third = await ask(user, orderId, refundOf([['1', 1]]))
    expect(third.status).toBe(422)
    expect(third.body).toMatchObject({ error: { code: 'INVALID_AMOUNT', reason: 'exceeds_refundable' } })
    expect(await snapshotDatabase(server.merchant)).toBe(before)
  })

  it('refuses more than is left of a line or of the order, a wrong sum, an unknown line, bad money and no key — writing nothing', async () => {
    const user = 'rex-refuses'
    // the mug (¥29) and delivery (¥8): only the line can be asked back
    const orderId = await placePaid(server, user, [{ skuId: 'ceramic-mug', quantity: 1 }], 3700)
    const before = await snapshotDatabase(server.merchant)
    const over = await ask(user, orderId, refundOf([['1', 2901]]))
    expect(over.status).toBe(422)
    expect(over.body.error).toMatchObject({
      code: 'INVALID_AMOUNT',
      reason: 'exceeds_refundable',
      refundable: { amount: cny(2900), lines: { '1': 2900 } },
    })
    const cases: [unknown, number, string][] = [
      [{ ...refundOf([['1', 1000]]), amount: cny(999) }, 400, 'INVALID_AMOUNT'],
      [refundOf([['2', 100]]), 422, 'INVALID_ARGUMENT'],
      [refundOf([['1', 0]]), 400, 'INVALID_AMOUNT'],
      [refundOf([['1', -5]]), 400, 'INVALID_AMOUNT'],
      [
        { ...refundOf([['1', 100]]), lines: [{ lineId: '1', amount: { amount: 1.5, currency: 'CNY' } }] },
        400,
        'INVALID_AMOUNT',
      ],
      [{ ...refundOf([['1', 100]]), amount: { amount: 100, currency: 'USD' } }, 400, 'INVALID_AMOUNT'],
      [{ ...refundOf([['1', 100]]), lines: [] }, 400, 'INVALID_ARGUMENT'],
      [
        {
          ...refundOf([
            ['1', 50],
            ['1', 50],
          ]),
        },
        400,
        'INVALID_ARGUMENT',
      ],
      [{ ...refundOf([['1', 100]]), reason: '' }, 400, 'INVALID_ARGUMENT'],
      [{ ...refundOf([['1', 100]]), reason: 'x'.repeat(65) }, 400, 'INVALID_ARGUMENT'],
      [{ ...refundOf([['1', 100]]), note: 'bad\u0000note' }, 400, 'INVALID_ARGUMENT'],
    ]
    for (const [body, status, code] of cases) {
      const answer = await ask(user, orderId, body)
      expect(answer.status, JSON.stringify(body)).toBe(status)
      expect(answer.body.error?.code, JSON.stringify(body)).toBe(code)
    }
    const noKey = await ask(user, orderId, refundOf([['1', 100]]), null)
    expect(noKey.status).toBe(400)
    expect(noKey.body.error).toMatchObject({ field: 'Idempotency-Key' })
    const stranger = await ask('eve-refuses', orderId, refundOf([['1', 100]]))
    expect(stranger.status).toBe(403)
    expect(await snapshotDatabase(server.merchant)).toBe(before)

    // after ¥10 refunded, ¥19 is left of the line
    const first = await ask(user, orderId, refundOf([['1', 1000]]))
    await admin(`${orderId}/refunds/${first.body.refunds[0]!.refundId}/approve`)
    const rest = await ask(user, orderId, refundOf([['1', 1901]]))
    expect(rest.body.error).toMatchObject({ reason: 'exceeds_refundable', refundable: { amount: cny(1900) } })
    expect((await ask(user, orderId, refundOf([['1', 1900]]))).status).toBe(201)
  })

  it('is idempotent on the key, keeps one request open at a time, and makes one record from concurrent duplicates', async () => {
    const user = 'ida-idempotent'
    const orderId = await placePaid(server, user, [{ skuId: 'tea-gift-box', quantity: 2 }], 25600)
    const key = newKey()
    const body = refundOf([['1', 12800]])
    const answers = await Promise.all(Array.from({ length: 10 }, () => ask(user, orderId, body, key)))
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201])
    expect(answers.filter((a) => a.headers.get('idempotent-replayed') === 'true')).toHaveLength(9)
    expect((await detail(server, user, orderId)).refunds).toHaveLength(1)

    const reused = await ask(user, orderId, { ...body, reason: '另一个理由' }, key)
    expect(reused.status).toBe(409)
    expect(reused.body.error).toMatchObject({ reason: 'idempotency_key_reused' })
    const second = await ask(user, orderId, refundOf([['1', 100]]))
    expect(second.status).toBe(409)
    expect(second.body.error).toMatchObject({ code: 'ORDER_REJECTED', status: 'refund_requested' })
    expect((await detail(server, user, orderId)).refunds).toHaveLength(1)
  })

  it('withdraws an unanswered request (the order back to its fulfilment), rejects one, and takes a new one after a rejection', async () => {
    const user = 'wen-withdraws'
    const orderId = await placePaid(server, user, [{ skuId: 'tea-gift-box', quantity: 1 }], 12800)
    const first = await ask(user, orderId, refundOf([['1', 12800]]))
    const firstId = first.body.refunds[0]!.refundId
    expect(
      (await server.call('POST', `/orders/${orderId}/refunds/${firstId}/cancel`, { user: 'eve-withdraws' }))
        .status,
    ).toBe(403)
    const withdrawn = await server.call<CentreOrderBody>(
      'POST',
      `/orders/${orderId}/refunds/${firstId}/cancel`,
      { user },
    )
    expect(withdrawn.body).toMatchObject({
      status: 'paid',
      refunds: [{ refundId: firstId, status: 'withdrawn' }],
    })
    expect((await listAll(server, user, 'to_ship')).ids).toEqual([orderId])
    const again = await server.call<CentreOrderBody>('POST', `/orders/${orderId}/refunds/${firstId}/cancel`, {
      user,
    })
    expect(again.body).toMatchObject({ status: 'paid' })
    const late = await admin(`${orderId}/refunds/${firstId}/approve`)
    expect(late.status).toBe(409)
    expect(late.body.error).toMatchObject({ reason: 'refund_not_open', status: 'withdrawn' })

    const second = await ask(user, orderId, refundOf([['1', 5000]]))
    const secondId = second.body.refunds[1]!.refundId
    const rejected = await admin(`${orderId}/refunds/${secondId}/reject`, { reason: '商品已发出' })
    expect(rejected.body).toMatchObject({
      status: 'refund_rejected',
      refunds: [{ status: 'withdrawn' }, { status: 'refund_rejected', rejectReason: '商品已发出' }],
    })
    expect((await admin(`${orderId}/refunds/${secondId}/reject`, {})).status).toBe(200)
    expect((await admin(`${orderId}/refunds/${secondId}/approve`)).status).toBe(409)
    expect(
      (await server.call('POST', `/orders/${orderId}/refunds/${secondId}/cancel`, { user })).status,
    ).toBe(409)
    // the merchant cannot ship an order whose refund was just settled: the table has no such row
    expect((await admin(`${orderId}/ship`, { carrier: 'SF', trackingNo: 'SF1' })).status).toBe(409)

    const third = await ask(user, orderId, refundOf([['1', 12800]], { reason: '仍然想退' }))
    expect(third.status).toBe(201)
    expect(third.body.status).toBe('refund_requested')
    expect(third.body.refunds.map((refund) => refund.status)).toEqual([
      'withdrawn',
      'refund_rejected',
      'refund_requested',
    ])
    expect((await detail(server, user, orderId)).timeline?.map((step) => step.event)).toEqual([
      'CREATE',
      'PAY',
      'REQUEST_REFUND',
      'WITHDRAW_REFUND',
      'REQUEST_REFUND',
      'REJECT_REFUND',
      'REQUEST_REFUND',
    ])
  })

  it("answers the order's version: raised by every change to the order, its refunds or its lines, never by a read", async () => {
    const user = 'vera-versions'
    const orderId = await placePaid(server, user, [{ skuId: 'tea-gift-box', quantity: 1 }], 12800)
    const paid = await detail(server, user, orderId)
    expect(Number.isSafeInteger(paid.version)).toBe(true)
    // reads raise nothing, and a list page and the detail read at one moment say the same
    expect((await detail(server, user, orderId)).version).toBe(paid.version)
    const listed = (await listAll(server, user, 'to_ship')).orders.find((order) => order.orderId === orderId)
    expect(listed?.version).toBe(paid.version)

    await setRefundDelay(5000)
    const asked = await ask(user, orderId, refundOf([['1', 5000]]))
    expect(asked.body.version).toBeGreaterThan(paid.version)
    const refundId = asked.body.refunds[0]!.refundId
    const accepted = await admin(`${orderId}/refunds/${refundId}/approve`)
    expect(accepted.body).toMatchObject({ status: 'refunding' })
    expect(accepted.body.version).toBeGreaterThan(asked.body.version)
    await timers.flush()
    const refunded = await detail(server, user, orderId)
    expect(refunded).toMatchObject({ status: 'refunded', refunded: cny(5000) })
    expect(refunded.version).toBeGreaterThan(accepted.body.version)

    // a change to a refund record or a line alone (no write to the order's row) raises it too
    const db = server.merchant.db
    await db.query('UPDATE refunds SET note = $2 WHERE id = $1', [refundId, '已到账'])
    const noted = await detail(server, user, orderId)
    expect(noted.version).toBeGreaterThan(refunded.version)
    await db.query("UPDATE order_lines SET options = '{}'::jsonb WHERE order_id = $1", [orderId])
    expect((await detail(server, user, orderId)).version).toBeGreaterThan(noted.version)
    await setRefundDelay(0)
  })

  it('keeps the merchant routes behind the admin token', async () => {
    const user = 'ada-admin'
    const orderId = await placePaid(server, user, [{ skuId: 'tea-gift-box', quantity: 1 }], 12800)
    const asked = await ask(user, orderId, refundOf([['1', 100]]))
    const refundId = asked.body.refunds[0]!.refundId
    const before = await snapshotDatabase(server.merchant)
    for (const [path, body] of [
      [`/admin/orders/${orderId}/refunds/${refundId}/approve`, undefined],
      [`/admin/orders/${orderId}/refunds/${refundId}/reject`, {}],
      [`/admin/orders/${orderId}/ship`, { carrier: 'SF', trackingNo: 'SF1' }],
      ['/admin/verify', { code: '123412341234' }],
    ] as const) {
      const asUser = await server.call('POST', path, { user, admin: false, ...(body && { body }) })
      expect(asUser.status, path).toBe(401)
      expect(asUser.body).toMatchObject({ error: { reason: 'admin_required' } })
    }
    expect(await snapshotDatabase(server.merchant)).toBe(before)
  })
})

describe(`refunds through a real cashier (WeChat Pay, against its fake) on ${DRIVER}`, () => {
  const SECRET = 'test-session-secret-0123456789abcdef'
  const payer = 'wx:o-wechat-payer'
  const token = () =>
    createSessionTokens({
      keys: [{ id: `k${createHash('sha256').update(SECRET).digest('hex').slice(0, 8)}`, secret: SECRET }],
      now: clock.now,
    }).issue(payer)

  it('refunds a part with its own refund number; a failed platform call stays refunding until the verified refund callback', async () => {
    const platform = await fakeWechatPay(clock.now)
    const real = await startTestServer({ now: clock.now, app: { payments: platform.config } })
    try {
      const headers = () => ({ authorization: `Bearer ${token()}` })
      const created = await real.call('POST', '/orders', {
        body: {
          lines: [{ skuId: 'sticker-pack', quantity: 2 }],
          expectedPayable: cny(1200),
          channel: 'wechat',
        },
        headers: { ...headers(), 'Idempotency-Key': newKey() },
      })
      const orderId = created.body.orderId as string
      platform.orders.set(orderId, { paid: true, refunded: false, total: 1200 })
      const seconds = () => Math.floor(clock.now() / 1000)
      const deliver = (callback: { body: string; headers: Record<string, string> }) =>
        real.call('POST', '/pay/wechat/notify', { raw: callback.body, headers: callback.headers, user: null })
      await deliver(platform.callback(orderId, { outcome: 'paid', timestamp: seconds(), total: 1200 }))
      const paid = await real.call<CentreOrderBody>('GET', `/orders/${orderId}/detail`, {
        headers: headers(),
      })
      expect(paid.body).toMatchObject({
        status: 'to_verify',
        verification: { code: expect.stringMatching(/^\d{12}$/) },
      })

      const asked = await real.call<CentreOrderBody>('POST', `/orders/${orderId}/refunds`, {
        body: refundOf([['1', 500]]),
        headers: { ...headers(), 'Idempotency-Key': newKey() },
      })
      const refundId = asked.body.refunds[0]!.refundId
      platform.orders.get(orderId)!.refusesRefund = true
      const failed = await real.call('POST', `/admin/orders/${orderId}/refunds/${refundId}/approve`)
      expect(failed.status).toBe(502)
      expect(failed.body).toMatchObject({ error: { code: 'NETWORK', retryable: true } })
      expect(platform.orders.get(orderId)!.refunds).toEqual([{ refundNo: refundId, amount: 500 }])
      const moving = await real.call<CentreOrderBody>('GET', `/orders/${orderId}/detail`, {
        headers: headers(),
      })
      expect(moving.body).toMatchObject({ status: 'refunding', refunded: cny(0) })

      const refund = { orderId, refundNo: refundId, refund: 500, total: 1200 }
      const before = await snapshotDatabase(real.merchant)
      const forged = await deliver(
        platform.refundCallback!(refund, { succeeded: true, timestamp: seconds(), forged: true }),
      )
      expect(forged.status).toBeGreaterThanOrEqual(400)
      expect(await snapshotDatabase(real.merchant)).toBe(before)

      const genuine = await deliver(
        platform.refundCallback!(refund, { succeeded: true, timestamp: seconds() }),
      )
      expect(genuine.status).toBe(204)
      const done = await real.call<CentreOrderBody>('GET', `/orders/${orderId}/detail`, {
        headers: headers(),
      })
      expect(done.body).toMatchObject({
        status: 'refunded',
        refunded: cny(500),
        refunds: [{ status: 'refunded' }],
      })
      // delivered again: acknowledged, nothing moves
      const again = await deliver(platform.refundCallback!(refund, { succeeded: true, timestamp: seconds() }))
      expect(again.status).toBe(204)
      const still = await real.call<CentreOrderBody>('GET', `/orders/${orderId}/detail`, {
        headers: headers(),
      })
      expect(still.body).toMatchObject({ refunded: cny(500) })
      expect((await real.call('GET', `/orders/${orderId}`, { headers: headers() })).body.status).toBe('paid')
      expect(platform.failures).toEqual([])
    } finally {
      await real.destroy()
      await platform.close()
    }
  })
})
