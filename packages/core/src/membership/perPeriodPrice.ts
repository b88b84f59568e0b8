import { TradeKitError } from '../errors/TradeKitError'
import { membershipMessages } from '../i18n/membershipMessages'
import type { Locale, Messages } from '../i18n/messages'
import { translatorOf } from '../i18n/translate'
import { formatMoney } from '../money/formatMoney'
import { assertMoney, type Money, money } from '../money/money'
import { divideRounded, multiplyDivideRounded } from '../money/rounding'
import { assertPeriod, DAYS_PER_UNIT, type PeriodUnit, type PlanPeriod, periodDays } from './planPeriod'

/**
 * Divides integer minor units exactly, rounding half away from zero (¥0.405 → ¥0.41): integer
 * arithmetic only, no floats.
 */
export function divideRoundHalfUp(amount: number, divisor: number): number {
  if (!Number.isSafeInteger(amount) || !Number.isSafeInteger(divisor) || divisor <= 0) {
    throw new TradeKitError(
      'INVALID_ARGUMENT',
      process.env.NODE_ENV !== 'production'
        ? 'divideRoundHalfUp takes safe integers and a positive divisor'
        : undefined,
    )
  }
  return divideRounded(amount, divisor, 'half-up')
}

/**
 * The price of one day of a period, rounded half up to the minor unit.
 *
 * @example
 * ```ts
 * pricePerDay(money(1200), { unit: 'month', count: 1 }) // ¥0.40
 * pricePerDay(money(12800), { unit: 'year', count: 1 }) // ¥0.35 (35.07 fen)
 * ```
 */
export function pricePerDay(price: Money, period: PlanPeriod): Money {
  assertMoney(price)
  return money(divideRoundHalfUp(price.amount, periodDays(period)), price.currency)
}

/**
 * The price of one `unit` of a period, rounded half up: a yearly plan per month counts 12 months
 * to the year; other mixes go through days.
 *
 * @example
 * ```ts
 * pricePerUnit(money(12000), { unit: 'year', count: 1 }, 'month') // ¥10
 * ```
 */
export function pricePerUnit(price: Money, period: PlanPeriod, unit: PeriodUnit): Money {
  assertMoney(price)
  assertPeriod(period)
  const months: Partial<Record<PeriodUnit, number>> = { month: 1, year: 12 }
  const fromMonths = months[period.unit]
  const toMonths = months[unit]
  if (fromMonths !== undefined && toMonths !== undefined) {
    const periodMonths = fromMonths * period.count
    // price × toMonths / periodMonths, exactly
    return money(multiplyDivideRounded(price.amount, toMonths, periodMonths, 'half-up'), price.currency)
  }
  return money(
    multiplyDivideRounded(price.amount, DAYS_PER_UNIT[unit], periodDays(period), 'half-up'),
    price.currency,
  )
}

/** Options of the price-text helpers. */
export interface PlanPriceTextOptions {
  /**
   * @default 'zh-CN'
   */
  locale?: Locale
  /** A team's message overrides. */
  messages?: Partial<Messages>
}

/**
 * A plan's price with its period: `"¥12/月"`, `"¥30/3个月"` (`"¥12/month"` in en-US); a plan
 * without a period (bought once) is just `"¥12"`. Zero fractions are trimmed.
 */
export function formatPlanPrice(
  price: Money,
  period: PlanPeriod | null,
  options: PlanPriceTextOptions = {},
): string {
  const t = translatorOf([membershipMessages], options.locale ?? 'zh-CN', options.messages)
  const text = formatMoney(price, { locale: options.locale, trimZeros: true })
  if (period === null) return text
  assertPeriod(period)
  const periodText =
    period.count === 1
      ? t(`membership.period.${period.unit}`)
      : t(`membership.periods.${period.unit}`, { count: period.count })
  return t('membership.perPeriod', { price: text, period: periodText })
}

/**
 * About how much a day of the plan costs: `"约 ¥0.40/天"` (`"about ¥0.40/day"`), rounded half up to
 * the fen.
 */
export function formatPricePerDay(
  price: Money,
  period: PlanPeriod,
  options: PlanPriceTextOptions = {},
): string {
  const t = translatorOf([membershipMessages], options.locale ?? 'zh-CN', options.messages)
  return t('membership.approxPerDay', {
    amount: formatMoney(pricePerDay(price, period), { locale: options.locale }),
  })
}
