import type { CartLine, ProductKind } from '../cart/types'
import { isMoney, type Money } from '../money/money'
import { assertQuote } from '../pricing/assertQuote'
import type { Quote } from '../pricing/quote'
import type { OrderLine } from './types'

/**
 * The kind of a purchase of these lines, for the platforms' rules: virtual when any line is
 * virtual, else service when any line is a service, else physical.
 */
export function purchaseKindOf(lines: readonly Pick<CartLine, 'kind'>[]): ProductKind {
  if (lines.some((line) => line.kind === 'virtual')) return 'virtual'
  if (lines.some((line) => line.kind === 'service')) return 'service'
  return 'physical'
}

/**
 * The order lines of cart lines: sku, quantity and options — never a price. An order line's options
 * are strings, so a cart option that is not one is sent as its JSON.
 *
 * @example
 * ```ts
 * checkout.submit({ lines: orderLinesOf(selected), expectedPayable: quote.payable })
 * ```
 */
export function orderLinesOf(
  lines: readonly Pick<CartLine, 'skuId' | 'quantity' | 'options'>[],
): OrderLine[] {
  return lines.map((line) => ({
    skuId: line.skuId,
    quantity: line.quantity,
    ...(line.options
      ? {
          options: Object.fromEntries(
            Object.entries(line.options).map(([key, value]) => [
              key,
              typeof value === 'string' ? value : JSON.stringify(value),
            ]),
          ),
        }
      : {}),
  }))
}

/**
 * The server's new total when an order was refused with `PRICE_CHANGED`: the new quote's payable
 * (with the quote when it adds up, see `assertQuote`), or the created order's amount when the server made the order at another amount; `null` for any
 * other error. Submitting again with it as `expectedPayable` accepts the new price.
 *
 * @example
 * ```ts
 * const change = priceChangeOf(checkout.getSnapshot().error)
 * if (change) showNewTotal(change.payable)
 * ```
 */
/** Whether the server's quote adds up (assertQuote): one that does not is never shown as the order's lines. */
function isQuote(value: unknown): value is Quote {
  try {
    assertQuote(value)
    return true
  } catch {
    return false
  }
}

export function priceChangeOf(error: unknown): { payable: Money; quote?: Quote } | null {
  if (typeof error !== 'object' || error === null) return null
  const { code, quote, amount } = error as { code?: unknown; quote?: unknown; amount?: unknown }
  if (code !== 'PRICE_CHANGED') return null
  const payable = (quote as { payable?: unknown } | undefined)?.payable
  if (typeof quote === 'object' && quote !== null && isMoney(payable))
    return isQuote(quote) ? { payable, quote } : { payable }
  if (isMoney(amount)) return { payable: amount }
  return null
}
