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

/** The payload of {@link douyinTradeChannel}: what the team's server signed for `tt.requestOrder`. */
export interface DouyinTradePayment {
  readonly data: string
  readonly byteAuthorization: string
}

/** What the channel saves with the pending order: the Douyin order id, so no second one is made. */
export interface DouyinTradeState {
  readonly douyinOrderId: string
}

/** Options of {@link douyinTradeChannel}. */
export interface DouyinTradeChannelOptions {
  /**
   * The channel id.
   * @default 'douyin-trade'
   */
  id?: string
}

function isPayment(value: unknown): value is DouyinTradePayment {
  if (typeof value !== 'object' || value === null) return false
  const p = value as Record<string, unknown>
  return isText(p.data) && isText(p.byteAuthorization)
}

function savedOrderId(state: unknown): string | undefined {
  if (typeof state !== 'object' || state === null) return undefined
  const id = (state as Record<string, unknown>).douyinOrderId
  return isText(id) ? id : undefined
}

/** requestOrder's refusals (errNo compared as strings). */
function requestOrderFailure(res: Record<string, unknown>): PayOutcome {
  const errNo = codeOf(res.errNo ?? res.errCode)
  const message = messageOf(res)
  if (errNo === '10000' || errNo === '11004')
    return { kind: 'failed', retryable: false, code: errNo, message }
  if (errNo === '10401') return { kind: 'failed', retryable: true, code: errNo, message }
  // iOS virtual goods cannot be paid in the cashier (they go through customer-service IM)
  if (message !== undefined && /ios/i.test(message) && /(不支持|not support|unsupported)/i.test(message)) {
    return { kind: 'failed', retryable: false, code: 'PAYMENT_UNAVAILABLE', message }
  }
  // no Douyin order was made: paying again is safe
  return { kind: 'failed', retryable: true, ...(errNo !== undefined ? { code: errNo } : {}), message }
}

/**
 * Douyin's general trading system: `tt.requestOrder` once per order (its Douyin order id saved
 * through `saveState` before the cashier opens), then `tt.getOrderPayment`. A retry or a resume only
 * calls `getOrderPayment`, so no second Douyin order is ever made.
 *
 * Payload: `{ data, byteAuthorization }` from the team's server. Feature-detects
 * `tt.requestOrder`/`tt.getOrderPayment` (and `tt.canIUse('requestOrder')`) when called.
 *
 * @example
 * ```ts
 * const checkout = createCheckout({ api, channel: douyinTradeChannel() })
 * ```
 */
export function douyinTradeChannel(options: DouyinTradeChannelOptions = {}): PaymentChannel {
  const id = options.id ?? 'douyin-trade'
  const available = (): boolean => {
    const tt = platformGlobal('tt')
    if (!hasMethod(tt, 'requestOrder') || !hasMethod(tt, 'getOrderPayment')) return false
    if (hasMethod(tt, 'canIUse')) {
      // the docs name both 'requestOrder' and 'createOrder' as the canIUse key (industry SDK)
      try {
        const canIUse = tt!.canIUse as (name: string) => unknown
        return canIUse('requestOrder') !== false || canIUse('createOrder') !== false
      } catch {
        return true
      }
    }
    return true
  }
  return {
    id,
    platform: 'tt',
    isAvailable: available,
    supports(purchase: PurchaseContext): PurchaseSupport {
      return purchase.kind === 'virtual' && purchase.os === 'ios' ? 'im' : 'pay'
    },
    async pay(payment: unknown, ctx: PayContext): Promise<PayOutcome> {
      let douyinOrderId = savedOrderId(ctx.state)
      if (douyinOrderId === undefined && !isPayment(payment)) return INVALID_PAYMENT_OUTCOME
      if (!available()) return UNAVAILABLE_OUTCOME
      const tt = platformGlobal('tt')!
      if (douyinOrderId === undefined) {
        const { data, byteAuthorization } = payment as DouyinTradePayment
        const created = await callPlatform(tt, 'requestOrder', { data, byteAuthorization }, ctx.signal)
        if (!created.ok) return requestOrderFailure(created.res)
        const orderId = created.res.orderId
        if (!isText(orderId)) return { kind: 'unknown', code: 'requestOrder:no-orderId' }
        douyinOrderId = orderId
        const state: DouyinTradeState = { douyinOrderId }
        await ctx.saveState(state)
      }
      const paid = await callPlatform(tt, 'getOrderPayment', { orderId: douyinOrderId }, ctx.signal)
      if (paid.ok) return { kind: 'submitted' }
      const errNo = codeOf(paid.res.errNo ?? paid.res.errCode)
      const message = messageOf(paid.res)
      if (errNo === '4' || (message !== undefined && /cancel/i.test(message))) return { kind: 'cancelled' }
      return { kind: 'unknown', ...(errNo !== undefined ? { code: errNo } : {}) }
    },
  }
}
