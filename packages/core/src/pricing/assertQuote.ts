import { TradeKitError } from '../errors/TradeKitError'
import { checkMoneyIn } from '../money/checks'
import { assertMoney, type Money } from '../money/money'
import type { Quote } from './quote'

function same(value: unknown, currency: string, field: string): Money {
  return checkMoneyIn(value, currency, field, 'the quote')
}

function mismatch(what: string | undefined): never {
  throw new TradeKitError(
    'INVALID_ARGUMENT',
    process.env.NODE_ENV !== 'production' ? `Quote does not add up: ${what}` : undefined,
  )
}

/**
 * Checks a quote from outside (the server's) before it replaces the client's: every amount is
 * integer Money in one currency, quantities are positive integers, and it adds up — line payable =
 * line total − line discount, subtotal = Σ line totals, discount = Σ line discounts, payable =
 * subtotal − discount + fees.
 *
 * @throws TradeKitError `INVALID_AMOUNT`, `CURRENCY_MISMATCH`, `INVALID_QUANTITY` or
 *   `INVALID_ARGUMENT` (shape, sums)
 * @example
 * ```ts
 * const quote: unknown = await api.quote(request)
 * assertQuote(quote) // now typed as Quote
 * ```
 */
export function assertQuote(value: unknown): asserts value is Quote {
  if (typeof value !== 'object' || value === null)
    throw new TradeKitError(
      'INVALID_ARGUMENT',
      process.env.NODE_ENV !== 'production' ? 'A quote must be an object' : undefined,
    )
  const quote = value as Partial<Record<keyof Quote, unknown>>
  assertMoney(quote.payable)
  const currency = quote.payable.currency
  const subtotal = same(quote.subtotal, currency, 'subtotal')
  const discount = same(quote.discount, currency, 'discount')
  const fees = same(quote.fees, currency, 'fees')
  same(quote.savings, currency, 'savings')
  if (!Array.isArray(quote.lines))
    throw new TradeKitError(
      'INVALID_ARGUMENT',
      process.env.NODE_ENV !== 'production' ? 'A quote needs its lines' : undefined,
    )
  let totals = 0
  let discounts = 0
  for (const raw of quote.lines as unknown[]) {
    const line = (raw ?? {}) as Record<string, unknown>
    if (typeof line.lineId !== 'string' || typeof line.skuId !== 'string') {
      throw new TradeKitError(
        'INVALID_ARGUMENT',
        process.env.NODE_ENV !== 'production' ? 'A quote line needs a lineId and a skuId' : undefined,
      )
    }
    const quantity = line.quantity
    if (typeof quantity !== 'number' || !Number.isSafeInteger(quantity) || quantity < 1) {
      throw new TradeKitError(
        'INVALID_QUANTITY',
        process.env.NODE_ENV !== 'production' ? `Quote line ${line.lineId}: bad quantity` : undefined,
      )
    }
    same(line.unitPrice, currency, 'unitPrice')
    const lineTotal = same(line.lineTotal, currency, 'lineTotal')
    const lineDiscount = same(line.discount, currency, 'line discount')
    const payable = same(line.payable, currency, 'line payable')
    if (line.originalUnitPrice !== undefined) same(line.originalUnitPrice, currency, 'originalUnitPrice')
    if (payable.amount !== lineTotal.amount - lineDiscount.amount)
      mismatch(process.env.NODE_ENV !== 'production' ? `line ${line.lineId} payable` : undefined)
    totals += lineTotal.amount
    discounts += lineDiscount.amount
  }
  if (totals !== subtotal.amount)
    mismatch(process.env.NODE_ENV !== 'production' ? 'subtotal ≠ Σ line totals' : undefined)
  if (discounts !== discount.amount)
    mismatch(process.env.NODE_ENV !== 'production' ? 'discount ≠ Σ line discounts' : undefined)
  if (quote.payable.amount !== subtotal.amount - discount.amount + fees.amount) {
    mismatch(process.env.NODE_ENV !== 'production' ? 'payable ≠ subtotal − discount + fees' : undefined)
  }
}
