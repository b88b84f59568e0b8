import type { Money } from '../money/money'
import type { Quote } from '../pricing/quote'
import type { TradeKitErrorCode } from './errorCodes'

/**
 * Developer-facing default message of each code, in development builds only: production builds
 * (`process.env.NODE_ENV === 'production'`) drop this text and use the code as the message.
 * User-facing text lives in the message catalogue.
 */
const DEFAULT_ERROR_MESSAGES: Readonly<Record<TradeKitErrorCode, string>> = {
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

/** What a cashier's failure carries: may the same order be paid again, and the platform's code. */
interface PaymentFailureData {
  /** True when the same order may be paid again. */
  readonly retryable?: boolean
  /** The platform's own result code, as a string. */
  readonly platformCode?: string
}

/** What a line-level error carries: the skus concerned. */
interface SkusData {
  /** The skus concerned. */
  readonly skuIds?: readonly string[]
}

/**
 * The data each code carries for the UI, read directly on the error (`error.quote`). Codes not
 * listed carry nothing but `cause`.
 */
export interface TradeKitErrorDataMap {
  PRICE_CHANGED: {
    /** The server's new quote (when the team's API rejected createOrder with it). */
    readonly quote?: Quote
    /** What the created order would charge (when the order came back with another amount). */
    readonly amount?: Money
    /** The total the user agreed to. */
    readonly expectedPayable?: Money
    /** The order that was created for another amount (and closed). */
    readonly orderId?: string
  }
  OUT_OF_STOCK: SkusData
  UNKNOWN_LINE: SkusData & {
    /** The cart lines that do not exist. */
    readonly lineIds?: readonly string[]
  }
  ORDER_REJECTED: SkusData
  PAYMENT_FAILED: PaymentFailureData
  PAYMENT_UNAVAILABLE: PaymentFailureData
  INVALID_PAYMENT: PaymentFailureData
  CURRENCY_MISMATCH: {
    /** The currencies that were mixed. */
    readonly currencies?: readonly string[]
  }
}

/** The data of one code (`{}` for a code that carries none), plus the error it wraps. */
export type TradeKitErrorData<C extends TradeKitErrorCode = TradeKitErrorCode> =
  (C extends keyof TradeKitErrorDataMap ? TradeKitErrorDataMap[C] : Record<never, never>) & {
    /** The error this one wraps. */
    readonly cause?: unknown
  }

/**
 * The one error type TradeKit throws and reports. Branch on `code`, never on `message`. Where the
 * code is known, its data is typed: see {@link AnyTradeKitError}.
 *
 * @example
 * ```ts
 * throw new TradeKitError('PRICE_CHANGED', 'Total moved', { quote })
 * ```
 */
export class TradeKitError<C extends TradeKitErrorCode = TradeKitErrorCode> extends Error {
  /** The catalogue code. */
  readonly code: C

  constructor(code: C, message?: string, data?: TradeKitErrorData<C>) {
    super(
      // production builds drop the developer text: the message is the code
      message ?? (process.env.NODE_ENV !== 'production' ? DEFAULT_ERROR_MESSAGES[code] : code),
      data && 'cause' in data ? { cause: data.cause } : undefined,
    )
    this.name = 'TradeKitError'
    this.code = code
    if (data) {
      for (const [key, value] of Object.entries(data)) {
        // `cause` is set by the engine where Error takes it, here where it does not
        if (key === 'cause' ? !('cause' in this) : key !== 'code' && key !== 'message' && key !== 'name') {
          Object.defineProperty(this, key, { value, enumerable: true })
        }
      }
    }
  }
}

/**
 * A TradeKitError as a union over its codes: once `code` is checked, its data is typed, and a
 * field the code does not carry does not compile.
 *
 * @example
 * ```ts
 * const { error } = checkout.getSnapshot()
 * if (error?.code === 'PRICE_CHANGED') showNewTotal(error.quote?.payable ?? error.amount)
 * ```
 */
export type AnyTradeKitError = {
  [C in TradeKitErrorCode]: TradeKitError<C> & TradeKitErrorData<C>
}[TradeKitErrorCode]

/** True when `error` is a TradeKitError (optionally with the given code), also across bundle copies. */
export function isTradeKitError<C extends TradeKitErrorCode = TradeKitErrorCode>(
  error: unknown,
  code?: C,
): error is TradeKitError<C> & TradeKitErrorData<C> {
  if (error instanceof TradeKitError) return code === undefined || error.code === code
  if (typeof error !== 'object' || error === null) return false
  const candidate = error as { name?: unknown; code?: unknown }
  return candidate.name === 'TradeKitError' && (code === undefined || candidate.code === code)
}
