import type { CheckoutSnapshot } from '../checkout/types'
import type { AnyTradeKitError } from '../errors/TradeKitError'
import type { Money } from '../money/money'
import type { PlanPeriod } from './planPeriod'

/** A membership plan, as the team's API lists it. */
export interface Plan {
  /** The plan id `unlock()` takes. */
  readonly id: string
  /** The plan's name ("连续包月"). */
  readonly title: string
  /** What one period costs (or the one-time price when `period` is null). */
  readonly price: Money
  /** A struck-through reference price. */
  readonly originalPrice?: Money
  /** The billing period; `null` for a plan bought once. */
  readonly period: PlanPeriod | null
  /** Renews by itself each period: needs explicit consent and a channel that can `sign`. */
  readonly autoRenew?: boolean
  /** Free days before the first charge. */
  readonly trialDays?: number
  /** What the plan unlocks, for the benefit list. */
  readonly benefits: readonly string[]
  /** The sku the order is for. @default the plan id */
  readonly skuId?: string
}

/** The renewal of an auto-renewing membership. */
export interface Renewal {
  /** The next charge, in epoch milliseconds. */
  readonly nextChargeAt: number
  /** What the next charge will be. */
  readonly amount: Money
  /** Where the user manages or stops the renewal (a mini-program route). */
  readonly manageRoute: string
}

/** What the user is entitled to, read from the team's API (the server's truth). */
export interface Entitlement {
  /** True while the user is a member. */
  readonly active: boolean
  /** The plan the user holds. */
  readonly planId?: string
  /** Epoch milliseconds. */
  readonly expiresAt?: number
  readonly renewal?: Renewal
}

/** The team's membership API, beside its `CheckoutApi`. */
export interface MembershipApi {
  /** The plans on sale. */
  getPlans(ctx: { signal: AbortSignal }): Promise<readonly Plan[]>
  /** What the current user is entitled to (the server's truth). */
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
  /** Loading of plans and entitlement. */
  readonly status: 'idle' | 'loading' | 'ready' | 'error'
  /** The plans offered: auto-renew plans only when the checkout's channel can sign. */
  readonly plans: readonly Plan[]
  /** The last entitlement read from the server. */
  readonly entitlement?: Entitlement
  /** The plan being unlocked, or null. */
  readonly unlocking: string | null
  /** What went wrong last. */
  readonly error?: AnyTradeKitError
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
  /** The entitlement read after the payment. */
  readonly entitlement?: Entitlement
  /** The checkout's snapshot when it settled (absent when the unlock stopped before paying). */
  readonly checkout?: CheckoutSnapshot
  /** Why it failed (`CONSENT_REQUIRED`, `PAYMENT_UNAVAILABLE`, the checkout's error…). */
  readonly error?: AnyTradeKitError
}

/** The membership store. */
export interface Membership {
  /** The current snapshot (the same object until something changes). */
  getSnapshot(): MembershipSnapshot
  /**
   * Calls `listener` after every change; returns an unsubscribe. A listener that throws stops
   * neither the others nor the change: its error is rethrown on a later tick.
   */
  subscribe(listener: () => void): () => void
  /** Loads plans and the entitlement. */
  load(): Promise<MembershipSnapshot>
  /** Re-reads the entitlement. */
  refresh(): Promise<MembershipSnapshot>
  /**
   * Buys a plan through the checkout, then re-reads the entitlement until it is active. Never
   * rejects. While an unlock runs, `unlock()` of the same plan (a double tap) answers the running
   * one, and of another plan answers `failed` (`INVALID_ARGUMENT`) without touching it.
   */
  unlock(planId: string, options?: UnlockOptions): Promise<UnlockResult>
  /** True when auto-renew plans can be offered (the channel has `sign`). */
  canAutoRenew(): boolean
  /**
   * Ends this membership store: aborts the reads in flight, stops following its checkout and drops
   * every listener; the snapshot stays as it was. Later calls are no-ops (`unlock` answers `failed`
   * with `ABORTED` without touching the checkout); calling it again does nothing. Call it when the
   * store is replaced (another user, another API).
   */
  dispose(): void
}
