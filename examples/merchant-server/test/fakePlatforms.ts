import { createCipheriv, createSign, createVerify, generateKeyPairSync, randomBytes } from 'node:crypto'
import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  alipaySignContent,
  alipayVerifyContent,
  douyinPayCallbackSignature,
  douyinPaySign,
} from '@tradekit/server'
import type { PlatformChannelsConfig } from '../src/payments/platformChannels.ts'

/** A fresh 2048-bit RSA key pair in PEM, made at test time (never committed). */
export function rsaKeyPair(): { privateKey: string; publicKey: string } {
  return generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  })
}

const rsaSign = (message: string, privateKey: string) =>
  createSign('RSA-SHA256').update(message, 'utf8').sign(privateKey, 'base64')

/** One request a fake platform received. */
export interface Received {
  method: string
  path: string
  headers: IncomingHttpHeaders
  body: string
}
type Answer = { status?: number; headers?: Record<string, string>; body: string }

/** An HTTP server on 127.0.0.1 (random port) answering with `handle`; every request recorded. */
async function serve(handle: (request: Received) => Answer) {
  const requests: Received[] = []
  const failures: unknown[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const request = {
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      }
      requests.push(request)
      let answer: Answer
      try {
        answer = handle(request)
      } catch (error) {
        failures.push(error)
        answer = { status: 599, body: JSON.stringify({ message: String(error) }) }
      }
      res.writeHead(answer.status ?? 200, { 'content-type': 'application/json', ...answer.headers })
      res.end(answer.body)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    failures,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** What the fake platform knows of an order: paid or not, refunded or not, and for how much. */
export interface PlatformOrder {
  paid: boolean
  refunded: boolean
  total: number
  /** The platform's refund API fails (a 500) while this is set; the refunds it was asked for are kept. */
  refusesRefund?: boolean
  /** The refunds the platform was asked for: number and amount. */
  refunds?: { refundNo: string; amount: number }[]
}

/** A signed callback as a platform sends it. */
export interface Callback {
  headers: Record<string, string>
  body: string
}

/** How a test asks a fake platform for a callback. */
export interface CallbackOptions {
  outcome: 'paid' | 'closed'
  /** Seconds since the epoch. */
  timestamp: number
  nonce?: string
  /** Sign with a key the platform does not hold. */
  forged?: boolean
  /** The amount the platform says was paid, in fen. */
  total: number
}

/** A fake platform: its HTTP API, its keys, and callbacks signed as it signs them. */
export interface FakePlatform {
  readonly channel: 'douyin-trade' | 'douyin-pay' | 'wechat' | 'alipay'
  readonly orders: Map<string, PlatformOrder>
  readonly requests: Received[]
  readonly failures: unknown[]
  /** The part of createApp's `payments` for this platform. */
  readonly config: PlatformChannelsConfig
  /** A callback about `orderId`. */
  callback(orderId: string, options: CallbackOptions): Callback
  /** A refund callback (WeChat Pay's REFUND.SUCCESS / REFUND.ABNORMAL), where the fake has one. */
  refundCallback?(
    refund: { orderId: string; refundNo: string; refund: number; total: number },
    options: { succeeded: boolean; timestamp: number; forged?: boolean },
  ): Callback
  close(): Promise<void>
}

const nonce = () => randomBytes(8).toString('hex')

/**
 * Douyin's general trading system. Callbacks and answers: SHA256-RSA over "timestamp\nnonce\nbody\n"
 * with the platform key (Byte-Timestamp, Byte-Nonce-Str, Byte-Signature).
 */
export async function fakeDouyinTrade(clock: () => number): Promise<FakePlatform> {
  const app = rsaKeyPair()
  const platform = rsaKeyPair()
  const attacker = rsaKeyPair()
  const orders = new Map<string, PlatformOrder>()
  const signed = (data: object, errNo = 0): Answer => {
    const body = JSON.stringify({
      err_no: errNo,
      err_msg: errNo === 0 ? 'success' : 'refused',
      log_id: 'log',
      data,
    })
    const timestamp = String(Math.floor(clock() / 1000))
    const n = nonce()
    return {
      body,
      headers: {
        'Byte-Timestamp': timestamp,
        'Byte-Nonce-Str': n,
        'Byte-Signature': rsaSign(`${timestamp}\n${n}\n${body}\n`, platform.privateKey),
      },
    }
  }
  const server = await serve((request) => {
    const path = request.path.split('?')[0]
    if (path === '/oauth/client_token/') {
      return {
        body: JSON.stringify({
          data: { access_token: 'clt.token', error_code: 0, expires_in: 7200 },
          message: 'success',
        }),
      }
    }
    const body = JSON.parse(request.body || '{}')
    if (!String(request.headers['byte-authorization']).startsWith('SHA256-RSA2048 '))
      throw new Error('unsigned request')
    if (path === '/api/trade_basic/v1/developer/order_query/') {
      const order = orders.get(body.out_order_no)
      if (!order) return signed({}, 22001)
      return signed({
        app_id: 'tt-test-app',
        out_order_no: body.out_order_no,
        order_id: `motb-${body.out_order_no}`,
        pay_status: order.paid ? 'SUCCESS' : 'PROCESS',
        total_amount: order.total,
        item_order_list: [
          { item_order_id: `item-${body.out_order_no}`, sku_id: 'x', item_order_amount: order.total },
        ],
      })
    }
    if (path === '/api/trade_basic/v1/developer/refund_create/') {
      const order = [...orders.entries()].find(([id]) => `motb-${id}` === body.order_id)
      if (!order?.[1].paid) return signed({}, 22002)
      order[1].refunded = true
      return signed({ refund_id: `mort-${body.out_refund_no}`, refund_audit_deadline: clock() + 86_400_000 })
    }
    return { status: 404, body: '{}' }
  })
  return {
    channel: 'douyin-trade',
    orders,
    requests: server.requests,
    failures: server.failures,
    config: {
      douyinTrade: {
        appId: 'tt-test-app',
        appSecret: 'tt-test-secret',
        appPrivateKey: app.privateKey,
        keyVersion: '1',
        platformPublicKey: platform.publicKey,
        payNotifyUrl: 'https://shop.example.com/pay/douyin-trade/notify',
        baseUrl: server.baseUrl,
        goodsType: 401,
        tagGroupId: 'tag_group_test',
        defaultImage: 'https://shop.example.com/goods.png',
        orderPath: 'packageOrders/pages/detail/index',
      },
    },
    callback(orderId, options) {
      const msg = {
        app_id: 'tt-test-app',
        out_order_no: orderId,
        order_id: `motb-${orderId}`,
        status: options.outcome === 'paid' ? 'SUCCESS' : 'CANCEL',
        total_amount: options.total,
        discount_amount: 0,
        pay_channel: 1,
        channel_pay_id: '4200001234',
        cp_extra: '',
        event_time: options.timestamp * 1000,
      }
      const body = JSON.stringify({ msg: JSON.stringify(msg), type: 'payment', version: '3.0' })
      const timestamp = String(options.timestamp)
      const n = options.nonce ?? nonce()
      return {
        body,
        headers: {
          'content-type': 'application/json',
          'Byte-Timestamp': timestamp,
          'Byte-Nonce-Str': n,
          'Byte-Signature': rsaSign(
            `${timestamp}\n${n}\n${body}\n`,
            options.forged ? attacker.privateKey : platform.privateKey,
          ),
        },
      }
    },
    close: server.close,
  }
}

/** Douyin's guaranteed payment: requests signed with the SALT (MD5), callbacks with the token (SHA-1). */
export async function fakeDouyinPay(_clock: () => number): Promise<FakePlatform> {
  const salt = randomBytes(16).toString('hex')
  const token = randomBytes(16).toString('hex')
  const orders = new Map<string, PlatformOrder>()
  const answer = (body: object): Answer => ({ body: JSON.stringify({ err_no: 0, err_tips: '', ...body }) })
  const server = await serve((request) => {
    const body = JSON.parse(request.body)
    if (body.sign !== douyinPaySign(body, salt)) throw new Error('bad request signature')
    const path = request.path.split('?')[0]
    if (path === '/api/apps/ecpay/v1/create_order') {
      return answer({
        data: { order_id: `N-${body.out_order_no}`, order_token: `token-${body.out_order_no}` },
      })
    }
    if (path === '/api/apps/ecpay/v1/query_order') {
      const order = orders.get(body.out_order_no)
      if (!order) return { body: JSON.stringify({ err_no: 1, err_tips: '订单不存在' }) }
      return answer({
        out_order_no: body.out_order_no,
        order_id: `N-${body.out_order_no}`,
        payment_info: { total_fee: order.total, order_status: order.paid ? 'SUCCESS' : 'PROCESSING' },
      })
    }
    if (path === '/api/apps/ecpay/v1/create_refund') {
      const order = orders.get(body.out_order_no)
      if (!order?.paid) return { body: JSON.stringify({ err_no: 2, err_tips: '订单未支付' }) }
      order.refunded = true
      return answer({ refund_no: `R-${body.out_refund_no}` })
    }
    return { status: 404, body: '{}' }
  })
  return {
    channel: 'douyin-pay',
    orders,
    requests: server.requests,
    failures: server.failures,
    config: {
      douyinPay: {
        appId: 'tt-test-app',
        salt,
        token,
        notifyUrl: 'https://shop.example.com/pay/douyin-pay/notify',
        baseUrl: server.baseUrl,
      },
    },
    callback(orderId, options) {
      const msg = JSON.stringify({
        appid: 'tt-test-app',
        cp_orderno: orderId,
        cp_extra: '',
        way: '1',
        payment_order_no: 'PAY-1',
        total_amount: options.total,
        status: options.outcome === 'paid' ? 'SUCCESS' : 'CANCEL',
        order_id: `N-${orderId}`,
      })
      const timestamp = String(options.timestamp)
      const n = options.nonce ?? String(Math.floor(Math.random() * 1e6))
      const signature = douyinPayCallbackSignature(
        options.forged ? 'a guessed token' : token,
        timestamp,
        n,
        msg,
      )
      return {
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ timestamp, nonce: n, msg, msg_signature: signature, type: 'payment' }),
      }
    },
    close: server.close,
  }
}

const WECHAT_KEY_ID = 'PUB_KEY_ID_0000000000000024101100397200000006'

/**
 * WeChat Pay v3: requests carry WECHATPAY2-SHA256-RSA2048 authorizations; answers and notifications
 * are signed over "timestamp\nnonce\nbody\n" with the WeChat Pay public key's private half; the
 * notification's resource is AES-256-GCM with the APIv3 key.
 */
export async function fakeWechatPay(clock: () => number): Promise<FakePlatform> {
  const merchant = rsaKeyPair()
  const platform = rsaKeyPair()
  const attacker = rsaKeyPair()
  const apiV3Key = randomBytes(16).toString('hex') // 32 characters
  const orders = new Map<string, PlatformOrder>()
  const signedAnswer = (body: object, status = 200): Answer => {
    const text = JSON.stringify(body)
    const timestamp = String(Math.floor(clock() / 1000))
    const n = nonce()
    return {
      status,
      body: text,
      headers: {
        'wechatpay-serial': WECHAT_KEY_ID,
        'wechatpay-timestamp': timestamp,
        'wechatpay-nonce': n,
        'wechatpay-signature': rsaSign(`${timestamp}\n${n}\n${text}\n`, platform.privateKey),
      },
    }
  }
  const transaction = (orderId: string, order: PlatformOrder | undefined, state: string) => ({
    appid: 'wx-test-app',
    mchid: '1900000001',
    out_trade_no: orderId,
    transaction_id: `4200-${orderId}`,
    trade_state: state,
    amount: { total: order?.total ?? 0, currency: 'CNY' },
  })
  const server = await serve((request) => {
    if (!String(request.headers.authorization).startsWith('WECHATPAY2-SHA256-RSA2048 '))
      throw new Error('unsigned request')
    const path = request.path.split('?')[0]!
    if (request.method === 'POST' && path === '/v3/pay/transactions/jsapi') {
      const body = JSON.parse(request.body)
      if (body.payer?.openid !== 'o-wechat-payer') throw new Error(`payer ${body.payer?.openid}`)
      return signedAnswer({ prepay_id: `wx-prepay-${body.out_trade_no}` })
    }
    const query = /^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)$/.exec(path)
    if (request.method === 'GET' && query) {
      const orderId = decodeURIComponent(query[1]!)
      const order = orders.get(orderId)
      if (!order) return signedAnswer({ code: 'ORDER_NOT_EXIST', message: '订单不存在' }, 404)
      return signedAnswer(
        transaction(orderId, order, order.refunded ? 'REFUND' : order.paid ? 'SUCCESS' : 'NOTPAY'),
      )
    }
    if (request.method === 'POST' && path === '/v3/refund/domestic/refunds') {
      const body = JSON.parse(request.body)
      const order = orders.get(body.out_trade_no)
      if (!order?.paid) return signedAnswer({ code: 'RESOURCE_NOT_EXISTS', message: '订单不存在' }, 404)
      order.refunds = [...(order.refunds ?? []), { refundNo: body.out_refund_no, amount: body.amount.refund }]
      if (order.refusesRefund) return signedAnswer({ code: 'SYSTEM_ERROR', message: '系统繁忙' }, 500)
      order.refunded = true
      return signedAnswer({
        refund_id: `5030-${body.out_refund_no}`,
        out_refund_no: body.out_refund_no,
        out_trade_no: body.out_trade_no,
        status: 'PROCESSING',
        amount: { refund: body.amount.refund, total: body.amount.total, currency: 'CNY' },
      })
    }
    return { status: 404, body: '{}' }
  })
  return {
    channel: 'wechat',
    orders,
    requests: server.requests,
    failures: server.failures,
    config: {
      wechat: {
        appId: 'wx-test-app',
        mchId: '1900000001',
        merchantSerialNo: '1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C',
        merchantPrivateKey: merchant.privateKey,
        apiV3Key,
        platformKeys: { [WECHAT_KEY_ID]: platform.publicKey },
        notifyUrl: 'https://shop.example.com/pay/wechat/notify',
        baseUrl: server.baseUrl,
      },
    },
    refundCallback(refund, options) {
      // 退款结果通知: the resource is the refund, encrypted like a transaction's.
      const resource = {
        mchid: '1900000001',
        out_trade_no: refund.orderId,
        transaction_id: `4200-${refund.orderId}`,
        out_refund_no: refund.refundNo,
        refund_id: `5030-${refund.refundNo}`,
        refund_status: options.succeeded ? 'SUCCESS' : 'ABNORMAL',
        amount: {
          total: refund.total,
          refund: refund.refund,
          payer_total: refund.total,
          payer_refund: refund.refund,
        },
      }
      return encrypted(resource, 'refund', options.succeeded ? 'REFUND.SUCCESS' : 'REFUND.ABNORMAL', {
        timestamp: options.timestamp,
        ...(options.forged !== undefined && { forged: options.forged }),
      })
    },
    callback(orderId, options) {
      const resource = transaction(
        orderId,
        { paid: true, refunded: false, total: options.total },
        options.outcome === 'paid' ? 'SUCCESS' : 'CLOSED',
      )
      return encrypted(
        resource,
        'transaction',
        options.outcome === 'paid' ? 'TRANSACTION.SUCCESS' : 'TRANSACTION.CLOSED',
        options,
      )
    },
    close: server.close,
  }
  function encrypted(
    resource: object,
    originalType: string,
    eventType: string,
    options: { timestamp: number; nonce?: string; forged?: boolean },
  ): Callback {
    {
      const iv = randomBytes(6).toString('hex')
      const cipher = createCipheriv('aes-256-gcm', Buffer.from(apiV3Key), Buffer.from(iv))
      cipher.setAAD(Buffer.from(originalType))
      const ciphertext = Buffer.concat([
        cipher.update(JSON.stringify(resource)),
        cipher.final(),
        cipher.getAuthTag(),
      ])
      const body = JSON.stringify({
        id: `EV-${nonce()}`,
        create_time: '2026-01-15T16:00:00+08:00',
        resource_type: 'encrypt-resource',
        event_type: eventType,
        summary: '支付成功',
        resource: {
          original_type: originalType,
          algorithm: 'AEAD_AES_256_GCM',
          ciphertext: ciphertext.toString('base64'),
          associated_data: originalType,
          nonce: iv,
        },
      })
      const timestamp = String(options.timestamp)
      const n = options.nonce ?? nonce()
      return {
        body,
        headers: {
          'content-type': 'application/json',
          'wechatpay-serial': WECHAT_KEY_ID,
          'wechatpay-timestamp': timestamp,
          'wechatpay-nonce': n,
          'wechatpay-signature': rsaSign(
            `${timestamp}\n${n}\n${body}\n`,
            options.forged ? attacker.privateKey : platform.privateKey,
          ),
        },
      }
    }
  }
}

/** Beijing time (UTC+8) as Alipay writes it: `yyyy-MM-dd HH:mm:ss`. */
const beijing = (seconds: number) =>
  new Date(seconds * 1000 + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ')
const yuan = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`

/** Alipay: requests and answers RSA2 (SHA256withRSA); notifications signed over the sorted parameters. */
export async function fakeAlipay(_clock: () => number): Promise<FakePlatform> {
  const app = rsaKeyPair()
  const platform = rsaKeyPair()
  const attacker = rsaKeyPair()
  const orders = new Map<string, PlatformOrder>()
  const answer = (name: string, node: object): Answer => {
    const text = JSON.stringify(node)
    return { body: `{"${name}":${text},"sign":"${rsaSign(text, platform.privateKey)}"}` }
  }
  const server = await serve((request) => {
    const params = Object.fromEntries(new URLSearchParams(request.body))
    const genuine = createVerify('RSA-SHA256')
      .update(alipaySignContent(params), 'utf8')
      .verify(app.publicKey, params.sign ?? '', 'base64')
    if (!genuine) throw new Error('the request is not signed with the application key')
    const biz = JSON.parse(params.biz_content ?? '{}')
    if (params.method === 'alipay.system.oauth.token') {
      if (params.code !== 'alipay-auth-code') {
        const node = {
          code: '40002',
          msg: 'Invalid Arguments',
          sub_code: 'isv.code-invalid',
          sub_msg: '授权码code无效',
        }
        return answer('error_response', node)
      }
      return answer('alipay_system_oauth_token_response', {
        open_id: 'alipay-buyer-1',
        access_token: 'authusrB-test',
        expires_in: '3600',
      })
    }
    if (params.method === 'alipay.trade.create') {
      if (biz.buyer_open_id !== 'alipay-buyer-1') throw new Error(`buyer ${biz.buyer_open_id}`)
      return answer('alipay_trade_create_response', {
        code: '10000',
        msg: 'Success',
        out_trade_no: biz.out_trade_no,
        trade_no: `2026${biz.out_trade_no.slice(4, 20)}`,
      })
    }
    if (params.method === 'alipay.trade.query') {
      const order = orders.get(biz.out_trade_no)
      if (!order) {
        return answer('alipay_trade_query_response', {
          code: '40004',
          msg: 'Business Failed',
          sub_code: 'ACQ.TRADE_NOT_EXIST',
          sub_msg: '交易不存在',
        })
      }
      return answer('alipay_trade_query_response', {
        code: '10000',
        msg: 'Success',
        trade_no: `2026${biz.out_trade_no.slice(4, 20)}`,
        out_trade_no: biz.out_trade_no,
        trade_status: order.paid ? 'TRADE_SUCCESS' : 'WAIT_BUYER_PAY',
        total_amount: yuan(order.total),
      })
    }
    if (params.method === 'alipay.trade.refund') {
      const order = orders.get(biz.out_trade_no)
      if (!order?.paid) {
        return answer('alipay_trade_refund_response', {
          code: '40004',
          msg: 'Business Failed',
          sub_code: 'ACQ.TRADE_NOT_EXIST',
        })
      }
      order.refunded = true
      return answer('alipay_trade_refund_response', {
        code: '10000',
        msg: 'Success',
        trade_no: `2026${biz.out_trade_no.slice(4, 20)}`,
        out_trade_no: biz.out_trade_no,
        fund_change: 'Y',
        refund_fee: biz.refund_amount,
      })
    }
    return { status: 404, body: '{}' }
  })
  return {
    channel: 'alipay',
    orders,
    requests: server.requests,
    failures: server.failures,
    config: {
      alipay: {
        appId: '2021000000000001',
        appPrivateKey: app.privateKey,
        alipayPublicKey: platform.publicKey,
        notifyUrl: 'https://shop.example.com/pay/alipay/notify',
        gatewayUrl: `${server.baseUrl}/gateway.do`,
      },
    },
    callback(orderId, options) {
      const params: Record<string, string> = {
        app_id: '2021000000000001',
        notify_id: options.nonce ?? nonce(),
        notify_time: beijing(options.timestamp),
        notify_type: 'trade_status_sync',
        out_trade_no: orderId,
        trade_no: `2026${orderId.slice(4, 20)}`,
        trade_status: options.outcome === 'paid' ? 'TRADE_SUCCESS' : 'TRADE_CLOSED',
        total_amount: yuan(options.total),
        charset: 'utf-8',
        version: '1.0',
        sign_type: 'RSA2',
      }
      params.sign = rsaSign(
        alipayVerifyContent(params),
        options.forged ? attacker.privateKey : platform.privateKey,
      )
      return {
        headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
        body: new URLSearchParams(params).toString(),
      }
    },
    close: server.close,
  }
}
