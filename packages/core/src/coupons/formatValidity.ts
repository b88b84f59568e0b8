import type { Locale } from '../i18n/locale'
import type { Coupon } from '../pricing/coupon'

const pad = (value: number) => String(value).padStart(2, '0')

/**
 * A day as coupons print it, without `Intl` (mini-program engines differ): "2026.11.30" in zh-CN,
 * "2026-11-30" in en-US, in the device's time zone.
 */
export function formatCouponDate(epochMs: number, locale: Locale = 'zh-CN'): string {
  const date = new Date(epochMs)
  const separator = locale === 'zh-CN' ? '.' : '-'
  return [date.getFullYear(), pad(date.getMonth() + 1), pad(date.getDate())].join(separator)
}

/**
 * The validity of a coupon as days: `{ from, until }` (either may be missing). `expiresAt` is
 * exclusive, so a coupon that expires at midnight is valid "until" the day before.
 */
export function couponValidity(
  coupon: Pick<Coupon, 'startsAt' | 'expiresAt'>,
  locale: Locale = 'zh-CN',
): { from?: string; until?: string } {
  return {
    ...(coupon.startsAt !== undefined ? { from: formatCouponDate(coupon.startsAt, locale) } : {}),
    ...(coupon.expiresAt !== undefined ? { until: formatCouponDate(coupon.expiresAt - 1, locale) } : {}),
  }
}
