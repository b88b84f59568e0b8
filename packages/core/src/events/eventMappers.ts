import type { CartItem, CartLine } from '../cart/types'
import type { CreatedOrder } from '../checkout/types'
import { TradeKitError } from '../errors/TradeKitError'
import { assertMoney, type Money } from '../money/money'
import { multiplyMoney } from '../money/multiplyMoney'
import { sumMoney } from '../money/sumMoney'
import type { BuyAgainResult } from '../orders/buyAgain'
import type { Order, OrderRefund, RefundRequest } from '../orders/types'
import type {
  AddToCartEvent,
  BeginCheckoutEvent,
  PurchaseEvent,
  RefundEvent,
  RemoveFromCartEvent,
  RepurchaseEvent,
  TradeEventItem,
  ViewItemEvent,
} from './tradeEvents'

// Pure mappers from TradeKit's data to trading events: money stays Money in minor units, nothing
// is rounded, and a line's total is its unit price times its quantity unless the data says what
// was actually paid or refunded.

type Priced = Pick<CartItem, 'skuId' | 'title' | 'price'>

const itemOf = (item: Priced, quantity: number): TradeEventItem => ({
  skuId: item.skuId,
  title: item.title,
  quantity,
  price: item.price,
})

const totalOf = (items: readonly TradeEventItem[], currency: string): Money =>
  sumMoney(
    items.map((item) => item.amount ?? multiplyMoney(item.price, item.quantity)),
    currency,
  )

function currencyOf(items: readonly Priced[]): string {
  const first = items[0]
  if (!first)
    throw new TradeKitError(
      'INVALID_ARGUMENT',
      process.env.NODE_ENV !== 'production' ? 'An event needs at least one item' : undefined,
    )
  assertMoney(first.price)
  return first.price.currency
}

/**
 * `view_item` for a product page.
 *
 * @example
 * ```ts
 * safeEmit(onEvent, () => viewItemEvent(item))
 * ```
 */
export function viewItemEvent(item: Priced): ViewItemEvent {
  assertMoney(item.price)
  return { name: 'view_item', value: item.price, items: [itemOf(item, 1)] }
}

/**
 * `add_to_cart` for units put in the cart (at the unit price shown).
 *
 * @example
 * ```ts
 * cart.add(item, 2)
 * safeEmit(onEvent, () => addToCartEvent(item, 2))
 * ```
 */
export function addToCartEvent(item: Priced, quantity: number): AddToCartEvent {
  const items = [itemOf(item, quantity)]
  return { name: 'add_to_cart', value: totalOf(items, currencyOf([item])), items }
}

/**
 * `remove_from_cart` for a line taken out (all its units unless `quantity` says fewer).
 *
 * @example
 * ```ts
 * safeEmit(onEvent, () => removeFromCartEvent(line))
 * cart.remove(line.lineId)
 * ```
 */
export function removeFromCartEvent(
  line: Priced & Pick<CartLine, 'quantity'>,
  quantity = line.quantity,
): RemoveFromCartEvent {
  const items = [itemOf(line, quantity)]
  return { name: 'remove_from_cart', value: totalOf(items, currencyOf([line])), items }
}

/**
 * `begin_checkout` for the lines being checked out; `value` is the payable the user saw when given
 * (after discounts and fees), else the lines' total.
 *
 * @example
 * ```ts
 * safeEmit(onEvent, () => beginCheckoutEvent(selectedLines, { value: quote.payable, coupon: quote.coupon }))
 * ```
 */
export function beginCheckoutEvent(
  lines: readonly (Priced & Pick<CartLine, 'quantity'>)[],
  options: { readonly value?: Money; readonly coupon?: string } = {},
): BeginCheckoutEvent {
  const items = lines.map((line) => itemOf(line, line.quantity))
  const value = options.value ?? totalOf(items, currencyOf(lines))
  assertMoney(value)
  return { name: 'begin_checkout', value, items, ...(options.coupon ? { coupon: options.coupon } : {}) }
}

function orderItems(order: Pick<Order, 'lines'>): TradeEventItem[] {
  return order.lines.map((line) => ({
    skuId: line.skuId,
    title: line.title,
    quantity: line.quantity,
    price: line.unitPrice,
    amount: line.amount,
  }))
}

/**
 * `purchase` for a paid order of the order centre: its payable, its lines with what each cost.
 *
 * @example
 * ```ts
 * if (order.status === 'paid') safeEmit(onEvent, () => purchaseEvent(order))
 * ```
 */
export function purchaseEvent(order: Order): PurchaseEvent {
  return {
    name: 'purchase',
    orderId: order.orderId,
    value: order.amount,
    items: orderItems(order),
    ...(order.channel ? { channel: order.channel } : {}),
  }
}

/**
 * `purchase` for a checkout that reached `paid`: the created order's amount, the lines it bought.
 *
 * @example
 * ```ts
 * if (snapshot.status === 'paid' && snapshot.order) {
 *   safeEmit(onEvent, () => checkoutPurchaseEvent(snapshot.order!, lines, { channel: 'douyin' }))
 * }
 * ```
 */
export function checkoutPurchaseEvent(
  order: Pick<CreatedOrder, 'orderId' | 'amount'>,
  lines: readonly (Priced & Pick<CartLine, 'quantity'>)[],
  options: { readonly channel?: string; readonly coupon?: string } = {},
): PurchaseEvent {
  assertMoney(order.amount)
  return {
    name: 'purchase',
    orderId: order.orderId,
    value: order.amount,
    items: lines.map((line) => itemOf(line, line.quantity)),
    ...(options.channel ? { channel: options.channel } : {}),
    ...(options.coupon ? { coupon: options.coupon } : {}),
  }
}

/**
 * `refund` for a refund of an order: its amount, and for each line refunded what was taken from it.
 *
 * @throws TradeKitError `INVALID_ARGUMENT` when the refund names a line the order does not have
 * @example
 * ```ts
 * safeEmit(onEvent, () => refundEvent(order, refund))
 * ```
 */
export function refundEvent(
  order: Pick<Order, 'orderId' | 'lines'>,
  refund: Pick<RefundRequest, 'lines' | 'amount'> & Partial<Pick<OrderRefund, 'refundId'>>,
): RefundEvent {
  assertMoney(refund.amount)
  const items = refund.lines.map((part): TradeEventItem => {
    const line = order.lines.find((l) => l.lineId === part.lineId)
    if (!line)
      throw new TradeKitError(
        'INVALID_ARGUMENT',
        process.env.NODE_ENV !== 'production'
          ? `Order ${order.orderId} has no line ${part.lineId}`
          : undefined,
      )
    return {
      skuId: line.skuId,
      title: line.title,
      quantity: line.quantity,
      price: line.unitPrice,
      amount: part.amount,
    }
  })
  return {
    name: 'refund',
    orderId: order.orderId,
    value: refund.amount,
    items,
    ...(refund.refundId ? { refundId: refund.refundId } : {}),
  }
}

/**
 * `repurchase` for an order bought again: the lines added at today's prices, and how many could not be.
 *
 * @example
 * ```ts
 * const result = buyAgainItems(order, current)
 * safeEmit(onEvent, () => repurchaseEvent(order, result))
 * ```
 */
export function repurchaseEvent(
  order: Pick<Order, 'orderId' | 'amount'>,
  result: BuyAgainResult,
): RepurchaseEvent {
  const items = result.items.map(({ item, quantity }) => itemOf(item, quantity))
  return {
    name: 'repurchase',
    sourceOrderId: order.orderId,
    value: totalOf(
      items,
      items.length > 0 ? currencyOf(result.items.map((l) => l.item)) : order.amount.currency,
    ),
    items,
    unavailable: result.unavailable.length,
  }
}
