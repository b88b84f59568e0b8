import { DEFAULT_ERROR_MESSAGES, type TradeKitErrorCode } from './errorCodes'

/**
 * Data an error carries for the UI: which skus, the new quote, the underlying cause.
 * Keys are copied onto the error, so `error.quote` and `error.skuIds` read directly.
 */
export interface TradeKitErrorData {
  /** The skus concerned (out of stock, unknown line). */
  skuIds?: readonly string[]
  /** The server's new quote (`PRICE_CHANGED`). */
  quote?: unknown
  /** The error this one wraps. */
  cause?: unknown
  /** Anything else the code needs. */
  [key: string]: unknown
}

/**
 * The one error type TradeKit throws and reports. Branch on `code`, never on `message`.
 *
 * @example
 * ```ts
 * throw new TradeKitError('PRICE_CHANGED', 'Total moved', { quote })
 * ```
 */
export class TradeKitError extends Error {
  /** The catalogue code. */
  readonly code: TradeKitErrorCode
  /** The skus concerned, when the code is about lines. */
  readonly skuIds?: readonly string[]
  /** The server's new quote, for `PRICE_CHANGED`. */
  readonly quote?: unknown
  /** Further data of the error. */
  readonly [key: string]: unknown

  constructor(code: TradeKitErrorCode, message?: string, data?: TradeKitErrorData) {
    super(
      message ?? DEFAULT_ERROR_MESSAGES[code],
      data && 'cause' in data ? { cause: data.cause } : undefined,
    )
    this.name = 'TradeKitError'
    this.code = code
    if (data) {
      for (const [key, value] of Object.entries(data)) {
        if (key !== 'cause' && key !== 'code' && key !== 'message' && key !== 'name') {
          Object.defineProperty(this, key, { value, enumerable: true })
        }
      }
    }
  }
}

/** True when `error` is a TradeKitError (optionally with the given code), also across bundle copies. */
export function isTradeKitError(error: unknown, code?: TradeKitErrorCode): error is TradeKitError {
  if (error instanceof TradeKitError) return code === undefined || error.code === code
  if (typeof error !== 'object' || error === null) return false
  const candidate = error as { name?: unknown; code?: unknown }
  return candidate.name === 'TradeKitError' && (code === undefined || candidate.code === code)
}
