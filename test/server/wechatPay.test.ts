// WeChat Pay APIv3 (JSAPI / mini-program). Sources:
// - Request signature and the Authorization header: "签名生成", https://pay.weixin.qq.com/wiki/doc/api_external/ch/wechatpay/wechatpay4_0.shtml
//   (also https://wechatpay-api.gitbook.io/wechatpay-api-v3/qian-ming-zhi-nan-1/qian-ming-sheng-cheng): five lines
//   (method, URL path+query, timestamp, nonce, body), each ending in \n; SHA256 with RSA, base64; header
//   `WECHATPAY2-SHA256-RSA2048 mchid,nonce_str,signature,timestamp,serial_no`. Documented canonical string:
//   "GET\n/v3/certificates\n1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\n\n".
// - paySign of wx.requestPayment: "小程序调起支付", https://pay.weixin.qq.com/docs/merchant/apis/mini-program-payment/mini-transfer-payment.html
//   and https://pay.weixin.qq.com/wiki/doc/apiv3/apis/chapter7_2_9.shtml: four lines (appId, timeStamp, nonceStr,
//   package); documented string "wx8888888888888888\n1414561699\n5K8264ILTKCH16CQ2502SI8ZNMTM67VS\nprepay_id=wx201410272009395522657a690389285100\n";
//   signType "RSA" not signed.
// - Callback verification: "回调通知" pages, e.g. https://pay.weixin.qq.com/docs/partner/apis/partner-weixin-pay-score/authorization-de-authorization-service-callback-notification.html
//   (Wechatpay-Serial / -Signature / -Timestamp / -Nonce; message = timestamp\nnonce\nbody\n).
// - Resource decryption: "证书和回调报文解密", https://pay.weixin.qq.com/wiki/doc/api_external/ch/wechatpay/wechatpay4_2.shtml
//   and https://pay.weixin.qq.com/docs/partner/products/notification/decryption.html (AEAD_AES_256_GCM, key = APIv3
//   key, IV = nonce, AAD = associated_data, RFC 5116; tag = last 16 bytes).
//   AES-256-GCM vector: McGrew & Viega, "The Galois/Counter Mode of Operation (GCM)", test case 14 (K = 0^256,
//   IV = 0^96, P = 0^128 → C = cea7403d4d606b6e074ec5d3baf39d18, T = d0d1c8a799996bf0265b98b5d48ab919).
// - Prepay POST /v3/pay/transactions/jsapi, query GET /v3/pay/transactions/out-trade-no/{no}?mchid=, refund
//   POST /v3/refund/domestic/refunds (https://pay.weixin.qq.com/docs/merchant/products/refund/apilist.html).
// No documented key pair is published, so signatures are checked with keys made here, both ways.
import { createCipheriv, createSign, createVerify } from 'node:crypto'
import {
  createWechatPay,
  decryptWechatPayResource,
  isServerError,
  type WechatPayConfig,
  wechatPayMessage,
  wechatPayRequestMessage,
} from '@tradekit/server'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type FakePlatform, type ReceivedRequest, startFakePlatform } from './fakePlatform'
import { rsaKeyPair } from './testKeys'

const merchant = rsaKeyPair()
const platformKey = rsaKeyPair()
const attacker = rsaKeyPair()
const API_V3_KEY = '0123456789abcdefghijklmnopqrstuv'
const SERIAL = 'PUB_KEY_ID_0112345678'
const T0 = 1_750_000_000_000

function sign(message: string, privateKey: string): string {
  return createSign('RSA-SHA256').update(message).sign(privateKey, 'base64')
}
function verify(message: string, signature: string, publicKey: string): boolean {
  return createVerify('RSA-SHA256').update(message).verify(publicKey, signature, 'base64')
}

/** What WeChat Pay does: encrypt the resource with the APIv3 key, sign timestamp\nnonce\nbody\n. */
function platformNotification(
  resource: object,
  options: { timestamp?: number; nonce?: string; key?: string; serial?: string; eventType?: string } = {},
) {
  const iv = 'a1b2c3d4e5f6'
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(API_V3_KEY), Buffer.from(iv))
  cipher.setAAD(Buffer.from('transaction'))
  const encrypted = Buffer.concat([
    cipher.update(JSON.stringify(resource)),
    cipher.final(),
    cipher.getAuthTag(),
  ])
  const body = JSON.stringify({
    id: 'EV-2018022511223320873',
    create_time: '2015-05-20T13:29:35+08:00',
    resource_type: 'encrypt-resource',
    event_type: options.eventType ?? 'TRANSACTION.SUCCESS',
    summary: '支付成功',
    resource: {
      original_type: 'transaction',
      algorithm: 'AEAD_AES_256_GCM',
      ciphertext: encrypted.toString('base64'),
      associated_data: 'transaction',
      nonce: iv,
    },
  })
  const timestamp = String(Math.floor((options.timestamp ?? T0) / 1000))
  const nonce = options.nonce ?? 'fdasflkja484w'
  const signature = sign(`${timestamp}\n${nonce}\n${body}\n`, options.key ?? platformKey.privateKey)
  return {
    body,
    headers: {
      'wechatpay-serial': options.serial ?? SERIAL,
      'wechatpay-signature': signature,
      'wechatpay-timestamp': timestamp,
      'wechatpay-nonce': nonce,
    } as Record<string, string>,
  }
}

const paidTransaction = {
  appid: 'wx8888888888888888',
  mchid: '1900009191',
  out_trade_no: 'order-1',
  transaction_id: '4200000000202506010000000001',
  trade_state: 'SUCCESS',
  success_time: '2025-06-01T12:00:00+08:00',
  payer: { openid: 'o-payer' },
  amount: { total: 38400, payer_total: 38000, currency: 'CNY', payer_currency: 'CNY' },
}

function baseConfig(overrides: Partial<WechatPayConfig> = {}): WechatPayConfig {
  return {
    mchId: '1900009191',
    appId: 'wx8888888888888888',
    merchantSerialNo: '1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C',
    merchantPrivateKey: merchant.privateKey,
    apiV3Key: API_V3_KEY,
    platformKeys: { [SERIAL]: platformKey.publicKey },
    notifyUrl: 'https://shop.example.com/pay/wechat/notify',
    now: () => T0,
    ...overrides,
  }
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

describe('the signing messages', () => {
  it('builds the documented request string for GET /v3/certificates', () => {
    expect(
      wechatPayRequestMessage({
        method: 'GET',
        url: '/v3/certificates',
        timestamp: '1554208460',
        nonce: '593BEC0C930BF1AFEB40B4A08C8FB242',
        body: '',
      }),
    ).toBe('GET\n/v3/certificates\n1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\n\n')
  })

  it('builds the documented paySign string', () => {
    expect(
      wechatPayMessage([
        'wx8888888888888888',
        '1414561699',
        '5K8264ILTKCH16CQ2502SI8ZNMTM67VS',
        'prepay_id=wx201410272009395522657a690389285100',
      ]),
    ).toBe(
      'wx8888888888888888\n1414561699\n5K8264ILTKCH16CQ2502SI8ZNMTM67VS\nprepay_id=wx201410272009395522657a690389285100\n',
    )
  })

  it('property: every line is followed by \\n (also the last), so the lines read back and messages never collide', () => {
    const line = fc.string({ unit: 'grapheme', maxLength: 12 }).filter((s) => !s.includes('\n'))
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 6 }), (lines) => {
        const message = wechatPayMessage(lines)
        expect(message.endsWith('\n')).toBe(true)
        expect(message.slice(0, -1).split('\n')).toEqual(lines)
      }),
    )
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 1, maxLength: 5 }),
        fc.array(line, { minLength: 1, maxLength: 5 }),
        (a, b) => {
          if (wechatPayMessage(a) === wechatPayMessage(b)) expect(a).toEqual(b)
        },
      ),
    )
  })
})

describe('wx.requestPayment parameters', () => {
  it('signs the documented four lines with the merchant key (node:crypto verifies it with the public key)', () => {
    const wechatPay = createWechatPay(
      baseConfig({ now: () => 1_414_561_699_000, nonce: () => '5K8264ILTKCH16CQ2502SI8ZNMTM67VS' }),
    )
    const params = wechatPay.paymentParams('wx201410272009395522657a690389285100')
    expect(params).toEqual({
      timeStamp: '1414561699',
      nonceStr: '5K8264ILTKCH16CQ2502SI8ZNMTM67VS',
      package: 'prepay_id=wx201410272009395522657a690389285100',
      signType: 'RSA',
      paySign: expect.any(String),
    })
    const documented =
      'wx8888888888888888\n1414561699\n5K8264ILTKCH16CQ2502SI8ZNMTM67VS\nprepay_id=wx201410272009395522657a690389285100\n'
    expect(verify(documented, params.paySign, merchant.publicKey)).toBe(true)
    expect(verify(documented, params.paySign, attacker.publicKey)).toBe(false)
  })
})

describe('decryptWechatPayResource', () => {
  it('decrypts the published AES-256-GCM test vector (GCM test case 14)', () => {
    const ciphertext = Buffer.from('cea7403d4d606b6e074ec5d3baf39d18d0d1c8a799996bf0265b98b5d48ab919', 'hex')
    const plain = decryptWechatPayResource(
      { algorithm: 'AEAD_AES_256_GCM', ciphertext: ciphertext.toString('base64'), nonce: '\0'.repeat(12) },
      '\0'.repeat(32),
    )
    expect(Buffer.from(plain, 'utf8')).toEqual(Buffer.alloc(16))
  })

  it('decrypts what the platform encrypted, and refuses a changed ciphertext, AAD or key', async () => {
    const { body } = platformNotification(paidTransaction)
    const resource = JSON.parse(body).resource
    expect(JSON.parse(decryptWechatPayResource(resource, API_V3_KEY))).toEqual(paidTransaction)
    const bytes = Buffer.from(resource.ciphertext, 'base64')
    bytes[3]! ^= 1
    expect(
      await codeOf(() =>
        decryptWechatPayResource({ ...resource, ciphertext: bytes.toString('base64') }, API_V3_KEY),
      ),
    ).toBe('DECRYPT_FAILED')
    expect(
      await codeOf(() => decryptWechatPayResource({ ...resource, associated_data: 'refund' }, API_V3_KEY)),
    ).toBe('DECRYPT_FAILED')
    expect(await codeOf(() => decryptWechatPayResource(resource, 'vutsrqponmlkjihgfedcba9876543210'))).toBe(
      'DECRYPT_FAILED',
    )
    expect(await codeOf(() => decryptWechatPayResource(resource, 'short'))).toBe('INVALID_ARGUMENT')
  })
})

describe('verifyNotification', () => {
  it('accepts a notification signed as WeChat Pay signs it and hands back the decrypted payment in Money', async () => {
    const wechatPay = createWechatPay(baseConfig())
    const notification = await wechatPay.verifyNotification(platformNotification(paidTransaction))
    expect(notification).toMatchObject({
      id: 'EV-2018022511223320873',
      eventType: 'TRANSACTION.SUCCESS',
      resource: paidTransaction,
      transaction: {
        outTradeNo: 'order-1',
        transactionId: '4200000000202506010000000001',
        tradeState: 'SUCCESS',
        amount: { amount: 38400, currency: 'CNY' },
        payerAmount: { amount: 38000, currency: 'CNY' },
        payerOpenId: 'o-payer',
      },
    })
  })

  it('refuses a tampered body, another key, an unknown serial, missing headers and a foreign merchant', async () => {
    const wechatPay = createWechatPay(baseConfig())
    const genuine = platformNotification(paidTransaction, { nonce: 'n-tamper' })
    const tampered = { ...genuine, body: genuine.body.replace('TRANSACTION.SUCCESS', 'TRANSACTION.SUCCESS ') }
    expect(await codeOf(wechatPay.verifyNotification(tampered))).toBe('BAD_SIGNATURE')
    expect(
      await codeOf(
        wechatPay.verifyNotification(platformNotification(paidTransaction, { key: attacker.privateKey })),
      ),
    ).toBe('BAD_SIGNATURE')
    expect(
      await codeOf(
        wechatPay.verifyNotification(platformNotification(paidTransaction, { serial: 'PUB_KEY_ID_OTHER' })),
      ),
    ).toBe('UNKNOWN_KEY')
    const { 'wechatpay-nonce': _, ...headers } = genuine.headers
    expect(await codeOf(wechatPay.verifyNotification({ headers, body: genuine.body }))).toBe('MALFORMED')
    const foreign = platformNotification({ ...paidTransaction, mchid: '1900000000' }, { nonce: 'n-foreign' })
    expect(await codeOf(wechatPay.verifyNotification(foreign))).toBe('MALFORMED')
    // A forged message did not burn the nonce: the genuine one with the same nonce still passes.
    await expect(wechatPay.verifyNotification(genuine)).resolves.toMatchObject({
      eventType: 'TRANSACTION.SUCCESS',
    })
  })

  it('refuses an old (or future) timestamp outside the window, which is configurable', async () => {
    const sixMinutesAgo = platformNotification(paidTransaction, {
      timestamp: T0 - 6 * 60_000,
      nonce: 'n-old',
    })
    expect(await codeOf(createWechatPay(baseConfig()).verifyNotification(sixMinutesAgo))).toBe(
      'STALE_TIMESTAMP',
    )
    const fromTheFuture = platformNotification(paidTransaction, {
      timestamp: T0 + 6 * 60_000,
      nonce: 'n-future',
    })
    expect(await codeOf(createWechatPay(baseConfig()).verifyNotification(fromTheFuture))).toBe(
      'STALE_TIMESTAMP',
    )
    const lenient = createWechatPay(baseConfig({ windowMs: 10 * 60_000 }))
    await expect(lenient.verifyNotification(sixMinutesAgo)).resolves.toMatchObject({
      eventType: 'TRANSACTION.SUCCESS',
    })
  })

  it('refuses a replayed notification (same nonce), through an injected nonce store too', async () => {
    const wechatPay = createWechatPay(baseConfig())
    const notification = platformNotification(paidTransaction, { nonce: 'n-replay' })
    await wechatPay.verifyNotification(notification)
    expect(await codeOf(wechatPay.verifyNotification(notification))).toBe('REPLAYED')

    const seen = new Set<string>()
    const store = { remember: async (key: string) => !seen.has(key) && Boolean(seen.add(key)) }
    const first = createWechatPay(baseConfig({ nonceStore: store }))
    const second = createWechatPay(baseConfig({ nonceStore: store }))
    await first.verifyNotification(notification)
    expect(await codeOf(second.verifyNotification(notification))).toBe('REPLAYED')
  })

  it('reads a refund notification into Money', async () => {
    const wechatPay = createWechatPay(baseConfig())
    const refunded = {
      mchid: '1900009191',
      out_trade_no: 'order-1',
      transaction_id: '4200000000202506010000000001',
      out_refund_no: 'refund-1',
      refund_id: '50000000382019052709732678859',
      refund_status: 'SUCCESS',
      success_time: '2025-06-02T10:00:00+08:00',
      amount: { total: 38400, refund: 10000, payer_total: 38000, payer_refund: 10000 },
    }
    const notification = await wechatPay.verifyNotification(
      platformNotification(refunded, { eventType: 'REFUND.SUCCESS', nonce: 'n-refund' }),
    )
    expect(notification.refund).toEqual({
      refundId: '50000000382019052709732678859',
      outRefundNo: 'refund-1',
      outTradeNo: 'order-1',
      status: 'SUCCESS',
      refund: { amount: 10000, currency: 'CNY' },
      total: { amount: 38400, currency: 'CNY' },
    })
    expect(notification.transaction).toBeUndefined()
  })

  it('reads keys as the consoles give them: a bare base64 public key, a PKCS#1 private key', async () => {
    const { createPrivateKey, createPublicKey } = await import('node:crypto')
    const bareSpki = createPublicKey(platformKey.publicKey)
      .export({ type: 'spki', format: 'der' })
      .toString('base64')
    const pkcs1 = createPrivateKey(merchant.privateKey).export({ type: 'pkcs1', format: 'pem' }).toString()
    const wechatPay = createWechatPay(
      baseConfig({ platformKeys: { [SERIAL]: bareSpki }, merchantPrivateKey: pkcs1 }),
    )
    await expect(wechatPay.verifyNotification(platformNotification(paidTransaction))).resolves.toMatchObject({
      eventType: 'TRANSACTION.SUCCESS',
    })
    const params = wechatPay.paymentParams('p1')
    const message = `wx8888888888888888\n${params.timeStamp}\n${params.nonceStr}\nprepay_id=p1\n`
    expect(verify(message, params.paySign, merchant.publicKey)).toBe(true)
    expect(await codeOf(() => createWechatPay(baseConfig({ merchantPrivateKey: 'not a key' })))).toBe(
      'INVALID_ARGUMENT',
    )
    expect(await codeOf(() => createWechatPay(baseConfig({ platformKeys: {} })))).toBe('INVALID_ARGUMENT')
  })

  it('answers as documented: 204 when handled, 500 FAIL to be retried', () => {
    const wechatPay = createWechatPay(baseConfig())
    expect(wechatPay.notificationAnswer(true)).toEqual({ status: 204, headers: {}, body: '' })
    expect(wechatPay.notificationAnswer(false)).toMatchObject({
      status: 500,
      body: '{"code":"FAIL","message":"not handled"}',
    })
  })
})

describe('the API client against a fake WeChat Pay', () => {
  let platform: FakePlatform
  let forgeAnswers = false

  /** WeChat Pay's side: check the Authorization header as documented, answer signed with the platform key. */
  function checkAuthorization(request: ReceivedRequest) {
    const header = String(request.headers.authorization)
    expect(header.startsWith('WECHATPAY2-SHA256-RSA2048 ')).toBe(true)
    const fields = Object.fromEntries(
      [...header.matchAll(/(\w+)="([^"]*)"/g)].map((match) => [match[1], match[2]] as [string, string]),
    )
    expect(fields.mchid).toBe('1900009191')
    expect(fields.serial_no).toBe('1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C')
    const message = `${request.method}\n${request.url}\n${fields.timestamp}\n${fields.nonce_str}\n${request.body}\n`
    expect(verify(message, fields.signature!, merchant.publicKey)).toBe(true)
    return fields
  }
  function signedAnswer(status: number, body: object) {
    const text = JSON.stringify(body)
    const timestamp = String(Math.floor(T0 / 1000))
    const nonce = `answer-${Math.random()}`
    const signature = sign(
      `${timestamp}\n${nonce}\n${text}\n`,
      forgeAnswers ? attacker.privateKey : platformKey.privateKey,
    )
    return {
      status,
      body: text,
      headers: {
        'wechatpay-serial': SERIAL,
        'wechatpay-signature': signature,
        'wechatpay-timestamp': timestamp,
        'wechatpay-nonce': nonce,
      },
    }
  }

  beforeAll(async () => {
    platform = await startFakePlatform({
      'POST /v3/pay/transactions/jsapi': (request) => {
        checkAuthorization(request)
        const body = JSON.parse(request.body)
        if (body.out_trade_no === 'duplicate') {
          return signedAnswer(400, { code: 'OUT_TRADE_NO_USED', message: '商户订单号重复' })
        }
        return signedAnswer(200, { prepay_id: `wx-prepay-${body.out_trade_no}` })
      },
      'GET /v3/pay/transactions/out-trade-no/order-1': (request) => {
        checkAuthorization(request)
        return signedAnswer(200, paidTransaction)
      },
      'GET /v3/refund/domestic/refunds/refund-1': (request) => {
        checkAuthorization(request)
        return signedAnswer(200, {
          refund_id: '50000000382019052709732678859',
          out_refund_no: 'refund-1',
          out_trade_no: 'order-1',
          status: 'SUCCESS',
          amount: { refund: 10000, total: 38400, currency: 'CNY' },
        })
      },
      'POST /v3/refund/domestic/refunds': (request) => {
        checkAuthorization(request)
        const body = JSON.parse(request.body)
        return signedAnswer(200, {
          refund_id: '50000000382019052709732678859',
          out_refund_no: body.out_refund_no,
          out_trade_no: body.out_trade_no,
          status: 'PROCESSING',
          amount: { refund: body.amount.refund, total: body.amount.total, currency: 'CNY' },
        })
      },
    })
  })
  afterAll(async () => {
    await platform.close()
    expect(platform.failures).toEqual([])
  })

  it('prepays with a signed request and the documented body, then signs the cashier payload', async () => {
    const wechatPay = createWechatPay(baseConfig({ baseUrl: platform.baseUrl }))
    const params = await wechatPay.createPayment({
      outTradeNo: 'order-1',
      description: 'TradeKit 会员 3 年',
      amount: { amount: 38400, currency: 'CNY' },
      payerOpenId: 'o-payer',
      expiresAt: Date.UTC(2025, 5, 15, 16, 30, 0),
      attach: 'plan=3y',
    })
    const sent = platform.requests.at(-1)!
    expect(sent.headers['content-type']).toBe('application/json')
    expect(JSON.parse(sent.body)).toEqual({
      appid: 'wx8888888888888888',
      mchid: '1900009191',
      description: 'TradeKit 会员 3 年',
      out_trade_no: 'order-1',
      notify_url: 'https://shop.example.com/pay/wechat/notify',
      amount: { total: 38400, currency: 'CNY' },
      payer: { openid: 'o-payer' },
      time_expire: '2025-06-16T00:30:00+08:00',
      attach: 'plan=3y',
    })
    expect(params.package).toBe('prepay_id=wx-prepay-order-1')
    const message = `wx8888888888888888\n${params.timeStamp}\n${params.nonceStr}\n${params.package}\n`
    expect(verify(message, params.paySign, merchant.publicKey)).toBe(true)
  })

  it('refuses amounts that are not integer fen in CNY before anything is sent', async () => {
    const wechatPay = createWechatPay(baseConfig({ baseUrl: platform.baseUrl }))
    const count = platform.requests.length
    const input = { outTradeNo: 'o', description: 'd', payerOpenId: 'p' }
    expect(await codeOf(wechatPay.prepay({ ...input, amount: { amount: 12.5, currency: 'CNY' } }))).toBe(
      'INVALID_ARGUMENT',
    )
    expect(await codeOf(wechatPay.prepay({ ...input, amount: { amount: 100, currency: 'USD' } }))).toBe(
      'INVALID_ARGUMENT',
    )
    expect(await codeOf(wechatPay.prepay({ ...input, amount: { amount: 0, currency: 'CNY' } }))).toBe(
      'INVALID_ARGUMENT',
    )
    expect(platform.requests.length).toBe(count)
  })

  it('signs the path with its query for a GET and reads the payment back in Money', async () => {
    const wechatPay = createWechatPay(baseConfig({ baseUrl: platform.baseUrl }))
    await expect(wechatPay.queryOrder('order-1')).resolves.toEqual({
      outTradeNo: 'order-1',
      transactionId: '4200000000202506010000000001',
      tradeState: 'SUCCESS',
      successTime: '2025-06-01T12:00:00+08:00',
      payerOpenId: 'o-payer',
      appId: 'wx8888888888888888',
      mchId: '1900009191',
      amount: { amount: 38400, currency: 'CNY' },
      payerAmount: { amount: 38000, currency: 'CNY' },
    })
    expect(platform.requests.at(-1)!.url).toBe('/v3/pay/transactions/out-trade-no/order-1?mchid=1900009191')
  })

  it('refunds in fen and refuses a refund above the total', async () => {
    const wechatPay = createWechatPay(baseConfig({ baseUrl: platform.baseUrl }))
    const refund = await wechatPay.refund({
      outTradeNo: 'order-1',
      outRefundNo: 'refund-1',
      refund: { amount: 10000, currency: 'CNY' },
      total: { amount: 38400, currency: 'CNY' },
      reason: '不想要了',
    })
    expect(refund).toEqual({
      refundId: '50000000382019052709732678859',
      outRefundNo: 'refund-1',
      outTradeNo: 'order-1',
      status: 'PROCESSING',
      refund: { amount: 10000, currency: 'CNY' },
      total: { amount: 38400, currency: 'CNY' },
    })
    expect(JSON.parse(platform.requests.at(-1)!.body).amount).toEqual({
      refund: 10000,
      total: 38400,
      currency: 'CNY',
    })
    await expect(wechatPay.queryRefund('refund-1')).resolves.toMatchObject({
      status: 'SUCCESS',
      refund: { amount: 10000 },
    })
    expect(platform.requests.at(-1)!.url).toBe('/v3/refund/domestic/refunds/refund-1')
    const tooMuch = { outTradeNo: 'order-1', outRefundNo: 'r2', refund: { amount: 38401, currency: 'CNY' } }
    expect(await codeOf(wechatPay.refund({ ...tooMuch, total: { amount: 38400, currency: 'CNY' } }))).toBe(
      'INVALID_ARGUMENT',
    )
  })

  it('reports a platform refusal with its code, an unreachable platform as NETWORK and a forged answer as BAD_SIGNATURE', async () => {
    const wechatPay = createWechatPay(baseConfig({ baseUrl: platform.baseUrl }))
    const input = { description: 'd', amount: { amount: 1, currency: 'CNY' }, payerOpenId: 'p' }
    try {
      await wechatPay.prepay({ ...input, outTradeNo: 'duplicate' })
      expect.unreachable()
    } catch (error) {
      expect(isServerError(error) && [error.code, error.status, error.platformCode]).toEqual([
        'PLATFORM_ERROR',
        400,
        'OUT_TRADE_NO_USED',
      ])
    }
    const offline = createWechatPay(baseConfig({ baseUrl: 'http://127.0.0.1:9' }))
    expect(await codeOf(offline.prepay({ ...input, outTradeNo: 'x' }))).toBe('NETWORK')
    forgeAnswers = true
    try {
      expect(await codeOf(wechatPay.queryOrder('order-1'))).toBe('BAD_SIGNATURE')
    } finally {
      forgeAnswers = false
    }
  })
})
