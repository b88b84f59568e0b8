import type { KeyObject } from 'node:crypto'
import { type PrivateKeyInput, type PublicKeyInput, toPrivateKey, toPublicKey } from '../crypto/keys'
import { randomNonce } from '../crypto/randomNonce'
import { signRsaSha256, verifyRsaSha256 } from '../crypto/rsaSha256'
import { ServerError, VerificationError } from '../errors/ServerError'
import type { CallbackAnswer, RawCallback } from '../http/callback'
import { headerOf } from '../http/headers'
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
import { byteAuthorization, douyinSignMessage, douyinVerifyMessage } from './douyinSignature'

/** Where each Douyin key comes from and goes. */
export interface DouyinTradeConfig extends FreshnessOptions {
  /** The mini-program's app id (client_key). */
  appId: string
  /** The app secret (client_secret): gets the client_token for OpenAPI calls. */
  appSecret: string
  /** The application private key (应用私钥): signs `tt.requestOrder` data and requests. */
  appPrivateKey: PrivateKeyInput
  /** The version of the application public key uploaded in 开发设置 → 密钥设置. */
  keyVersion: string
  /**
   * The platform public key (平台公钥) from the same page: verifies callbacks and answers. A list
   * while Douyin rotates it: any of them verifies.
   */
  platformPublicKey: PublicKeyInput | readonly PublicKeyInput[]
  /** Where payment results go unless an order names another (HTTPS). */
  payNotifyUrl?: string
  /** Where refund results go unless a refund names another (HTTPS). */
  refundNotifyUrl?: string
  /** @default 'https://open.douyin.com' */
  baseUrl?: string
  /** Injected `fetch`. @default globalThis.fetch */
  fetch?: FetchLike
  /** Nonce generator for signatures. @default 32 random hex characters */
  nonce?: () => string
  /** Send a `Byte-Authorization` signature with OpenAPI requests. @default true */
  signRequests?: boolean
  /** Refresh the client_token this long before it expires, in milliseconds. @default 600000 */
  tokenRefreshMarginMs?: number
}

/** A page of the mini-program: where the order (or refund) detail opens. */
export interface DouyinSchema {
  /** Page path without a leading `/`, e.g. `pages/order/detail`. */
  path: string
  /** Query parameters; sent as the JSON string Douyin asks for. */
  params?: Readonly<Record<string, string | number | boolean>>
}

/** One line of a Douyin trading order. */
export interface DouyinSkuInput {
  /** Your sku id (membership plan, service, goods). */
  skuId: string
  /** Unit price. */
  price: Money
  quantity: number
  title: string
  /** Picture URLs (at least one). */
  imageList: readonly string[]
  /** Douyin's goods type for your industry (e.g. 401 for paid content); see the console. */
  type: number
  /** The trading rules tag group (交易规则标签组) for that type. */
  tagGroupId: string
  /** The goods' detail page, when it has one. */
  entrySchema?: DouyinSchema
}

/** What `tt.requestOrder` will create. */
export interface DouyinOrderInput {
  /** Your order id (≤ 64 bytes). */
  outOrderNo: string
  /** The lines (Douyin currently takes one). */
  skus: readonly DouyinSkuInput[]
  /** What the user pays, after your discounts. */
  total: Money
  /** The order detail page. */
  orderEntrySchema: DouyinSchema
  /** When the order can no longer be paid (within 48 hours); becomes `payExpireSeconds`. */
  expiresAt?: Date | number
  /** Overrides the configured `payNotifyUrl`. */
  payNotifyUrl?: string
  /** Your own receiving merchant id, when you have several. */
  merchantUid?: string
  /** Payment methods to hide: 1 WeChat, 2 Alipay. */
  limitPayWayList?: readonly number[]
}

/** The arguments of `tt.requestOrder` (TradeKit's `douyinTradeChannel` payload). */
export interface DouyinRequestOrderPayload {
  /** The order as a JSON string: pass it unchanged, it is what was signed. */
  data: string
  byteAuthorization: string
}

/** A verified payment callback (`type: 'payment'`). */
export interface DouyinPaymentEvent {
  appId: string
  outOrderNo: string
  orderId: string
  /** `SUCCESS` (paid) or `CANCEL`. */
  status: 'SUCCESS' | 'CANCEL' | (string & {})
  /** The order total. */
  total: Money
  /** Douyin-side discounts (the user paid total − discount). */
  discount?: Money
  /** 1 WeChat, 2 Alipay, 3 bank card, 10 Douyin Pay. */
  payChannel?: number
  channelPayId?: string
  cpExtra?: string
  /** When it happened, milliseconds since the epoch. */
  eventTime?: number
}

/** A verified refund callback (`type: 'refund'`). */
export interface DouyinRefundEvent {
  appId: string
  orderId: string
  refundId: string
  outRefundNo: string
  /** `SUCCESS` or `FAIL`. */
  status: 'SUCCESS' | 'FAIL' | (string & {})
  refundTotal: Money
  message?: string
  cpExtra?: string
  eventTime?: number
}

/** A verified Douyin callback. */
export type DouyinCallback =
  | { type: 'payment'; version: string; payment: DouyinPaymentEvent; msg: Record<string, unknown> }
  | { type: 'refund'; version: string; refund: DouyinRefundEvent; msg: Record<string, unknown> }
  | { type: 'other'; callbackType: string; version: string; msg: Record<string, unknown> }

/** An order as the trading system reports it. */
export interface DouyinOrder {
  orderId: string
  outOrderNo: string
  /** `PROCESS` (not paid yet), `SUCCESS`, `FAIL`, `TIMEOUT`. */
  payStatus: 'PROCESS' | 'SUCCESS' | 'FAIL' | 'TIMEOUT' | (string & {})
  total: Money
  discount?: Money
  /** When it was paid, milliseconds since the epoch. */
  paidAt?: number
  payChannel?: number
  channelPayId?: string
  /** The item orders (refunds name them). */
  items: { itemOrderId: string; skuId: string; amount: Money }[]
}

/** A refund request. */
export interface DouyinRefundInput {
  /** Douyin's order id. */
  orderId: string
  /** Your refund number. */
  outRefundNo: string
  /** How much to give back in total. */
  amount: Money
  /** Which item orders, and how much each (they must add up to `amount`). */
  items?: readonly { itemOrderId: string; amount: Money }[]
  /** Refund the whole order (only when nothing was refunded yet); then `items` is left out. */
  refundAll?: boolean
  /** Reasons: 101 不想要了, 102 商家服务原因, 103 商品质量问题, 999 其他. @default [{ code: 999, text: '其他' }] */
  reasons?: readonly { code: number; text: string }[]
  /** The refund detail page. */
  orderEntrySchema: DouyinSchema
  notifyUrl?: string
  cpExtra?: string
}

/** A refund as the trading system reports it. */
export interface DouyinRefund {
  refundId: string
  outRefundNo: string
  orderId: string
  /** `PROCESSING`, `SUCCESS`, `FAIL`. */
  status: string
  amount: Money
  /** When it was refunded, milliseconds since the epoch. */
  refundedAt?: number
}

/** A Douyin general trading system (通用交易系统) client. */
export interface DouyinTrade {
  /** Builds and signs the `data` and `byteAuthorization` of `tt.requestOrder`. */
  requestOrderPayload(order: DouyinOrderInput): DouyinRequestOrderPayload
  /**
   * Verifies a payment or refund callback (`Byte-Signature` with the platform public key over
   * `Byte-Timestamp`, `Byte-Nonce-Str` and the raw body; timestamp window; nonce not seen before)
   * and reads it. Throws {@link VerificationError}.
   */
  verifyCallback(callback: RawCallback): Promise<DouyinCallback>
  /** The documented answer: `{"err_no":0,"err_tips":"success"}` with 200; otherwise Douyin retries. */
  callbackAnswer(ok: boolean): CallbackAnswer
  /** The client_token for OpenAPI calls: cached, refreshed before it expires. */
  clientToken(): Promise<string>
  /** Queries an order by Douyin's id or yours. */
  queryOrder(by: { orderId: string } | { outOrderNo: string }): Promise<DouyinOrder>
  /** Asks for a refund; resolves Douyin's refund id. */
  createRefund(input: DouyinRefundInput): Promise<{ refundId: string; auditDeadline?: number }>
  /** Lists the refunds of a refund id, a refund number or an order. */
  queryRefund(
    by: { refundId: string } | { outRefundNo: string } | { orderId: string },
  ): Promise<DouyinRefund[]>
}

const BASE_URL = 'https://open.douyin.com'
const MAX_PAY_EXPIRE_SECONDS = 48 * 3600

function schemaOf(schema: DouyinSchema): { path: string; params: string } {
  if (!schema?.path) throw new ServerError('INVALID_ARGUMENT', 'a Douyin schema needs a path')
  return { path: schema.path, params: JSON.stringify(schema.params ?? {}) }
}

function optionalNumber(record: Record<string, unknown>, key: string): number | undefined {
  const value = record[key]
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined
}

/**
 * A client for Douyin's general trading system (通用交易系统): the signed `tt.requestOrder`
 * payload, payment and refund callbacks, and the OpenAPI (query order, create and query refund)
 * with a cached client_token.
 *
 * @example
 * ```ts
 * const douyin = createDouyinTrade({
 *   appId: process.env.DOUYIN_APP_ID!,
 *   appSecret: process.env.DOUYIN_APP_SECRET!,
 *   appPrivateKey: process.env.DOUYIN_APP_PRIVATE_KEY!,
 *   keyVersion: process.env.DOUYIN_KEY_VERSION!,
 *   platformPublicKey: process.env.DOUYIN_PLATFORM_PUBLIC_KEY!,
 *   payNotifyUrl: 'https://shop.example.com/pay/douyin/notify',
 * })
 * const payment = douyin.requestOrderPayload(order) // { data, byteAuthorization }
 * ```
 */
export function createDouyinTrade(config: DouyinTradeConfig): DouyinTrade {
  const now = config.now ?? Date.now
  const windowMs = config.windowMs ?? DEFAULT_WINDOW_MS
  const nonceStore = config.nonceStore ?? memoryNonceStore({ now })
  const nonce = config.nonce ?? randomNonce
  const fetchImpl = config.fetch ?? globalThis.fetch
  const baseUrl = config.baseUrl ?? BASE_URL
  const refreshMarginMs = config.tokenRefreshMarginMs ?? 10 * 60_000
  const appKey = toPrivateKey(config.appPrivateKey, 'Douyin application private key')
  const platformKeys: KeyObject[] = (
    Array.isArray(config.platformPublicKey) ? config.platformPublicKey : [config.platformPublicKey]
  ).map((key: PublicKeyInput) => toPublicKey(key, 'Douyin platform public key'))
  if (platformKeys.length === 0)
    throw new ServerError('INVALID_ARGUMENT', 'Douyin needs its platform public key')
  if (!config.keyVersion)
    throw new ServerError('INVALID_ARGUMENT', 'Douyin needs the key version of the app public key')

  const seconds = () => String(Math.floor(now() / 1000))

  function authorize(method: string, uri: string, body: string): string {
    const timestamp = seconds()
    const nonceStr = nonce()
    const signature = signRsaSha256(
      douyinSignMessage({ method, uri, timestamp, nonce: nonceStr, body }),
      appKey,
    )
    return byteAuthorization({
      appId: config.appId,
      nonce: nonceStr,
      timestamp,
      keyVersion: config.keyVersion,
      signature,
    })
  }

  function verifySigned(
    headers: RawCallback['headers'],
    body: string,
    required: boolean,
  ): string | undefined {
    const timestamp = headerOf(headers, 'Byte-Timestamp')
    const nonceStr = headerOf(headers, 'Byte-Nonce-Str')
    const signature = headerOf(headers, 'Byte-Signature')
    if (!timestamp || !nonceStr || !signature) {
      if (!required && !timestamp && !nonceStr && !signature) return undefined
      throw new VerificationError(
        'MALFORMED',
        'Byte-Timestamp, Byte-Nonce-Str and Byte-Signature are required',
      )
    }
    const message = douyinVerifyMessage(timestamp, nonceStr, body)
    if (!platformKeys.some((key) => verifyRsaSha256(message, signature, key))) {
      throw new VerificationError('BAD_SIGNATURE', 'the Douyin signature does not match')
    }
    assertTimestampInWindow(timestamp, now(), windowMs)
    return nonceStr
  }

  let token: { value: string; expiresAt: number } | undefined
  let pendingToken: Promise<string> | undefined

  async function fetchToken(): Promise<string> {
    const answer = await requestJson(fetchImpl, 'Douyin', `${baseUrl}/oauth/client_token/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        client_key: config.appId,
        client_secret: config.appSecret,
        grant_type: 'client_credential',
      }),
    })
    const data = asRecord(asRecord(answer.json).data)
    const errorCode = stringField(data, 'error_code') ?? '0'
    const value = stringField(data, 'access_token')
    const expiresIn = optionalNumber(data, 'expires_in')
    if (answer.status !== 200 || errorCode !== '0' || !value || !expiresIn) {
      throw new ServerError(
        'PLATFORM_ERROR',
        `Douyin client_token refused: ${stringField(data, 'description') ?? answer.status}`,
        {
          status: answer.status,
          platformCode: errorCode,
        },
      )
    }
    token = { value, expiresAt: now() + expiresIn * 1000 }
    return value
  }

  function clientToken(): Promise<string> {
    if (token && now() < token.expiresAt - refreshMarginMs) return Promise.resolve(token.value)
    pendingToken ??= fetchToken().finally(() => {
      pendingToken = undefined
    })
    return pendingToken
  }

  async function call(path: string, payload: object, retried = false): Promise<Record<string, unknown>> {
    const accessToken = await clientToken()
    const body = JSON.stringify(payload)
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'access-token': accessToken,
    }
    if (config.signRequests !== false) headers['byte-authorization'] = authorize('POST', path, body)
    const answer = await requestJson(fetchImpl, 'Douyin', `${baseUrl}${path}`, {
      method: 'POST',
      headers,
      body,
    })
    if (answer.status === 401 && !retried) {
      token = undefined
      return call(path, payload, true)
    }
    verifySigned(answer.headers, answer.text, false)
    const json = asRecord(answer.json)
    const errNo = stringField(json, 'err_no')
    if (answer.status !== 200 || errNo !== '0') {
      throw new ServerError(
        'PLATFORM_ERROR',
        `Douyin ${path}: ${stringField(json, 'err_msg') ?? answer.status}`,
        {
          status: answer.status,
          ...(errNo !== undefined && { platformCode: errNo }),
        },
      )
    }
    return asRecord(json.data)
  }

  function requestOrderPayload(order: DouyinOrderInput): DouyinRequestOrderPayload {
    if (!order.outOrderNo) throw new ServerError('INVALID_ARGUMENT', 'a Douyin order needs an outOrderNo')
    if (order.skus.length === 0) throw new ServerError('INVALID_ARGUMENT', 'a Douyin order needs a sku')
    const totalAmount = toDouyinAmount(order.total, 'total')
    let linesTotal = 0
    const skuList = order.skus.map((sku, index) => {
      if (!Number.isSafeInteger(sku.quantity) || sku.quantity <= 0) {
        throw new ServerError('INVALID_ARGUMENT', `sku ${index} needs a positive integer quantity`)
      }
      if (sku.imageList.length === 0)
        throw new ServerError('INVALID_ARGUMENT', `sku ${index} needs a picture`)
      const price = toDouyinAmount(sku.price, `sku ${index} price`)
      linesTotal += price * sku.quantity
      const line: Record<string, unknown> = {
        skuId: sku.skuId,
        price,
        quantity: sku.quantity,
        title: sku.title,
        imageList: [...sku.imageList],
        type: sku.type,
        tagGroupId: sku.tagGroupId,
      }
      if (sku.entrySchema) line.entrySchema = schemaOf(sku.entrySchema)
      return line
    })
    if (totalAmount > linesTotal) {
      throw new ServerError('INVALID_ARGUMENT', `total ${totalAmount} exceeds the lines' ${linesTotal}`)
    }
    const data: Record<string, unknown> = { skuList, outOrderNo: order.outOrderNo, totalAmount }
    if (order.expiresAt !== undefined) {
      const payExpireSeconds = Math.ceil((toEpochMs(order.expiresAt) - now()) / 1000)
      if (payExpireSeconds <= 0 || payExpireSeconds > MAX_PAY_EXPIRE_SECONDS) {
        throw new ServerError('INVALID_ARGUMENT', 'a Douyin order expires between now and 48 hours from now')
      }
      data.payExpireSeconds = payExpireSeconds
    }
    const payNotifyUrl = order.payNotifyUrl ?? config.payNotifyUrl
    if (payNotifyUrl) data.payNotifyUrl = payNotifyUrl
    if (order.merchantUid) data.merchantUid = order.merchantUid
    data.orderEntrySchema = schemaOf(order.orderEntrySchema)
    if (order.limitPayWayList) data.limitPayWayList = [...order.limitPayWayList]
    const text = JSON.stringify(data)
    return { data: text, byteAuthorization: authorize('POST', '/requestOrder', text) }
  }

  function callbackMoney(value: unknown, what: string): Money {
    try {
      return fromDouyinAmount(value, what)
    } catch (error) {
      throw new VerificationError('MALFORMED', `the callback's ${what} is not integer fen`, { cause: error })
    }
  }

  return {
    requestOrderPayload,
    async verifyCallback(callback) {
      const nonceStr = verifySigned(callback.headers, callback.body, true)!
      await assertNonceIsNew(nonceStore, 'douyin', nonceStr, windowMs)
      let envelope: Record<string, unknown>
      let msg: Record<string, unknown>
      try {
        envelope = asRecord(JSON.parse(callback.body))
        msg = asRecord(JSON.parse(String(envelope.msg)))
      } catch (error) {
        throw new VerificationError('MALFORMED', 'the callback or its msg is not JSON', { cause: error })
      }
      if (stringField(msg, 'app_id') !== config.appId) {
        throw new VerificationError('MALFORMED', 'the callback is for another app')
      }
      const type = stringField(envelope, 'type') ?? ''
      const version = stringField(envelope, 'version') ?? ''
      const text = (key: string) => stringField(msg, key)
      if (type === 'payment') {
        const payment: DouyinPaymentEvent = {
          appId: config.appId,
          outOrderNo: text('out_order_no') ?? '',
          orderId: text('order_id') ?? '',
          status: text('status') ?? '',
          total: callbackMoney(msg.total_amount, 'total_amount'),
        }
        if (msg.discount_amount !== undefined)
          payment.discount = callbackMoney(msg.discount_amount, 'discount_amount')
        const payChannel = optionalNumber(msg, 'pay_channel')
        if (payChannel !== undefined) payment.payChannel = payChannel
        const eventTime = optionalNumber(msg, 'event_time')
        if (eventTime !== undefined) payment.eventTime = eventTime
        if (text('channel_pay_id')) payment.channelPayId = text('channel_pay_id')!
        if (text('cp_extra')) payment.cpExtra = text('cp_extra')!
        return { type, version, payment, msg }
      }
      if (type === 'refund') {
        const refund: DouyinRefundEvent = {
          appId: config.appId,
          orderId: text('order_id') ?? '',
          refundId: text('refund_id') ?? '',
          outRefundNo: text('out_refund_no') ?? '',
          status: text('status') ?? '',
          refundTotal: callbackMoney(msg.refund_total_amount, 'refund_total_amount'),
        }
        if (text('message')) refund.message = text('message')!
        if (text('cp_extra')) refund.cpExtra = text('cp_extra')!
        const eventTime = optionalNumber(msg, 'event_time')
        if (eventTime !== undefined) refund.eventTime = eventTime
        return { type, version, refund, msg }
      }
      return { type: 'other', callbackType: type, version, msg }
    },
    callbackAnswer(ok): CallbackAnswer {
      const headers = { 'content-type': 'application/json' }
      if (ok) return { status: 200, headers, body: JSON.stringify({ err_no: 0, err_tips: 'success' }) }
      return { status: 500, headers, body: JSON.stringify({ err_no: 1, err_tips: 'not handled' }) }
    },
    clientToken,
    async queryOrder(by) {
      const request = 'orderId' in by ? { order_id: by.orderId } : { out_order_no: by.outOrderNo }
      const data = await call('/api/trade_basic/v1/developer/order_query/', request)
      const items = Array.isArray(data.item_order_list) ? data.item_order_list : []
      const order: DouyinOrder = {
        orderId: stringField(data, 'order_id') ?? '',
        outOrderNo: stringField(data, 'out_order_no') ?? '',
        payStatus: stringField(data, 'pay_status') ?? '',
        total: fromDouyinAmount(data.total_amount, 'total_amount'),
        items: items.map((item) => {
          const record = asRecord(item)
          return {
            itemOrderId: stringField(record, 'item_order_id') ?? '',
            skuId: stringField(record, 'sku_id') ?? '',
            amount: fromDouyinAmount(record.item_order_amount, 'item_order_amount'),
          }
        }),
      }
      if (data.discount_amount !== undefined)
        order.discount = fromDouyinAmount(data.discount_amount, 'discount_amount')
      const paidAt = optionalNumber(data, 'pay_time')
      if (paidAt) order.paidAt = paidAt
      const payChannel = optionalNumber(data, 'pay_channel')
      if (payChannel !== undefined) order.payChannel = payChannel
      const channelPayId = stringField(data, 'channel_pay_id')
      if (channelPayId) order.channelPayId = channelPayId
      return order
    },
    async createRefund(input) {
      const total = toDouyinAmount(input.amount, 'refund amount')
      const request: Record<string, unknown> = {
        order_id: input.orderId,
        out_refund_no: input.outRefundNo,
        order_entry_schema: schemaOf(input.orderEntrySchema),
        refund_reason: input.reasons ? [...input.reasons] : [{ code: 999, text: '其他' }],
        refund_total_amount: total,
      }
      if (input.refundAll) {
        if (input.items) throw new ServerError('INVALID_ARGUMENT', 'a whole-order refund names no items')
        request.refund_all = true
      } else {
        if (!input.items || input.items.length === 0) {
          throw new ServerError('INVALID_ARGUMENT', 'a partial refund names its item orders')
        }
        const detail = input.items.map((item, index) => ({
          item_order_id: item.itemOrderId,
          refund_amount: toDouyinAmount(item.amount, `item ${index} refund`),
        }))
        const sum = detail.reduce((acc, item) => acc + item.refund_amount, 0)
        if (sum !== total)
          throw new ServerError('INVALID_ARGUMENT', `the items add up to ${sum}, not ${total}`)
        request.item_order_detail = detail
      }
      const notifyUrl = input.notifyUrl ?? config.refundNotifyUrl
      if (notifyUrl) request.notify_url = notifyUrl
      if (input.cpExtra) request.cp_extra = input.cpExtra
      const data = await call('/api/trade_basic/v1/developer/refund_create/', request)
      const refundId = stringField(data, 'refund_id')
      if (!refundId) throw new ServerError('PLATFORM_ERROR', 'Douyin answered the refund without a refund_id')
      const auditDeadline = optionalNumber(data, 'refund_audit_deadline')
      return auditDeadline === undefined ? { refundId } : { refundId, auditDeadline }
    },
    async queryRefund(by) {
      const request =
        'refundId' in by
          ? { refund_id: by.refundId }
          : 'outRefundNo' in by
            ? { out_refund_no: by.outRefundNo }
            : { order_id: by.orderId }
      const data = await call('/api/trade_basic/v1/developer/refund_query/', request)
      const list = Array.isArray(data.refund_list) ? data.refund_list : []
      return list.map((item) => {
        const record = asRecord(item)
        const refund: DouyinRefund = {
          refundId: stringField(record, 'refund_id') ?? '',
          outRefundNo: stringField(record, 'out_refund_no') ?? '',
          orderId: stringField(record, 'order_id') ?? '',
          status: stringField(record, 'refund_status') ?? '',
          amount: fromDouyinAmount(record.refund_total_amount, 'refund_total_amount'),
        }
        const refundedAt = optionalNumber(record, 'refund_at')
        if (refundedAt) refund.refundedAt = refundedAt
        return refund
      })
    },
  }
}
