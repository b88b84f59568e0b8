import { assertSameCurrency } from './checks'
import type { Money } from './money'

/**
 * Orders two amounts of one currency: `-1` when `a < b`, `0` when equal, `1` when `a > b`
 * (usable as an `Array.prototype.sort` comparator).
 *
 * @throws TradeKitError `CURRENCY_MISMATCH` for different currencies; `INVALID_AMOUNT` for a value
 *   that is not Money
 * @example
 * ```ts
 * compareMoney(money(100), money(200)) // -1
 * ```
 */
export function compareMoney(a: Money, b: Money): -1 | 0 | 1 {
  assertSameCurrency(a, b)
  return a.amount < b.amount ? -1 : a.amount > b.amount ? 1 : 0
}
