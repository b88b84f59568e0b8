import { createAborter, sleep, withTimeout } from '../checkout/abort'
import type { Checkout, CheckoutSnapshot, OrderRequest } from '../checkout/types'
import { isTradeKitError, TradeKitError } from '../errors/TradeKitError'
import { isMoney } from '../money/money'
import type {
  Entitlement,
  Membership,
  MembershipApi,
  MembershipSnapshot,
  MembershipTiming,
  Plan,
  UnlockOptions,
  UnlockResult,
} from './types'

/** Options of {@link createMembership}. */
export interface MembershipOptions {
  /** The team's membership API. */
  api: MembershipApi
  /** The checkout that takes the payment (the same one the app uses). */
  checkout: Checkout
  /** The channel id used to pay (when the checkout has several). */
  channel?: string
  /** Overrides of the timeouts and schedule. */
  timing?: Partial<MembershipTiming>
  /** Builds the order for a plan. @default one line of `plan.skuId ?? plan.id`, `expectedPayable: plan.price` */
  request?: (plan: Plan) => OrderRequest
}

const DEFAULT_TIMING: MembershipTiming = {
  requestTimeoutMs: 10_000,
  entitlementDelaysMs: [1000, 2000, 3000, 5000],
  entitlementBudgetMs: 30_000,
}

function toEntitlement(value: unknown): Entitlement {
  if (typeof value !== 'object' || value === null || typeof (value as Entitlement).active !== 'boolean') {
    throw new TradeKitError('ORDER_REJECTED', 'getEntitlement answered something that is not an entitlement')
  }
  const e = value as Entitlement
  const renewal = e.renewal
  const renewalOk =
    renewal !== undefined &&
    typeof renewal === 'object' &&
    renewal !== null &&
    typeof renewal.nextChargeAt === 'number' &&
    isMoney(renewal.amount) &&
    typeof renewal.manageRoute === 'string'
  return {
    active: e.active,
    ...(typeof e.planId === 'string' ? { planId: e.planId } : {}),
    ...(typeof e.expiresAt === 'number' ? { expiresAt: e.expiresAt } : {}),
    ...(renewalOk ? { renewal } : {}),
  }
}

function toError(error: unknown): TradeKitError {
  if (error instanceof TradeKitError) return error
  if (isTradeKitError(error)) return new TradeKitError(error.code, error.message)
  return new TradeKitError('NETWORK', error instanceof Error ? error.message : undefined, { cause: error })
}

/**
 * The membership store: plans and the entitlement from the team's API, and `unlock(planId)` = a
 * checkout of the plan followed by re-reading the entitlement until the server says it is active.
 * Auto-renew plans are offered only when the checkout's channel can `sign`, and need explicit
 * consent (`unlock(id, { consent: true })`).
 *
 * @example
 * ```ts
 * const membership = createMembership({ api: membershipApi, checkout })
 * await membership.load()
 * const result = await membership.unlock('vip-month')
 * if (result.status === 'active') openContent()
 * ```
 */
export function createMembership(options: MembershipOptions): Membership {
  const { api, checkout } = options
  const timing: MembershipTiming = { ...DEFAULT_TIMING, ...options.timing }
  const lifetime = createAborter()
  let allPlans: readonly Plan[] = []
  let snapshot: MembershipSnapshot = Object.freeze({
    status: 'idle',
    plans: Object.freeze([]),
    unlocking: null,
  })
  const listeners = new Set<() => void>()

  function commit(patch: Partial<MembershipSnapshot>): void {
    const keys = Object.keys(patch) as (keyof MembershipSnapshot)[]
    if (keys.every((k) => Object.is(snapshot[k], patch[k]))) return
    const next: Record<string, unknown> = { ...snapshot, ...patch }
    for (const k of Object.keys(next)) if (next[k] === undefined) delete next[k]
    snapshot = Object.freeze(next) as unknown as MembershipSnapshot
    for (const listener of [...listeners]) listener()
  }

  // an unchanged entitlement keeps its identity (cheap re-renders)
  const same = (e: Entitlement): Entitlement =>
    snapshot.entitlement && JSON.stringify(snapshot.entitlement) === JSON.stringify(e)
      ? snapshot.entitlement
      : e

  const canAutoRenew = () => checkout.canSign(options.channel)
  const offered = (plans: readonly Plan[]) =>
    Object.freeze(plans.filter((p) => !p.autoRenew || canAutoRenew()))

  const readEntitlement = async () =>
    toEntitlement(
      await withTimeout((signal) => api.getEntitlement({ signal }), timing.requestTimeoutMs, lifetime.signal),
    )

  async function waitForActive(): Promise<Entitlement | undefined> {
    let elapsed = 0
    let step = 0
    let last: Entitlement | undefined
    for (;;) {
      try {
        last = await readEntitlement()
        if (last.active) return last
      } catch {
        // the server is catching up or the network dropped: keep reading within the budget
      }
      if (elapsed >= timing.entitlementBudgetMs) return last
      const delay =
        timing.entitlementDelaysMs[Math.min(step++, timing.entitlementDelaysMs.length - 1)] ?? 1000
      await sleep(delay, lifetime.signal)
      elapsed += delay
    }
  }

  const membership: Membership = {
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
    canAutoRenew,

    async load() {
      commit({ status: 'loading', error: undefined })
      try {
        const [plans, entitlement] = await Promise.all([
          withTimeout((signal) => api.getPlans({ signal }), timing.requestTimeoutMs, lifetime.signal),
          readEntitlement(),
        ])
        allPlans = Array.isArray(plans) ? plans : []
        commit({ status: 'ready', plans: offered(allPlans), entitlement: same(entitlement) })
      } catch (error) {
        commit({ status: 'error', error: toError(error) })
      }
      return snapshot
    },

    async refresh() {
      try {
        commit({ entitlement: same(await readEntitlement()), error: undefined })
      } catch (error) {
        commit({ error: toError(error) })
      }
      return snapshot
    },

    async unlock(planId: string, unlockOptions: UnlockOptions = {}): Promise<UnlockResult> {
      const fail = (error: TradeKitError, checkoutSnapshot?: CheckoutSnapshot): UnlockResult => {
        commit({ unlocking: null, error })
        return { status: 'failed', error, ...(checkoutSnapshot ? { checkout: checkoutSnapshot } : {}) }
      }
      const plan = allPlans.find((p) => p.id === planId)
      if (!plan) return fail(new TradeKitError('INVALID_ARGUMENT', `No plan ${planId}; call load() first`))
      if (plan.autoRenew && !canAutoRenew()) {
        return fail(new TradeKitError('PAYMENT_UNAVAILABLE', 'Auto-renew needs a channel that can sign'))
      }
      if (plan.autoRenew && unlockOptions.consent !== true) {
        return fail(new TradeKitError('CONSENT_REQUIRED'))
      }
      const current = checkout.getSnapshot().status
      if (current === 'creating' || current === 'paying' || current === 'confirming') {
        return fail(new TradeKitError('INVALID_ARGUMENT', 'Another payment is in progress'))
      }
      commit({ unlocking: plan.id, error: undefined })
      const request: OrderRequest = options.request
        ? options.request(plan)
        : {
            lines: [{ skuId: plan.skuId ?? plan.id, quantity: 1 }],
            expectedPayable: plan.price,
            ...(options.channel !== undefined ? { channel: options.channel } : {}),
            meta: { planId: plan.id, autoRenew: plan.autoRenew === true },
          }
      // a paid checkout only leaves paid through reset(): start this purchase from idle
      if (checkout.getSnapshot().status === 'paid') checkout.reset()
      const paid = await checkout.submit(request, { method: plan.autoRenew ? 'sign' : 'pay' })
      if (paid.status !== 'paid') {
        if (paid.status === 'unknown') {
          commit({ unlocking: null })
          return { status: 'pending', checkout: paid }
        }
        return fail(paid.error ?? new TradeKitError('PAYMENT_FAILED', `Checkout ended ${paid.status}`), paid)
      }
      let entitlement: Entitlement | undefined
      try {
        entitlement = await waitForActive()
      } catch {
        entitlement = undefined
      }
      commit({ unlocking: null, ...(entitlement ? { entitlement: same(entitlement) } : {}) })
      return entitlement?.active
        ? { status: 'active', entitlement, checkout: paid }
        : { status: 'pending', checkout: paid, ...(entitlement ? { entitlement } : {}) }
    },
  }
  return membership
}
