// Douyin guaranteed payment (担保支付, tt.pay with service: 5). Sources:
// - Request signature: Douyin's server docs "担保支付 → 签名算法" and its official demo
//   (com.bytedance.microapp.Sign.requestSign, © 2022 Beijing Douyin Information Service Co., BSD-3-Clause):
//   every parameter but app_id, thirdparty_id, sign and other_settle_params; its value trimmed, one pair of
//   surrounding quotes dropped, empty and "null" values skipped; the SALT added; sorted as strings; joined
//   with "&"; MD5, lower-case hex.
// - Callback signature: the same demo's callbackSign — every field but msg_signature and the constant type
//   (token, timestamp, nonce, msg) sorted, concatenated, SHA-1 lower-case hex; answer {"err_no":0,"err_tips":"success"}.
// - create_order / query_order / create_refund: https://developer.open-douyin.com/docs/resource/zh-CN/mini-app/develop/server/ecpay/pay-list/pay
//   (POST /api/apps/ecpay/v1/create_order → data.order_id, data.order_token for tt.pay's orderInfo;
//   query_order → payment_info.order_status PROCESSING|SUCCESS|FAIL|TIMEOUT, total_fee in fen;
//   create_refund → refund_no). Amounts are integer fen.
// No documented example publishes a SALT or token with its signature, so the vectors below are the
// documented procedure written out by hand, and callbacks are signed here as Douyin would.
import { createHash } from 'node:crypto'
import {
  createDouyinPay,
  type DouyinPayConfig,
  douyinPayCallbackSignature,
  douyinPaySign,
  isServerError,
} from '@tradekit/server'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type FakePlatform, startFakePlatform } from './fakePlatform'

const SALT = 'test-salt-made-for-this-test'
const TOKEN = 'test-callback-token'
const T0 = Date.UTC(2025, 5, 15, 4, 0, 0)
const md5 = (text: string) => createHash('md5').update(text, 'utf8').digest('hex')
const sha1 = (text: string) => createHash('sha1').update(text, 'utf8').digest('hex')

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
  } catch (error) {
    if (isServerError(error)) return error.code
    throw error
  }
  return 'accepted'
}

function config(overrides: Partial<DouyinPayConfig> = {}): DouyinPayConfig {
  return { appId: 'tt07e3715e98c9aac0', salt: SALT, token: TOKEN, now: () => T0, ...overrides }
}

/** A callback as Douyin sends it, signed with `token`. */
function callback(
  msg: object,
  overrides: { timestamp?: string; nonce?: string; token?: string; type?: string } = {},
) {
  const timestamp = overrides.timestamp ?? String(T0 / 1000)
  const nonce = overrides.nonce ?? '797'
  const text = JSON.stringify(msg)
  return JSON.stringify({
    timestamp,
    nonce,
    msg: text,
    type: overrides.type ?? 'payment',
    msg_signature: sha1([overrides.token ?? TOKEN, timestamp, nonce, text].sort().join('')),
  })
}

const paidMsg = {
  appid: 'tt07e3715e98c9aac0',
  cp_orderno: 'ord_1',
  cp_extra: '',
  way: '1',
  payment_order_no: '2021070722001450071438803941',
  total_amount: 9980,
  status: 'SUCCESS',
  seller_uid: '69631798443938962290',
  order_id: 'N71016888186626816',
}

describe('douyinPaySign', () => {
  it('signs the values and the SALT, sorted and joined with &, as the documented procedure', () => {
    const params = {
      app_id: 'tt07e3715e98c9aac0',
      thirdparty_id: 'tp',
      other_settle_params: '[]',
      out_order_no: 'ord_1',
      total_amount: 9980,
      subject: ' 茶礼盒 ',
      body: '"quoted"',
      valid_time: 900,
      cp_extra: 'null',
      notify_url: '',
      sign: 'old',
    }
    // values: ord_1, 9980, 茶礼盒, quoted, 900 (+ SALT) — app_id, thirdparty_id, other_settle_params, sign,
    // "null" and "" left out — in string order: 900 < 9980 < ord_1 < quoted < test-salt… < 茶礼盒.
    expect(douyinPaySign(params, SALT)).toBe(md5(`900&9980&ord_1&quoted&${SALT}&茶礼盒`))
  })

  it('does not depend on the order of the parameters (property)', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.string({ maxLength: 8 })),
        (dict) => {
          const reversed = Object.fromEntries(Object.entries(dict).reverse())
          expect(douyinPaySign(reversed, SALT)).toBe(douyinPaySign(dict, SALT))
        },
      ),
    )
  })

  it('signs callbacks over the sorted token, timestamp, nonce and msg', () => {
    expect(douyinPayCallbackSignature(TOKEN, '1602507471', '797', '{"a":1}')).toBe(
      sha1(['1602507471', '797', TOKEN, '{"a":1}'].sort().join('')),
    )
  })
})

describe('verifyCallback', () => {
  it('accepts a genuine payment callback once, amounts in fen', async () => {
    const douyinPay = createDouyinPay(config())
    const body = callback(paidMsg)
    await expect(douyinPay.verifyCallback(body)).resolves.toMatchObject({
      type: 'payment',
      status: 'SUCCESS',
      outOrderNo: 'ord_1',
      orderId: 'N71016888186626816',
      total: { amount: 9980, currency: 'CNY' },
    })
    expect(await codeOf(douyinPay.verifyCallback(body))).toBe('REPLAYED')
    expect(douyinPay.callbackAnswer(true)).toEqual({
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: '{"err_no":0,"err_tips":"success"}',
    })
  })

  it('refuses a forged, changed, old or foreign callback', async () => {
    const douyinPay = createDouyinPay(config())
    expect(await codeOf(douyinPay.verifyCallback(callback(paidMsg, { token: 'guess', nonce: '1' })))).toBe(
      'BAD_SIGNATURE',
    )
    const changed = JSON.parse(callback(paidMsg, { nonce: '2' }))
    changed.msg = changed.msg.replace('9980', '1')
    expect(await codeOf(douyinPay.verifyCallback(JSON.stringify(changed)))).toBe('BAD_SIGNATURE')
    expect(
      await codeOf(
        douyinPay.verifyCallback(callback(paidMsg, { nonce: '3', timestamp: String(T0 / 1000 - 3600) })),
      ),
    ).toBe('STALE_TIMESTAMP')
    expect(
      await codeOf(douyinPay.verifyCallback(callback({ ...paidMsg, appid: 'tt-other' }, { nonce: '4' }))),
    ).toBe('MALFORMED')
    expect(await codeOf(douyinPay.verifyCallback('not json'))).toBe('MALFORMED')
  })

  it('reads a refund callback', async () => {
    const douyinPay = createDouyinPay(config())
    const msg = { appid: 'tt07e3715e98c9aac0', cp_refundno: 'ref_1', status: 'SUCCESS', refund_amount: 9980 }
    await expect(douyinPay.verifyCallback(callback(msg, { type: 'refund' }))).resolves.toMatchObject({
      type: 'refund',
      status: 'SUCCESS',
      outRefundNo: 'ref_1',
      refund: { amount: 9980, currency: 'CNY' },
    })
  })
})

describe('create_order, query_order and create_refund against a fake Douyin', () => {
  let platform: FakePlatform
  const signed = (body: string) => {
    const params = JSON.parse(body)
    expect(params.app_id).toBe('tt07e3715e98c9aac0')
    expect(params.sign).toBe(douyinPaySign(params, SALT))
    return params
  }

  beforeAll(async () => {
    platform = await startFakePlatform({
      'POST /api/apps/ecpay/v1/create_order': (request) => {
        const params = signed(request.body)
        if (params.out_order_no === 'refused') return { body: { err_no: 2008, err_tips: '订单已存在' } }
        return { body: { err_no: 0, err_tips: '', data: { order_id: 'N7101', order_token: 'CgYIASAHKAES' } } }
      },
      'POST /api/apps/ecpay/v1/query_order': (request) => {
        const params = signed(request.body)
        return {
          body: {
            err_no: 0,
            err_tips: '',
            out_order_no: params.out_order_no,
            order_id: 'N7101',
            payment_info: {
              total_fee: 9980,
              order_status: 'SUCCESS',
              pay_time: '2025-06-15 12:01:00',
              way: 1,
            },
          },
        }
      },
      'POST /api/apps/ecpay/v1/create_refund': (request) => {
        signed(request.body)
        return { body: { err_no: 0, err_tips: '', refund_no: 'R7101' } }
      },
    })
  })
  afterAll(async () => {
    await platform.close()
    expect(platform.failures).toEqual([])
  })

  it('creates the orderInfo for tt.pay, valid_time in seconds, total in fen', async () => {
    const douyinPay = createDouyinPay(
      config({ baseUrl: platform.baseUrl, notifyUrl: 'https://shop.example.com/n' }),
    )
    await expect(
      douyinPay.createOrder({
        outOrderNo: 'ord_1',
        total: { amount: 9980, currency: 'CNY' },
        subject: '茶礼盒',
        body: '茶礼盒 × 1',
        expiresAt: T0 + 15 * 60_000,
      }),
    ).resolves.toEqual({ orderInfo: { order_id: 'N7101', order_token: 'CgYIASAHKAES' } })
    const sent = JSON.parse(platform.requests.at(-1)!.body)
    expect(sent).toMatchObject({
      out_order_no: 'ord_1',
      total_amount: 9980,
      valid_time: 900,
      notify_url: 'https://shop.example.com/n',
    })
    try {
      await douyinPay.createOrder({
        outOrderNo: 'refused',
        total: { amount: 1, currency: 'CNY' },
        subject: 's',
        body: 'b',
        expiresAt: T0 + 3600_000,
      })
      expect.unreachable()
    } catch (error) {
      expect(isServerError(error) && [error.code, error.platformCode]).toEqual(['PLATFORM_ERROR', '2008'])
    }
    const count = platform.requests.length
    expect(
      await codeOf(
        douyinPay.createOrder({
          outOrderNo: 'x',
          total: { amount: 1.5, currency: 'CNY' },
          subject: 's',
          body: 'b',
          expiresAt: T0 + 3600_000,
        }),
      ),
    ).toBe('INVALID_ARGUMENT')
    expect(
      await codeOf(
        douyinPay.createOrder({
          outOrderNo: 'x',
          total: { amount: 1, currency: 'CNY' },
          subject: 's',
          body: 'b',
          expiresAt: T0 + 60_000,
        }),
      ),
    ).toBe('INVALID_ARGUMENT')
    expect(platform.requests.length).toBe(count)
  })

  it('queries an order and refunds it', async () => {
    const douyinPay = createDouyinPay(config({ baseUrl: platform.baseUrl }))
    await expect(douyinPay.queryOrder('ord_1')).resolves.toEqual({
      outOrderNo: 'ord_1',
      orderId: 'N7101',
      status: 'SUCCESS',
      total: { amount: 9980, currency: 'CNY' },
      payTime: '2025-06-15 12:01:00',
    })
    await expect(
      douyinPay.createRefund({
        outOrderNo: 'ord_1',
        outRefundNo: 'ref_1',
        amount: { amount: 9980, currency: 'CNY' },
        reason: '退款',
      }),
    ).resolves.toEqual({ refundNo: 'R7101' })
    expect(JSON.parse(platform.requests.at(-1)!.body)).toMatchObject({
      out_refund_no: 'ref_1',
      refund_amount: 9980,
      reason: '退款',
    })
  })
})
