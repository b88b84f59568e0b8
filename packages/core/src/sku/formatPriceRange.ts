import { TradeKitError } from '../errors/TradeKitError'
import { compareMoney } from '../money/compareMoney'
import { type FormatMoneyOptions, formatMoney } from '../money/formatMoney'
import type { PriceRange } from './types'

/**
 * Options of {@link formatPriceRange}: those of `formatMoney`, and whether the symbol is repeated.
 *
 * @example
 * ```ts
 * const options: FormatPriceRangeOptions = { locale: 'zh-CN', trimZeros: true } // '¥39–59'
 * ```
 */
export interface FormatPriceRangeOptions extends FormatMoneyOptions {
  /**
   * Write the symbol before the highest price too: `¥39.00–¥59.00` rather than `¥39.00–59.00`.
   * @default false for zh-CN, true for en-US
   */
  repeatSymbol?: boolean
}

/**
 * A price range as one text: the lowest and highest price joined by an en dash, or one price when
 * they are equal. Built on `formatMoney` (no `Intl`, no floats), with its options; Chinese shops
 * write the symbol once, English text before each price.
 *
 * @throws TradeKitError `INVALID_ARGUMENT` for a range that is not an object, `INVALID_AMOUNT` for a bound that is not Money, `CURRENCY_MISMATCH` for
 *   bounds in two currencies
 * @example
 * ```ts
 * const range = { min: money(3900), max: money(5900) }
 * formatPriceRange(range, { trimZeros: true }) // '¥39–59'
 * formatPriceRange(range) // '¥39.00–59.00'
 * formatPriceRange(range, { locale: 'en-US' }) // '¥39.00–¥59.00'
 * formatPriceRange({ min: money(3900), max: money(3900) }) // '¥39.00'
 * ```
 */
export function formatPriceRange(range: PriceRange, options: FormatPriceRangeOptions = {}): string {
  if (typeof range !== 'object' || range === null) {
    throw new TradeKitError(
      'INVALID_ARGUMENT',
      process.env.NODE_ENV !== 'production' ? 'A price range must be an object { min, max }' : undefined,
    )
  }
  const { repeatSymbol = options.locale === 'en-US', ...moneyOptions } = options
  const low = formatMoney(range.min, moneyOptions)
  if (compareMoney(range.min, range.max) === 0) return low
  const high = formatMoney(range.max, repeatSymbol ? moneyOptions : { ...moneyOptions, symbol: false })
  return `${low}–${high}`
}
