import type { Locale } from './locale'

const zh = {
  'couponWallet.title': '我的优惠券',
}

/** A key of the catalogue part for the coupon wallet (CouponWallet, CouponTicket, claiming). */
export type CouponMessageKey = keyof typeof zh

/** The text of the coupon wallet (CouponWallet, CouponTicket, claiming), in every shipped locale. */
export const couponMessages: Readonly<Record<Locale, Readonly<Record<CouponMessageKey, string>>>> = {
  'zh-CN': zh,
  'en-US': {
    'couponWallet.title': 'My coupons',
  },
}
