import { type PrivateKeyInput, type PublicKeyInput, toPrivateKey, toPublicKey } from '../crypto/keys'
import { signRsaSha256, verifyRsaSha256 } from '../crypto/rsaSha256'
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
import { beijingDateTime, parseBeijingDateTime, toEpochMs } from '../time/beijingTime'
import { fromAlipayAmount, parseAlipayAmount, toAlipayAmount } from './alipayAmount'
import { type AlipayParams, alipaySignContent, alipayVerifyContent } from './alipaySignContent'

/** Where each Alipay key comes from and goes. */
export interface AlipayConfig extends FreshnessOptions {
  /** The mini-program's app id. */
  appId: string
  /** The application private key (应用私钥, RSA2): signs requests. */
  appPrivateKey: PrivateKeyInput
  /** Alipay's public key (支付宝公钥) from the console: verifies answers and notifications. */
  alipayPublicKey: PublicKeyInput
  /** Where trade notifications go unless a trade names another. */
  notifyUrl?: string
  /** @default 'https://openapi.alipay.com/gateway.do' */
  gatewayUrl?: string
  /** Injected `fetch`. @default globalThis.fetch */
  fetch?: FetchLike
}

/** A trade for `my.tradePay`. */
export interface AlipayTradeInput {
  /** Your order number (≤ 64 characters). */
  outTradeNo: string
  /** What the user buys. */
  subject: string
  /** The amount, in fen (sent as yuan). */
  total: Money
  /** The buyer's open id in this app (from the login exchange); or `buyerId`. */
  buyerOpenId?: string
  /** The buyer's user id (2088…), for apps that still use it. */
  buyerId?: string
  /** When the trade can no longer be paid. */
  expiresAt?: Date | number
  notifyUrl?: string
}

/** An asynchronous trade notification, verified. */
export interface AlipayNotification {
  notifyId: string
  /** When Alipay sent it, milliseconds since the epoch. */
  notifyTime: number
  notifyType: string
  outTradeNo: string
  tradeNo: string
  /** `WAIT_BUYER_PAY`, `TRADE_SUCCESS`, `TRADE_FINISHED`, `TRADE_CLOSED`. */
  tradeStatus: 'WAIT_BUYER_PAY' | 'TRADE_SUCCESS' | 'TRADE_FINISHED' | 'TRADE_CLOSED' | (string & {})
  total: Money
  /** What the merchant received, when Alipay says. */
  receipt?: Money
  /** What was refunded so far, when Alipay says. */
  refunded?: Money
  /** Every parameter as received (decoded). */
  params: Readonly<Record<string, string>>
}

/** A trade as `alipay.trade.query` answers it. */
export interface AlipayTrade {
  tradeNo: string
  outTradeNo: string
  /** `WAIT_BUYER_PAY`, `TRADE_SUCCESS`, `TRADE_FINISHED`, `TRADE_CLOSED`. */
  tradeStatus: 'WAIT_BUYER_PAY' | 'TRADE_SUCCESS' | 'TRADE_FINISHED' | 'TRADE_CLOSED' | (string & {})
  total: Money
  /** The buyer's open id (or user id), when Alipay says. */
  buyer?: string
}

/** A refund for `alipay.trade.refund`. */
export interface AlipayRefundInput {
  outTradeNo: string
  /** Your refund request number: the same number refunds once. */
  outRequestNo: string
  /** How much, in fen (sent as yuan). */
  refund: Money
  reason?: string
}

/** What `alipay.trade.refund` answers. */
export interface AlipayRefund {
  tradeNo: string
  outTradeNo: string
  /** Everything refunded on this trade so far. */
  refunded: Money
  /** Whether this call moved money (`fund_change: Y`); `N` answers a refund already made. */
  fundChange: boolean
}

/** An Alipay client for mini-program payments. */
export interface Alipay {
  /**
   * The signed parameters of any gateway call: the common ones (`app_id`, `method`, `format`,
   * `charset`, `sign_type` RSA2, `timestamp`, `version`), `biz_content` and `sign`.
   */
  signRequest(method: string, bizContent: object | null, extra?: AlipayParams): Record<string, string>
  /**
   * `alipay.system.oauth.token`: exchanges the `authCode` of `my.getAuthCode` for the user's
   * `openId` (or, for apps that still use it, the `userId` 2088…). A refused code is
   * `PLATFORM_ERROR` with its `sub_code` (e.g. `isv.code-invalid`) in `platformCode`.
   */
  oauthToken(authCode: string): Promise<{ openId?: string; userId?: string; accessToken: string }>
  /**
   * `alipay.trade.create`: creates the trade and resolves the `tradeNo` `my.tradePay` takes. The
   * answer's signature is checked with Alipay's public key.
   */
  createTrade(input: AlipayTradeInput): Promise<{ tradeNo: string; outTradeNo: string }>
  /**
   * `alipay.trade.query`: the trade's status as Alipay knows it — ask when a notification may have
   * been lost. A trade the buyer never opened is `PLATFORM_ERROR` with `platformCode`
   * `ACQ.TRADE_NOT_EXIST`.
   */
  queryTrade(by: { outTradeNo: string } | { tradeNo: string }): Promise<AlipayTrade>
  /**
   * `alipay.trade.refund`: refunds part or all of a paid trade. The same `outRequestNo` refunds once
   * (Alipay answers the first refund again).
   */
  refund(input: AlipayRefundInput): Promise<AlipayRefund>
  /**
   * Verifies an asynchronous notification (the form body as received, or its parsed parameters):
   * RSA2 signature over the sorted parameters without `sign` and `sign_type`, the app id,
   * `notify_time` inside the window, and `notify_id` + `notify_time` not seen before. Throws
   * {@link VerificationError}.
   */
  verifyNotification(notification: string | URLSearchParams | AlipayParams): Promise<AlipayNotification>
  /** The documented answer: the text `success` when handled; anything else makes Alipay retry. */
  notificationAnswer(ok: boolean): CallbackAnswer
}

const GATEWAY = 'https://openapi.alipay.com/gateway.do'

/** The raw text of a top-level JSON field's object value: what Alipay signs in an answer. */
function rawObjectField(text: string, key: string): string | undefined {
  const at = text.indexOf(`"${key}"`)
  if (at < 0) return undefined
  let start = text.indexOf(':', at + key.length + 2) + 1
  while (start > 0 && /\s/.test(text[start] ?? '')) start++
  if (text[start] !== '{') return undefined
  let depth = 0
  let inString = false
  for (let i = start; i < text.length; i++) {
    const char = text[i]
    if (inString) {
      if (char === '\\') i++
      else if (char === '"') inString = false
    } else if (char === '"') inString = true
    else if (char === '{') depth++
    else if (char === '}' && --depth === 0) return text.slice(start, i + 1)
  }
  return undefined
}

function paramsOf(notification: string | URLSearchParams | AlipayParams): Record<string, string> {
  const params: Record<string, string> = {}
  if (typeof notification === 'string' || notification instanceof URLSearchParams) {
    const search = typeof notification === 'string' ? new URLSearchParams(notification) : notification
    for (const [key, value] of search) {
      if (key in params) throw new VerificationError('MALFORMED', `parameter ${key} is repeated`)
      params[key] = value
    }
    return params
  }
  for (const [key, value] of Object.entries(notification)) if (value !== undefined) params[key] = value
  return params
}

/**
 * An Alipay client for mini-programs: RSA2 request signing, `alipay.trade.create` for
 * `my.tradePay`, and verification of the asynchronous notification.
 *
 * @example
 * ```ts
 * const alipay = createAlipay({
 *   appId: process.env.ALIPAY_APP_ID!,
 *   appPrivateKey: process.env.ALIPAY_APP_PRIVATE_KEY!,
 *   alipayPublicKey: process.env.ALIPAY_PUBLIC_KEY!,
 *   notifyUrl: 'https://shop.example.com/pay/alipay/notify',
 * })
 * const { tradeNo } = await alipay.createTrade({ outTradeNo, subject, total, buyerOpenId })
 * ```
 */
export function createAlipay(config: AlipayConfig): Alipay {
  const now = config.now ?? Date.now
  const windowMs = config.windowMs ?? DEFAULT_WINDOW_MS
  const nonceStore = config.nonceStore ?? memoryNonceStore({ now })
  const fetchImpl = config.fetch ?? globalThis.fetch
  const gateway = config.gatewayUrl ?? GATEWAY
  const appKey = toPrivateKey(config.appPrivateKey, 'Alipay application private key')
  const alipayKey = toPublicKey(config.alipayPublicKey, 'Alipay public key')

  function signRequest(
    method: string,
    bizContent: object | null,
    extra: AlipayParams = {},
  ): Record<string, string> {
    const params: Record<string, string> = {}
    const all: AlipayParams = {
      app_id: config.appId,
      method,
      format: 'JSON',
      charset: 'utf-8',
      sign_type: 'RSA2',
      timestamp: beijingDateTime(now()),
      version: '1.0',
      ...extra,
      ...(bizContent !== null && { biz_content: JSON.stringify(bizContent) }),
    }
    for (const [key, value] of Object.entries(all))
      if (value !== undefined && value !== '') params[key] = value
    params.sign = signRsaSha256(alipaySignContent(params), appKey)
    return params
  }

  /**
   * Posts a signed gateway call and reads its `<method>_response` node. A signed answer (and every
   * successful one) must verify with Alipay's public key; a `code` other than 10000 is
   * `PLATFORM_ERROR` with the `sub_code` in `platformCode`.
   */
  async function call(
    method: string,
    biz: object | null,
    extra: AlipayParams = {},
  ): Promise<Record<string, unknown>> {
    const params = signRequest(method, biz, extra)
    const answer = await requestJson(fetchImpl, 'Alipay', gateway, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' },
      body: new URLSearchParams(params).toString(),
    })
    const json = asRecord(answer.json)
    // A refused call may answer in error_response instead of the method's node.
    const methodNode = `${method.replaceAll('.', '_')}_response`
    const nodeName =
      json[methodNode] === undefined && json.error_response !== undefined ? 'error_response' : methodNode
    const node = asRecord(json[nodeName])
    const code = stringField(node, 'code')
    // Most answers say code 10000; alipay.system.oauth.token carries no code when it succeeds.
    const succeeded =
      code === '10000' || (code === undefined && nodeName === methodNode && Object.keys(node).length > 0)
    const signature = stringField(json, 'sign')
    if (signature !== undefined || succeeded) {
      const raw = rawObjectField(answer.text, nodeName)
      if (!raw || !signature) throw new VerificationError('MALFORMED', 'the Alipay answer is not signed')
      if (!verifyRsaSha256(raw, signature, alipayKey)) {
        throw new VerificationError('BAD_SIGNATURE', 'the Alipay answer signature does not match')
      }
    }
    if (!succeeded) {
      const subCode = stringField(node, 'sub_code') ?? code
      throw new ServerError(
        'PLATFORM_ERROR',
        `Alipay ${method}: ${stringField(node, 'sub_msg') ?? stringField(node, 'msg') ?? answer.status}`,
        { status: answer.status, ...(subCode !== undefined && { platformCode: subCode }) },
      )
    }
    return node
  }

  return {
    signRequest,
    async oauthToken(authCode) {
      if (!authCode) {
        throw new ServerError('INVALID_ARGUMENT', 'an Alipay login needs the authCode of my.getAuthCode')
      }
      const node = await call('alipay.system.oauth.token', null, {
        grant_type: 'authorization_code',
        code: authCode,
      })
      const openId = stringField(node, 'open_id')
      const userId = stringField(node, 'user_id')
      if (!openId && !userId) {
        throw new ServerError('PLATFORM_ERROR', 'Alipay answered the login without open_id or user_id')
      }
      return {
        ...(openId && { openId }),
        ...(userId && { userId }),
        accessToken: stringField(node, 'access_token') ?? '',
      }
    },
    async queryTrade(by) {
      const biz = 'tradeNo' in by ? { trade_no: by.tradeNo } : { out_trade_no: by.outTradeNo }
      const node = await call('alipay.trade.query', biz)
      const result: AlipayTrade = {
        tradeNo: stringField(node, 'trade_no') ?? '',
        outTradeNo: stringField(node, 'out_trade_no') ?? ('outTradeNo' in by ? by.outTradeNo : ''),
        tradeStatus: stringField(node, 'trade_status') ?? '',
        total: fromAlipayAmount(stringField(node, 'total_amount'), 'total_amount'),
      }
      const buyer = stringField(node, 'buyer_open_id') ?? stringField(node, 'buyer_user_id')
      if (buyer !== undefined) result.buyer = buyer
      return result
    },
    async refund(input) {
      const biz: Record<string, unknown> = {
        out_trade_no: input.outTradeNo,
        refund_amount: toAlipayAmount(input.refund, 'refund'),
        out_request_no: input.outRequestNo,
      }
      if (input.reason !== undefined) biz.refund_reason = input.reason
      const node = await call('alipay.trade.refund', biz)
      return {
        tradeNo: stringField(node, 'trade_no') ?? '',
        outTradeNo: stringField(node, 'out_trade_no') ?? input.outTradeNo,
        refunded: fromAlipayAmount(stringField(node, 'refund_fee'), 'refund_fee'),
        fundChange: stringField(node, 'fund_change') === 'Y',
      }
    },
    async createTrade(input) {
      if (!input.buyerOpenId && !input.buyerId) {
        throw new ServerError('INVALID_ARGUMENT', 'an Alipay mini-program trade needs the buyer')
      }
      const biz: Record<string, unknown> = {
        out_trade_no: input.outTradeNo,
        total_amount: toAlipayAmount(input.total, 'total'),
        subject: input.subject,
        product_code: 'JSAPI_PAY',
        op_app_id: config.appId,
      }
      if (input.buyerOpenId) biz.buyer_open_id = input.buyerOpenId
      else biz.buyer_id = input.buyerId
      if (input.expiresAt !== undefined) biz.time_expire = beijingDateTime(toEpochMs(input.expiresAt))
      const notifyUrl = input.notifyUrl ?? config.notifyUrl
      const node = await call('alipay.trade.create', biz, notifyUrl ? { notify_url: notifyUrl } : {})
      const tradeNo = stringField(node, 'trade_no')
      if (!tradeNo) throw new ServerError('PLATFORM_ERROR', 'Alipay answered the trade without a trade_no')
      return { tradeNo, outTradeNo: stringField(node, 'out_trade_no') ?? input.outTradeNo }
    },
    async verifyNotification(notification) {
      const params = paramsOf(notification)
      const signature = params.sign
      if (!signature) throw new VerificationError('MALFORMED', 'the notification has no sign')
      if (params.sign_type !== 'RSA2')
        throw new VerificationError('MALFORMED', 'only RSA2 notifications are accepted')
      if (!verifyRsaSha256(alipayVerifyContent(params), signature, alipayKey)) {
        throw new VerificationError('BAD_SIGNATURE', 'the Alipay notification signature does not match')
      }
      if (params.app_id !== config.appId)
        throw new VerificationError('MALFORMED', 'the notification is for another app')
      const notifyTime = parseBeijingDateTime(params.notify_time ?? '')
      const notifyId = params.notify_id
      if (notifyTime === undefined || !notifyId) {
        throw new VerificationError('MALFORMED', 'the notification has no notify_time or notify_id')
      }
      assertTimestampInWindow(String(Math.floor(notifyTime / 1000)), now(), windowMs)
      // Alipay sends a retry anew (a new notify_time): only the same sending twice is a replay.
      await assertNonceIsNew(nonceStore, 'alipay', `${notifyId}:${params.notify_time}`, windowMs)
      let total: Money
      try {
        total = fromAlipayAmount(params.total_amount, 'total_amount')
      } catch (error) {
        throw new VerificationError('MALFORMED', 'the notification total is not a yuan amount', {
          cause: error,
        })
      }
      const result: AlipayNotification = {
        notifyId,
        notifyTime,
        notifyType: params.notify_type ?? '',
        outTradeNo: params.out_trade_no ?? '',
        tradeNo: params.trade_no ?? '',
        tradeStatus: params.trade_status ?? '',
        total,
        params,
      }
      const receipt = parseAlipayAmount(params.receipt_amount)
      if (receipt !== undefined) result.receipt = { amount: receipt, currency: 'CNY' }
      const refunded = parseAlipayAmount(params.refund_fee)
      if (refunded !== undefined) result.refunded = { amount: refunded, currency: 'CNY' }
      return result
    },
    notificationAnswer(ok): CallbackAnswer {
      return { status: 200, headers: { 'content-type': 'text/plain' }, body: ok ? 'success' : 'fail' }
    },
  }
}
