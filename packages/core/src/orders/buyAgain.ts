import { normalizeItem } from '../cart/normalizeItem'
import { blockingStatus, clampQuantity, quantityRules } from '../cart/quantityRules'
import type { CartItem, CartStore, QuantityIssue } from '../cart/types'
import type { Order, OrderItem } from './types'

/**
 * Why an order's line cannot be bought again. `unavailable`: the server's product for it is not one
 * the cart accepts (a malformed price or rule, another currency), or the cart refused it.
 */
export type BuyAgainReason = 'sold_out' | 'off_shelf' | 'gone' | 'over_limit' | 'unavailable'

/** A line to put back in the cart: the product as it is now, and how many. */
export interface BuyAgainLine {
  /** The product with today's price, stock and limits (and the order line's options). */
  readonly item: CartItem
  /** Units to add: what was ordered, within today's rules. */
  readonly quantity: number
  /** The order line it comes from. */
  readonly line: OrderItem
  /** Why `quantity` differs from what was ordered (stock, limit, minimum, step). */
  readonly issue?: QuantityIssue
}

/** An order line that cannot be bought again, and why. */
export interface UnavailableLine {
  readonly line: OrderItem
  readonly reason: BuyAgainReason
}

/** What buying an order again gives: lines for the cart, and the lines left out with their reason. */
export interface BuyAgainResult {
  readonly items: readonly BuyAgainLine[]
  readonly unavailable: readonly UnavailableLine[]
}

/**
 * The cart lines that buy an order again, at today's prices, stock and limits (`currentItems`, from
 * the server, by sku). Every order line is in one of the two lists: a line whose product is gone,
 * sold out, off the shelf or over its limit is reported, never silently dropped; a quantity the
 * rules change says why. Each item is checked as the cart checks it (in `currency`, the cart's; by
 * default the item's own), so one malformed product is reported `unavailable` instead of making
 * `cart.add` throw halfway through the lines.
 *
 * @example
 * ```ts
 * const current = await api.getItems(order.lines.map((l) => l.skuId))
 * const { items, unavailable } = putBackInCart(cart, buyAgainItems(order, current, 'CNY'))
 * if (unavailable.length > 0) toast(`${unavailable.length} 件商品无法再次购买`)
 * ```
 */
export function buyAgainItems(
  order: Pick<Order, 'lines'>,
  currentItems: readonly CartItem[],
  currency?: string,
): BuyAgainResult {
  const bySku = new Map<string, CartItem>()
  for (const item of currentItems) if (item && !bySku.has(item.skuId)) bySku.set(item.skuId, item)
  const items: BuyAgainLine[] = []
  const unavailable: UnavailableLine[] = []
  for (const line of order.lines) {
    const current = bySku.get(line.skuId)
    if (!current) {
      unavailable.push({ line, reason: 'gone' })
      continue
    }
    let item: CartItem
    try {
      const withOptions = line.options ? { ...current, options: line.options } : current
      item = normalizeItem(withOptions, currency ?? current.price?.currency)
    } catch (error) {
      // the shopper reads "cannot be bought right now"; the team needs to know which field was bad
      if (process.env.NODE_ENV !== 'production')
        console.warn(
          `[TradeKit] buyAgainItems: the product of ${line.skuId} is not one the cart accepts`,
          error,
        )
      unavailable.push({ line, reason: 'unavailable' })
      continue
    }
    const rules = quantityRules(item)
    const blocked = blockingStatus(item, rules)
    if (blocked) {
      unavailable.push({ line, reason: blocked })
      continue
    }
    const { quantity, issue } = clampQuantity(line.quantity, rules)
    if (quantity <= 0) {
      unavailable.push({ line, reason: 'over_limit' })
      continue
    }
    items.push({ item, quantity, line, ...(issue ? { issue } : {}) })
  }
  return { items, unavailable }
}

/**
 * Puts the lines of {@link buyAgainItems} in the cart, one `cart.add` each. A line the cart still
 * refuses (it throws and stays unchanged: a total that would pass the largest safe amount) moves to
 * `unavailable` as `unavailable`, so a run never ends with some lines in and an error whose retry
 * would add them twice. Answers what went in and what did not.
 *
 * @example
 * ```ts
 * const { items, unavailable } = putBackInCart(cart, buyAgainItems(order, current, 'CNY'))
 * ```
 */
export function putBackInCart(cart: Pick<CartStore, 'add'>, result: BuyAgainResult): BuyAgainResult {
  const items: BuyAgainLine[] = []
  const refused: UnavailableLine[] = []
  for (const entry of result.items) {
    try {
      cart.add(entry.item, entry.quantity)
      items.push(entry)
    } catch {
      refused.push({ line: entry.line, reason: 'unavailable' })
    }
  }
  return refused.length === 0 ? result : { items, unavailable: [...result.unavailable, ...refused] }
}
