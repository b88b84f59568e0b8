import type { Money } from '../money/money'

/** An item in a trading event. Money in integer minor units. */
export interface TradeEventItem {
  /** The sku. */
  readonly skuId: string
  /** The product's name. */
  readonly title?: string
  /** Units. */
  readonly quantity: number
  /** The price of one unit. */
  readonly price: Money
  /** What the event moves for this item when it is not `price × quantity` (a partial refund, a discounted line). */
  readonly amount?: Money
}

interface EventBase<N extends string> {
  /** Which event. */
  readonly name: N
  /** The money the event is about: the item's price, the cart lines' total, the order's payable, the refund. */
  readonly value: Money
  /** The items it is about. */
  readonly items: readonly TradeEventItem[]
}

/** A product page was seen. */
export type ViewItemEvent = EventBase<'view_item'>

/** Units went into the cart. */
export type AddToCartEvent = EventBase<'add_to_cart'>

/** Units left the cart. */
export type RemoveFromCartEvent = EventBase<'remove_from_cart'>

/** The user started a checkout of these lines. */
export interface BeginCheckoutEvent extends EventBase<'begin_checkout'> {
  /** The coupon chosen. */
  readonly coupon?: string
}

/** An order was paid (the server said so). */
export interface PurchaseEvent extends EventBase<'purchase'> {
  readonly orderId: string
  /** The payment channel's id. */
  readonly channel?: string
  /** The coupon used. */
  readonly coupon?: string
}

/** Money went back to the user (all or part of an order). */
export interface RefundEvent extends EventBase<'refund'> {
  readonly orderId: string
  /** The refund request, when the server gave it an id. */
  readonly refundId?: string
}

/** An order's lines went back into the cart ("buy again"). */
export interface RepurchaseEvent extends EventBase<'repurchase'> {
  /** The order bought again. */
  readonly sourceOrderId: string
  /** Lines of that order that could not be bought again. */
  readonly unavailable: number
}

/**
 * The trading events TradeKit reports, in the spirit of the common e-commerce analytics names.
 *
 * @example
 * ```ts
 * const onEvent = (event: TradeEvent) => {
 *   if (event.name === 'purchase') report('purchase', { order: event.orderId, fen: event.value.amount })
 * }
 * ```
 */
export type TradeEvent =
  | ViewItemEvent
  | AddToCartEvent
  | RemoveFromCartEvent
  | BeginCheckoutEvent
  | PurchaseEvent
  | RefundEvent
  | RepurchaseEvent

/** A trading event's name. */
export type TradeEventName = TradeEvent['name']

/** The app's analytics hook: may be sync or async; whatever it does never fails a purchase. */
export type TradeEventHandler = (event: TradeEvent) => unknown

/**
 * Every event name.
 *
 * @example
 * ```ts
 * const counts = Object.fromEntries(TRADE_EVENT_NAMES.map((name) => [name, 0]))
 * ```
 */
export const TRADE_EVENT_NAMES: readonly TradeEventName[] = Object.freeze([
  'view_item',
  'add_to_cart',
  'remove_from_cart',
  'begin_checkout',
  'purchase',
  'refund',
  'repurchase',
])
