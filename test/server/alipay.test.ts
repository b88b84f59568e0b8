// Alipay (RSA2 = SHA256withRSA). Sources:
// - Request signing, "自行实现签名" of the Alipay open platform: drop `sign` and parameters without a value,
//   sort by name in ASCII order, join raw "name=value" with "&", sign with the application private key.
//   Its documented example (app_id=2014072300007148, method=alipay.mobile.public.menu.add, …) and canonical
//   string are reproduced at https://git.aopcloud.com/k/SOP/raw/commit/12a3cec8a32d6b2ebc4204ace66c42b1dbae9924/sop-website/website-front/pages/doc/sign.html
//   and match the official Java SDK's AlipaySignature.getSignContent.
// - Asynchronous notification, "异步通知验签": drop `sign` and `sign_type`, sort the rest, join "name=value"
//   with "&", verify with Alipay's public key. Documented example (notify_id=4a91b7a78a503640467525113fb7d8bg8e,
//   app_id=2015102700040153, …) and its canonical string as reproduced at
//   https://blog.csdn.net/qq_39505065/article/details/84429592 and https://w3cschool.cn/aliminiapp/aliminiapp-7d192f51.html;
//   the Java SDK's AlipaySignature.getSignCheckContentV1 does the same (empty values kept). Answer: the text "success".
// - Synchronous answers: the signature covers the raw JSON text of the `alipay_trade_create_response` node.
// - alipay.trade.create for mini-programs: product_code JSAPI_PAY, op_app_id, buyer_open_id, total_amount in yuan.
// The documented examples publish no key, so signatures are checked with keys made here, both ways.
import { createSign, createVerify } from 'node:crypto'
import {
  type AlipayConfig,
  alipaySignContent,
  alipayVerifyContent,
  createAlipay,
  isServerError,
} from '@tradekit/server'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type FakePlatform, startFakePlatform } from './fakePlatform'
import { rsaKeyPair } from './testKeys'

const app = rsaKeyPair()
const alipayKey = rsaKeyPair()
const attacker = rsaKeyPair()
/** 2016-07-19 14:10:49 in Beijing. */
const T0 = Date.UTC(2016, 6, 19, 6, 10, 49)

function sign(message: string, privateKey: string): string {
  return createSign('RSA-SHA256').update(message).sign(privateKey, 'base64')
}
function verify(message: string, signature: string, publicKey: string): boolean {
  return createVerify('RSA-SHA256').update(message).verify(publicKey, signature, 'base64')
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

const MENU =
  '{"button":[{"actionParam":"ZFB_HFCZ","actionType":"out","name":"话费充值"},{"name":"查询","subButton":[{"actionParam":"ZFB_YECX","actionType":"out","name":"余额查询"},{"actionParam":"ZFB_LLCX","actionType":"out","name":"流量查询"},{"actionParam":"ZFB_HFCX","actionType":"out","name":"话费查询"}]},{"actionParam":"http://m.alipay.com","actionType":"link","name":"最新优惠"}]}'

/** The documented notification (as a decoded parameter list). */
const documentedNotification = {
  total_amount: '2.00',
  buyer_id: '2088102116773037',
  body: '大乐透2.1',
  trade_no: '2016071921001003030200089909',
  refund_fee: '0.00',
  notify_time: '2016-07-19 14:10:49',
  subject: '大乐透2.1',
  sign_type: 'RSA2',
  charset: 'utf-8',
  notify_type: 'trade_status_sync',
  out_trade_no: '0719141034-6418',
  gmt_close: '2016-07-19 14:10:46',
  gmt_payment: '2016-07-19 14:10:47',
  trade_status: 'TRADE_SUCCESS',
  version: '1.0',
  sign: 'kPbQIjX+xQc8F0/A6/AocELIjhhZnGbcBN6G4MM/HmfWL4ZiHM6fWl5NQhzXJusaklZ1LFuMo+lHQUELAYeugH8LYFvxnNajOvZhuxNFbN2LhF0l/KL8ANtj8oyPM4NN7Qft2kWJTDJUpQOzCzNnV9hDxh5AaT9FPqRS6ZKxnzM=',
  gmt_create: '2016-07-19 14:10:44',
  app_id: '2015102700040153',
  seller_id: '2088102119685838',
  notify_id: '4a91b7a78a503640467525113fb7d8bg8e',
}

/** What Alipay does: sign the sorted parameters (without sign, sign_type), post them as a form. */
function platformNotification(overrides: Record<string, string> = {}, key = alipayKey.privateKey): string {
  const { sign: _, ...params } = { ...documentedNotification, ...overrides }
  const signature = sign(alipayVerifyContent(params), key)
  return new URLSearchParams({ ...params, sign: signature }).toString()
}

function config(overrides: Partial<AlipayConfig> = {}): AlipayConfig {
  return {
    appId: '2015102700040153',
    appPrivateKey: app.privateKey,
    alipayPublicKey: alipayKey.publicKey,
    notifyUrl: 'https://shop.example.com/pay/alipay/notify',
    now: () => T0,
    ...overrides,
  }
}

describe('the canonical strings', () => {
  it('builds the documented request string (sign dropped, sorted, raw values)', () => {
    expect(
      alipaySignContent({
        app_id: '2014072300007148',
        method: 'alipay.mobile.public.menu.add',
        charset: 'GBK',
        sign_type: 'RSA2',
        timestamp: '2014-07-24 03:07:50',
        biz_content: MENU,
        sign: 'e9zEAe4TTQ4LPLQvETPoLGXTiURcxiAKfMVQ6Hrrsx2hmyIEGvSfAQzbLxHrhyZ48wOJXTsD4FPnt+YGdK57+fP1BCbf9rIVycfjhYCqlFhbTu9pFnZgT55W+xbAFb9y7vL0MyAxwXUXvZtQVqEwW7pURtKilbcBTEW7TAxzgro=',
        version: '1.0',
      }),
    ).toBe(
      `app_id=2014072300007148&biz_content=${MENU}&charset=GBK&method=alipay.mobile.public.menu.add&sign_type=RSA2&timestamp=2014-07-24 03:07:50&version=1.0`,
    )
  })

  it('builds the documented notification string (sign and sign_type dropped, sorted)', () => {
    // The documented string leaves out gmt_create although the example notification carries it; the
    // official SDK (getSignCheckContentV1) keeps every parameter but sign and sign_type, and so do we:
    // the documented string is matched exactly over the parameters it lists, and gmt_create sorts in.
    const { gmt_create, ...listed } = documentedNotification
    expect(alipayVerifyContent(documentedNotification)).toBe(
      alipayVerifyContent(listed).replace('&gmt_payment=', `&gmt_create=${gmt_create}&gmt_payment=`),
    )
    expect(alipayVerifyContent(listed)).toBe(
      'app_id=2015102700040153&body=大乐透2.1&buyer_id=2088102116773037&charset=utf-8&gmt_close=2016-07-19 14:10:46&gmt_payment=2016-07-19 14:10:47&notify_id=4a91b7a78a503640467525113fb7d8bg8e&notify_time=2016-07-19 14:10:49&notify_type=trade_status_sync&out_trade_no=0719141034-6418&refund_fee=0.00&seller_id=2088102119685838&subject=大乐透2.1&total_amount=2.00&trade_no=2016071921001003030200089909&trade_status=TRADE_SUCCESS&version=1.0',
    )
  })

  it('property: the strings are sorted name=value pairs that read back to the kept parameters, whatever the insertion order', () => {
    const name = fc.stringMatching(/^[a-z][a-z_]{0,9}$/)
    const value = fc.string({ unit: 'grapheme', maxLength: 10 }).filter((s) => !s.includes('&'))
    fc.assert(
      fc.property(fc.dictionary(name, value, { maxKeys: 8 }), fc.boolean(), (params, withSign) => {
        const input = withSign ? { ...params, sign: 'abc', sign_type: 'RSA2' } : params
        const reversed = Object.fromEntries(Object.entries(input).reverse())
        for (const [build, keep] of [
          [alipaySignContent, (key: string, v: string) => key !== 'sign' && v !== ''],
          [alipayVerifyContent, (key: string) => key !== 'sign' && key !== 'sign_type'],
        ] as const) {
          const text = build(input)
          expect(build(reversed)).toBe(text)
          const kept = Object.entries(input)
            .filter(([key, v]) => keep(key, v))
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          const read =
            text === ''
              ? []
              : text
                  .split('&')
                  .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)])
          expect(read).toEqual(kept)
        }
      }),
    )
  })
})

describe('signRequest', () => {
  it('signs the common parameters and biz_content with RSA2; node:crypto verifies with the app public key', () => {
    const alipay = createAlipay(config())
    const params = alipay.signRequest('alipay.trade.query', { out_trade_no: 'order-1' })
    const { sign: signature, ...rest } = params
    expect(rest).toEqual({
      app_id: '2015102700040153',
      method: 'alipay.trade.query',
      format: 'JSON',
      charset: 'utf-8',
      sign_type: 'RSA2',
      timestamp: '2016-07-19 14:10:49',
      version: '1.0',
      biz_content: '{"out_trade_no":"order-1"}',
    })
    const content =
      'app_id=2015102700040153&biz_content={"out_trade_no":"order-1"}&charset=utf-8&format=JSON&method=alipay.trade.query&sign_type=RSA2&timestamp=2016-07-19 14:10:49&version=1.0'
    expect(verify(content, signature!, app.publicKey)).toBe(true)
    expect(verify(content, signature!, attacker.publicKey)).toBe(false)
  })
})

describe('verifyNotification', () => {
  it('accepts a notification signed as Alipay signs it and reads yuan as fen', async () => {
    const alipay = createAlipay(config())
    const notification = await alipay.verifyNotification(platformNotification())
    expect(notification).toMatchObject({
      notifyId: '4a91b7a78a503640467525113fb7d8bg8e',
      notifyTime: T0,
      outTradeNo: '0719141034-6418',
      tradeNo: '2016071921001003030200089909',
      tradeStatus: 'TRADE_SUCCESS',
      total: { amount: 200, currency: 'CNY' },
      refunded: { amount: 0, currency: 'CNY' },
    })
    expect(alipay.notificationAnswer(true).body).toBe('success')
    expect(alipay.notificationAnswer(false).body).toBe('fail')
  })

  it('refuses a tampered body, a wrong key, RSA (not RSA2), another app, an old notify_time and a replay', async () => {
    const alipay = createAlipay(config())
    const genuine = platformNotification({ notify_id: 'n-1' })
    expect(
      await codeOf(alipay.verifyNotification(genuine.replace('total_amount=2.00', 'total_amount=0.01'))),
    ).toBe('BAD_SIGNATURE')
    expect(
      await codeOf(
        alipay.verifyNotification(platformNotification({ notify_id: 'n-2' }, attacker.privateKey)),
      ),
    ).toBe('BAD_SIGNATURE')
    expect(
      await codeOf(alipay.verifyNotification(platformNotification({ notify_id: 'n-3', sign_type: 'RSA' }))),
    ).toBe('MALFORMED')
    expect(
      await codeOf(
        alipay.verifyNotification(platformNotification({ notify_id: 'n-4', app_id: '2021000000000000' })),
      ),
    ).toBe('MALFORMED')
    const old = platformNotification({ notify_id: 'n-5', notify_time: '2016-07-19 14:04:48' })
    expect(await codeOf(alipay.verifyNotification(old))).toBe('STALE_TIMESTAMP')
    expect(await codeOf(createAlipay(config({ windowMs: 10 * 60_000 })).verifyNotification(old))).toBe(
      'accepted',
    )
    await alipay.verifyNotification(genuine)
    expect(await codeOf(alipay.verifyNotification(genuine))).toBe('REPLAYED')
    // Alipay's own retry is sent anew, with a new notify_time: it passes.
    const retried = platformNotification({ notify_id: 'n-1', notify_time: '2016-07-19 14:11:49' })
    await expect(alipay.verifyNotification(retried)).resolves.toMatchObject({ notifyId: 'n-1' })
    expect(await codeOf(alipay.verifyNotification(`${genuine}&notify_id=n-9`))).toBe('MALFORMED')
  })

  it('takes parsed parameters too', async () => {
    const alipay = createAlipay(config())
    const params = Object.fromEntries(new URLSearchParams(platformNotification({ notify_id: 'n-p' })))
    await expect(alipay.verifyNotification(params)).resolves.toMatchObject({ total: { amount: 200 } })
  })
})

describe('createTrade against a fake gateway', () => {
  let platform: FakePlatform
  let answerKey = alipayKey.privateKey

  beforeAll(async () => {
    platform = await startFakePlatform({
      'POST /gateway.do': (request) => {
        expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded;charset=utf-8')
        const params = Object.fromEntries(new URLSearchParams(request.body))
        expect(verify(alipaySignContent(params), params.sign!, app.publicKey)).toBe(true)
        const biz = JSON.parse(params.biz_content!)
        const node =
          biz.out_trade_no === 'closed'
            ? `{"code":"40004","msg":"Business Failed","sub_code":"ACQ.TRADE_HAS_CLOSE","sub_msg":"交易已经关闭"}`
            : `{"code":"10000","msg":"Success","out_trade_no":"${biz.out_trade_no}","trade_no":"2025061522001412345678901234"}`
        return { body: `{"alipay_trade_create_response":${node},"sign":"${sign(node, answerKey)}"}` }
      },
    })
  })
  afterAll(async () => {
    await platform.close()
    expect(platform.failures).toEqual([])
  })

  it('posts a signed alipay.trade.create in yuan and returns the tradeNO for my.tradePay', async () => {
    const alipay = createAlipay(config({ gatewayUrl: `${platform.baseUrl}/gateway.do` }))
    await expect(
      alipay.createTrade({
        outTradeNo: 'order-1',
        subject: '会员 3 年',
        total: { amount: 38405, currency: 'CNY' },
        buyerOpenId: 'buyer-open-1',
        expiresAt: T0 + 15 * 60_000,
      }),
    ).resolves.toEqual({ tradeNo: '2025061522001412345678901234', outTradeNo: 'order-1' })
    const params = Object.fromEntries(new URLSearchParams(platform.requests.at(-1)!.body))
    expect(params.method).toBe('alipay.trade.create')
    expect(params.notify_url).toBe('https://shop.example.com/pay/alipay/notify')
    expect(JSON.parse(params.biz_content!)).toEqual({
      out_trade_no: 'order-1',
      total_amount: '384.05',
      subject: '会员 3 年',
      product_code: 'JSAPI_PAY',
      op_app_id: '2015102700040153',
      buyer_open_id: 'buyer-open-1',
      time_expire: '2016-07-19 14:25:49',
    })
  })

  it('refuses a forged answer, reports a refusal with its sub_code, refuses non-fen amounts before sending', async () => {
    const alipay = createAlipay(config({ gatewayUrl: `${platform.baseUrl}/gateway.do` }))
    const input = { subject: 's', total: { amount: 100, currency: 'CNY' }, buyerOpenId: 'b' }
    answerKey = attacker.privateKey
    try {
      expect(await codeOf(alipay.createTrade({ ...input, outTradeNo: 'order-2' }))).toBe('BAD_SIGNATURE')
    } finally {
      answerKey = alipayKey.privateKey
    }
    try {
      await alipay.createTrade({ ...input, outTradeNo: 'closed' })
      expect.unreachable()
    } catch (error) {
      expect(isServerError(error) && [error.code, error.platformCode]).toEqual([
        'PLATFORM_ERROR',
        'ACQ.TRADE_HAS_CLOSE',
      ])
    }
    const count = platform.requests.length
    expect(
      await codeOf(
        alipay.createTrade({ ...input, outTradeNo: 'x', total: { amount: 1.5, currency: 'CNY' } }),
      ),
    ).toBe('INVALID_ARGUMENT')
    expect(platform.requests.length).toBe(count)
  })
})

// alipay.trade.query and alipay.trade.refund. Sources: the open platform's API pages
// (https://opendocs.alipay.com/apis/api_1/alipay.trade.query, https://opendocs.alipay.com/apis/api_1/alipay.trade.refund;
// the mini-program variant at https://help.aliyun.com/document_detail/2978205.html): biz_content
// { out_trade_no | trade_no } and { out_trade_no, refund_amount (yuan), out_request_no, refund_reason };
// answers in alipay_trade_query_response / alipay_trade_refund_response, signed like every answer. The
// answer bodies below follow the documented response examples (trade 2013112011001004330000121536,
// out_trade_no 6823789339978248, 88.88), which print amounts as JSON numbers; the gateway sends strings,
// and both are read.
describe('queryTrade and refund against a fake gateway', () => {
  let platform: FakePlatform
  let answerKey = alipayKey.privateKey

  beforeAll(async () => {
    platform = await startFakePlatform({
      'POST /gateway.do': (request) => {
        const params = Object.fromEntries(new URLSearchParams(request.body))
        expect(verify(alipaySignContent(params), params.sign!, app.publicKey)).toBe(true)
        const biz = JSON.parse(params.biz_content!)
        let name: string
        let node: string
        if (params.method === 'alipay.trade.query') {
          name = 'alipay_trade_query_response'
          node =
            biz.out_trade_no === 'missing'
              ? '{"code":"40004","msg":"Business Failed","sub_code":"ACQ.TRADE_NOT_EXIST","sub_msg":"交易不存在"}'
              : '{"code":"10000","msg":"Success","trade_no":"2013112011001004330000121536","out_trade_no":"6823789339978248","buyer_logon_id":"159****5620","trade_status":"TRADE_SUCCESS","total_amount":88.88,"buyer_open_id":"074a1CcTG1LelxKe4xQC0zgNdId0nxi95b5lsNpazWYoCo5"}'
        } else {
          expect(params.method).toBe('alipay.trade.refund')
          name = 'alipay_trade_refund_response'
          node = `{"code":"10000","msg":"Success","trade_no":"2013112011001004330000121536","out_trade_no":"${biz.out_trade_no}","buyer_logon_id":"159****5620","fund_change":"Y","refund_fee":"${biz.refund_amount}"}`
        }
        return { body: `{"${name}":${node},"sign":"${sign(node, answerKey)}"}` }
      },
    })
  })
  afterAll(async () => {
    await platform.close()
    expect(platform.failures).toEqual([])
  })

  it('queries a trade by out_trade_no and reads the documented answer, amounts in fen', async () => {
    const alipay = createAlipay(config({ gatewayUrl: `${platform.baseUrl}/gateway.do` }))
    await expect(alipay.queryTrade({ outTradeNo: '6823789339978248' })).resolves.toEqual({
      tradeNo: '2013112011001004330000121536',
      outTradeNo: '6823789339978248',
      tradeStatus: 'TRADE_SUCCESS',
      total: { amount: 8888, currency: 'CNY' },
      buyer: '074a1CcTG1LelxKe4xQC0zgNdId0nxi95b5lsNpazWYoCo5',
    })
    const params = Object.fromEntries(new URLSearchParams(platform.requests.at(-1)!.body))
    expect(JSON.parse(params.biz_content!)).toEqual({ out_trade_no: '6823789339978248' })
    try {
      await alipay.queryTrade({ outTradeNo: 'missing' })
      expect.unreachable()
    } catch (error) {
      expect(isServerError(error) && [error.code, error.platformCode]).toEqual([
        'PLATFORM_ERROR',
        'ACQ.TRADE_NOT_EXIST',
      ])
    }
  })

  it('refunds in yuan with the request number, and refuses a forged answer', async () => {
    const alipay = createAlipay(config({ gatewayUrl: `${platform.baseUrl}/gateway.do` }))
    await expect(
      alipay.refund({
        outTradeNo: 'order-1',
        outRequestNo: 'refund-1',
        refund: { amount: 8888, currency: 'CNY' },
        reason: '正常退款',
      }),
    ).resolves.toEqual({
      tradeNo: '2013112011001004330000121536',
      outTradeNo: 'order-1',
      refunded: { amount: 8888, currency: 'CNY' },
      fundChange: true,
    })
    const params = Object.fromEntries(new URLSearchParams(platform.requests.at(-1)!.body))
    expect(JSON.parse(params.biz_content!)).toEqual({
      out_trade_no: 'order-1',
      refund_amount: '88.88',
      out_request_no: 'refund-1',
      refund_reason: '正常退款',
    })
    answerKey = attacker.privateKey
    try {
      const refund = {
        outTradeNo: 'order-1',
        outRequestNo: 'refund-2',
        refund: { amount: 1, currency: 'CNY' },
      }
      expect(await codeOf(alipay.refund(refund))).toBe('BAD_SIGNATURE')
      expect(await codeOf(alipay.queryTrade({ tradeNo: '2013112011001004330000121536' }))).toBe(
        'BAD_SIGNATURE',
      )
    } finally {
      answerKey = alipayKey.privateKey
    }
  })
})

// alipay.system.oauth.token (https://opendocs.alipay.com/apis/api_9/alipay.system.oauth.token; mini-program login:
// my.getAuthCode → authCode → this call): common parameters grant_type=authorization_code and code, no biz_content;
// the documented success answer carries no `code` (user_id 2088102150477652, access_token 20120823ac6ffaa4…,
// expires_in, refresh_token, re_expires_in, auth_start), and a refused code answers in error_response
// (code 40002, sub_code isv.code-invalid).
describe('oauthToken against a fake gateway', () => {
  let platform: FakePlatform

  beforeAll(async () => {
    platform = await startFakePlatform({
      'POST /gateway.do': (request) => {
        const params = Object.fromEntries(new URLSearchParams(request.body))
        expect(verify(alipaySignContent(params), params.sign!, app.publicKey)).toBe(true)
        expect(params.method).toBe('alipay.system.oauth.token')
        expect(params.grant_type).toBe('authorization_code')
        expect(params.biz_content).toBeUndefined()
        if (params.code === 'used-code') {
          const node =
            '{"code":"40002","msg":"Invalid Arguments","sub_code":"isv.code-invalid","sub_msg":"授权码code无效"}'
          return { body: `{"error_response":${node},"sign":"${sign(node, alipayKey.privateKey)}"}` }
        }
        const node =
          '{"user_id":"2088102150477652","open_id":"074a1CcTG1LelxKe4xQC0zgNdId0nxi95b5lsNpazWYoCo5","access_token":"20120823ac6ffaa4d2d84e7384bf983531473993","expires_in":"3600","refresh_token":"20120823ac6ffdsdf2d84e7384bf983531473993","re_expires_in":"3600","auth_start":"2010-11-11 11:11:11"}'
        return {
          body: `{"alipay_system_oauth_token_response":${node},"sign":"${sign(node, alipayKey.privateKey)}"}`,
        }
      },
    })
  })
  afterAll(async () => {
    await platform.close()
    expect(platform.failures).toEqual([])
  })

  it('exchanges an authCode for the open id, and reports a refused code with its sub_code', async () => {
    const alipay = createAlipay(config({ gatewayUrl: `${platform.baseUrl}/gateway.do` }))
    await expect(alipay.oauthToken('4b203fe6c11548bcabd8da5bb087a83b')).resolves.toEqual({
      openId: '074a1CcTG1LelxKe4xQC0zgNdId0nxi95b5lsNpazWYoCo5',
      userId: '2088102150477652',
      accessToken: '20120823ac6ffaa4d2d84e7384bf983531473993',
    })
    try {
      await alipay.oauthToken('used-code')
      expect.unreachable()
    } catch (error) {
      expect(isServerError(error) && [error.code, error.platformCode]).toEqual([
        'PLATFORM_ERROR',
        'isv.code-invalid',
      ])
    }
  })
})
