/** How a currency is written: its symbol and the number of minor-unit digits. */
export interface CurrencyFormat {
  /** Symbol placed before the number. */
  readonly symbol: string
  /** Digits of the minor unit: 2 for CNY (fen), 0 for JPY. */
  readonly exponent: number
}

/**
 * Currencies TradeKit writes without `Intl` (mini-program JS engines differ in what they ship).
 * Any other ISO code is written with its code as prefix and two minor digits.
 */
export const CURRENCIES: Readonly<Record<string, CurrencyFormat>> = {
  CNY: { symbol: '¥', exponent: 2 },
  USD: { symbol: '$', exponent: 2 },
  HKD: { symbol: 'HK$', exponent: 2 },
  JPY: { symbol: 'JP¥', exponent: 0 },
}

/** The format of `currency`, falling back to `"XXX "` and two digits for unknown codes. */
export function currencyFormat(currency: string): CurrencyFormat {
  return CURRENCIES[currency] ?? { symbol: `${currency} `, exponent: 2 }
}
