import type { Money } from '../money/money'
import { subtractMoney } from '../money/subtractMoney'
import type { Quote } from './quote'

/** How a new quote (the server's) differs from the one shown. */
export interface QuoteDiff {
  /** True when the payable or any line differs. */
  readonly changed: boolean
  /** `after.payable − before.payable`: positive when the user must pay more. */
  readonly payableDelta: Money
  /** Lines whose quantity, unit price or payable differ, or that are in only one of the quotes. */
  readonly lineIds: readonly string[]
}

/**
 * What moved between the quote the user saw and a new one — what `PRICE_CHANGED` shows
 * ("the total went up ¥3.00; these items changed").
 *
 * @throws TradeKitError `CURRENCY_MISMATCH` when the quotes are in different currencies
 * @example
 * ```ts
 * const diff = diffQuotes(localQuote, error.quote)
 * if (diff.changed) showPriceChanged(diff.payableDelta, diff.lineIds)
 * ```
 */
export function diffQuotes(before: Quote, after: Quote): QuoteDiff {
  const payableDelta = subtractMoney(after.payable, before.payable)
  const previous = new Map(before.lines.map((line) => [line.lineId, line]))
  const lineIds: string[] = []
  for (const line of after.lines) {
    const old = previous.get(line.lineId)
    previous.delete(line.lineId)
    if (
      !old ||
      old.quantity !== line.quantity ||
      old.unitPrice.amount !== line.unitPrice.amount ||
      old.payable.amount !== line.payable.amount
    ) {
      lineIds.push(line.lineId)
    }
  }
  lineIds.push(...previous.keys())
  return Object.freeze({ changed: payableDelta.amount !== 0 || lineIds.length > 0, payableDelta, lineIds })
}
