// Real cashiers end to end: the merchant server pointed at a fake platform per channel on 127.0.0.1,
// callbacks signed as each platform signs them with keys made in this test. Sources of the algorithms
// (checked against the documented examples in @tradekit/server's own tests, test/server/*):
// - Douyin trading system: 通用交易系统 "签名说明" — SHA256-RSA2048 over "timestamp\nnonce\nbody\n",
//   Byte-Timestamp / Byte-Nonce-Str / Byte-Signature; answer {"err_no":0,"err_tips":"success"}.
// - Douyin guaranteed payment: 担保支付 "签名算法" (demo com.bytedance.microapp.Sign) — MD5 over the sorted
//   values with the SALT, callbacks SHA-1 over the sorted token, timestamp, nonce and msg.
// - WeChat Pay v3: pay.weixin.qq.com "签名验证" and "回调通知" — SHA256withRSA over "timestamp\nnonce\nbody\n",
//   Wechatpay-Serial / -Timestamp / -Nonce / -Signature, resource AEAD_AES_256_GCM with the APIv3 key; 204 answers.
// - Alipay: "异步通知验签" — RSA2 over the sorted parameters without sign and sign_type; answer "success".
import { createHash } from 'node:crypto'
import { createSessionTokens } from '@tradekit/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type Callback,
  type FakePlatform,
  fakeAlipay,
  fakeDouyinPay,
  fakeDouyinTrade,
  fakeWechatPay,
} from './fakePlatforms.ts'
import {
  cny,
  DRIVER,
  manualClock,
  newKey,
  snapshotDatabase,
  startTestServer,
  type TestServer,
} from './harness.ts'

const SESSION_SECRET = 'test-session-secret-0123456789abcdef'

const clock = manualClock()
const seconds = () => Math.floor(clock.now() / 1000)

const CHANNELS = [
  { id: 'douyin-trade', start: fakeDouyinTrade, user: 'dy:douyin-buyer-1' },
  { id: 'douyin-pay', start: fakeDouyinPay, user: 'dy:douyin-buyer-1' },
  { id: 'wechat', start: fakeWechatPay, user: 'wx:o-wechat-payer' },
  { id: 'alipay', start: fakeAlipay, user: 'alipay:alipay-buyer-1' },
] as const

/** The shape of each channel's `payment`, as TradeKit's channel checks it before it opens the cashier. */
function expectPayment(channel: string, payment: Record<string, unknown>) {
  if (channel === 'douyin-trade') {
    expect(Object.keys(payment).sort()).toEqual(['byteAuthorization', 'data'])
    expect(payment.byteAuthorization).toMatch(/^SHA256-RSA2048 appid=tt-test-app,nonce_str=/)
    const data = JSON.parse(payment.data as string)
    expect(data).toMatchObject({
      totalAmount: 1200,
      // the sticker pack's picture is a path on the merchant server: Douyin gets the https default
      skuList: [
        { skuId: 'sticker-pack', price: 600, quantity: 2, imageList: ['https://shop.example.com/goods.png'] },
      ],
      // the mini-shop's order-detail page, where Douyin's order entry leads
      orderEntrySchema: {
        path: 'packageOrders/pages/detail/index',
        params: expect.stringMatching(/^\{"id":"ord_/),
      },
    })
  } else if (channel === 'douyin-pay') {
    expect(payment).toEqual({ orderInfo: { order_id: expect.any(String), order_token: expect.any(String) } })
  } else if (channel === 'wechat') {
    expect(Object.keys(payment).sort()).toEqual(['nonceStr', 'package', 'paySign', 'signType', 'timeStamp'])
    expect(payment.package).toMatch(/^prepay_id=wx-prepay-ord_/)
    expect(payment.signType).toBe('RSA')
  } else {
    expect(payment).toEqual({ tradeNO: expect.stringMatching(/^2026/) })
  }
}

describe.each(CHANNELS)(`the $id channel against its fake platform on ${DRIVER}`, ({ id, start, user }) => {
  let platform: FakePlatform
  let server: TestServer

  beforeAll(async () => {
    platform = await start(clock.now)
    server = await startTestServer({ now: clock.now, app: { payments: platform.config } })
  })
  afterAll(async () => {
    await server?.destroy()
    await platform?.close()
    expect(platform.failures).toEqual([])
  })

  const headers = () => ({ authorization: `Bearer ${sessionAt()}` })
  /** A session of the platform user (as the login issues it after code2Session), at the test clock's time. */
  const sessionAt = () =>
    createSessionTokens({
      keys: [
        {
          id: `k${createHash('sha256').update(SESSION_SECRET).digest('hex').slice(0, 8)}`,
          secret: SESSION_SECRET,
        },
      ],
      now: clock.now,
    }).issue(user)

  async function order(): Promise<{ orderId: string; payment: Record<string, unknown> }> {
    const answer = await server.call('POST', '/orders', {
      body: { lines: [{ skuId: 'sticker-pack', quantity: 2 }], expectedPayable: cny(1200), channel: id },
      headers: { ...headers(), 'Idempotency-Key': newKey() },
    })
    expect(answer.status).toBe(201)
    const orderId = answer.body.orderId as string
    platform.orders.set(orderId, { paid: false, refunded: false, total: 1200 })
    return { orderId, payment: answer.body.payment as Record<string, unknown> }
  }
  const status = async (orderId: string) =>
    (await server.call('GET', `/orders/${orderId}`, { headers: headers() })).body.status
  const deliver = (callback: Callback) =>
    server.call('POST', `/pay/${id}/notify`, { raw: callback.body, headers: callback.headers, user: null })
  const paid = (orderId: string, extra: { timestamp?: number; forged?: boolean } = {}) =>
    platform.callback(orderId, { outcome: 'paid', timestamp: seconds(), total: 1200, ...extra })

  it('creates the channel payment, and a genuine callback makes the order paid (the same callback again is refused)', async () => {
    const { orderId, payment } = await order()
    expectPayment(id, payment)
    // The same key answers the same payment, without asking the platform again.
    const calls = platform.requests.length
    const replay = await server.call('POST', '/orders', {
      body: { lines: [{ skuId: 'sticker-pack', quantity: 2 }], expectedPayable: cny(1200), channel: id },
      headers: { ...headers(), 'Idempotency-Key': 'same-key-twice' },
    })
    const again = await server.call('POST', '/orders', {
      body: { lines: [{ skuId: 'sticker-pack', quantity: 2 }], expectedPayable: cny(1200), channel: id },
      headers: { ...headers(), 'Idempotency-Key': 'same-key-twice' },
    })
    expect(again.status).toBe(200)
    expect(again.body.payment).toEqual(replay.body.payment)
    expect(platform.requests.length - calls).toBeLessThanOrEqual(id === 'douyin-trade' ? 0 : 1)

    platform.orders.get(orderId)!.paid = true
    const callback = paid(orderId)
    const answer = await deliver(callback)
    expect(answer.status).toBe(id === 'wechat' ? 204 : 200)
    if (id === 'alipay') expect(answer.body).toEqual({ text: 'success' })
    if (id === 'douyin-trade' || id === 'douyin-pay')
      expect(answer.body).toEqual({ err_no: 0, err_tips: 'success' })
    expect(await status(orderId)).toBe('paid')

    const before = await snapshotDatabase(server.merchant)
    const replayed = await deliver(callback)
    expect(replayed.status).toBeGreaterThanOrEqual(400)
    expect(await snapshotDatabase(server.merchant)).toBe(before)

    // Delivered again by the platform (a new nonce): answered success, the order unchanged.
    const redelivered = await deliver(paid(orderId))
    expect(redelivered.status).toBe(id === 'wechat' ? 204 : 200)
    expect(await status(orderId)).toBe('paid')
  })

  it('refuses a forged callback and an old one, the database unchanged', async () => {
    const { orderId } = await order()
    const before = await snapshotDatabase(server.merchant)
    const forged = await deliver(paid(orderId, { forged: true }))
    expect(forged.status).toBeGreaterThanOrEqual(400)
    const old = await deliver(paid(orderId, { timestamp: seconds() - 3600 }))
    expect(old.status).toBeGreaterThanOrEqual(400)
    expect(await snapshotDatabase(server.merchant)).toBe(before)
    expect(await status(orderId)).toBe('pending')
  })

  it('finds a payment whose callback was lost by asking the platform', async () => {
    const { orderId } = await order()
    expect(await status(orderId)).toBe('pending')
    platform.orders.get(orderId)!.paid = true
    expect(await status(orderId)).toBe('paid')
  })

  it('ignores a "closed" after "paid", refunds through the platform, and a late "paid" never undoes the refund', async () => {
    const { orderId } = await order()
    platform.orders.get(orderId)!.paid = true
    await deliver(paid(orderId))
    const closed = await deliver(
      platform.callback(orderId, { outcome: 'closed', timestamp: seconds(), total: 1200 }),
    )
    expect(closed.status).toBe(id === 'wechat' ? 204 : 200)
    expect(await status(orderId)).toBe('paid')

    const refund = await server.call('POST', `/admin/orders/${orderId}/refund`)
    expect(refund.status).toBe(200)
    expect(refund.body.status).toBe('refunded')
    expect(platform.orders.get(orderId)!.refunded).toBe(true)
    // Asking again refunds once: answered as it is.
    const calls = platform.requests.length
    expect((await server.call('POST', `/admin/orders/${orderId}/refund`)).body.status).toBe('refunded')
    expect(platform.requests.length).toBe(calls)

    const late = await deliver(paid(orderId))
    expect(late.status).toBe(id === 'wechat' ? 204 : 200)
    expect(await status(orderId)).toBe('refunded')
  })

  it('refuses an order its cashier cannot charge: an unpaid order cannot be refunded', async () => {
    const { orderId } = await order()
    const refund = await server.call('POST', `/admin/orders/${orderId}/refund`)
    expect(refund.status).toBe(409)
    expect(refund.body).toMatchObject({ error: { code: 'ORDER_REJECTED', reason: 'not_paid' } })
    if (id === 'wechat' || id === 'alipay') {
      const guest = await server.call('POST', '/orders', {
        body: { lines: [{ skuId: 'sticker-pack', quantity: 1 }], expectedPayable: cny(600), channel: id },
        headers: { 'Idempotency-Key': newKey() },
      })
      expect(guest.status).toBe(422)
      expect(guest.body).toMatchObject({ error: { code: 'PAYMENT_UNAVAILABLE', reason: 'login_required' } })
    }
  })
})

describe('with no payment configuration', () => {
  it('offers the sandbox channel only and has no callback routes', async () => {
    const server = await startTestServer({ now: clock.now })
    try {
      expect(server.merchant.channels).toEqual(['sandbox'])
      const answer = await server.call('POST', '/orders', {
        body: {
          lines: [{ skuId: 'sticker-pack', quantity: 1 }],
          expectedPayable: cny(600),
          channel: 'wechat',
        },
        headers: { 'Idempotency-Key': newKey() },
      })
      expect(answer.status).toBe(422)
      expect(answer.body).toMatchObject({ error: { code: 'PAYMENT_UNAVAILABLE', channels: ['sandbox'] } })
      expect((await server.call('POST', '/pay/wechat/notify', { raw: '{}', user: null })).status).toBe(404)
    } finally {
      await server.destroy()
    }
  })
})

describe(`seen nonces live in the database on ${DRIVER}`, () => {
  it('refuses a callback replayed after a restart', async () => {
    const platform = await fakeWechatPay(clock.now)
    let server = await startTestServer({ now: clock.now, app: { payments: platform.config } })
    try {
      const token = createSessionTokens({
        keys: [
          {
            id: `k${createHash('sha256').update(SESSION_SECRET).digest('hex').slice(0, 8)}`,
            secret: SESSION_SECRET,
          },
        ],
        now: clock.now,
      }).issue('wx:o-wechat-payer')
      const created = await server.call('POST', '/orders', {
        body: {
          lines: [{ skuId: 'sticker-pack', quantity: 1 }],
          expectedPayable: cny(600),
          channel: 'wechat',
        },
        headers: { authorization: `Bearer ${token}`, 'Idempotency-Key': newKey() },
      })
      const orderId = created.body.orderId as string
      const callback = platform.callback(orderId, { outcome: 'paid', timestamp: seconds(), total: 600 })
      const deliver = () =>
        server.call('POST', '/pay/wechat/notify', {
          raw: callback.body,
          headers: callback.headers,
          user: null,
        })
      expect((await deliver()).status).toBe(204)

      await server.stop()
      server = await startTestServer({
        location: server.location,
        now: clock.now,
        app: { payments: platform.config },
      })
      const before = await snapshotDatabase(server.merchant)
      expect((await deliver()).status).toBe(500)
      expect(await snapshotDatabase(server.merchant)).toBe(before)
    } finally {
      await server.destroy()
      await platform.close()
    }
  })
})

describe(`Alipay login on ${DRIVER}`, () => {
  it('logs a user in with the authCode of my.getAuthCode and charges that user through the alipay channel', async () => {
    const platform = await fakeAlipay(clock.now)
    const alipay = platform.config.alipay!
    const server = await startTestServer({
      now: clock.now,
      app: { payments: platform.config, logins: { alipay } },
    })
    try {
      const refused = await server.call('POST', '/session', {
        body: { platform: 'alipay', code: 'a-used-code' },
        user: null,
      })
      expect(refused.status).toBe(401)
      expect(refused.body).toMatchObject({
        error: { reason: 'login_refused', platformCode: 'isv.code-invalid' },
      })
      const login = await server.call('POST', '/session', {
        body: { platform: 'alipay', code: 'alipay-auth-code' },
        user: null,
      })
      expect(login.status).toBe(200)
      expect(login.body.userId).toBe('alipay:alipay-buyer-1')
      const created = await server.call('POST', '/orders', {
        body: {
          lines: [{ skuId: 'sticker-pack', quantity: 1 }],
          expectedPayable: cny(600),
          channel: 'alipay',
        },
        headers: { authorization: `Bearer ${login.body.token}`, 'Idempotency-Key': newKey() },
      })
      expect(created.status).toBe(201)
      expect(created.body.payment).toEqual({ tradeNO: expect.stringMatching(/^2026/) })
      expect(platform.failures).toEqual([])
    } finally {
      await server.destroy()
      await platform.close()
    }
  })
})
