/**
 * The closed catalogue of error codes TradeKit throws or reports.
 * A new code is added here and to the design's list together.
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

/** Developer-facing default message of each code (user-facing text lives in the message catalogue). */
export const DEFAULT_ERROR_MESSAGES: Readonly<Record<TradeKitErrorCode, string>> = {
  INVALID_AMOUNT: 'Amount must be a safe integer in minor units',
  CURRENCY_MISMATCH: 'Cannot combine amounts in different currencies',
  INVALID_QUANTITY: 'Quantity must be a non-negative safe integer',
  INVALID_ARGUMENT: 'Invalid argument',
  UNKNOWN_LINE: 'No cart line with this id',
  NETWORK: 'Network request failed',
  TIMEOUT: 'Operation timed out',
  ABORTED: 'Operation aborted',
  ORDER_REJECTED: 'The order was rejected by the server',
  OUT_OF_STOCK: 'Some items are out of stock',
  PRICE_CHANGED: 'The price changed since it was shown',
  PAYMENT_FAILED: 'Payment failed',
  PAYMENT_UNAVAILABLE: 'Payment is not available here',
  INVALID_PAYMENT: 'The payment payload is not valid for this channel',
  ORDER_EXPIRED: 'The order has expired',
  CONSENT_REQUIRED: 'Consent to the renewal terms is required',
  STORAGE_FAILED: 'Storage failed',
}

/** True when `value` is one of the catalogue's codes. */
export function isTradeKitErrorCode(value: unknown): value is TradeKitErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value)
}
