import { timingSafeEqual } from 'node:crypto'
import { ServerError, VerificationError } from '../errors/ServerError'
import type { CallbackAnswer } from '../http/callback'
import { asRecord, type FetchLike, requestJson, stringField } from '../http/requestJson'
import type { Money } from '../money/money'
import {
  assertNonceIsNew,
  assertTimestampInWindow,
  DEFAULT_WINDOW_MS,
  type FreshnessOptions,
} from '../replay/freshness'
import { memoryNonceStore } from '../replay/memoryNonceStore'
import { toEpochMs } from '../time/beijingTime'
import { fromDouyinAmount, toDouyinAmount } from './douyinAmount'
import { douyinPayCallbackSignature, douyinPaySign } from './douyinPaySign'

/** Where each key of Douyin's guaranteed payment (担保支付) comes from. */
export interface DouyinPayConfig extends FreshnessOptions {
  /** The mini-program's app id. */
  appId: string
  /** The payment SALT (支付设置 → SALT): signs requests. */
  salt: string
  /** The callback token (支付设置 → Token): verifies callbacks. */
  token: string
  /** Where payment and refund callbacks go unless a call names another. */
  notifyUrl?: string
  /** @default 'https://developer.toutiao.com' */
  baseUrl?: string
  /** Injected `fetch`. @default globalThis.fetch */
  fetch?: FetchLike
}

/** An order for `tt.pay` (`service: 5`). */
export interface DouyinPayOrderInput {
  /** Your order number (≤ 64 characters). */
  outOrderNo: string
  /** The amount, in fen. */
  total: Money
  /** What the user buys (≤ 128 characters). */
  subject: string
  /** Its description (≤ 128 characters). */
  body: string
  /** When the order can no longer be paid (sent as `valid_time`, seconds from now, 15 min – 48 h). */
  expiresAt: Date | number
  cpExtra?: string
  notifyUrl?: string
}

/** What `tt.pay` takes as `orderInfo` — and TradeKit's `douyinPayChannel` as `{ orderInfo }`. */
export interface DouyinPayOrderInfo {
  order_id: string
  order_token: string
}

/** An order as `query_order` answers it. */
export interface DouyinPayOrder {
  outOrderNo: string
  orderId: string
  /** `PROCESSING`, `SUCCESS`, `FAIL`, `TIMEOUT`. */
  status: 'PROCESSING' | 'SUCCESS' | 'FAIL' | 'TIMEOUT' | (string & {})
  total?: Money
  payTime?: string
}

/** A verified callback. */
export type DouyinPayCallback =
  | {
      type: 'payment'
      /** `SUCCESS`, `CANCEL`, … */
      status: string
      outOrderNo: string
      orderId?: string
      total: Money
      msg: Readonly<Record<string, unknown>>
    }
  | {
      type: 'refund'
      status: string
      outRefundNo: string
      refund?: Money
      msg: Readonly<Record<string, unknown>>
    }
  | { type: string & {}; msg: Readonly<Record<string, unknown>> }

/** A client of Douyin's guaranteed payment. */
export interface DouyinPay {
  /** `POST /api/apps/ecpay/v1/create_order`: the `orderInfo` for `tt.pay`. */
  createOrder(input: DouyinPayOrderInput): Promise<{ orderInfo: DouyinPayOrderInfo }>
  /** `POST /api/apps/ecpay/v1/query_order`: the order's status — ask when a callback may be lost. */
  queryOrder(outOrderNo: string): Promise<DouyinPayOrder>
  /**
   * `POST /api/apps/ecpay/v1/create_refund`: refunds part or all of a paid order; the same
   * `outRefundNo` refunds once. Resolves Douyin's refund number.
   */
  createRefund(input: {
    outOrderNo: string
    outRefundNo: string
    amount: Money
    reason: string
    notifyUrl?: string
    cpExtra?: string
  }): Promise<{ refundNo: string }>
  /**
   * Verifies a callback (the JSON body as received): `msg_signature` with the token, the
   * `timestamp` window and the `nonce` + `timestamp` not seen before. Throws {@link VerificationError}.
   */
  verifyCallback(body: string): Promise<DouyinPayCallback>
  /** The documented answer: `{"err_no":0,"err_tips":"success"}`; anything else makes Douyin retry. */
  callbackAnswer(ok: boolean): CallbackAnswer
}

const BASE_URL = 'https://developer.toutiao.com'

/**
 * Douyin's guaranteed payment (担保支付, `tt.pay` with `service: 5`): signed create order, query and
 * refund (MD5 over the sorted values with the SALT) and callback verification (SHA-1 with the token).
 *
 * @example
 * ```ts
 * const douyinPay = createDouyinPay({ appId, salt: process.env.DOUYIN_PAY_SALT!, token: process.env.DOUYIN_PAY_TOKEN! })
 * const payment = await douyinPay.createOrder({ outOrderNo, total, subject, body, expiresAt })
 * // → { orderInfo: { order_id, order_token } }
 * ```
 */
export function createDouyinPay(config: DouyinPayConfig): DouyinPay {
  const now = config.now ?? Date.now
  const windowMs = config.windowMs ?? DEFAULT_WINDOW_MS
  const nonceStore = config.nonceStore ?? memoryNonceStore({ now })
  const fetchImpl = config.fetch ?? globalThis.fetch
  const baseUrl = config.baseUrl ?? BASE_URL
  if (!config.salt || !config.token)
    throw new ServerError('INVALID_ARGUMENT', 'Douyin pay needs the SALT and the token')

  async function post(path: string, params: Record<string, unknown>): Promise<Record<string, unknown>> {
    const body: Record<string, unknown> = { app_id: config.appId }
    for (const [key, value] of Object.entries(params)) if (value !== undefined) body[key] = value
    body.sign = douyinPaySign(body, config.salt)
    const answer = await requestJson(fetchImpl, 'Douyin', `${baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    const json = asRecord(answer.json)
    const errNo = stringField(json, 'err_no')
    if (answer.status !== 200 || errNo !== '0') {
      throw new ServerError(
        'PLATFORM_ERROR',
        `Douyin ${path}: ${stringField(json, 'err_tips') ?? answer.status}`,
        {
          status: answer.status,
          ...(errNo !== undefined && { platformCode: errNo }),
        },
      )
    }
    return json
  }

  return {
    async createOrder(input) {
      const validSeconds = Math.floor((toEpochMs(input.expiresAt) - now()) / 1000)
      if (validSeconds < 900 || validSeconds > 172_800) {
        throw new ServerError('INVALID_ARGUMENT', 'a Douyin pay order is payable for 15 minutes to 48 hours')
      }
      const notifyUrl = input.notifyUrl ?? config.notifyUrl
      const json = await post('/api/apps/ecpay/v1/create_order', {
        out_order_no: input.outOrderNo,
        total_amount: toDouyinAmount(input.total, 'total'),
        subject: input.subject,
        body: input.body,
        valid_time: validSeconds,
        cp_extra: input.cpExtra,
        notify_url: notifyUrl,
      })
      const data = asRecord(json.data)
      const orderId = stringField(data, 'order_id')
      const orderToken = stringField(data, 'order_token')
      if (!orderId || !orderToken)
        throw new ServerError('PLATFORM_ERROR', 'Douyin answered without order_id or order_token')
      return { orderInfo: { order_id: orderId, order_token: orderToken } }
    },
    async queryOrder(outOrderNo) {
      const json = await post('/api/apps/ecpay/v1/query_order', { out_order_no: outOrderNo })
      const info = asRecord(json.payment_info)
      const order: DouyinPayOrder = {
        outOrderNo: stringField(json, 'out_order_no') ?? outOrderNo,
        orderId: stringField(json, 'order_id') ?? '',
        status: stringField(info, 'order_status') ?? '',
      }
      if (info.total_fee !== undefined) order.total = fromDouyinAmount(info.total_fee, 'total_fee')
      const payTime = stringField(info, 'pay_time')
      if (payTime) order.payTime = payTime
      return order
    },
    async createRefund(input) {
      const notifyUrl = input.notifyUrl ?? config.notifyUrl
      const json = await post('/api/apps/ecpay/v1/create_refund', {
        out_order_no: input.outOrderNo,
        out_refund_no: input.outRefundNo,
        reason: input.reason,
        refund_amount: toDouyinAmount(input.amount, 'amount'),
        cp_extra: input.cpExtra,
        notify_url: notifyUrl,
      })
      return { refundNo: stringField(json, 'refund_no') ?? '' }
    },
    async verifyCallback(text) {
      let body: Record<string, unknown>
      try {
        body = asRecord(JSON.parse(text))
      } catch (error) {
        throw new VerificationError('MALFORMED', 'the callback is not JSON', { cause: error })
      }
      const timestamp = stringField(body, 'timestamp')
      const nonce = stringField(body, 'nonce')
      const msg = body.msg
      const signature = body.msg_signature
      if (!timestamp || !nonce || typeof msg !== 'string' || typeof signature !== 'string') {
        throw new VerificationError('MALFORMED', 'the callback lacks timestamp, nonce, msg or msg_signature')
      }
      const expected = Buffer.from(douyinPayCallbackSignature(config.token, timestamp, nonce, msg))
      const given = Buffer.from(signature.toLowerCase())
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        throw new VerificationError('BAD_SIGNATURE', 'the callback msg_signature does not match')
      }
      assertTimestampInWindow(timestamp, now(), windowMs)
      // Douyin's nonces are short: the timestamp makes the key of one sending.
      await assertNonceIsNew(nonceStore, 'douyin-pay', `${timestamp}:${nonce}`, windowMs)
      let parsed: Record<string, unknown>
      try {
        parsed = asRecord(JSON.parse(msg))
      } catch (error) {
        throw new VerificationError('MALFORMED', 'the callback msg is not JSON', { cause: error })
      }
      const appId = stringField(parsed, 'appid')
      if (appId !== undefined && appId !== config.appId) {
        throw new VerificationError('MALFORMED', 'the callback is for another app')
      }
      const type = stringField(body, 'type') ?? ''
      if (type === 'payment') {
        let total: Money
        try {
          total = fromDouyinAmount(parsed.total_amount, 'total_amount')
        } catch (error) {
          throw new VerificationError('MALFORMED', 'the callback total is not integer fen', { cause: error })
        }
        const orderId = stringField(parsed, 'order_id')
        return {
          type,
          status: stringField(parsed, 'status') ?? '',
          outOrderNo: stringField(parsed, 'cp_orderno') ?? '',
          ...(orderId ? { orderId } : {}),
          total,
          msg: parsed,
        }
      }
      if (type === 'refund') {
        const amount = parsed.refund_amount
        return {
          type,
          status: stringField(parsed, 'status') ?? '',
          outRefundNo: stringField(parsed, 'cp_refundno') ?? '',
          ...(typeof amount === 'number' ? { refund: fromDouyinAmount(amount, 'refund_amount') } : {}),
          msg: parsed,
        }
      }
      return { type, msg: parsed }
    },
    callbackAnswer(ok): CallbackAnswer {
      const headers = { 'content-type': 'application/json' }
      if (ok) return { status: 200, headers, body: JSON.stringify({ err_no: 0, err_tips: 'success' }) }
      return { status: 400, headers, body: JSON.stringify({ err_no: 1, err_tips: 'not handled' }) }
    },
  }
}
