import { TradeKitError } from '../errors/TradeKitError'
import { checkMoneyIn } from '../money/checks'
import type { Money } from '../money/money'
import type { Coupon } from './coupon'

// priceCart's checks of what it is given: a bad input throws INVALID_ARGUMENT (or the money's own
// code), with developer text in development builds only.

const KINDS = new Set(['threshold', 'percent', 'amount'])

/** Throws priceCart's error for a bad input. */
export function invalid(message: string | undefined): never {
  throw new TradeKitError('INVALID_ARGUMENT', message)
}

/** A Money in the quote's currency, not negative (`undefined` when optional and absent). */
export function checkMoney(
  value: unknown,
  field: string,
  currency: string,
  optional = false,
): Money | undefined {
  if (value === undefined && optional) return undefined
  return checkMoneyIn(value, currency, field, 'the quote', true)
}

/** Checks one held coupon: its kind, skus, dates and amounts. */
export function checkCoupon(coupon: Coupon, currency: string): void {
  if (typeof coupon !== 'object' || coupon === null)
    invalid(process.env.NODE_ENV !== 'production' ? 'A coupon must be an object' : undefined)
  if (typeof coupon.id !== 'string' || coupon.id === '')
    invalid(process.env.NODE_ENV !== 'production' ? 'A coupon needs an id' : undefined)
  if (!KINDS.has(coupon.kind))
    invalid(
      process.env.NODE_ENV !== 'production'
        ? `Coupon ${coupon.id}: unknown kind ${String(coupon.kind)}`
        : undefined,
    )
  if (
    coupon.skuIds !== undefined &&
    !(Array.isArray(coupon.skuIds) && coupon.skuIds.every((id) => typeof id === 'string'))
  ) {
    invalid(process.env.NODE_ENV !== 'production' ? `Coupon ${coupon.id}: skuIds must be strings` : undefined)
  }
  for (const field of ['startsAt', 'expiresAt'] as const) {
    const at = coupon[field]
    if (at !== undefined && !Number.isFinite(at))
      invalid(
        process.env.NODE_ENV !== 'production'
          ? `Coupon ${coupon.id}: ${field} must be epoch milliseconds`
          : undefined,
      )
  }
  checkMoney(coupon.minSpend, 'minSpend', currency, true)
  if (coupon.kind === 'threshold') {
    const threshold = checkMoney(coupon.threshold, 'threshold', currency)!
    checkMoney(coupon.amountOff, 'amountOff', currency)
    if (coupon.repeat && threshold.amount === 0)
      invalid(
        process.env.NODE_ENV !== 'production'
          ? `Coupon ${coupon.id}: a repeating threshold must be positive`
          : undefined,
      )
  } else if (coupon.kind === 'amount') {
    checkMoney(coupon.amountOff, 'amountOff', currency)
  } else {
    const bps = coupon.percentOffBps
    if (typeof bps !== 'number' || !Number.isSafeInteger(bps) || bps < 0 || bps > 10_000) {
      invalid(
        process.env.NODE_ENV !== 'production'
          ? `Coupon ${coupon.id}: percentOffBps must be an integer from 0 to 10000`
          : undefined,
      )
    }
    checkMoney(coupon.maxDiscount, 'maxDiscount', currency, true)
  }
}
