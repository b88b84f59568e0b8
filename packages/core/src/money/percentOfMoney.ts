import { assertIntegerArgument } from './checks'
import { assertMoney, type Money, money } from './money'
import { assertRounding, multiplyDivideRounded, type Rounding } from './rounding'

/** Basis points in a whole: 10 000 basis points = 100 %. */
export const BASIS_POINTS = 10_000

/**
 * A percentage of an amount, with an explicit rounding rule and integer arithmetic only.
 * The percentage is given in **basis points** (1 % = 100, 15 % = 1500, 12.5 % = 1250), so no
 * float ever enters the computation.
 *
 * @param basisPoints - non-negative safe integer; values above 10 000 (more than 100 %) are allowed
 * @param rounding - how a fraction of a minor unit is rounded; see {@link Rounding}
 * @throws TradeKitError `INVALID_ARGUMENT` for bad basis points or rounding; `INVALID_AMOUNT`
 *   for a value that is not Money
 * @example
 * ```ts
 * percentOfMoney(money(1999), 1500, 'half-up') // 15 % of ¥19.99 = 299.85 fen → ¥3.00
 * percentOfMoney(money(1999), 1500, 'floor') // ¥2.99
 * ```
 */
export function percentOfMoney(value: Money, basisPoints: number, rounding: Rounding): Money {
  assertMoney(value)
  assertIntegerArgument(basisPoints, 'basisPoints', true)
  assertRounding(rounding)
  return money(multiplyDivideRounded(value.amount, basisPoints, BASIS_POINTS, rounding), value.currency)
}
