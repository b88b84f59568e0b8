import type { Money } from '../money/money'
import type { Coupon, CouponUnavailableReason } from '../pricing/coupon'

/** The tabs of a coupon wallet. */
export type WalletStatus = 'available' | 'used' | 'expired'

/** The wallet tabs in the order they are shown. */
export const WALLET_STATUSES: readonly WalletStatus[] = ['available', 'used', 'expired']

/** A coupon the user holds, as the team's server lists it. */
export interface WalletCoupon {
  /** The coupon (the same shape the pricing and the checkout's CouponPicker use). */
  readonly coupon: Coupon
  /** Which tab it belongs to. */
  readonly status: WalletStatus
  /** When it was claimed, epoch milliseconds. */
  readonly claimedAt?: number
  /** When an order used it, epoch milliseconds. */
  readonly usedAt?: number
  /** Held and valid, but not usable now (not started yet; the cart is below its threshold…). */
  readonly reason?: CouponUnavailableReason
  /** With `below_threshold` / `below_min_spend`: how much more to spend. */
  readonly shortfall?: Money
}

/**
 * The team's coupon backend. `claimCoupon` must honour `idempotencyKey`: the same key claims once and
 * answers the same coupon again. Coupons still stack one per order (the order request carries one).
 * An answer of the wrong shape (not an array; a coupon priceCart would refuse; an entry of another
 * tab) fails the load or the claim with `INVALID_ARGUMENT` naming the method.
 */
export interface CouponsApi {
  /** The user's coupons of one tab. */
  listCoupons(query: { status: WalletStatus }, ctx: { signal: AbortSignal }): Promise<readonly WalletCoupon[]>
  /** Claims a coupon (from a product or the cart) for the user; answers the held coupon. */
  claimCoupon(couponId: string, ctx: { idempotencyKey: string; signal: AbortSignal }): Promise<WalletCoupon>
}

/** One tab of the wallet. */
export interface WalletTab {
  /** `idle` before the first load; a reload keeps the shown coupons while `loading`. */
  readonly status: 'idle' | 'loading' | 'ready' | 'failed'
  readonly coupons: readonly WalletCoupon[]
  /** What the last load failed with. */
  readonly error?: unknown
}

/** Where a claim of one coupon is. */
export type ClaimState =
  | { readonly status: 'claiming' }
  | { readonly status: 'claimed'; readonly coupon: WalletCoupon }
  | {
      readonly status: 'failed'
      readonly error: unknown
      /**
       * The claim got no answer (a network error, a timeout) or none that was a held coupon: the
       * server may have claimed it. Say the claim is not confirmed, not that it failed; a retry sends
       * the same idempotency key, so the server answers the coupon it gave.
       */
      readonly unconfirmed?: true
    }

/** An immutable snapshot of the wallet (the same object until something changes). */
export interface CouponWalletSnapshot {
  readonly tabs: Readonly<Record<WalletStatus, WalletTab>>
  /** Claims by coupon id. */
  readonly claims: Readonly<Record<string, ClaimState>>
}

/** The coupon wallet store. */
export interface CouponWallet {
  getSnapshot(): CouponWalletSnapshot
  subscribe(listener: () => void): () => void
  /** Loads one tab (a running load of it is replaced). Never rejects: a failure is in the tab. */
  load(status: WalletStatus): Promise<void>
  /** Loads every tab, for the counts. */
  loadAll(): Promise<void>
  /**
   * Claims a coupon. A second call while the first runs returns the same promise (a double tap sends
   * one request); a claimed coupon is not claimed again; a retry after a failure sends the same
   * idempotency key. Never rejects: the outcome is in `claims[couponId]` and the answer.
   */
  claim(couponId: string): Promise<ClaimState>
  /** Stops running loads and claims and drops the listeners. */
  dispose(): void
}
