import { ServerError } from '../errors/ServerError'
import { assertMinorUnits, type Money } from '../money/money'

// The one place Alipay's units meet ours. Alipay writes amounts as yuan strings with at most two
// decimals ("12.30"); we keep integer fen. Converted as text, never through a float.

/** Integer fen → Alipay's yuan string (`1230` → `"12.30"`). */
export function toAlipayAmount(money: Money, what: string): string {
  const fen = assertMinorUnits(money, 'CNY', what)
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`
}

/** Alipay's yuan string → integer fen (`"12.3"` → `1230`); undefined when it is not one. */
export function parseAlipayAmount(text: string | undefined): number | undefined {
  const match = text === undefined ? null : /^(0|[1-9]\d{0,12})(?:\.(\d{1,2}))?$/.exec(text)
  if (!match) return undefined
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'))
}

/** Alipay's yuan string as Money; `PLATFORM_ERROR` when it is not one. */
export function fromAlipayAmount(text: string | undefined, what: string): Money {
  const fen = parseAlipayAmount(text)
  if (fen === undefined)
    throw new ServerError('PLATFORM_ERROR', `Alipay sent ${what} that is not a yuan amount`)
  return { amount: fen, currency: 'CNY' }
}
