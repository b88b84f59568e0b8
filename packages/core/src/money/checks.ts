import { TradeKitError } from '../errors/TradeKitError'
import { assertMoney, type Money } from './money'

// The checks every money operation shares, so each error has one wording and one code.

/** Asserts both values are Money in one currency. */
export function assertSameCurrency(a: unknown, b: unknown): asserts b is Money {
  assertMoney(a)
  assertMoney(b)
  if (a.currency !== b.currency) {
    throw new TradeKitError(
      'CURRENCY_MISMATCH',
      process.env.NODE_ENV !== 'production' ? `Cannot combine ${a.currency} with ${b.currency}` : undefined,
      {
        currencies: [a.currency, b.currency],
      },
    )
  }
}

/**
 * A field of an input (a cart item's price, a coupon's threshold, a quote's total) as Money in the
 * currency of what holds it (`whose`: "the cart", "the quote"); with `nonNegative`, not below zero.
 */
export function checkMoneyIn(
  value: unknown,
  currency: string,
  field: string,
  whose: string,
  nonNegative = false,
): Money {
  assertMoney(value)
  if (value.currency !== currency) {
    throw new TradeKitError(
      'CURRENCY_MISMATCH',
      process.env.NODE_ENV !== 'production'
        ? `${field} is in ${value.currency}, ${whose} in ${currency}`
        : undefined,
      { currencies: [value.currency, currency] },
    )
  }
  if (nonNegative && value.amount < 0) {
    throw new TradeKitError(
      'INVALID_AMOUNT',
      process.env.NODE_ENV !== 'production' ? `${field} must not be negative` : undefined,
    )
  }
  return value
}

/** Asserts a computed amount is still a safe integer (no silent precision loss). */
export function assertSafeResult(amount: number, operation: string): void {
  if (!Number.isSafeInteger(amount)) {
    throw new TradeKitError(
      'INVALID_AMOUNT',
      process.env.NODE_ENV !== 'production' ? `${operation} leaves the safe integer range` : undefined,
    )
  }
}

/** Asserts a non-money argument (factor, ratio, basis points) is a safe integer, optionally ≥ 0. */
export function assertIntegerArgument(
  value: unknown,
  name: string,
  nonNegative = false,
): asserts value is number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || (nonNegative && value < 0)) {
    throw new TradeKitError(
      'INVALID_ARGUMENT',
      process.env.NODE_ENV !== 'production'
        ? `${name} must be a ${nonNegative ? 'non-negative ' : ''}safe integer, got ${String(value)}`
        : undefined,
    )
  }
}
