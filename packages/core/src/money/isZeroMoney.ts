import { assertMoney, type Money } from './money'

/**
 * True when the amount is zero.
 *
 * @throws TradeKitError `INVALID_AMOUNT` for a value that is not Money
 * @example
 * ```ts
 * isZeroMoney(money(0, 'USD')) // true
 * ```
 */
export function isZeroMoney(value: Money): boolean {
  assertMoney(value)
  return value.amount === 0
}
