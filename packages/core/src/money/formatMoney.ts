import type { Locale } from '../i18n/messages'
import { currencyFormat } from './currencies'
import { assertMoney, type Money } from './money'

/** Options of {@link formatMoney}. */
export interface FormatMoneyOptions {
  /**
   * Locale of the text. zh-CN and en-US both write `¥1,234.50`; the locale matters for spoken text.
   * @default 'zh-CN'
   */
  locale?: Locale
  /**
   * Drop a zero fraction: `¥12` instead of `¥12.00` (a non-zero fraction is always written whole).
   * @default false
   */
  trimZeros?: boolean
  /**
   * Write the symbol.
   * @default true
   */
  symbol?: boolean
  /**
   * Group thousands with commas.
   * @default true
   */
  grouping?: boolean
}

function group(digits: string): string {
  let out = ''
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ','
    out += digits[i]
  }
  return out
}

/** A formatted amount split for styling (a large integer part, a small fraction). */
export interface MoneyParts {
  /** `'-'` for negative amounts, else `''`. */
  readonly sign: string
  /** The currency symbol, e.g. `'¥'`. */
  readonly symbol: string
  /** The grouped major units, e.g. `'1,234'`. */
  readonly integer: string
  /** The minor units with their dot, e.g. `'.50'`, or `''` (trimmed or a zero-exponent currency). */
  readonly fraction: string
}

/**
 * Splits an amount into sign, symbol, integer and fraction without float arithmetic or `Intl`.
 *
 * @example
 * ```ts
 * formatMoneyParts(money(-123450)) // { sign: '-', symbol: '¥', integer: '1,234', fraction: '.50' }
 * ```
 */
export function formatMoneyParts(value: Money, options: FormatMoneyOptions = {}): MoneyParts {
  assertMoney(value)
  const { exponent, symbol } = currencyFormat(value.currency)
  const abs = Math.abs(value.amount)
    .toString()
    .padStart(exponent + 1, '0')
  const major = abs.slice(0, abs.length - exponent)
  const minor = abs.slice(abs.length - exponent)
  const showMinor = exponent > 0 && !(options.trimZeros && /^0+$/.test(minor))
  return {
    sign: value.amount < 0 ? '-' : '',
    symbol: options.symbol === false ? '' : symbol,
    integer: options.grouping === false ? major : group(major),
    fraction: showMinor ? `.${minor}` : '',
  }
}

/** The number part of an amount in major units, without sign or symbol: `"1,234.50"`. */
export function formatAmount(value: Money, options: Omit<FormatMoneyOptions, 'symbol'> = {}): string {
  const parts = formatMoneyParts(value, options)
  return parts.integer + parts.fraction
}

/**
 * Formats money for display without `Intl`.
 *
 * @example
 * ```ts
 * formatMoney(money(123450)) // '¥1,234.50'
 * formatMoney(money(1200), { trimZeros: true }) // '¥12'
 * formatMoney(money(-1999)) // '-¥19.99'
 * ```
 */
export function formatMoney(value: Money, options: FormatMoneyOptions = {}): string {
  const parts = formatMoneyParts(value, options)
  return parts.sign + parts.symbol + parts.integer + parts.fraction
}
