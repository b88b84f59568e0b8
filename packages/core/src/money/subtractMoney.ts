import { assertSafeResult, assertSameCurrency } from './checks'
import { type Money, money } from './money'

/**
 * `a − b` in one currency (the result may be negative).
 *
 * @throws TradeKitError `CURRENCY_MISMATCH` for different currencies; `INVALID_AMOUNT` for a value
 *   that is not Money or a result beyond the safe integer range
 * @example
 * ```ts
 * subtractMoney(money(2000), money(1250)) // ¥7.50
 * ```
 */
export function subtractMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b)
  const amount = a.amount - b.amount
  assertSafeResult(amount, 'subtractMoney')
  return money(amount, a.currency)
}
