import { malformedAnswer } from '../internal/teamApi'
import { isMoney, type Money } from '../money/money'
import { checkCoupon } from '../pricing/checkPricingInput'
import type { Coupon } from '../pricing/coupon'
import { WALLET_STATUSES, type WalletCoupon, type WalletStatus } from './types'

// The team's coupon API handed the wallet a value of the wrong shape: the integrator's bug, named
// after the method (INVALID_ARGUMENT, as the order centre names its API's), never shown as coupons.

const isTime = (v: unknown) => v === undefined || (typeof v === 'number' && Number.isFinite(v))

/** The currency a coupon's amounts are in (a percent coupon without a cap or minimum has none). */
function currencyOf(coupon: Partial<Record<string, unknown>>): string {
  const amount = [coupon.amountOff, coupon.threshold, coupon.minSpend, coupon.maxDiscount].find(isMoney)
  return (amount as Money | undefined)?.currency ?? 'CNY'
}

/**
 * What is wrong with one held coupon, or undefined: developer text in development builds, only a
 * non-empty mark ('?') in production builds (where the error's message is its code).
 */
function problem(value: unknown, status: WalletStatus | undefined): string | undefined {
  if (typeof value !== 'object' || value === null)
    return process.env.NODE_ENV !== 'production' ? 'an entry that is not an object' : '?'
  const held = value as Partial<WalletCoupon>
  const coupon = held.coupon as Coupon | undefined
  try {
    checkCoupon(coupon as Coupon, currencyOf((coupon ?? {}) as Record<string, unknown>))
  } catch (error) {
    return process.env.NODE_ENV !== 'production'
      ? `a coupon that is not one (${(error as Error).message})`
      : '?'
  }
  if (!WALLET_STATUSES.includes(held.status as WalletStatus) || (status && held.status !== status))
    return process.env.NODE_ENV !== 'production'
      ? `coupon ${coupon!.id} with status ${String(held.status)} (tab ${status ?? 'any'})`
      : '?'
  if (!isTime(held.claimedAt) || !isTime(held.usedAt))
    return process.env.NODE_ENV !== 'production'
      ? `coupon ${coupon!.id} with a claimedAt or usedAt that is not epoch milliseconds`
      : '?'
  if (held.shortfall !== undefined && !isMoney(held.shortfall))
    return process.env.NODE_ENV !== 'production'
      ? `coupon ${coupon!.id} with a shortfall that is not Money`
      : '?'
  return undefined
}

/**
 * Checks a tab the team's API listed: an array of held coupons of that tab.
 *
 * @throws TradeKitError `INVALID_ARGUMENT` naming what is wrong
 */
export function toWalletCoupons(value: unknown, status: WalletStatus): readonly WalletCoupon[] {
  if (!Array.isArray(value))
    throw malformedAnswer(
      'listCoupons',
      process.env.NODE_ENV !== 'production' ? 'something that is not an array of coupons' : undefined,
    )
  value.forEach((entry, i) => {
    const bad = problem(entry, status)
    if (bad)
      throw malformedAnswer(
        process.env.NODE_ENV !== 'production' ? `listCoupons (${status}, entry ${i})` : '',
        bad,
      )
  })
  return value as readonly WalletCoupon[]
}

/**
 * Checks the coupon a claim answered.
 *
 * @throws TradeKitError `INVALID_ARGUMENT` naming what is wrong
 */
export function toClaimedCoupon(value: unknown): WalletCoupon {
  const bad = problem(value, undefined)
  if (bad) throw malformedAnswer('claimCoupon', bad)
  return value as WalletCoupon
}
