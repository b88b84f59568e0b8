import type { Money } from './money'

/**
 * True when two values are the same amount in the same currency. Unlike {@link compareMoney} it
 * never throws on a currency difference (different currencies are simply not equal).
 *
 * @example
 * ```ts
 * equalMoney(money(100), money(100)) // true
 * equalMoney(money(100), money(100, 'USD')) // false
 * ```
 */
export function equalMoney(a: Money, b: Money): boolean {
  return a.amount === b.amount && a.currency === b.currency
}
