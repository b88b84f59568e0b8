import { TradeKitError } from '../errors/TradeKitError'
import { assertIntegerArgument } from './checks'
import { assertMoney, type Money, money } from './money'
import { multiplyDivide } from './rounding'

/**
 * Splits an amount in proportion to integer ratios by the largest-remainder method: each part
 * gets its floor share, and the minor units left over go one each to the parts with the largest
 * remainders (the earlier part on a tie). The parts always sum exactly to the whole; a negative
 * amount is split as its absolute value and negated.
 *
 * @param ratios - non-negative safe integers, at least one of them positive
 * @throws TradeKitError `INVALID_ARGUMENT` for an empty list, a negative or non-integer ratio, or
 *   ratios that are all zero; `INVALID_AMOUNT` for a value that is not Money
 * @example
 * ```ts
 * allocateMoney(money(100), [1, 1, 1]) // [¥0.34, ¥0.33, ¥0.33]
 * allocateMoney(money(1000), [7000, 3000]) // [¥7.00, ¥3.00]
 * ```
 */
export function allocateMoney(value: Money, ratios: readonly number[]): Money[] {
  assertMoney(value)
  if (!Array.isArray(ratios) || ratios.length === 0) {
    throw new TradeKitError(
      'INVALID_ARGUMENT',
      process.env.NODE_ENV !== 'production' ? 'allocateMoney needs at least one ratio' : undefined,
    )
  }
  let total = 0
  for (const ratio of ratios) {
    assertIntegerArgument(ratio, 'ratio', true)
    total += ratio
  }
  if (total === 0 || !Number.isSafeInteger(total)) {
    throw new TradeKitError(
      'INVALID_ARGUMENT',
      process.env.NODE_ENV !== 'production' ? 'Ratios must have a positive, safe integer sum' : undefined,
    )
  }
  const sign = value.amount < 0 ? -1 : 1
  const whole = Math.abs(value.amount)
  const shares: number[] = []
  const remainders: number[] = []
  let given = 0
  for (const ratio of ratios) {
    const { quotient, remainder } = multiplyDivide(whole, ratio, total)
    shares.push(quotient)
    remainders.push(remainder)
    given += quotient
  }
  let left = whole - given
  if (left > 0) {
    const order = ratios.map((_, index) => index)
    order.sort((a, b) => remainders[b]! - remainders[a]! || a - b)
    for (let i = 0; left > 0; i++, left--) {
      const index = order[i]!
      shares[index] = shares[index]! + 1
    }
  }
  return shares.map((share) => money(sign * share, value.currency))
}
