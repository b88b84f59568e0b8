import type { Locale } from '../i18n/messages'
import type { Translate } from '../i18n/translate'
import { formatMoney } from '../money/formatMoney'
import type { Money } from '../money/money'
import type { Coupon, CouponEvaluation } from './coupon'

/** Options of {@link describeCoupon} and {@link describeCouponReason}. */
export interface DescribeCouponOptions {
  /**
   * The locale amounts are written in.
   * @default 'zh-CN'
   */
  locale?: Locale
}

/**
 * A percentage in basis points as text, exactly (integers only, no float): 1250 → "12.5", 1500 → "15".
 *
 * @example
 * ```ts
 * percentText(coupon.percentOffBps) // "15"
 * ```
 */
export function percentText(bps: number): string {
  const whole = Math.floor(bps / 100)
  const fraction = (bps % 100).toString().padStart(2, '0').replace(/0+$/, '')
  return fraction ? `${whole}.${fraction}` : String(whole)
}

/**
 * The rule of a coupon in words, from the message catalogue: "满¥100减¥20", "立减 15%，最高减¥30",
 * "立减¥5" — and, with a minimum spend, "满¥50可用" after it.
 *
 * @example
 * ```ts
 * describeCoupon({ id: 'c', kind: 'threshold', threshold: money(10000), amountOff: money(2000) }, t) // '满¥100减¥20'
 * ```
 */
export function describeCoupon(coupon: Coupon, t: Translate, options: DescribeCouponOptions = {}): string {
  const format = (value: Money) => formatMoney(value, { locale: options.locale, trimZeros: true })
  let rule: string
  if (coupon.kind === 'threshold') {
    rule = t(coupon.repeat ? 'coupon.thresholdRepeat' : 'coupon.threshold', {
      threshold: format(coupon.threshold),
      amount: format(coupon.amountOff),
    })
  } else if (coupon.kind === 'percent') {
    const percent = percentText(coupon.percentOffBps)
    rule = coupon.maxDiscount
      ? t('coupon.percentCapped', { percent, max: format(coupon.maxDiscount) })
      : t('coupon.percent', { percent })
  } else {
    rule = t('coupon.amount', { amount: format(coupon.amountOff) })
  }
  if (!coupon.minSpend) return rule
  return rule + t('a11y.separator') + t('coupon.minSpend', { amount: format(coupon.minSpend) })
}

/**
 * Why a coupon cannot be used now, in words ("已过期", "还差¥12可用"); `undefined` when it can.
 *
 * @example
 * ```ts
 * quote.coupons.map((entry) => describeCouponReason(entry, t))
 * ```
 */
export function describeCouponReason(
  evaluation: CouponEvaluation,
  t: Translate,
  options: DescribeCouponOptions = {},
): string | undefined {
  if (!evaluation.reason) return undefined
  const amount = evaluation.shortfall
    ? formatMoney(evaluation.shortfall, { locale: options.locale, trimZeros: true })
    : ''
  return t(`coupon.reason.${evaluation.reason}`, { amount })
}
