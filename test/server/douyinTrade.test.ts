// Douyin general trading system (通用交易系统). Sources:
// - Signature algorithm: "签名算法", https://developer.open-douyin.com/docs/resource/zh-CN/mini-app/develop/server/signature-algorithm
//   (SHA256-RSA2048, UTF-8; the developer signs five lines "METHOD\nURI\ntimestamp\nnonce\nbody\n" with the
//   application private key; Douyin's callbacks and answers are verified over three lines
//   "timestamp\nnonce\nbody\n" with the platform public key; headers Byte-Timestamp, Byte-Nonce-Str,
//   Byte-Signature) and the signature tool page,
//   https://developer.open-douyin.com/docs/resource/zh-CN/mini-app/open-capacity/trade-system/signature-tool
//   ("待签名串一共有 5 行", "待验签应答字段一共有 3 行"; byteAuthorization from signature, appid, nonce_str,
//   timestamp, key_version).
// - tt.requestOrder data and byteAuthorization: "生成下单参数与签名",
//   https://developer.open-douyin.com/docs/resource/zh-CN/mini-app/develop/server/payment/trade-system/general/order/request-order-data-sign
//   (skuList[{skuId, price, quantity, title, imageList, type, tagGroupId}], outOrderNo, totalAmount in fen,
//   payExpireSeconds ≤ 48 h, payNotifyUrl, orderEntrySchema {path, params as a JSON string}; the data string
//   is signed as the body of "POST /requestOrder"; byteAuthorization =
//   "SHA256-RSA2048 appid=…,nonce_str=…,timestamp=…,key_version=…,signature=…").
// - Payment callback: "支付结果回调",
//   https://developer.open-douyin.com/docs/resource/zh-CN/mini-app/develop/server/payment/trade-system/general/order/notify-payment-result
//   (body {msg: JSON string, type: "payment", version: "3.0"}; answer {"err_no":0,"err_tips":"success"} with 200).
//   Refund callback: type "refund", msg {app_id, status, order_id, refund_id, out_refund_no,
//   refund_total_amount, …} (general/refund/refund_notify).
// - OpenAPI: client_token, https://developer.open-douyin.com/docs/resource/zh-CN/mini-app/develop/server/interface-request-credential/non-user-authorization/get-client_token
//   (POST /oauth/client_token/ {client_key, client_secret, grant_type: client_credential}, 2 h);
//   POST /api/trade_basic/v1/developer/order_query/, refund_create/, refund_query/ with header access-token.
// Douyin publishes no key pair or signed example, so every vector is made here with our own keys, both ways.
import { createSign, createVerify } from 'node:crypto'
import {
  createDouyinTrade,
  type DouyinTradeConfig,
  douyinSignMessage,
  douyinVerifyMessage,
  isServerError,
} from '@tradekit/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type FakePlatform, type ReceivedRequest, startFakePlatform } from './fakePlatform'
import { rsaKeyPair } from './testKeys'

const app = rsaKeyPair()
const platformKey = rsaKeyPair()
const attacker = rsaKeyPair()
const T0 = 1_750_000_000_000

function sign(message: string, privateKey: string): string {
  return createSign('RSA-SHA256').update(message).sign(privateKey, 'base64')
}
function verify(message: string, signature: string, publicKey: string): boolean {
  return createVerify('RSA-SHA256').update(message).verify(publicKey, signature, 'base64')
}
function parseAuthorization(value: string): Record<string, string> {
  expect(value.startsWith('SHA256-RSA2048 ')).toBe(true)
  return Object.fromEntries(
    value
      .slice('SHA256-RSA2048 '.length)
      .split(',')
      .map(
        (pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)] as [string, string],
      ),
  )
}

function config(overrides: Partial<DouyinTradeConfig> = {}): DouyinTradeConfig {
  return {
    appId: 'tt07e3715e98c9aac0',
    appSecret: 'dy-secret',
    appPrivateKey: app.privateKey,
    keyVersion: '2',
    platformPublicKey: platformKey.publicKey,
    payNotifyUrl: 'https://shop.example.com/pay/douyin/notify',
    now: () => T0,
    ...overrides,
  }
}

/** What Douyin does: a body {msg, type, version} signed over timestamp\nnonce\nbody\n with the platform key. */
function platformCallback(
  type: string,
  msg: object,
  options: { timestamp?: number; nonce?: string; key?: string } = {},
) {
  const body = JSON.stringify({ msg: JSON.stringify(msg), type, version: '3.0' })
  const timestamp = String(Math.floor((options.timestamp ?? T0) / 1000))
  const nonce = options.nonce ?? 'Wm3WZYTPz0wzccnW'
  return {
    body,
    headers: {
      'Byte-Identifyname': '/common/trade/payment',
      'Byte-Logid': '20230519122005E6A8B8E2D1C4B0A2B8F7',
      'Byte-Timestamp': timestamp,
      'Byte-Nonce-Str': nonce,
      'Byte-Signature': sign(`${timestamp}\n${nonce}\n${body}\n`, options.key ?? platformKey.privateKey),
    } as Record<string, string>,
  }
}

const paidMsg = {
  app_id: 'tt07e3715e98c9aac0',
  out_order_no: 'order-1',
  order_id: 'motb52726742593307630520652',
  status: 'SUCCESS',
  total_amount: 38400,
  discount_amount: 400,
  pay_channel: 1,
  channel_pay_id: '4200001234',
  cp_extra: '',
  event_time: 1_750_000_000_000,
}

async function codeOf(promise: Promise<unknown> | (() => unknown)): Promise<string> {
  try {
    await (typeof promise === 'function' ? promise() : promise)
  } catch (error) {
    if (isServerError(error)) return error.code
    throw error
  }
  return 'accepted'
}

const order = {
  outOrderNo: 'order-1',
  skus: [
    {
      skuId: 'plan-3y',
      price: { amount: 38400, currency: 'CNY' },
      quantity: 1,
      title: '会员 3 年',
      imageList: ['https://shop.example.com/plan.png'],
      type: 401,
      tagGroupId: 'tag_group_7272625659888041996',
    },
  ],
  total: { amount: 38400, currency: 'CNY' },
  orderEntrySchema: { path: 'pages/order/detail', params: { id: 'order-1' } },
  expiresAt: T0 + 15 * 60_000,
}

describe('the signing messages', () => {
  it('signs five lines and verifies three, each line followed by \\n', () => {
    expect(
      douyinSignMessage({
        method: 'POST',
        uri: '/requestOrder',
        timestamp: '1680835168',
        nonce: 'abc',
        body: '{"a":1}',
      }),
    ).toBe('POST\n/requestOrder\n1680835168\nabc\n{"a":1}\n')
    expect(douyinVerifyMessage('1680835168', 'abc', '{"a":1}')).toBe('1680835168\nabc\n{"a":1}\n')
  })
})

describe('tt.requestOrder payload', () => {
  it('builds the documented data (fen, params as a JSON string) and signs it as POST /requestOrder', () => {
    const douyin = createDouyinTrade(config({ nonce: () => 'nonce-1' }))
    const payload = douyin.requestOrderPayload(order)
    expect(JSON.parse(payload.data)).toEqual({
      skuList: [
        {
          skuId: 'plan-3y',
          price: 38400,
          quantity: 1,
          title: '会员 3 年',
          imageList: ['https://shop.example.com/plan.png'],
          type: 401,
          tagGroupId: 'tag_group_7272625659888041996',
        },
      ],
      outOrderNo: 'order-1',
      totalAmount: 38400,
      payExpireSeconds: 900,
      payNotifyUrl: 'https://shop.example.com/pay/douyin/notify',
      orderEntrySchema: { path: 'pages/order/detail', params: '{"id":"order-1"}' },
    })
    const fields = parseAuthorization(payload.byteAuthorization)
    expect(fields).toEqual({
      appid: 'tt07e3715e98c9aac0',
      nonce_str: 'nonce-1',
      timestamp: '1750000000',
      key_version: '2',
      signature: expect.any(String),
    })
    const message = `POST\n/requestOrder\n1750000000\nnonce-1\n${payload.data}\n`
    expect(verify(message, fields.signature!, app.publicKey)).toBe(true)
    expect(verify(message.replace('38400', '1'), fields.signature!, app.publicKey)).toBe(false)
  })

  it('refuses non-fen amounts, a total above the lines, and an expiry beyond 48 hours', async () => {
    const douyin = createDouyinTrade(config())
    expect(
      await codeOf(() => douyin.requestOrderPayload({ ...order, total: { amount: 384.5, currency: 'CNY' } })),
    ).toBe('INVALID_ARGUMENT')
    expect(
      await codeOf(() => douyin.requestOrderPayload({ ...order, total: { amount: 38401, currency: 'CNY' } })),
    ).toBe('INVALID_ARGUMENT')
    expect(
      await codeOf(() => douyin.requestOrderPayload({ ...order, total: { amount: 384, currency: 'USD' } })),
    ).toBe('INVALID_ARGUMENT')
    expect(await codeOf(() => douyin.requestOrderPayload({ ...order, expiresAt: T0 + 49 * 3600_000 }))).toBe(
      'INVALID_ARGUMENT',
    )
    expect(await codeOf(() => douyin.requestOrderPayload({ ...order, expiresAt: T0 - 1 }))).toBe(
      'INVALID_ARGUMENT',
    )
  })
})

describe('verifyCallback', () => {
  it('accepts a payment callback signed as Douyin signs it, reads it in Money, answers as documented', async () => {
    const douyin = createDouyinTrade(config())
    const callback = await douyin.verifyCallback(platformCallback('payment', paidMsg))
    expect(callback).toMatchObject({
      type: 'payment',
      version: '3.0',
      payment: {
        appId: 'tt07e3715e98c9aac0',
        outOrderNo: 'order-1',
        orderId: 'motb52726742593307630520652',
        status: 'SUCCESS',
        total: { amount: 38400, currency: 'CNY' },
        discount: { amount: 400, currency: 'CNY' },
        payChannel: 1,
        channelPayId: '4200001234',
        eventTime: 1_750_000_000_000,
      },
    })
    expect(douyin.callbackAnswer(true)).toEqual({
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: '{"err_no":0,"err_tips":"success"}',
    })
    expect(douyin.callbackAnswer(false).status).toBe(500)
  })

  it('reads a refund callback', async () => {
    const douyin = createDouyinTrade(config())
    const callback = await douyin.verifyCallback(
      platformCallback(
        'refund',
        {
          app_id: 'tt07e3715e98c9aac0',
          status: 'SUCCESS',
          order_id: 'motb52726742593307630520652',
          refund_id: 'mort123',
          out_refund_no: 'refund-1',
          refund_total_amount: 10000,
          message: '',
          event_time: 1_750_000_100_000,
        },
        { nonce: 'refund-nonce' },
      ),
    )
    expect(callback).toMatchObject({
      type: 'refund',
      refund: {
        refundId: 'mort123',
        outRefundNo: 'refund-1',
        status: 'SUCCESS',
        refundTotal: { amount: 10000 },
      },
    })
  })

  it('refuses a tampered body, a wrong key, missing headers, an old timestamp, a replay and another app', async () => {
    const douyin = createDouyinTrade(config())
    const genuine = platformCallback('payment', paidMsg, { nonce: 'n-1' })
    expect(
      await codeOf(douyin.verifyCallback({ ...genuine, body: genuine.body.replace('38400', '1') })),
    ).toBe('BAD_SIGNATURE')
    expect(
      await codeOf(douyin.verifyCallback(platformCallback('payment', paidMsg, { key: attacker.privateKey }))),
    ).toBe('BAD_SIGNATURE')
    const { 'Byte-Signature': _, ...unsigned } = genuine.headers
    expect(await codeOf(douyin.verifyCallback({ headers: unsigned, body: genuine.body }))).toBe('MALFORMED')
    const old = platformCallback('payment', paidMsg, { nonce: 'n-old', timestamp: T0 - 5 * 60_000 - 1000 })
    expect(await codeOf(douyin.verifyCallback(old))).toBe('STALE_TIMESTAMP')
    expect(await codeOf(createDouyinTrade(config({ windowMs: 10 * 60_000 })).verifyCallback(old))).toBe(
      'accepted',
    )
    await douyin.verifyCallback(genuine)
    expect(await codeOf(douyin.verifyCallback(genuine))).toBe('REPLAYED')
    const foreign = platformCallback('payment', { ...paidMsg, app_id: 'tt-other' }, { nonce: 'n-foreign' })
    expect(await codeOf(douyin.verifyCallback(foreign))).toBe('MALFORMED')
  })

  it('verifies with any of the platform keys while Douyin rotates them', async () => {
    const next = rsaKeyPair()
    const douyin = createDouyinTrade(config({ platformPublicKey: [next.publicKey, platformKey.publicKey] }))
    await expect(
      douyin.verifyCallback(platformCallback('payment', paidMsg, { nonce: 'a' })),
    ).resolves.toMatchObject({
      type: 'payment',
    })
    await expect(
      douyin.verifyCallback(platformCallback('payment', paidMsg, { nonce: 'b', key: next.privateKey })),
    ).resolves.toMatchObject({ type: 'payment' })
  })
})

describe('the OpenAPI client against a fake Douyin', () => {
  let platform: FakePlatform
  let tokenRequests = 0
  let signAnswers: 'platform' | 'attacker' | 'none' = 'none'

  function answer(data: object, errNo = 0) {
    const body = JSON.stringify({
      err_no: errNo,
      err_msg: errNo === 0 ? 'success' : 'refused',
      log_id: 'log-1',
      data,
    })
    if (signAnswers === 'none') return { body }
    const timestamp = String(Math.floor(T0 / 1000))
    const nonce = `answer-${Math.random()}`
    const key = signAnswers === 'platform' ? platformKey.privateKey : attacker.privateKey
    return {
      body,
      headers: {
        'Byte-Timestamp': timestamp,
        'Byte-Nonce-Str': nonce,
        'Byte-Signature': sign(`${timestamp}\n${nonce}\n${body}\n`, key),
      },
    }
  }
  /** Douyin's side of a signed request: a current token, and Byte-Authorization over the five lines. */
  function checkRequest(request: ReceivedRequest) {
    expect(request.headers['access-token']).toBe(`clt.token-${tokenRequests}`)
    const fields = parseAuthorization(String(request.headers['byte-authorization']))
    expect(fields.appid).toBe('tt07e3715e98c9aac0')
    expect(fields.key_version).toBe('2')
    const message = `POST\n${request.url}\n${fields.timestamp}\n${fields.nonce_str}\n${request.body}\n`
    expect(verify(message, fields.signature!, app.publicKey)).toBe(true)
    return JSON.parse(request.body)
  }

  beforeAll(async () => {
    platform = await startFakePlatform({
      'POST /oauth/client_token/': (request) => {
        expect(JSON.parse(request.body)).toEqual({
          client_key: 'tt07e3715e98c9aac0',
          client_secret: 'dy-secret',
          grant_type: 'client_credential',
        })
        tokenRequests++
        return {
          body: {
            data: {
              access_token: `clt.token-${tokenRequests}`,
              description: '',
              error_code: 0,
              expires_in: 7200,
            },
            message: 'success',
          },
        }
      },
      'POST /api/trade_basic/v1/developer/order_query/': (request) => {
        const body = checkRequest(request)
        if (body.out_order_no === 'missing') return answer({}, 22001)
        return answer({
          app_id: 'tt07e3715e98c9aac0',
          out_order_no: body.out_order_no ?? 'order-1',
          order_id: body.order_id ?? 'motb52726742593307630520652',
          pay_status: 'SUCCESS',
          pay_time: 1_750_000_100_000,
          pay_channel: 1,
          channel_pay_id: '4200001234',
          total_amount: 38400,
          discount_amount: 0,
          item_order_list: [{ item_order_id: 'item-1', sku_id: 'plan-3y', item_order_amount: 38400 }],
        })
      },
      'POST /api/trade_basic/v1/developer/refund_create/': (request) => {
        checkRequest(request)
        return answer({ refund_id: 'mort123', refund_audit_deadline: 1_750_259_200_000 })
      },
      'POST /api/trade_basic/v1/developer/refund_query/': (request) => {
        checkRequest(request)
        return answer({
          refund_list: [
            {
              refund_id: 'mort123',
              out_refund_no: 'refund-1',
              order_id: 'motb52726742593307630520652',
              refund_status: 'SUCCESS',
              refund_total_amount: 10000,
              refund_at: 1_750_000_200_000,
              item_order_detail: [{ item_order_id: 'item-1', refund_amount: 10000 }],
            },
          ],
        })
      },
    })
  })
  afterAll(async () => {
    await platform.close()
    expect(platform.failures).toEqual([])
  })

  it('caches the client_token, shares one fetch between concurrent calls, refreshes it before it expires', async () => {
    let now = T0
    const douyin = createDouyinTrade(config({ baseUrl: platform.baseUrl, now: () => now }))
    const before = tokenRequests
    const [a, b] = await Promise.all([douyin.clientToken(), douyin.clientToken()])
    expect(a).toBe(b)
    expect(tokenRequests).toBe(before + 1)
    now += 7200_000 - 10 * 60_000 - 1
    expect(await douyin.clientToken()).toBe(a)
    expect(tokenRequests).toBe(before + 1)
    now += 1
    expect(await douyin.clientToken()).not.toBe(a)
    expect(tokenRequests).toBe(before + 2)
  })

  it('queries an order with a signed request and reads it in Money', async () => {
    const douyin = createDouyinTrade(config({ baseUrl: platform.baseUrl }))
    await expect(douyin.queryOrder({ outOrderNo: 'order-1' })).resolves.toEqual({
      orderId: 'motb52726742593307630520652',
      outOrderNo: 'order-1',
      payStatus: 'SUCCESS',
      total: { amount: 38400, currency: 'CNY' },
      discount: { amount: 0, currency: 'CNY' },
      paidAt: 1_750_000_100_000,
      payChannel: 1,
      channelPayId: '4200001234',
      items: [{ itemOrderId: 'item-1', skuId: 'plan-3y', amount: { amount: 38400, currency: 'CNY' } }],
    })
    expect(JSON.parse(platform.requests.at(-1)!.body)).toEqual({ out_order_no: 'order-1' })
    expect(await codeOf(douyin.queryOrder({ outOrderNo: 'missing' }))).toBe('PLATFORM_ERROR')
  })

  it('creates a partial refund by item orders in fen, and queries it', async () => {
    const douyin = createDouyinTrade(
      config({ baseUrl: platform.baseUrl, refundNotifyUrl: 'https://shop.example.com/refund/douyin/notify' }),
    )
    await expect(
      douyin.createRefund({
        orderId: 'motb52726742593307630520652',
        outRefundNo: 'refund-1',
        amount: { amount: 10000, currency: 'CNY' },
        items: [{ itemOrderId: 'item-1', amount: { amount: 10000, currency: 'CNY' } }],
        reasons: [{ code: 101, text: '不想要了' }],
        orderEntrySchema: { path: 'pages/refund/detail', params: { id: 'refund-1' } },
      }),
    ).resolves.toEqual({ refundId: 'mort123', auditDeadline: 1_750_259_200_000 })
    expect(JSON.parse(platform.requests.at(-1)!.body)).toEqual({
      order_id: 'motb52726742593307630520652',
      out_refund_no: 'refund-1',
      order_entry_schema: { path: 'pages/refund/detail', params: '{"id":"refund-1"}' },
      refund_reason: [{ code: 101, text: '不想要了' }],
      refund_total_amount: 10000,
      item_order_detail: [{ item_order_id: 'item-1', refund_amount: 10000 }],
      notify_url: 'https://shop.example.com/refund/douyin/notify',
    })
    await expect(douyin.queryRefund({ outRefundNo: 'refund-1' })).resolves.toEqual([
      {
        refundId: 'mort123',
        outRefundNo: 'refund-1',
        orderId: 'motb52726742593307630520652',
        status: 'SUCCESS',
        amount: { amount: 10000, currency: 'CNY' },
        refundedAt: 1_750_000_200_000,
      },
    ])
    const count = platform.requests.length
    const uneven = {
      orderId: 'o',
      outRefundNo: 'r',
      amount: { amount: 10000, currency: 'CNY' },
      items: [{ itemOrderId: 'item-1', amount: { amount: 9999, currency: 'CNY' } }],
      orderEntrySchema: { path: 'pages/refund/detail' },
    }
    expect(await codeOf(douyin.createRefund(uneven))).toBe('INVALID_ARGUMENT')
    expect(platform.requests.length).toBe(count)
  })

  it('checks a signed answer with the platform key and refuses a forged one', async () => {
    const douyin = createDouyinTrade(config({ baseUrl: platform.baseUrl }))
    signAnswers = 'platform'
    try {
      await expect(douyin.queryOrder({ orderId: 'motb52726742593307630520652' })).resolves.toMatchObject({
        payStatus: 'SUCCESS',
      })
      signAnswers = 'attacker'
      expect(await codeOf(douyin.queryOrder({ orderId: 'motb52726742593307630520652' }))).toBe(
        'BAD_SIGNATURE',
      )
    } finally {
      signAnswers = 'none'
    }
  })
})
