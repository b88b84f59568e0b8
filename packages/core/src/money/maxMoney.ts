import { TradeKitError } from '../errors/TradeKitError'
import { compareMoney } from './compareMoney'
import { assertMoney, type Money } from './money'

/**
 * The largest of one or more amounts of one currency (the first one on a tie).
 *
 * @throws TradeKitError `INVALID_ARGUMENT` without values; `CURRENCY_MISMATCH` for mixed currencies
 * @example
 * ```ts
 * maxMoney(money(300), money(100), money(200)) // ¥3.00
 * ```
 */
export function maxMoney(first: Money, ...rest: readonly Money[]): Money {
  if (first === undefined)
    throw new TradeKitError(
      'INVALID_ARGUMENT',
      process.env.NODE_ENV !== 'production' ? 'maxMoney needs at least one value' : undefined,
    )
  let largest = first
  assertMoney(first)
  for (const value of rest) if (compareMoney(value, largest) > 0) largest = value
  return largest
}
