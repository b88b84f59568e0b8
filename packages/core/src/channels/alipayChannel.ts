import type { PayContext, PaymentChannel, PayOutcome } from '../payment/paymentChannel'
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

/** The payload of {@link alipayChannel}: the trade number from `alipay.trade.create`. */
export interface AlipayPayment {
  readonly tradeNO: string
}

/** Options of {@link alipayChannel}. */
export interface AlipayChannelOptions {
  /**
   * The channel id.
   * @default 'alipay'
   */
  id?: string
}

function isPayment(value: unknown): value is AlipayPayment {
  return typeof value === 'object' && value !== null && isText((value as Record<string, unknown>).tradeNO)
}

/**
 * Alipay: `my.tradePay({ tradeNO })`. `resultCode` (compared as a string): 9000 submitted, 8000
 * (processing) and 6004 (result unknown) unknown, 6001 cancelled, 6002 (network) failed and
 * retryable, 4000 and 4 failed; any other code is unknown (Alipay asks the merchant to settle
 * 9000/8000/6004 with its server).
 *
 * @example
 * ```ts
 * const checkout = createCheckout({ api, channel: alipayChannel() })
 * ```
 */
export function alipayChannel(options: AlipayChannelOptions = {}): PaymentChannel {
  const id = options.id ?? 'alipay'
  const available = (): boolean => hasMethod(platformGlobal('my'), 'tradePay')
  return {
    id,
    platform: 'my',
    isAvailable: available,
    async pay(payment: unknown, ctx: PayContext): Promise<PayOutcome> {
      if (!isPayment(payment)) return INVALID_PAYMENT_OUTCOME
      if (!available()) return UNAVAILABLE_OUTCOME
      const answer = await callPlatform(
        platformGlobal('my')!,
        'tradePay',
        { tradeNO: payment.tradeNO },
        ctx.signal,
      )
      const code = codeOf(answer.res.resultCode ?? answer.res.error)
      const message = messageOf(answer.res)
      switch (code) {
        case '9000':
          return { kind: 'submitted' }
        case '8000':
        case '6004':
          return { kind: 'unknown', code }
        case '6001':
          return { kind: 'cancelled' }
        case '6002':
          return { kind: 'failed', retryable: true, code, ...(message !== undefined ? { message } : {}) }
        case '4000':
        case '4':
          return { kind: 'failed', retryable: false, code, ...(message !== undefined ? { message } : {}) }
        case undefined:
          // a fail without a result code: the cashier did not open
          return answer.ok
            ? { kind: 'unknown' }
            : { kind: 'failed', retryable: true, ...(message !== undefined ? { message } : {}) }
        default:
          return { kind: 'unknown', code }
      }
    },
  }
}
