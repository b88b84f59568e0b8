import { createAborter, sleep, withTimeout } from '../checkout/abort'
import type { Checkout, CheckoutSnapshot, OrderRequest } from '../checkout/types'
import { isTradeKitError, TradeKitError } from '../errors/TradeKitError'
import { isMoney } from '../money/money'
import { createStore } from '../store/createStore'
import { periodDays } from './perPeriodPrice'
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

// The team's API handed TradeKit a value of the wrong shape: the integrator's bug, named after the
// method, never a rejected order.
function malformed(method: 'getEntitlement' | 'getPlans', what: string): TradeKitError {
  return new TradeKitError('INVALID_ARGUMENT', `${method} answered ${what}`)
}

function toEntitlement(value: unknown): Entitlement {
  if (typeof value !== 'object' || value === null || typeof (value as Entitlement).active !== 'boolean') {
    throw malformed('getEntitlement', 'something that is not an Entitlement ({ active: boolean, … })')
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

const optional = (value: unknown, check: (value: unknown) => boolean) => value === undefined || check(value)
const isText = (value: unknown) => typeof value === 'string' && value !== ''
const isPeriod = (value: unknown) => {
  try {
    return value === null || periodDays(value as Plan['period'] & object) > 0
  } catch {
    return false
  }
}

function isPlan(value: unknown): value is Plan {
  if (typeof value !== 'object' || value === null) return false
  const p = value as Record<keyof Plan, unknown>
  return (
    isText(p.id) &&
    typeof p.title === 'string' &&
    isMoney(p.price) &&
    optional(p.originalPrice, isMoney) &&
    isPeriod(p.period) &&
    optional(p.autoRenew, (v) => typeof v === 'boolean') &&
    optional(p.trialDays, (v) => Number.isSafeInteger(v) && (v as number) >= 0) &&
    Array.isArray(p.benefits) &&
    p.benefits.every((benefit) => typeof benefit === 'string') &&
    optional(p.skuId, isText)
  )
}

function toPlans(value: unknown): readonly Plan[] {
  if (!Array.isArray(value)) throw malformed('getPlans', 'something that is not a list of plans')
  const index = value.findIndex((plan) => !isPlan(plan))
  if (index >= 0)
    throw malformed('getPlans', `plan ${index} that is not a Plan (id, title, price, period, benefits)`)
  return value
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
 * consent (`unlock(id, { consent: true })`). It follows its checkout: whenever the checkout turns
 * `paid` outside `unlock()` (a retry from the payment status, a resumed order), it re-reads the
 * entitlement until active the same way. `dispose()` ends it.
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
  let disposed = false
  let allPlans: readonly Plan[] = []
  const store = createStore<MembershipSnapshot>(
    Object.freeze({ status: 'idle', plans: Object.freeze([]), unlocking: null }),
  )

  function commit(patch: Partial<MembershipSnapshot>): void {
    // a disposed membership keeps its last snapshot: what was in flight when it went changes nothing
    if (disposed) return
    const snapshot = store.getSnapshot()
    const keys = Object.keys(patch) as (keyof MembershipSnapshot)[]
    if (keys.every((k) => Object.is(snapshot[k], patch[k]))) return
    const next: Record<string, unknown> = { ...snapshot, ...patch }
    for (const k of Object.keys(next)) if (next[k] === undefined) delete next[k]
    store.set(Object.freeze(next) as unknown as MembershipSnapshot)
  }

  // an unchanged entitlement keeps its identity (cheap re-renders)
  const same = (e: Entitlement): Entitlement => {
    const current = store.getSnapshot().entitlement
    return current && JSON.stringify(current) === JSON.stringify(e) ? current : e
  }

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

  // A payment that finishes outside unlock() (the payment status's "pay now" / "try again", an order
  // resumed after a relaunch) also grants the plan: read the entitlement again until the server
  // says it is active, as unlock() does after its own payment.
  let following = false
  async function followPaid(): Promise<void> {
    following = true
    try {
      const entitlement = await waitForActive()
      if (entitlement) commit({ entitlement: same(entitlement) })
    } catch {
      // disposed while waiting
    } finally {
      following = false
    }
  }
  let checkoutStatus = checkout.getSnapshot().status
  const stopFollowing = checkout.subscribe(() => {
    const status = checkout.getSnapshot().status
    const turnedPaid = status === 'paid' && checkoutStatus !== 'paid'
    checkoutStatus = status
    // unlock() reads the entitlement after the payment it started
    if (turnedPaid && store.getSnapshot().unlocking === null && !following) void followPaid()
  })

  const membership: Membership = {
    getSnapshot: store.getSnapshot,
    subscribe: store.subscribe,
    canAutoRenew,

    async load() {
      if (disposed) return store.getSnapshot()
      commit({ status: 'loading', error: undefined })
      try {
        const [plans, entitlement] = await Promise.all([
          withTimeout((signal) => api.getPlans({ signal }), timing.requestTimeoutMs, lifetime.signal),
          readEntitlement(),
        ])
        allPlans = toPlans(plans)
        commit({ status: 'ready', plans: offered(allPlans), entitlement: same(entitlement) })
      } catch (error) {
        commit({ status: 'error', error: toError(error) })
      }
      return store.getSnapshot()
    },

    async refresh() {
      if (disposed) return store.getSnapshot()
      try {
        commit({ entitlement: same(await readEntitlement()), error: undefined })
      } catch (error) {
        commit({ error: toError(error) })
      }
      return store.getSnapshot()
    },

    dispose() {
      if (disposed) return
      disposed = true
      stopFollowing()
      lifetime.abort()
      store.clear()
    },

    async unlock(planId: string, unlockOptions: UnlockOptions = {}): Promise<UnlockResult> {
      if (disposed)
        return { status: 'failed', error: new TradeKitError('ABORTED', 'This membership was disposed') }
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
