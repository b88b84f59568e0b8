import type { CheckoutSnapshot } from '../checkout/types'
import type { TradeKitError } from '../errors/TradeKitError'
import type { Money } from '../money/money'
import type { PlanPeriod } from './perPeriodPrice'

/** A membership plan, as the team's API lists it. */
export interface Plan {
  readonly id: string
  readonly title: string
  /** What one period costs (or the one-time price when `period` is null). */
  readonly price: Money
  readonly originalPrice?: Money
  /** The billing period; `null` for a plan bought once. */
  readonly period: PlanPeriod | null
  /** Renews by itself each period: needs explicit consent and a channel that can `sign`. */
  readonly autoRenew?: boolean
  readonly trialDays?: number
  readonly benefits: readonly string[]
  /** The sku the order is for. @default the plan id */
  readonly skuId?: string
}

/** The renewal of an auto-renewing membership. */
export interface Renewal {
  /** The next charge, in epoch milliseconds. */
  readonly nextChargeAt: number
  readonly amount: Money
  /** Where the user manages or stops the renewal (a mini-program route). */
  readonly manageRoute: string
}

/** What the user is entitled to, read from the team's API (the server's truth). */
export interface Entitlement {
  readonly active: boolean
  readonly planId?: string
  /** Epoch milliseconds. */
  readonly expiresAt?: number
  readonly renewal?: Renewal
}

/** The team's membership API, beside its `CheckoutApi`. */
export interface MembershipApi {
  getPlans(ctx: { signal: AbortSignal }): Promise<readonly Plan[]>
  getEntitlement(ctx: { signal: AbortSignal }): Promise<Entitlement>
}

/** Timeouts and schedules of the membership store, in milliseconds. */
export interface MembershipTiming {
  /**
   * Timeout of one API call.
   * @default 10000
   */
  requestTimeoutMs: number
  /**
   * Waits between entitlement reads after a paid unlock; the last one repeats.
   * @default [1000, 2000, 3000, 5000]
   */
  entitlementDelaysMs: readonly number[]
  /**
   * How long to wait for the entitlement to turn active after the payment.
   * @default 30000
   */
  entitlementBudgetMs: number
}

/** The membership snapshot (the same object until something changes). */
export interface MembershipSnapshot {
  readonly status: 'idle' | 'loading' | 'ready' | 'error'
  /** The plans offered: auto-renew plans only when the checkout's channel can sign. */
  readonly plans: readonly Plan[]
  readonly entitlement?: Entitlement
  /** The plan being unlocked, or null. */
  readonly unlocking: string | null
  readonly error?: TradeKitError
}

/** Options of `unlock()`. */
export interface UnlockOptions {
  /** The user accepted the auto-renewal terms (required for auto-renew plans). */
  consent?: boolean
}

/** What an unlock came to. */
export interface UnlockResult {
  /**
   * `active`: the server grants the plan. `pending`: paid or still confirming, the entitlement is not
   * active yet (call `refresh()` later). `failed`: see `error` and `checkout`.
   */
  readonly status: 'active' | 'pending' | 'failed'
  readonly entitlement?: Entitlement
  /** The checkout's snapshot when it settled (absent when the unlock stopped before paying). */
  readonly checkout?: CheckoutSnapshot
  readonly error?: TradeKitError
}

/** The membership store. */
export interface Membership {
  getSnapshot(): MembershipSnapshot
  subscribe(listener: () => void): () => void
  /** Loads plans and the entitlement. */
  load(): Promise<MembershipSnapshot>
  /** Re-reads the entitlement. */
  refresh(): Promise<MembershipSnapshot>
  /** Buys a plan through the checkout, then re-reads the entitlement until it is active. */
  unlock(planId: string, options?: UnlockOptions): Promise<UnlockResult>
  /** True when auto-renew plans can be offered (the channel has `sign`). */
  canAutoRenew(): boolean
}
