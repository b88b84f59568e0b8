import type { CartAttribute, CartItem } from '../cart/types'
import type { Money } from '../money/money'

/**
 * One value of a spec group: 黑 in 颜色, XL in 尺码.
 *
 * @example
 * ```ts
 * const black: SkuSpecValue = { id: 'black', name: '黑', image: 'https://cdn.example.com/tee-black.png' }
 * ```
 */
export interface SkuSpecValue {
  /** Unique within its group; what a {@link SkuChoice} and a {@link Sku}'s `specs` name. */
  readonly id: string
  /** The text on the value's chip and in the cart line's attributes. */
  readonly name: string
  /** A picture for the value (a colour's photo); shown for a choice until its SKU has its own. */
  readonly image?: string
}

/**
 * A spec group: 颜色 (黑, 白), 尺码 (M, L, XL). Every SKU names one value of every group.
 *
 * @example
 * ```ts
 * const size: SkuSpecGroup = { id: 'size', name: '尺码', values: [{ id: 'm', name: 'M' }, { id: 'l', name: 'L' }] }
 * ```
 */
export interface SkuSpecGroup {
  /** Unique among the groups. */
  readonly id: string
  /** The group's label (颜色) and the `name` of the cart line's attribute. */
  readonly name: string
  /** The values, in display order; at least one, ids unique. */
  readonly values: readonly SkuSpecValue[]
}

/**
 * One sellable combination of spec values. The fields it shares with {@link CartItem} have the
 * same names and meaning, so a chosen SKU becomes a cart item without renaming (see
 * {@link cartItemOf}).
 *
 * @example
 * ```ts
 * const sku: Sku = { skuId: 'tee-black-l', specs: { color: 'black', size: 'l' }, price: money(3900), stock: 12 }
 * ```
 */
export interface Sku
  extends Pick<
    CartItem,
    | 'skuId'
    | 'price'
    | 'originalPrice'
    | 'memberPrice'
    | 'minQuantity'
    | 'maxQuantity'
    | 'step'
    | 'perUserLimit'
    | 'status'
    | 'image'
  > {
  /** The value id of every spec group, by group id: `{ color: 'black', size: 'l' }`. */
  readonly specs: Readonly<Record<string, string>>
  /**
   * Units in stock (a safe integer ≥ 0). A SKU whose stock is below its minimum quantity cannot be
   * bought, like a sold-out cart line.
   */
  readonly stock: number
}

/**
 * What the user has chosen so far: a value id per group id; a group left out (or `undefined`) is
 * not chosen yet.
 *
 * @example
 * ```ts
 * const choice: SkuChoice = { color: 'black', size: undefined }
 * ```
 */
export type SkuChoice = Readonly<Record<string, string | undefined>>

/**
 * The lowest and the highest price of a set of SKUs (equal for one SKU), for "¥39–59" (see
 * {@link formatPriceRange}).
 *
 * @example
 * ```ts
 * const range: PriceRange = { min: money(3900), max: money(5900) }
 * ```
 */
export interface PriceRange {
  /** The lowest price. */
  readonly min: Money
  /** The highest price. */
  readonly max: Money
}

/**
 * Spec groups and SKUs, checked and indexed by {@link skuMatrix}; pass it to
 * {@link skuSelection} and {@link cartItemOf}. Immutable.
 *
 * @example
 * ```ts
 * const matrix: SkuMatrix = skuMatrix(specs, skus)
 * matrix.skus.length // every SKU, in the order given
 * ```
 */
export interface SkuMatrix {
  /** The spec groups, checked and frozen, in the order given. */
  readonly specs: readonly SkuSpecGroup[]
  /** The SKUs, checked and frozen (known fields only), in the order given. */
  readonly skus: readonly Sku[]
  /** The currency of every price; `undefined` when there is no SKU. */
  readonly currency: string | undefined
}

/**
 * What a choice leaves possible, for a spec selector: which values can still be picked, the SKU once
 * every group is chosen, and the price range until then.
 *
 * @example
 * ```ts
 * const selection: SkuSelection = skuSelection(matrix, { color: 'black' })
 * selection.possible.size?.xl // false when black XL is sold out
 * ```
 */
export interface SkuSelection {
  /** The choice, with only its chosen groups. */
  readonly choice: Readonly<Record<string, string>>
  /**
   * For every value of every group: can it be picked? True when some buyable SKU (on sale, stock at
   * or above its minimum quantity) has this value and the chosen values of the *other* groups. A
   * chosen value can be impossible too (the choice was made elsewhere, or the stock moved).
   */
  readonly possible: Readonly<Record<string, Readonly<Record<string, boolean>>>>
  /** The groups without a chosen value, in display order ("请选择 尺码"). */
  readonly missing: readonly SkuSpecGroup[]
  /** True when every group has a chosen value. */
  readonly complete: boolean
  /** The SKU of a complete choice — also a sold-out one (see `buyable`); `undefined` until then. */
  readonly sku: Sku | undefined
  /** True when `sku` exists and can be bought (on sale, stock at or above its minimum quantity). */
  readonly buyable: boolean
  /**
   * The lowest and highest price of the buyable SKUs that have every chosen value: the whole
   * product's range before anything is chosen, the SKU's price once the choice is complete;
   * `undefined` when no buyable SKU is left.
   */
  readonly priceRange: PriceRange | undefined
  /** The chosen SKU's stock; `undefined` until `sku` is known. */
  readonly stock: number | undefined
  /** The most units of the chosen SKU one may buy: the lower of `maxQuantity` and `perUserLimit`, if any. */
  readonly limit: number | undefined
  /** The picture for the choice: the SKU's own, else the first chosen value's with one. */
  readonly image: string | undefined
  /** The chosen values as display attributes (颜色: 黑), in group order — the spec summary row. */
  readonly attributes: readonly CartAttribute[]
}

/**
 * What the product adds to a chosen SKU to make a cart item (see {@link cartItemOf}).
 *
 * @example
 * ```ts
 * const product: SkuProduct = { title: '纯棉T恤', image: 'https://cdn.example.com/tee.png' }
 * ```
 */
export type SkuProduct = Pick<CartItem, 'title' | 'image' | 'kind' | 'options'>
