import { createAborter, sleep, withTimeout } from '../checkout/abort'
import { isMoving } from '../checkout/checkoutStatus'
import type { Checkout, CheckoutSnapshot, OrderRequest } from '../checkout/types'
import { isTradeKitError, TradeKitError } from '../errors/TradeKitError'
import { isMoney } from '../money/money'
import { createStore } from '../store/createStore'
import { periodDays } from './planPeriod'
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
function malformed(method: 'getEntitlement' | 'getPlans', what: string | undefined): TradeKitError {
  return new TradeKitError(
    'INVALID_ARGUMENT',
    process.env.NODE_ENV !== 'production' ? `${method} answered ${what}` : undefined,
  )
}

function toEntitlement(value: unknown): Entitlement {
  if (typeof value !== 'object' || value === null || typeof (value as Entitlement).active !== 'boolean') {
    throw malformed(
      'getEntitlement',
      process.env.NODE_ENV !== 'production'
        ? 'something that is not an Entitlement ({ active: boolean, … })'
        : undefined,
    )
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
  if (!Array.isArray(value))
    throw malformed(
      'getPlans',
      process.env.NODE_ENV !== 'production' ? 'something that is not a list of plans' : undefined,
    )
  const index = value.findIndex((plan) => !isPlan(plan))
  if (index >= 0)
    throw malformed(
      'getPlans',
      process.env.NODE_ENV !== 'production'
        ? `plan ${index} that is not a Plan (id, title, price, period, benefits)`
        : undefined,
    )
  return value
}

function toError(error: unknown): TradeKitError {
  if (error instanceof TradeKitError) return error
  if (isTradeKitError(error)) return new TradeKitError(error.code, error.message)
  return new TradeKitError('NETWORK', error instanceof Error ? error.message : undefined, { cause: error })
}

// The reads of the team's API under the store's lifetime, answers checked.
function apiReader(api: MembershipApi, timing: MembershipTiming, lifetime: AbortSignal) {
  const call = <T>(fn: (ctx: { signal: AbortSignal }) => Promise<T>) =>
    withTimeout((signal) => fn({ signal }), timing.requestTimeoutMs, lifetime)
  const entitlement = async () => toEntitlement(await call((ctx) => api.getEntitlement(ctx)))
  const plans = async () => toPlans(await call((ctx) => api.getPlans(ctx)))

  // Re-reads the entitlement until active or the budget is spent; rejects only when the lifetime ends.
  async function untilActive(): Promise<Entitlement | undefined> {
    let elapsed = 0
    let step = 0
    let last: Entitlement | undefined
    for (;;) {
      try {
        last = await entitlement()
        if (last.active) return last
      } catch {
        // the server is catching up or the network dropped: keep reading within the budget
      }
      if (elapsed >= timing.entitlementBudgetMs) return last
      const delay =
        timing.entitlementDelaysMs[Math.min(step++, timing.entitlementDelaysMs.length - 1)] ?? 1000
      await sleep(delay, lifetime)
      elapsed += delay
    }
  }
  return { entitlement, plans, untilActive }
}

// A payment that finishes outside unlock() (the payment status's "pay now" / "try again", an order
// resumed after a relaunch, an earlier order found paid in the background and reported in
// `latePaid`) also grants the plan: each time the checkout turns `paid` or reports a late payment
// while no unlock() runs (it reads after its own payment), re-read the entitlement until active, one
// follow at a time. Returns the unsubscribe.
function followPayments(
  checkout: Checkout,
  read: ReturnType<typeof apiReader>,
  store: { unlocking(): boolean; show(entitlement: Entitlement): void },
): () => void {
  let { status, latePaid } = checkout.getSnapshot()
  let following = false
  return checkout.subscribe(() => {
    const next = checkout.getSnapshot()
    // turned paid, or an earlier order reported paid after the user moved on
    const paid =
      (next.status === 'paid' && status !== 'paid') || next.latePaid.some((late) => !latePaid.includes(late))
    status = next.status
    latePaid = next.latePaid
    if (!paid || following || store.unlocking()) return
    following = true
    void read
      .untilActive()
      .then((entitlement) => entitlement && store.show(entitlement))
      .catch(() => {}) // the lifetime ended: nothing to show
      .finally(() => {
        following = false
      })
  })
}

// The snapshot with `patch` applied (fields set to undefined removed), or the same object when the
// patch changes nothing.
function patched(snapshot: MembershipSnapshot, patch: Partial<MembershipSnapshot>): MembershipSnapshot {
  const keys = Object.keys(patch) as (keyof MembershipSnapshot)[]
  if (keys.every((k) => Object.is(snapshot[k], patch[k]))) return snapshot
  const next: Record<string, unknown> = { ...snapshot, ...patch }
  for (const k of Object.keys(next)) if (next[k] === undefined) delete next[k]
  return Object.freeze(next) as unknown as MembershipSnapshot
}

// An unchanged entitlement keeps its identity (cheap re-renders).
function sameEntitlement(current: Entitlement | undefined, next: Entitlement): Entitlement {
  return current && JSON.stringify(current) === JSON.stringify(next) ? current : next
}

// What unlock() needs of its store.
interface UnlockContext {
  readonly options: MembershipOptions
  readonly read: ReturnType<typeof apiReader>
  readonly plans: () => readonly Plan[]
  readonly canAutoRenew: () => boolean
  readonly commit: (patch: Partial<MembershipSnapshot>) => void
  readonly same: (entitlement: Entitlement) => Entitlement
}

const defaultRequest = (plan: Plan, channel: string | undefined): OrderRequest => ({
  lines: [{ skuId: plan.skuId ?? plan.id, quantity: 1 }],
  expectedPayable: plan.price,
  ...(channel !== undefined ? { channel } : {}),
  meta: { planId: plan.id, autoRenew: plan.autoRenew === true },
})

async function unlockPlan(ctx: UnlockContext, planId: string, consent: boolean): Promise<UnlockResult> {
  const { options, commit } = ctx
  const { checkout } = options
  const fail = (error: TradeKitError, checkoutSnapshot?: CheckoutSnapshot): UnlockResult => {
    commit({ unlocking: null, error })
    return { status: 'failed', error, ...(checkoutSnapshot ? { checkout: checkoutSnapshot } : {}) }
  }
  const plan = ctx.plans().find((p) => p.id === planId)
  if (!plan)
    return fail(
      new TradeKitError(
        'INVALID_ARGUMENT',
        process.env.NODE_ENV !== 'production' ? `No plan ${planId}; call load() first` : undefined,
      ),
    )
  if (plan.autoRenew && !ctx.canAutoRenew()) {
    return fail(
      new TradeKitError(
        'PAYMENT_UNAVAILABLE',
        process.env.NODE_ENV !== 'production' ? 'Auto-renew needs a channel that can sign' : undefined,
      ),
    )
  }
  if (plan.autoRenew && !consent) return fail(new TradeKitError('CONSENT_REQUIRED'))
  if (isMoving(checkout.getSnapshot().status)) {
    return fail(
      new TradeKitError(
        'INVALID_ARGUMENT',
        process.env.NODE_ENV !== 'production' ? 'Another payment is in progress' : undefined,
      ),
    )
  }
  let request: OrderRequest
  try {
    request = options.request ? options.request(plan) : defaultRequest(plan, options.channel)
  } catch (cause) {
    return fail(
      new TradeKitError(
        'INVALID_ARGUMENT',
        process.env.NODE_ENV !== 'production' ? `request(plan ${plan.id}) threw` : undefined,
        { cause },
      ),
    )
  }
  commit({ unlocking: plan.id, error: undefined })
  // a paid checkout only leaves paid through reset(): start this purchase from idle
  if (checkout.getSnapshot().status === 'paid') checkout.reset()
  const paid = await checkout.submit(request, { method: plan.autoRenew ? 'sign' : 'pay' })
  if (paid.status !== 'paid') {
    if (paid.status === 'unknown') {
      commit({ unlocking: null })
      return { status: 'pending', checkout: paid }
    }
    return fail(
      paid.error ??
        new TradeKitError(
          'PAYMENT_FAILED',
          process.env.NODE_ENV !== 'production' ? `Checkout ended ${paid.status}` : undefined,
        ),
      paid,
    )
  }
  const entitlement = await ctx.read.untilActive().catch(() => undefined)
  commit({ unlocking: null, ...(entitlement ? { entitlement: ctx.same(entitlement) } : {}) })
  return entitlement?.active
    ? { status: 'active', entitlement, checkout: paid }
    : { status: 'pending', checkout: paid, ...(entitlement ? { entitlement } : {}) }
}

/**
 * The membership store: plans and the entitlement from the team's API, and `unlock(planId)` = a
 * checkout of the plan followed by re-reading the entitlement until the server says it is active.
 * Auto-renew plans are offered only when the checkout's channel can `sign`, and need explicit
 * consent (`unlock(id, { consent: true })`). It follows its checkout: whenever the checkout turns
 * `paid` outside `unlock()` (a retry from the payment status, a resumed order) or reports an
 * earlier order paid in `latePaid`, it re-reads the entitlement until active the same way.
 * `dispose()` ends it.
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
  const { checkout } = options
  const lifetime = createAborter()
  const read = apiReader(options.api, { ...DEFAULT_TIMING, ...options.timing }, lifetime.signal)
  let disposed = false
  let allPlans: readonly Plan[] = []
  // the unlock on its way: a double tap on the same plan answers it, another plan is refused
  let running: { planId: string; result: Promise<UnlockResult> } | undefined
  const store = createStore<MembershipSnapshot>(
    Object.freeze({ status: 'idle', plans: Object.freeze([]), unlocking: null }),
  )

  // a disposed membership keeps its last snapshot: what was in flight when it went changes nothing
  const commit = (patch: Partial<MembershipSnapshot>) => {
    if (!disposed) store.set(patched(store.getSnapshot(), patch))
  }
  const same = (e: Entitlement) => sameEntitlement(store.getSnapshot().entitlement, e)
  const canAutoRenew = () => checkout.canSign(options.channel)
  const unlockContext: UnlockContext = { options, read, plans: () => allPlans, canAutoRenew, commit, same }
  const stopFollowing = followPayments(checkout, read, {
    unlocking: () => store.getSnapshot().unlocking !== null,
    show: (entitlement) => commit({ entitlement: same(entitlement) }),
  })

  return {
    getSnapshot: store.getSnapshot,
    subscribe: store.subscribe,
    canAutoRenew,

    async load() {
      if (disposed) return store.getSnapshot()
      commit({ status: 'loading', error: undefined })
      // each read keeps its answer when the other fails: a known entitlement opens a paywall even
      // when the plans could not be read
      let failure: unknown
      const settle = <T>(read: Promise<T>) =>
        read.catch((error: unknown) => {
          failure ??= error
          return undefined
        })
      const [plans, entitlement] = await Promise.all([settle(read.plans()), settle(read.entitlement())])
      if (plans) allPlans = plans
      commit({
        ...(plans ? { plans: Object.freeze(plans.filter((p) => !p.autoRenew || canAutoRenew())) } : {}),
        ...(entitlement ? { entitlement: same(entitlement) } : {}),
        ...(failure === undefined ? { status: 'ready' } : { status: 'error', error: toError(failure) }),
      })
      return store.getSnapshot()
    },

    async refresh() {
      if (disposed) return store.getSnapshot()
      try {
        commit({ entitlement: same(await read.entitlement()), error: undefined })
      } catch (error) {
        commit({ error: toError(error) })
      }
      return store.getSnapshot()
    },

    unlock(planId: string, unlockOptions: UnlockOptions = {}): Promise<UnlockResult> {
      if (disposed) {
        const error = new TradeKitError(
          'ABORTED',
          process.env.NODE_ENV !== 'production' ? 'This membership was disposed' : undefined,
        )
        return Promise.resolve({ status: 'failed', error })
      }
      if (running) {
        if (running.planId === planId) return running.result
        const error = new TradeKitError(
          'INVALID_ARGUMENT',
          process.env.NODE_ENV !== 'production' ? `Plan ${running.planId} is being unlocked` : undefined,
        )
        return Promise.resolve({ status: 'failed', error })
      }
      const result = unlockPlan(unlockContext, planId, unlockOptions.consent === true)
      const mine = { planId, result }
      running = mine
      const done = () => {
        if (running === mine) running = undefined
      }
      void result.then(done, done)
      return result
    },

    dispose() {
      if (disposed) return
      disposed = true
      stopFollowing()
      lifetime.abort()
      store.clear()
    },
  }
}
