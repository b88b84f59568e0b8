import { assertSafeResult, assertSameCurrency } from './checks'
import { type Money, money } from './money'

/**
 * The sum of two amounts in one currency.
 *
 * @throws TradeKitError `CURRENCY_MISMATCH` for different currencies; `INVALID_AMOUNT` for a value
 *   that is not Money or a sum beyond the safe integer range
 * @example
 * ```ts
 * addMoney(money(1250), money(750)) // ¥20.00
 * ```
 */
export function addMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b)
  const amount = a.amount + b.amount
  assertSafeResult(amount, 'addMoney')
  return money(amount, a.currency)
}
