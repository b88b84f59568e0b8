import { TradeKitError } from '../errors/TradeKitError'

/**
 * An amount of money in integer minor units (fen for CNY, cents for USD, yen for JPY).
 * Never a float, never a decimal string.
 */
export interface Money {
  /** Integer amount in the currency's minor unit. */
  readonly amount: number
  /** ISO 4217 code, e.g. `'CNY'`. */
  readonly currency: string
}

const CURRENCY_CODE = /^[A-Z]{3}$/

/**
 * Creates a Money value.
 *
 * @param amount - integer in minor units (`1250` is ¥12.50)
 * @param currency - ISO 4217 code
 * @default currency 'CNY'
 * @throws TradeKitError `INVALID_AMOUNT` when `amount` is not a safe integer;
 *   `INVALID_ARGUMENT` when `currency` is not a three-letter upper-case code
 * @example
 * ```ts
 * money(1250) // ¥12.50
 * money(999, 'USD') // $9.99
 * ```
 */
export function money(amount: number, currency = 'CNY'): Money {
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount)) {
    throw new TradeKitError(
      'INVALID_AMOUNT',
      process.env.NODE_ENV !== 'production'
        ? `Amount must be a safe integer in minor units, got ${String(amount)}`
        : undefined,
    )
  }
  if (typeof currency !== 'string' || !CURRENCY_CODE.test(currency)) {
    throw new TradeKitError(
      'INVALID_ARGUMENT',
      process.env.NODE_ENV !== 'production'
        ? `Currency must be an ISO 4217 code, got ${String(currency)}`
        : undefined,
    )
  }
  // -0 would print as "-¥0.00"
  return Object.freeze({ amount: amount === 0 ? 0 : amount, currency })
}

/**
 * Checks that `value` is a valid Money (for data coming from outside: storage, the network).
 *
 * @throws TradeKitError `INVALID_AMOUNT` or `INVALID_ARGUMENT`
 */
export function assertMoney(value: unknown): asserts value is Money {
  if (typeof value !== 'object' || value === null) {
    throw new TradeKitError(
      'INVALID_AMOUNT',
      process.env.NODE_ENV !== 'production' ? 'Money must be an object { amount, currency }' : undefined,
    )
  }
  const { amount, currency } = value as { amount?: unknown; currency?: unknown }
  money(amount as number, currency as string)
}

/** True when `value` is a valid Money. */
export function isMoney(value: unknown): value is Money {
  try {
    assertMoney(value)
    return true
  } catch {
    return false
  }
}
