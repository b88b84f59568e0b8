import type { Coupon, CouponsApi, WalletCoupon } from '@tradekit/core'
import { merchantRequest } from './merchant'

// The coupon wallet over the merchant server (examples/merchant-server, "Coupons"): the signed-in
// user's coupons by tab, and claiming one (once per user, idempotent on the key TradeKit sends).

/** TradeKit's `CouponsApi`, for `useCouponWallet(couponsApi)`. */
export const couponsApi: CouponsApi = {
  async listCoupons({ status }, { signal }) {
    const { coupons } = await merchantRequest<{ coupons: WalletCoupon[] }>(
      'GET',
      `/coupons?status=${encodeURIComponent(status)}`,
      { signal },
    )
    return coupons
  },
  claimCoupon: (couponId, { idempotencyKey, signal }) =>
    merchantRequest<WalletCoupon>('POST', `/coupons/${encodeURIComponent(couponId)}/claim`, {
      signal,
      headers: { 'Idempotency-Key': idempotencyKey },
    }),
}

/** A coupon to claim (one per user) and whether this user holds it already. */
export interface CouponOffer {
  readonly coupon: Coupon
  readonly claimed: boolean
}

/** The coupons a user can claim (a product page offers those that apply to it). */
export async function getCouponOffers(): Promise<CouponOffer[]> {
  const { offers } = await merchantRequest<{ offers: CouponOffer[] }>('GET', '/coupons/offers')
  return offers
}

/**
 * The coupons the user holds and can use now, for the checkout's CouponPicker (the server prices
 * the one chosen and refuses one the user does not hold).
 */
export async function getUsableCoupons(): Promise<Coupon[]> {
  const held = await couponsApi.listCoupons({ status: 'available' }, { signal: new AbortController().signal })
  return held.filter((entry) => entry.reason === undefined).map((entry) => entry.coupon)
}
