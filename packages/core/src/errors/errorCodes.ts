/**
 * The closed catalogue of error codes TradeKit throws or reports.
 * A new code is added here, to the design's list and to TradeKitError.ts's development messages.
 */
export const ERROR_CODES = [
  'INVALID_AMOUNT',
  'CURRENCY_MISMATCH',
  'INVALID_QUANTITY',
  'INVALID_ARGUMENT',
  'UNKNOWN_LINE',
  'NETWORK',
  'TIMEOUT',
  'ABORTED',
  'ORDER_REJECTED',
  'OUT_OF_STOCK',
  'PRICE_CHANGED',
  'PAYMENT_FAILED',
  'PAYMENT_UNAVAILABLE',
  'INVALID_PAYMENT',
  'ORDER_EXPIRED',
  'CONSENT_REQUIRED',
  'STORAGE_FAILED',
] as const

/** One code of the catalogue: what went wrong, stable across versions. */
export type TradeKitErrorCode = (typeof ERROR_CODES)[number]

/** True when `value` is one of the catalogue's codes. */
export function isTradeKitErrorCode(value: unknown): value is TradeKitErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value)
}
