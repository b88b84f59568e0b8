import { assertSafeResult, assertSameCurrency } from './checks'
import { type Money, money } from './money'

/**
 * The sum of a list of amounts; an empty list sums to zero in `currency`.
 *
 * @param currency - the currency every value must have, and of the zero of an empty list
 * @default currency 'CNY'
 * @throws TradeKitError `CURRENCY_MISMATCH` for a value in another currency; `INVALID_AMOUNT` for
 *   a value that is not Money or a sum beyond the safe integer range
 * @example
 * ```ts
 * sumMoney([money(100), money(250)]) // ¥3.50
 * sumMoney([], 'USD') // $0.00
 * ```
 */
export function sumMoney(values: readonly Money[], currency = 'CNY'): Money {
  let total = money(0, currency)
  let amount = 0
  for (const value of values) {
    assertSameCurrency(total, value)
    amount += value.amount
    assertSafeResult(amount, 'sumMoney')
  }
  total = money(amount, currency)
  return total
}
