import type { Money } from '../money/money'

/**
 * One line of a quote: what the user pays for one cart line.
 * (Shared by the client's `priceCart` and the server's authoritative quote.)
 */
export interface QuoteLine {
  /** The cart line this prices. */
  readonly lineId: string
  /** The sku. */
  readonly skuId: string
  /** Units bought. */
  readonly quantity: number
  /** Price of one unit (member price applied where it applies). */
  readonly unitPrice: Money
  /** `unitPrice × quantity`, before order-level discounts. */
  readonly lineTotal: Money
  /** This line's share of the order-level discounts. */
  readonly discount: Money
  /** `lineTotal − discount`. */
  readonly payable: Money
  /**
   * The unit price the user would pay without member price or markdown (the crossed-out price), when
   * it is above `unitPrice`. Optional: a server quote may leave it out.
   */
  readonly originalUnitPrice?: Money
}

/** A priced order: for display on the client, authoritative when it comes from the server. */
export interface Quote {
  readonly lines: readonly QuoteLine[]
  /** Σ line totals. */
  readonly subtotal: Money
  /** Σ order-level discounts (coupons); equals Σ line discounts. */
  readonly discount: Money
  /** Σ fees (delivery, service). */
  readonly fees: Money
  /** What the user pays: `subtotal − discount + fees`. */
  readonly payable: Money
  /** What the user saves against original and non-member prices, plus the discount. */
  readonly savings: Money
  /** The id of the coupon applied, `null` when none. Optional: a server quote may leave it out. */
  readonly couponId?: string | null
}
