import { ServerError } from '../errors/ServerError'

/**
 * An amount of money in integer minor units (fen for CNY) — the same shape as `Money` in
 * @tradekit/core, so a quote from the core passes straight in. Never a float, never yuan.
 */
export interface Money {
  readonly amount: number
  readonly currency: string
}

/**
 * Checks that `money` is a positive (or, with `allowZero`, non-negative) safe integer amount in
 * `currency`. Every edge that converts to a platform's units calls it first.
 */
export function assertMinorUnits(money: Money, currency: string, what: string, allowZero = false): number {
  if (money === null || typeof money !== 'object' || !Number.isSafeInteger(money.amount)) {
    throw new ServerError('INVALID_ARGUMENT', `${what} must be an integer amount in minor units`)
  }
  if (money.amount < 0 || (money.amount === 0 && !allowZero)) {
    throw new ServerError('INVALID_ARGUMENT', `${what} must be positive, got ${money.amount}`)
  }
  if (money.currency !== currency) {
    throw new ServerError('INVALID_ARGUMENT', `${what} must be in ${currency}, got ${money.currency}`)
  }
  return money.amount
}
