import type { Money } from '../money/money'

/** Whether a product can be bought now. */
export type ProductStatus = 'on_sale' | 'sold_out' | 'off_shelf'

/** What is sold: a parcel, a service (a consultation, a visit) or a virtual good (a membership). */
export type ProductKind = 'physical' | 'service' | 'virtual'

/** A display attribute of a line, e.g. `{ name: '颜色', value: '黑' }`. */
export interface CartAttribute {
  readonly name: string
  readonly value: string
}

/** A JSON value an item's `options` may hold (finite numbers only). */
export type CartOptionValue =
  | string
  | number
  | boolean
  | null
  | readonly CartOptionValue[]
  | { readonly [key: string]: CartOptionValue }

/**
 * What makes one purchase of a sku distinct from another: a booking slot, an engraving. Two items
 * of one sku with different options are two lines; key order does not matter.
 */
export type CartItemOptions = { readonly [key: string]: CartOptionValue }

/**
 * A product as the cart receives it (from a product page, or refreshed from the server).
 * All amounts are Money in the cart's currency; all counts are safe integers.
 */
export interface CartItem {
  /** The sku. */
  readonly skuId: string
  /** The product's name as shown in the cart. */
  readonly title: string
  /** The price of one unit. */
  readonly price: Money
  /** The picture's URL. */
  readonly image?: string
  /** The struck-through price (shown when above `price`). */
  readonly originalPrice?: Money
  /** The unit price for members (applied by `priceCart` with `member: true`). */
  readonly memberPrice?: Money
  /** Units in stock; absent when the stock is not tracked. Below the minimum it makes the line sold out. */
  readonly stock?: number
  /**
   * The least units one can buy (起购).
   * @default 1
   */
  readonly minQuantity?: number
  /** The most units one can buy in one order. */
  readonly maxQuantity?: number
  /**
   * Quantities are multiples of `step` (packs of 6); the effective minimum is the smallest
   * multiple of `step` at or above `minQuantity`.
   * @default 1
   */
  readonly step?: number
  /** The most units one user may buy (限购). Must be at least the minimum. */
  readonly perUserLimit?: number
  /**
   * Whether the product can be bought; `sold_out` and `off_shelf` block the line.
   * @default 'on_sale'
   */
  readonly status?: ProductStatus
  /**
   * What is sold.
   * @default 'physical'
   */
  readonly kind?: ProductKind
  /** Display attributes (颜色: 黑). */
  readonly attributes?: readonly CartAttribute[]
  /** What distinguishes this purchase (see {@link CartItemOptions}); part of the line's id. */
  readonly options?: CartItemOptions
}

/**
 * What is wrong with a line. `sold_out` and `off_shelf` block it: it cannot be selected and is
 * left out of `selectedCount`, `subtotal` and pricing. The others inform: `price_changed` (the
 * price differs from `addedPrice`), and the last quantity change was clamped by the stock
 * (`exceeds_stock`), by `maxQuantity` or `perUserLimit` (`over_limit`) or raised to the minimum
 * (`below_min`).
 */
export type LineIssue =
  | 'price_changed'
  | 'exceeds_stock'
  | 'sold_out'
  | 'off_shelf'
  | 'below_min'
  | 'over_limit'

/** The line issues that block a line. */
export const BLOCKING_ISSUES: readonly LineIssue[] = ['sold_out', 'off_shelf']

/** A cart line: the item plus its id, quantity, selection and issues. */
export interface CartLine extends CartItem {
  /** The key of the line: the skuId, or the skuId plus a hash of `options` (see {@link cartLineId}). */
  readonly lineId: string
  /** Units in the cart; always within the line's quantity rules unless the line is blocked. */
  readonly quantity: number
  /** Whether the line is in the checkout selection; never true for a blocked line. */
  readonly selected: boolean
  /** What is wrong with the line, blocking issues first. */
  readonly issues: readonly LineIssue[]
  /** The unit price when the user added the line (or added it again); `price_changed` compares to it. */
  readonly addedPrice: Money
}

/** Why a quantity was not taken as asked: a line issue, or a quantity that is not a multiple of `step`. */
export type QuantityIssue = Exclude<LineIssue, 'price_changed'> | 'not_multiple_of_step'

/**
 * The outcome of a quantity change. `ok: false` means the quantity was clamped (the line now has
 * `quantity`) — or, for a sold-out or off-shelf item, not added (`quantity` is the line's, 0 if none).
 */
export type QuantityResult =
  | { readonly ok: true; readonly quantity: number }
  | { readonly ok: false; readonly quantity: number; readonly issue: QuantityIssue }

/** A cart-level problem: stored data was unreadable (and discarded), or the storage failed. */
export type CartIssue = 'storage_corrupt' | 'storage_failed'

/** An immutable view of the cart; the same object until something changes. */
export interface CartSnapshot {
  /** `'loading'` until the stored cart is read (see `ready`). */
  readonly status: 'loading' | 'ready'
  /** The lines, newest first. */
  readonly lines: readonly CartLine[]
  /** Σ quantity over all lines (the badge on the cart tab). */
  readonly count: number
  /** Σ quantity over selected lines (blocked lines are never selected). */
  readonly selectedCount: number
  /** Σ unit price × quantity over selected lines. */
  readonly subtotal: Money
  /** True when there is at least one selectable line and every selectable line is selected. */
  readonly allSelected: boolean
  /** Cart-level problems, each at most once. */
  readonly issues: readonly CartIssue[]
}

/** A function called after each change of the snapshot. */
export type CartListener = (snapshot: CartSnapshot) => void

/** The cart store. */
export interface CartStore {
  /** The current snapshot (the same object until something changes: fit for `useSyncExternalStore`). */
  getSnapshot(): CartSnapshot
  /** Calls `listener` once after each change (never for a no-op); returns the unsubscribe function. */
  subscribe(listener: CartListener): () => void
  /** Settles (never rejects) once the stored cart was read and merged; at once without storage. */
  readonly ready: Promise<void>
  /**
   * Adds units of an item, merging with the line of the same `lineId`; the line is selected and its
   * data (price, stock, rules) taken from `item`, and `addedPrice` reset to `item.price`.
   * @default quantity 1
   * @throws TradeKitError `INVALID_QUANTITY` (not a positive safe integer), `INVALID_ARGUMENT` /
   *   `INVALID_AMOUNT` / `CURRENCY_MISMATCH` for a bad item; the cart is then unchanged
   */
  add(item: CartItem, quantity?: number): QuantityResult
  /**
   * Sets a line's quantity, clamped to its rules (the result says how).
   * @throws TradeKitError `INVALID_QUANTITY` (NaN, negative, not an integer), `UNKNOWN_LINE`
   */
  setQuantity(lineId: string, quantity: number): QuantityResult
  /** Removes a line. @throws TradeKitError `UNKNOWN_LINE` */
  remove(lineId: string): void
  /**
   * Selects or deselects a line; returns false when a blocked line cannot be selected.
   * @throws TradeKitError `UNKNOWN_LINE`
   */
  select(lineId: string, selected: boolean): boolean
  /** Selects every selectable line, or deselects all. */
  selectAll(selected: boolean): void
  /** Removes every line. */
  clear(): void
  /** Removes the selected lines (after an order was placed). */
  removeSelected(): void
  /**
   * Refreshes lines from the server's items: an item replaces the data of the line with its
   * `lineId`, or — an item without options — of every line of its sku. Quantities are clamped to
   * the new rules, `price_changed` marks a price that differs from `addedPrice`, `sold_out` /
   * `off_shelf` block and deselect. Lines without an item are left as they are; items without a
   * line are ignored (update never adds).
   * @throws TradeKitError for a bad item; the cart is then unchanged
   */
  update(items: readonly CartItem[]): void
  /** Resolves once every change so far is written to storage (or the write failed and was reported). */
  flush(): Promise<void>
}
