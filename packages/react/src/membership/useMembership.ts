import {
  createMembership,
  type EntitlementView,
  entitlementView,
  type Membership,
  type MembershipApi,
  type MembershipSnapshot,
  type UnlockOptions,
  type UnlockResult,
} from '@tradekit/core'
import { useEffect, useMemo, useSyncExternalStore } from 'react'
import { useTradeContext } from '../provider/TradeContext'

/** The membership's snapshot and actions. */
export interface UseMembershipResult extends MembershipSnapshot {
  /** Buys a plan through the checkout, then re-reads the entitlement until it is active. */
  unlock(planId: string, options?: UnlockOptions): Promise<UnlockResult>
  /** Re-reads the entitlement. */
  refresh(): Promise<MembershipSnapshot>
  /** Reads the plans and the entitlement again (after a failed load). */
  load(): Promise<MembershipSnapshot>
  /** True when auto-renew plans can be offered (the channel can sign). */
  canAutoRenew(): boolean
  /** The underlying core store. */
  readonly membership: Membership
}

const loaded = new WeakSet<Membership>()

/**
 * The user's membership: made by the first membership hook to render under `TradeProvider
 * membershipApi api` (so its code comes with these hooks, not with the provider), buying through the
 * provider's checkout, the latest api object always the one called, disposed with the provider's user.
 */
function useMembershipStore(hook: string): Membership {
  const { checkout, lazy } = useTradeContext(hook)
  if (!checkout || !lazy?.apis.current.membershipApi) {
    throw new Error(
      process.env.NODE_ENV !== 'production'
        ? `${hook} needs <TradeProvider membershipApi={…} api={…}>: membership is bought through the checkout.`
        : undefined,
    )
  }
  const membership = lazy.get('membership', () => {
    const given = lazy.apis.current.membershipApi as MembershipApi
    const current = () => lazy.apis.current.membershipApi ?? given
    return createMembership({
      api: {
        getPlans: (ctx) => current().getPlans(ctx),
        getEntitlement: (ctx) => current().getEntitlement(ctx),
      },
      checkout,
    })
  })
  useEffect(() => {
    // Loads plans and the entitlement once per membership store, whoever asks first.
    if (loaded.has(membership)) return
    loaded.add(membership)
    void membership.load()
  }, [membership])
  return membership
}

/**
 * Plans, the entitlement and `unlock(planId)`. Loads on first use.
 *
 * @example
 * ```tsx
 * const { plans, unlock, unlocking } = useMembership()
 * <Button onClick={() => unlock(plan.id, { consent: agreed })}>开通</Button>
 * ```
 */
export function useMembership(): UseMembershipResult {
  const membership = useMembershipStore('useMembership')
  const snapshot = useSyncExternalStore(membership.subscribe, membership.getSnapshot, membership.getSnapshot)
  return useMemo(
    () => ({
      ...snapshot,
      unlock: (planId, options) => membership.unlock(planId, options),
      refresh: () => membership.refresh(),
      load: () => membership.load(),
      canAutoRenew: () => membership.canAutoRenew(),
      membership,
    }),
    [membership, snapshot],
  )
}

/** The user's entitlement (server truth) and whether it is still loading. */
export interface UseEntitlementResult extends EntitlementView {
  /** Reads the plans and the entitlement again (`membership.load()`). */
  retry(): Promise<MembershipSnapshot>
}

/**
 * Whether the user is entitled, re-rendering only when the entitlement changes. Loads on first use.
 *
 * @example
 * ```tsx
 * const { active, loading } = useEntitlement()
 * if (!active) return <Paywall … />
 * ```
 */
export function useEntitlement(): UseEntitlementResult {
  const membership = useMembershipStore('useEntitlement')
  const entitlement = useSyncExternalStore(
    membership.subscribe,
    () => membership.getSnapshot().entitlement,
    () => membership.getSnapshot().entitlement,
  )
  const status = useSyncExternalStore(
    membership.subscribe,
    () => membership.getSnapshot().status,
    () => membership.getSnapshot().status,
  )
  const failure = useSyncExternalStore(
    membership.subscribe,
    () => membership.getSnapshot().error,
    () => membership.getSnapshot().error,
  )
  return useMemo(
    () => ({
      ...entitlementView({ status, entitlement, error: failure }),
      retry: () => membership.load(),
    }),
    [entitlement, status, failure, membership],
  )
}
