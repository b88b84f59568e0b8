import type { Money } from '../money/money'

/** What every coupon has. */
export interface CouponBase {
  /** The coupon's id (sent with the order; `PricingContext.couponId` picks by it). */
  readonly id: string
  /** The name shown to the user (the rule in words comes from {@link describeCoupon}). */
  readonly title?: string
  /** The skus it applies to; absent means every line. */
  readonly skuIds?: readonly string[]
  /** The least amount the applicable lines must reach (after member prices). */
  readonly minSpend?: Money
  /** First valid moment, epoch milliseconds (inclusive). */
  readonly startsAt?: number
  /** Expiry, epoch milliseconds (exclusive: at `expiresAt` it is expired). */
  readonly expiresAt?: number
}

/**
 * 满减: `amountOff` when the applicable lines reach `threshold`; with `repeat`, `amountOff` for every
 * full `threshold` (每满 100 减 20).
 */
export interface ThresholdCoupon extends CouponBase {
  readonly kind: 'threshold'
  /** What the applicable lines must reach (满). */
  readonly threshold: Money
  /** What it takes off (减). */
  readonly amountOff: Money
  /**
   * Take `amountOff` once per full `threshold`.
   * @default false
   */
  readonly repeat?: boolean
}

/** A percentage off the applicable lines, in basis points (2000 = 20 % off, 8折), optionally capped. */
export interface PercentCoupon extends CouponBase {
  readonly kind: 'percent'
  /** Basis points off: 1 % = 100, at most 10 000. */
  readonly percentOffBps: number
  /** The most it takes off. */
  readonly maxDiscount?: Money
}

/** A fixed amount off (立减), never more than the applicable lines. */
export interface AmountCoupon extends CouponBase {
  readonly kind: 'amount'
  /** What it takes off. */
  readonly amountOff: Money
}

/** A coupon the user holds. */
export type Coupon = ThresholdCoupon | PercentCoupon | AmountCoupon

/** Why a coupon does not apply now. */
export type CouponUnavailableReason =
  | 'not_started'
  | 'expired'
  | 'no_eligible_lines'
  | 'below_min_spend'
  | 'below_threshold'

/** What a coupon would do for the priced lines. */
export interface CouponEvaluation {
  /** The coupon evaluated. */
  readonly coupon: Coupon
  /** True when it can be applied now. */
  readonly applicable: boolean
  /** What it takes off (zero when not applicable). */
  readonly discount: Money
  /** Why it does not apply. */
  readonly reason?: CouponUnavailableReason
  /** For `below_min_spend` / `below_threshold`: how much more to spend (还差 ¥12). */
  readonly shortfall?: Money
  /** The lines it applies to. */
  readonly lineIds: readonly string[]
}
