import { ServerError } from '../errors/ServerError'
import { assertMinorUnits, type Money } from '../money/money'

// The one place Douyin's units meet ours. The trading system counts CNY in integer fen
// (totalAmount, price, total_amount, refund_amount), exactly our minor units. Its DIAMOND
// currency (iOS virtual goods) is not money and is not offered here.

/** Integer fen for a Douyin request field. */
export function toDouyinAmount(money: Money, what: string, allowZero = false): number {
  return assertMinorUnits(money, 'CNY', what, allowZero)
}

/** A Douyin amount (integer fen) as Money; refuses anything else. */
export function fromDouyinAmount(value: unknown, what: string): Money {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new ServerError('PLATFORM_ERROR', `Douyin sent ${what} that is not integer fen: ${String(value)}`)
  }
  return { amount: value, currency: 'CNY' }
}
