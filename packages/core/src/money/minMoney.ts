import { TradeKitError } from '../errors/TradeKitError'
import { compareMoney } from './compareMoney'
import { assertMoney, type Money } from './money'

/**
 * The smallest of one or more amounts of one currency (the first one on a tie).
 *
 * @throws TradeKitError `INVALID_ARGUMENT` without values; `CURRENCY_MISMATCH` for mixed currencies
 * @example
 * ```ts
 * minMoney(money(300), money(100), money(200)) // ¥1.00
 * ```
 */
export function minMoney(first: Money, ...rest: readonly Money[]): Money {
  if (first === undefined)
    throw new TradeKitError(
      'INVALID_ARGUMENT',
      process.env.NODE_ENV !== 'production' ? 'minMoney needs at least one value' : undefined,
    )
  let smallest = first
  assertMoney(first)
  for (const value of rest) if (compareMoney(value, smallest) < 0) smallest = value
  return smallest
}
