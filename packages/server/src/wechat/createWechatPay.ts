import type { KeyObject } from 'node:crypto'
import { type PrivateKeyInput, type PublicKeyInput, toPrivateKey, toPublicKey } from '../crypto/keys'
import { randomNonce } from '../crypto/randomNonce'
import { signRsaSha256, verifyRsaSha256 } from '../crypto/rsaSha256'
import { ServerError, VerificationError } from '../errors/ServerError'
import type { CallbackAnswer, RawCallback } from '../http/callback'
import { type HeadersInput, headerOf } from '../http/headers'
import { asRecord, type FetchLike, requestJson, stringField } from '../http/requestJson'
import type { Money } from '../money/money'
import {
  assertNonceIsNew,
  assertTimestampInWindow,
  DEFAULT_WINDOW_MS,
  type FreshnessOptions,
} from '../replay/freshness'
import { memoryNonceStore } from '../replay/memoryNonceStore'
import { beijingRfc3339, toEpochMs } from '../time/beijingTime'
import { decryptWechatPayResource, type WechatPayEncryptedResource } from './decryptWechatPayResource'
import { fromWechatAmount, toWechatAmount } from './wechatAmount'
import { wechatPayMessage, wechatPayRequestMessage } from './wechatPayMessage'

/** Where each WeChat Pay key comes from and goes. */
export interface WechatPayConfig extends FreshnessOptions {
  /** The merchant id (商户号). */
  mchId: string
  /** The mini-program's app id the payments are made in. */
  appId: string
  /** The serial number of the merchant API certificate (商户API证书序列号). */
  merchantSerialNo: string
  /** The merchant API private key (`apiclient_key.pem`): signs requests and `paySign`. */
  merchantPrivateKey: PrivateKeyInput
  /** The 32-byte APIv3 key (APIv3密钥): decrypts notification resources. */
  apiV3Key: string
  /**
   * WeChat Pay's public keys by id: the WeChat Pay public key (`PUB_KEY_ID_…` → its PEM) and/or
   * platform certificates (serial → certificate PEM). Callbacks and answers name theirs in
   * `Wechatpay-Serial`; an id not listed is `UNKNOWN_KEY`.
   */
  platformKeys: Readonly<Record<string, PublicKeyInput>>
  /** Where payment notifications go unless a prepay names another. */
  notifyUrl?: string
  /** @default 'https://api.mch.weixin.qq.com' */
  baseUrl?: string
  /** Injected `fetch`. @default globalThis.fetch */
  fetch?: FetchLike
  /** Nonce generator for request signatures and `nonceStr`. @default 32 random hex characters */
  nonce?: () => string
  /**
   * Check the signature of WeChat Pay's answers (the `Wechatpay-*` headers), as its documentation
   * asks. @default true
   */
  verifyAnswers?: boolean
}

/** A JSAPI / mini-program prepay. */
export interface WechatPrepayInput {
  /** Your order number (6–32 characters: letters, digits, `_-|*`). */
  outTradeNo: string
  /** What the user buys, as the cashier shows it. */
  description: string
  /** The amount to charge, in fen. */
  amount: Money
  /** The payer's openid in this mini-program (from `wechatCode2Session`). */
  payerOpenId: string
  /** When the order can no longer be paid. */
  expiresAt?: Date | number
  /** Data WeChat Pay hands back in the notification and query (≤ 128 characters). */
  attach?: string
  /** Overrides the configured `notifyUrl`. */
  notifyUrl?: string
}

/** The object `wx.requestPayment` takes (TradeKit's WeChat channel payload). */
export interface WechatPaymentParams {
  timeStamp: string
  nonceStr: string
  package: string
  signType: 'RSA'
  paySign: string
}

/** A WeChat Pay trade state (`trade_state`). */
export type WechatTradeState =
  | 'SUCCESS'
  | 'REFUND'
  | 'NOTPAY'
  | 'CLOSED'
  | 'REVOKED'
  | 'USERPAYING'
  | 'PAYERROR'
  | (string & {})

/** A payment as WeChat Pay reports it (query or notification). */
export interface WechatTransaction {
  outTradeNo: string
  /** WeChat Pay's transaction id, once there is one. */
  transactionId?: string
  tradeState: WechatTradeState
  /** The order total. */
  amount?: Money
  /** What the payer paid (the total minus WeChat-side discounts). */
  payerAmount?: Money
  /** When it was paid (RFC 3339). */
  successTime?: string
  payerOpenId?: string
  attach?: string
  appId?: string
  mchId?: string
}

/** A refund request. */
export interface WechatRefundInput {
  outTradeNo: string
  /** Your refund number: the same number refunds once, however often it is sent. */
  outRefundNo: string
  /** How much to give back. */
  refund: Money
  /** The order's total, as it was paid. */
  total: Money
  reason?: string
  notifyUrl?: string
}

/** A refund as WeChat Pay reports it. */
export interface WechatRefund {
  refundId: string
  outRefundNo: string
  outTradeNo?: string
  /** `SUCCESS`, `CLOSED`, `PROCESSING` or `ABNORMAL`. */
  status: 'SUCCESS' | 'CLOSED' | 'PROCESSING' | 'ABNORMAL' | (string & {})
  refund?: Money
  total?: Money
}

/** A verified, decrypted WeChat Pay notification. */
export interface WechatPayNotification {
  id: string
  /** `TRANSACTION.SUCCESS`, `REFUND.SUCCESS`, `REFUND.ABNORMAL`, `REFUND.CLOSED`… */
  eventType: string
  createTime?: string
  summary?: string
  /** The decrypted resource. */
  resource: Record<string, unknown>
  /** The payment, for `TRANSACTION.*` events. */
  transaction?: WechatTransaction
  /** The refund, for `REFUND.*` events. */
  refund?: WechatRefund
}

/** A WeChat Pay v3 merchant client. Create one per merchant with {@link createWechatPay}. */
export interface WechatPay {
  /** The `Authorization` header value for a request (`WECHATPAY2-SHA256-RSA2048 mchid=…`). */
  authorization(method: string, url: string, body: string): string
  /** Creates a JSAPI / mini-program prepay (`POST /v3/pay/transactions/jsapi`); resolves its prepay id. */
  prepay(input: WechatPrepayInput): Promise<{ prepayId: string }>
  /** Signs the `wx.requestPayment` parameters for a prepay id. */
  paymentParams(prepayId: string): WechatPaymentParams
  /** `prepay` then `paymentParams`: the payload TradeKit's WeChat channel needs. */
  createPayment(input: WechatPrepayInput): Promise<WechatPaymentParams>
  /** Queries a payment by your order number. */
  queryOrder(outTradeNo: string): Promise<WechatTransaction>
  /** Requests a refund (`POST /v3/refund/domestic/refunds`). */
  refund(input: WechatRefundInput): Promise<WechatRefund>
  /** Queries a refund by your refund number. */
  queryRefund(outRefundNo: string): Promise<WechatRefund>
  /**
   * Verifies a notification (signature with the key its `Wechatpay-Serial` names, timestamp window,
   * nonce not seen before) and decrypts its resource. Throws {@link VerificationError}.
   */
  verifyNotification(callback: RawCallback): Promise<WechatPayNotification>
  /** The documented answer: 204 when handled, 500 with `{ code: 'FAIL' }` so WeChat Pay retries. */
  notificationAnswer(ok: boolean): CallbackAnswer
}

const BASE_URL = 'https://api.mch.weixin.qq.com'

function transactionOf(record: Record<string, unknown>): WechatTransaction {
  const amount = asRecord(record.amount)
  const payer = asRecord(record.payer)
  const transaction: WechatTransaction = {
    outTradeNo: stringField(record, 'out_trade_no') ?? '',
    tradeState: stringField(record, 'trade_state') ?? '',
  }
  const optional: [keyof WechatTransaction, string | undefined][] = [
    ['transactionId', stringField(record, 'transaction_id')],
    ['successTime', stringField(record, 'success_time')],
    ['payerOpenId', stringField(payer, 'openid')],
    ['attach', stringField(record, 'attach')],
    ['appId', stringField(record, 'appid')],
    ['mchId', stringField(record, 'mchid')],
  ]
  for (const [key, value] of optional)
    if (value) (transaction as unknown as Record<string, string>)[key] = value
  if (amount.total !== undefined) transaction.amount = fromWechatAmount(amount.total, amount.currency)
  if (amount.payer_total !== undefined) {
    transaction.payerAmount = fromWechatAmount(amount.payer_total, amount.payer_currency ?? amount.currency)
  }
  return transaction
}

function refundOf(record: Record<string, unknown>): WechatRefund {
  const amount = asRecord(record.amount)
  const refund: WechatRefund = {
    refundId: stringField(record, 'refund_id') ?? '',
    outRefundNo: stringField(record, 'out_refund_no') ?? '',
    status: stringField(record, 'status') ?? stringField(record, 'refund_status') ?? '',
  }
  const outTradeNo = stringField(record, 'out_trade_no')
  if (outTradeNo) refund.outTradeNo = outTradeNo
  if (amount.refund !== undefined) refund.refund = fromWechatAmount(amount.refund, amount.currency)
  if (amount.total !== undefined) refund.total = fromWechatAmount(amount.total, amount.currency)
  return refund
}

/**
 * A WeChat Pay v3 client for JSAPI / mini-program payments: signed requests, the
 * `wx.requestPayment` payload, notification verification and decryption, order query and refunds.
 *
 * @example
 * ```ts
 * const wechatPay = createWechatPay({
 *   mchId: process.env.WECHAT_PAY_MCH_ID!,
 *   appId: process.env.WECHAT_APP_ID!,
 *   merchantSerialNo: process.env.WECHAT_PAY_SERIAL_NO!,
 *   merchantPrivateKey: process.env.WECHAT_PAY_PRIVATE_KEY!,
 *   apiV3Key: process.env.WECHAT_PAY_API_V3_KEY!,
 *   platformKeys: { [process.env.WECHAT_PAY_PUBLIC_KEY_ID!]: process.env.WECHAT_PAY_PUBLIC_KEY! },
 *   notifyUrl: 'https://shop.example.com/pay/wechat/notify',
 * })
 * const payment = await wechatPay.createPayment({ outTradeNo, description, amount, payerOpenId })
 * ```
 */
export function createWechatPay(config: WechatPayConfig): WechatPay {
  const now = config.now ?? Date.now
  const windowMs = config.windowMs ?? DEFAULT_WINDOW_MS
  const nonceStore = config.nonceStore ?? memoryNonceStore({ now })
  const nonce = config.nonce ?? randomNonce
  const fetchImpl = config.fetch ?? globalThis.fetch
  const baseUrl = config.baseUrl ?? BASE_URL
  const merchantKey = toPrivateKey(config.merchantPrivateKey, 'WeChat Pay merchant private key')
  if (Buffer.byteLength(config.apiV3Key ?? '', 'utf8') !== 32) {
    throw new ServerError('INVALID_ARGUMENT', 'the WeChat Pay APIv3 key must be 32 bytes')
  }
  const platformKeys = new Map<string, KeyObject>()
  for (const [serial, key] of Object.entries(config.platformKeys)) {
    platformKeys.set(serial, toPublicKey(key, `WeChat Pay public key ${serial}`))
  }
  if (platformKeys.size === 0)
    throw new ServerError('INVALID_ARGUMENT', 'WeChat Pay needs at least one platform key')

  const seconds = () => String(Math.floor(now() / 1000))

  function authorization(method: string, url: string, body: string): string {
    const timestamp = seconds()
    const nonceStr = nonce()
    const signature = signRsaSha256(
      wechatPayRequestMessage({ method, url, timestamp, nonce: nonceStr, body }),
      merchantKey,
    )
    return (
      `WECHATPAY2-SHA256-RSA2048 mchid="${config.mchId}",nonce_str="${nonceStr}",` +
      `signature="${signature}",timestamp="${timestamp}",serial_no="${config.merchantSerialNo}"`
    )
  }

  /** Signature (by serial), then the timestamp window: what every message from WeChat Pay passes. */
  function verifySigned(headers: HeadersInput, body: string) {
    const serial = headerOf(headers, 'Wechatpay-Serial')
    const signature = headerOf(headers, 'Wechatpay-Signature')
    const timestamp = headerOf(headers, 'Wechatpay-Timestamp')
    const nonceStr = headerOf(headers, 'Wechatpay-Nonce')
    if (!serial || !signature || !timestamp || !nonceStr) {
      throw new VerificationError(
        'MALFORMED',
        'Wechatpay-Serial, -Signature, -Timestamp and -Nonce are required',
      )
    }
    const key = platformKeys.get(serial)
    if (!key)
      throw new VerificationError('UNKNOWN_KEY', `WeChat Pay key ${serial.slice(0, 64)} is not configured`)
    if (!verifyRsaSha256(wechatPayMessage([timestamp, nonceStr, body]), signature, key)) {
      throw new VerificationError('BAD_SIGNATURE', 'the WeChat Pay signature does not match')
    }
    assertTimestampInWindow(timestamp, now(), windowMs)
    return nonceStr
  }

  async function call(
    method: 'GET' | 'POST',
    url: string,
    payload?: object,
  ): Promise<Record<string, unknown>> {
    const body = payload === undefined ? '' : JSON.stringify(payload)
    const headers: Record<string, string> = {
      authorization: authorization(method, url, body),
      accept: 'application/json',
      'user-agent': 'TradeKit-server',
    }
    if (payload !== undefined) headers['content-type'] = 'application/json'
    const answer = await requestJson(fetchImpl, 'WeChat Pay', `${baseUrl}${url}`, {
      method,
      headers,
      ...(payload !== undefined && { body }),
    })
    const json = asRecord(answer.json)
    if (answer.status < 200 || answer.status >= 300) {
      const code = stringField(json, 'code')
      throw new ServerError(
        'PLATFORM_ERROR',
        `WeChat Pay ${method} ${url}: ${stringField(json, 'message') ?? answer.status}`,
        {
          status: answer.status,
          ...(code !== undefined && { platformCode: code }),
        },
      )
    }
    if (config.verifyAnswers !== false) verifySigned(answer.headers, answer.text)
    return json
  }

  async function prepay(input: WechatPrepayInput): Promise<{ prepayId: string }> {
    const notifyUrl = input.notifyUrl ?? config.notifyUrl
    if (!notifyUrl) throw new ServerError('INVALID_ARGUMENT', 'a WeChat Pay prepay needs a notifyUrl')
    const request: Record<string, unknown> = {
      appid: config.appId,
      mchid: config.mchId,
      description: input.description,
      out_trade_no: input.outTradeNo,
      notify_url: notifyUrl,
      amount: toWechatAmount(input.amount, 'amount'),
      payer: { openid: input.payerOpenId },
    }
    if (input.expiresAt !== undefined) request.time_expire = beijingRfc3339(toEpochMs(input.expiresAt))
    if (input.attach !== undefined) request.attach = input.attach
    const answer = await call('POST', '/v3/pay/transactions/jsapi', request)
    const prepayId = stringField(answer, 'prepay_id')
    if (!prepayId)
      throw new ServerError('PLATFORM_ERROR', 'WeChat Pay answered the prepay without a prepay_id')
    return { prepayId }
  }

  function paymentParams(prepayId: string): WechatPaymentParams {
    const timeStamp = seconds()
    const nonceStr = nonce()
    const pkg = `prepay_id=${prepayId}`
    const paySign = signRsaSha256(wechatPayMessage([config.appId, timeStamp, nonceStr, pkg]), merchantKey)
    return { timeStamp, nonceStr, package: pkg, signType: 'RSA', paySign }
  }

  return {
    authorization,
    prepay,
    paymentParams,
    async createPayment(input) {
      return paymentParams((await prepay(input)).prepayId)
    },
    async queryOrder(outTradeNo) {
      const url = `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}?mchid=${encodeURIComponent(config.mchId)}`
      return transactionOf(await call('GET', url))
    },
    async refund(input) {
      const request: Record<string, unknown> = {
        out_trade_no: input.outTradeNo,
        out_refund_no: input.outRefundNo,
        amount: {
          refund: toWechatAmount(input.refund, 'refund').total,
          total: toWechatAmount(input.total, 'total').total,
          currency: 'CNY',
        },
      }
      if (input.refund.amount > input.total.amount) {
        throw new ServerError('INVALID_ARGUMENT', 'a refund cannot exceed the order total')
      }
      if (input.reason !== undefined) request.reason = input.reason
      if (input.notifyUrl !== undefined) request.notify_url = input.notifyUrl
      return refundOf(await call('POST', '/v3/refund/domestic/refunds', request))
    },
    async queryRefund(outRefundNo) {
      return refundOf(await call('GET', `/v3/refund/domestic/refunds/${encodeURIComponent(outRefundNo)}`))
    },
    async verifyNotification(callback) {
      const nonceStr = verifySigned(callback.headers, callback.body)
      await assertNonceIsNew(nonceStore, 'wechatpay', nonceStr, windowMs)
      let envelope: Record<string, unknown>
      try {
        envelope = asRecord(JSON.parse(callback.body))
      } catch (error) {
        throw new VerificationError('MALFORMED', 'the notification body is not JSON', { cause: error })
      }
      const encrypted = asRecord(envelope.resource) as unknown as WechatPayEncryptedResource
      let resource: Record<string, unknown>
      try {
        resource = asRecord(JSON.parse(decryptWechatPayResource(encrypted, config.apiV3Key)))
      } catch (error) {
        if (error instanceof ServerError) throw error
        throw new VerificationError('MALFORMED', 'the decrypted resource is not JSON', { cause: error })
      }
      const eventType = stringField(envelope, 'event_type') ?? ''
      const notification: WechatPayNotification = {
        id: stringField(envelope, 'id') ?? '',
        eventType,
        resource,
      }
      const createTime = stringField(envelope, 'create_time')
      if (createTime) notification.createTime = createTime
      const summary = stringField(envelope, 'summary')
      if (summary) notification.summary = summary
      if (eventType.startsWith('TRANSACTION.')) {
        const transaction = transactionOf(resource)
        if (transaction.mchId !== config.mchId || transaction.appId !== config.appId) {
          throw new VerificationError('MALFORMED', 'the notification is for another merchant or app')
        }
        notification.transaction = transaction
      } else if (eventType.startsWith('REFUND.')) {
        if (stringField(resource, 'mchid') !== config.mchId) {
          throw new VerificationError('MALFORMED', 'the notification is for another merchant')
        }
        notification.refund = refundOf(resource)
      }
      return notification
    },
    notificationAnswer(ok): CallbackAnswer {
      if (ok) return { status: 204, headers: {}, body: '' }
      const body = JSON.stringify({ code: 'FAIL', message: 'not handled' })
      return { status: 500, headers: { 'content-type': 'application/json' }, body }
    },
  }
}
