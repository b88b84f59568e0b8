import type {
  PayContext,
  PaymentChannel,
  PayOutcome,
  PurchaseContext,
  PurchaseSupport,
} from '../payment/paymentChannel'
import {
  callPlatform,
  hasMethod,
  INVALID_PAYMENT_OUTCOME,
  isText,
  messageOf,
  platformGlobal,
  UNAVAILABLE_OUTCOME,
} from './platformCall'

/** The payload of {@link wechatChannel}: `wx.requestPayment`'s signed parameters. */
export interface WechatPayment {
  readonly timeStamp: string
  readonly nonceStr: string
  readonly package: string
  readonly signType?: string
  readonly paySign: string
}

/** Options of {@link wechatChannel}. */
export interface WechatChannelOptions {
  /**
   * The channel id.
   * @default 'wechat'
   */
  id?: string
}

function isPayment(value: unknown): value is WechatPayment {
  if (typeof value !== 'object' || value === null) return false
  const p = value as Record<string, unknown>
  return (
    (isText(p.timeStamp) || typeof p.timeStamp === 'number') &&
    isText(p.nonceStr) &&
    isText(p.package) &&
    isText(p.paySign) &&
    (p.signType === undefined || isText(p.signType))
  )
}

const isCancel = (message: string | undefined) => message !== undefined && /cancel/i.test(message)

/**
 * WeChat Pay: `wx.requestPayment`. `requestPayment:ok` → submitted, `requestPayment:fail cancel`
 * (and the older clients' `requestPayment:cancel`, sent to `complete` only) → cancelled, any other
 * fail → failed (not retryable for a parameter error, else retryable).
 *
 * WeChat forbids virtual-goods payment in mini-programs on iOS: `supports` answers `'unavailable'`.
 *
 * @example
 * ```ts
 * const checkout = createCheckout({ api, channel: wechatChannel() })
 * ```
 */
export function wechatChannel(options: WechatChannelOptions = {}): PaymentChannel {
  const id = options.id ?? 'wechat'
  const available = (): boolean => hasMethod(platformGlobal('wx'), 'requestPayment')
  return {
    id,
    platform: 'wx',
    isAvailable: available,
    supports(purchase: PurchaseContext): PurchaseSupport {
      return purchase.kind === 'virtual' && purchase.os === 'ios' ? 'unavailable' : 'pay'
    },
    async pay(payment: unknown, ctx: PayContext): Promise<PayOutcome> {
      if (!isPayment(payment)) return INVALID_PAYMENT_OUTCOME
      if (!available()) return UNAVAILABLE_OUTCOME
      const params: Record<string, unknown> = {
        timeStamp: String(payment.timeStamp),
        nonceStr: payment.nonceStr,
        package: payment.package,
        paySign: payment.paySign,
      }
      if (payment.signType !== undefined) params.signType = payment.signType
      const answer = await callPlatform(platformGlobal('wx')!, 'requestPayment', params, ctx.signal, (res) =>
        isCancel(messageOf(res)) ? { ok: false, res } : undefined,
      )
      if (answer.ok) return { kind: 'submitted' }
      const message = messageOf(answer.res)
      if (isCancel(message)) return { kind: 'cancelled' }
      const parameterError = message !== undefined && /parameter error|invalid/i.test(message)
      return { kind: 'failed', retryable: !parameterError, ...(message !== undefined ? { message } : {}) }
    },
  }
}
