import { TradeKitError } from '../errors/TradeKitError'
import { assertSafeResult } from './checks'
import { currencyFormat } from './currencies'
import { type Money, money } from './money'

/**
 * Reads an amount written in major units — what {@link formatMoney} writes, or a plain decimal
 * such as an Alipay `"12.50"` — into Money, with string arithmetic only (no `parseFloat`).
 * Accepts an optional leading `-`, the currency's symbol (or its code), thousands commas in groups
 * of three, and at most the currency's number of fraction digits (`"12.5"` is 1250 fen; `"12.505"`
 * is refused, never rounded). So `parseMoney(formatMoney(m), m.currency)` gives `m` back.
 *
 * @param currency - the currency the text is in
 * @default currency 'CNY'
 * @throws TradeKitError `INVALID_AMOUNT` for text that is not such an amount
 * @example
 * ```ts
 * parseMoney('¥1,234.50') // money(123450)
 * parseMoney('-19.99', 'USD') // money(-1999, 'USD')
 * ```
 */
export function parseMoney(text: string, currency = 'CNY'): Money {
  const { symbol, exponent } = currencyFormat(currency)
  if (typeof text !== 'string') {
    throw new TradeKitError(
      'INVALID_AMOUNT',
      process.env.NODE_ENV !== 'production' ? `parseMoney needs a string, got ${typeof text}` : undefined,
    )
  }
  let rest = text.trim()
  const negative = rest.startsWith('-')
  if (negative) rest = rest.slice(1)
  const prefix = [symbol, symbol.trim(), currency].find((candidate) => rest.startsWith(candidate))
  if (prefix) rest = rest.slice(prefix.length).trimStart()
  const match = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/.exec(rest)
  const fraction = match?.[2] ?? ''
  if (!match || fraction.length > exponent) {
    throw new TradeKitError(
      'INVALID_AMOUNT',
      process.env.NODE_ENV !== 'production'
        ? `Not an amount in ${currency}: ${JSON.stringify(text)}`
        : undefined,
    )
  }
  const digits = match[1]!.replace(/,/g, '') + fraction.padEnd(exponent, '0')
  const amount = Number(digits)
  assertSafeResult(amount, 'parseMoney')
  return money(negative ? -amount : amount, currency)
}
