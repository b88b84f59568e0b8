import {
  type AnyTradeKitError,
  type CheckoutSnapshot,
  type ConfirmProgress,
  isRefusedForGood,
  type MessageKey,
  type Translate,
} from '@tradekit/core'

const ERROR_KEYS = new Set([
  'PAYMENT_FAILED',
  'PAYMENT_UNAVAILABLE',
  'NETWORK',
  'TIMEOUT',
  'OUT_OF_STOCK',
  'ORDER_REJECTED',
])

/**
 * The catalogue's text for a checkout error: its code's own where there is one, else "other". A
 * failure the cashier or the server says cannot be retried on this order, where no retry is offered
 * (`canRetry` false: an order continued from the order centre, or a page about the order itself), is
 * "this order can no longer be paid", never "you can try again".
 */
export function statusErrorKey(error: AnyTradeKitError | undefined, canRetry = true): MessageKey {
  if (!canRetry && isRefusedForGood(error)) return 'status.error.notRetryable'
  if (error && ERROR_KEYS.has(error.code)) return `status.error.${error.code}` as MessageKey
  return 'status.error.other'
}

/** How far the confirmation got, in whole percent of its budget (0–100). */
export function confirmPercent(confirm: ConfirmProgress | undefined): number {
  return confirm ? Math.min(100, Math.floor((confirm.elapsedMs / Math.max(1, confirm.budgetMs)) * 100)) : 0
}

/**
 * The one line that says where a payment of an order stands, for a page that shows the order (not
 * the checkout's full status): moving, confirming, unknown, cancelled, failed (its error's text) or
 * expired; `null` when paid or idle (the order's own status says it).
 */
export function paymentLine(payment: CheckoutSnapshot, t: Translate): string | null {
  if (payment.rechecking) return t('status.rechecking')
  switch (payment.status) {
    case 'creating':
      return t('status.creating')
    case 'paying':
      return t('status.paying')
    case 'confirming':
      return t(payment.confirm?.paused ? 'status.paused' : 'status.confirming', {
        percent: confirmPercent(payment.confirm),
      })
    case 'unknown':
      return t(payment.storageIssue === 'storage_failed' ? 'status.unknownUnsaved' : 'status.unknown')
    case 'cancelled':
      return t('status.cancelled')
    case 'failed':
      return t(statusErrorKey(payment.error, false))
    case 'expired':
      return t('status.expired')
    default:
      return null
  }
}
