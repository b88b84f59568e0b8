import { assertIntegerArgument, assertSafeResult } from './checks'
import { assertMoney, type Money, money } from './money'

/**
 * An amount times an integer factor (a unit price times a quantity). For fractions use
 * {@link percentOfMoney} or {@link allocateMoney}, which round explicitly.
 *
 * @throws TradeKitError `INVALID_ARGUMENT` when `factor` is not a safe integer; `INVALID_AMOUNT`
 *   for a value that is not Money or a product beyond the safe integer range
 * @example
 * ```ts
 * multiplyMoney(money(1250), 3) // ¥37.50
 * ```
 */
export function multiplyMoney(value: Money, factor: number): Money {
  assertMoney(value)
  assertIntegerArgument(factor, 'factor')
  const amount = value.amount * factor
  assertSafeResult(amount, 'multiplyMoney')
  return money(amount, value.currency)
}
