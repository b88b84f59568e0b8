import { ServerError } from '../errors/ServerError'
import { assertMinorUnits, type Money } from '../money/money'

// The one place WeChat Pay's units meet ours. WeChat Pay takes and sends integer fen with a
// currency code, exactly our minor units; mini-program payments are in CNY.

/** `{ total, currency }` for a WeChat Pay request. */
export function toWechatAmount(money: Money, what: string): { total: number; currency: 'CNY' } {
  return { total: assertMinorUnits(money, 'CNY', what), currency: 'CNY' }
}

/** A WeChat Pay amount (integer fen) as Money; refuses anything else. */
export function fromWechatAmount(total: unknown, currency: unknown = 'CNY'): Money {
  if (typeof total !== 'number' || !Number.isSafeInteger(total) || total < 0) {
    throw new ServerError(
      'PLATFORM_ERROR',
      `WeChat Pay sent an amount that is not integer fen: ${String(total)}`,
    )
  }
  return { amount: total, currency: typeof currency === 'string' ? currency : 'CNY' }
}
