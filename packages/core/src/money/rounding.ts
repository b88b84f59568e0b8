import { TradeKitError } from '../errors/TradeKitError'

/**
 * How a division that does not come out even is rounded to a whole minor unit.
 *
 * - `'half-up'`: to the nearest unit, halves away from zero (1.5 → 2, −1.5 → −2)
 * - `'half-even'`: to the nearest unit, halves to the even neighbour (banker's rounding: 2.5 → 2)
 * - `'floor'`: towards −∞ (1.9 → 1, −1.1 → −2)
 * - `'ceil'`: towards +∞ (1.1 → 2, −1.9 → −1)
 */
export type Rounding = 'half-up' | 'half-even' | 'floor' | 'ceil'

const ROUNDINGS: readonly Rounding[] = ['half-up', 'half-even', 'floor', 'ceil']

/** Asserts `rounding` is one of the four rules. */
export function assertRounding(rounding: unknown): asserts rounding is Rounding {
  if (!ROUNDINGS.includes(rounding as Rounding)) {
    throw new TradeKitError(
      'INVALID_ARGUMENT',
      process.env.NODE_ENV !== 'production' ? `Rounding must be one of ${ROUNDINGS.join(', ')}` : undefined,
    )
  }
}

/** `numerator / denominator` rounded by `rounding`; exact for safe integers (no float quotient). */
export function divideRounded(numerator: number, denominator: number, rounding: Rounding): number {
  const remainder = numerator % denominator
  const quotient = (numerator - remainder) / denominator
  return roundQuotient(quotient, remainder, denominator, rounding)
}

// quotient is truncated towards zero; remainder has the numerator's sign, |remainder| < denominator
function roundQuotient(quotient: number, remainder: number, denominator: number, rounding: Rounding): number {
  if (remainder === 0) return quotient
  const sign = remainder < 0 ? -1 : 1
  switch (rounding) {
    case 'floor':
      return sign < 0 ? quotient - 1 : quotient
    case 'ceil':
      return sign > 0 ? quotient + 1 : quotient
    default: {
      const twice = Math.abs(remainder) * 2
      if (twice > denominator) return quotient + sign
      if (twice < denominator) return quotient
      if (rounding === 'half-up') return quotient + sign
      return Math.abs(quotient) % 2 === 0 ? quotient : quotient + sign
    }
  }
}

/**
 * `a × b / d` with its exact truncated quotient and remainder (`a × b = quotient × d + remainder`),
 * for safe integers `a`, `b ≥ 0` and `d > 0`, even when `a × b` itself is beyond 2^53.
 */
export function multiplyDivide(a: number, b: number, d: number): { quotient: number; remainder: number } {
  const product = a * b
  if (Number.isSafeInteger(product)) {
    const remainder = product % d
    return { quotient: (product - remainder) / d, remainder }
  }
  // a = qa·d + ra, so a·b/d = qa·b + ra·b/d; ra·b stays small when d and b are moderate
  const ra = a % d
  const qa = (a - ra) / d
  const small = ra * b
  if (Number.isSafeInteger(small)) {
    const remainder = small % d
    const quotient = qa * b + (small - remainder) / d
    if (Number.isSafeInteger(quotient)) return { quotient, remainder }
    throw new TradeKitError(
      'INVALID_AMOUNT',
      process.env.NODE_ENV !== 'production' ? 'The result leaves the safe integer range' : undefined,
    )
  }
  if (typeof BigInt !== 'function') {
    throw new TradeKitError(
      'INVALID_ARGUMENT',
      process.env.NODE_ENV !== 'production'
        ? 'Numbers too large for exact arithmetic in this engine'
        : undefined,
    )
  }
  const big = BigInt(a) * BigInt(b)
  const bigD = BigInt(d)
  const quotient = Number(big / bigD)
  if (!Number.isSafeInteger(quotient)) {
    throw new TradeKitError(
      'INVALID_AMOUNT',
      process.env.NODE_ENV !== 'production' ? 'The result leaves the safe integer range' : undefined,
    )
  }
  return { quotient, remainder: Number(big % bigD) }
}

/** `a × b / d` rounded by `rounding`, exact (see {@link multiplyDivide}). */
export function multiplyDivideRounded(a: number, b: number, d: number, rounding: Rounding): number {
  const { quotient, remainder } = multiplyDivide(a, b, d)
  return roundQuotient(quotient, remainder, d, rounding)
}
