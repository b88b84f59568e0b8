import type {
  PayContext,
  PaymentChannel,
  PayOutcome,
  PurchaseContext,
  PurchaseSupport,
} from '../payment/paymentChannel'
import {
  callPlatform,
  codeOf,
  hasMethod,
  INVALID_PAYMENT_OUTCOME,
  isText,
  messageOf,
  platformGlobal,
  UNAVAILABLE_OUTCOME,
} from './platformCall'

/** The payload of {@link douyinPayChannel}: the guaranteed-payment order from the team's server. */
export interface DouyinPayPayment {
  readonly orderInfo: { readonly order_id: string; readonly order_token: string }
}

/** Options of {@link douyinPayChannel}. */
export interface DouyinPayChannelOptions {
  /**
   * The channel id.
   * @default 'douyin-pay'
   */
  id?: string
}

function isPayment(value: unknown): value is DouyinPayPayment {
  if (typeof value !== 'object' || value === null) return false
  const info = (value as Record<string, unknown>).orderInfo
  if (typeof info !== 'object' || info === null) return false
  const i = info as Record<string, unknown>
  return (isText(i.order_id) || typeof i.order_id === 'number') && isText(i.order_token)
}

/**
 * Douyin guaranteed payment: `tt.pay({ orderInfo, service: 5 })`. Result `code` (compared as a
 * string): 0 submitted, 4 cancelled, 2 failed (retryable), 3 closed (failed, not retryable), 1
 * (timeout) and 9 unknown; the `fail` callback (the cashier did not open) is a retryable failure.
 *
 * @example
 * ```ts
 * const checkout = createCheckout({ api, channel: douyinPayChannel() })
 * ```
 */
export function douyinPayChannel(options: DouyinPayChannelOptions = {}): PaymentChannel {
  const id = options.id ?? 'douyin-pay'
  const available = (): boolean => hasMethod(platformGlobal('tt'), 'pay')
  return {
    id,
    platform: 'tt',
    isAvailable: available,
    supports(purchase: PurchaseContext): PurchaseSupport {
      // tt.pay cannot take iOS virtual goods
      return purchase.kind === 'virtual' && purchase.os === 'ios' ? 'unavailable' : 'pay'
    },
    async pay(payment: unknown, ctx: PayContext): Promise<PayOutcome> {
      if (!isPayment(payment)) return INVALID_PAYMENT_OUTCOME
      if (!available()) return UNAVAILABLE_OUTCOME
      const answer = await callPlatform(
        platformGlobal('tt')!,
        'pay',
        { orderInfo: payment.orderInfo, service: 5 },
        ctx.signal,
      )
      const message = messageOf(answer.res)
      if (!answer.ok) {
        return { kind: 'failed', retryable: true, ...(message !== undefined ? { message } : {}) }
      }
      const code = codeOf(answer.res.code)
      switch (code) {
        case '0':
          return { kind: 'submitted' }
        case '4':
          return { kind: 'cancelled' }
        case '2':
          return { kind: 'failed', retryable: true, code }
        case '3':
          return { kind: 'failed', retryable: false, code }
        default:
          // 1 (timeout), 9 (ask the server) and anything new: money may have moved
          return { kind: 'unknown', ...(code !== undefined ? { code } : {}) }
      }
    },
  }
}
