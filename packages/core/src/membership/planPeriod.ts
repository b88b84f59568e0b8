import { TradeKitError } from '../errors/TradeKitError'

// A plan's period, apart from the per-period price text: the membership store checks periods
// without carrying the catalogue's membership messages into a mini-program's main package.

/** The unit of a membership period. */
export type PeriodUnit = 'day' | 'week' | 'month' | 'year'

/** A membership period: `{ unit: 'month', count: 3 }` is a quarter. */
export interface PlanPeriod {
  readonly unit: PeriodUnit
  /** Units per period, a positive integer. */
  readonly count: number
}

/** Days per unit for per-day prices: a month counts 30 days, a year 365. */
export const DAYS_PER_UNIT: Readonly<Record<PeriodUnit, number>> = Object.freeze({
  day: 1,
  week: 7,
  month: 30,
  year: 365,
})

/** Throws `INVALID_ARGUMENT` unless `period` is `{ unit, count > 0 }`. */
export function assertPeriod(period: PlanPeriod): void {
  if (
    typeof period !== 'object' ||
    period === null ||
    !(period.unit in DAYS_PER_UNIT) ||
    !Number.isSafeInteger(period.count) ||
    period.count <= 0
  ) {
    throw new TradeKitError(
      'INVALID_ARGUMENT',
      process.env.NODE_ENV !== 'production'
        ? 'A period is { unit: day | week | month | year, count > 0 }'
        : undefined,
    )
  }
}

/** Days in a period (a month counts 30, a year 365). */
export function periodDays(period: PlanPeriod): number {
  assertPeriod(period)
  return DAYS_PER_UNIT[period.unit] * period.count
}
