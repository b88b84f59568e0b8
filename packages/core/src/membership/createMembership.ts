import { createAborter } from '../checkout/abort'
import type { Checkout, OrderRequest } from '../checkout/types'
import { isTradeKitError, TradeKitError } from '../errors/TradeKitError'
import { requireMethods } from '../internal/teamApi'
import { createStore } from '../store/createStore'
import { apiReader, type EntitlementRead, followPayments } from './membershipReads'
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
import { oneUnlockAtATime, type UnlockContext, unlockPlan } from './unlockPlan'

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

function toError(error: unknown): TradeKitError {
  if (error instanceof TradeKitError) return error
  if (isTradeKitError(error)) return new TradeKitError(error.code, error.message)
  return new TradeKitError('NETWORK', error instanceof Error ? error.message : undefined, { cause: error })
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

/**
 * The store and how it changes: `commit` a patch (a disposed membership keeps its last snapshot:
 * what was in flight when it went changes nothing), `fresh` the patch that shows an entitlement read
 * unless a read started after it is shown already (see {@link EntitlementRead}).
 */
function membershipView(disposed: () => boolean) {
  let shownSeq = 0
  const store = createStore<MembershipSnapshot>(
    Object.freeze({ status: 'idle', plans: Object.freeze([]), unlocking: null }),
  )
  const commit = (patch: Partial<MembershipSnapshot>) => {
    if (!disposed()) store.set(patched(store.getSnapshot(), patch))
  }
  const shown = () => store.getSnapshot().entitlement
  const fresh = (answer: EntitlementRead | undefined): Partial<MembershipSnapshot> => {
    if (!answer || answer.seq < shownSeq || disposed()) return {}
    shownSeq = answer.seq
    return { entitlement: sameEntitlement(shown(), answer.entitlement) }
  }
  return { store, commit, shown, fresh }
}

/**
 * Reads plans and the entitlement; each keeps its answer when the other fails (a known entitlement
 * opens a paywall even when the plans could not be read).
 */
async function loadAll(
  ctx: Pick<UnlockContext, 'read' | 'commit' | 'fresh' | 'canAutoRenew'>,
  latest: (plans: readonly Plan[] | undefined) => boolean,
): Promise<void> {
  const { read, commit, fresh, canAutoRenew } = ctx
  commit({ status: 'loading', error: undefined })
  let failure: unknown
  const settle = <T>(request: Promise<T>) =>
    request.catch((error: unknown) => {
      failure ??= error
      return undefined
    })
  const [plans, entitlement] = await Promise.all([settle(read.plans()), settle(read.entitlement())])
  if (!latest(plans)) return commit(fresh(entitlement))
  commit({
    ...(plans ? { plans: Object.freeze(plans.filter((p) => !p.autoRenew || canAutoRenew())) } : {}),
    ...fresh(entitlement),
    ...(failure === undefined ? { status: 'ready' } : { status: 'error', error: toError(failure) }),
  })
}

/**
 * The membership store: plans and the entitlement from the team's API, and `unlock(planId)` = a
 * checkout of the plan followed by re-reading the entitlement until the server says it is active.
 * Auto-renew plans are offered only when the checkout's channel can `sign`, and need explicit
 * consent (`unlock(id, { consent: true })`). It follows its checkout: whenever the checkout turns
 * `paid` outside `unlock()` (a retry from the payment status, a resumed order) or reports an
 * earlier order paid in `latePaid`, it re-reads the entitlement until it shows the payment granted.
 * The screen never goes back: an answer read before the one shown is not shown, and the latest
 * `load()` decides ready or error. `dispose()` ends it.
 *
 * @example
 * ```ts
 * const membership = createMembership({ api: membershipApi, checkout })
 * await membership.load()
 * const result = await membership.unlock('vip-month')
 * if (result.status === 'active') openContent()
 * ```
 * @throws TradeKitError `INVALID_ARGUMENT` when `api` lacks getPlans or getEntitlement
 */
export function createMembership(options: MembershipOptions): Membership {
  const { checkout } = options
  const lifetime = createAborter()
  const api = requireMethods<MembershipApi>(options.api, ['getPlans', 'getEntitlement'], 'createMembership')
  const read = apiReader(api, { ...DEFAULT_TIMING, ...options.timing }, lifetime.signal)
  let disposed = false
  let allPlans: readonly Plan[] = []
  let loads = 0
  // the plan each order an unlock made pays for, so a payment reported later is followed to its plan
  const planOfOrder = new Map<string, string>()
  const { store, commit, shown, fresh } = membershipView(() => disposed)
  const canAutoRenew = () => checkout.canSign(options.channel)
  const unlockContext: UnlockContext = {
    options,
    read,
    plans: () => allPlans,
    canAutoRenew,
    commit,
    fresh,
    shown,
    ordered: (orderId, planId) => planOfOrder.set(orderId, planId),
  }
  const follower = followPayments(checkout, read, {
    disposed: () => disposed,
    unlocking: () => store.getSnapshot().unlocking !== null,
    planOf: (orderId) => (orderId === undefined ? undefined : planOfOrder.get(orderId)),
    show: (answer) => commit(fresh(answer)),
  })

  const unlock = oneUnlockAtATime(
    (planId, consent) => unlockPlan(unlockContext, planId, consent),
    (result) => follower.afterUnlock(result.checkout?.order?.orderId, result.status === 'active'),
  )

  return {
    getSnapshot: store.getSnapshot,
    subscribe: store.subscribe,
    canAutoRenew,

    load() {
      if (disposed) return Promise.resolve(store.getSnapshot())
      const mine = ++loads
      return loadAll({ read, commit, fresh, canAutoRenew }, (plans) => {
        // the latest load decides: one that answers after a newer one started shows no status
        if (mine !== loads || disposed) return false
        allPlans = plans ?? allPlans
        return true
      }).then(() => store.getSnapshot())
    },

    async refresh() {
      if (disposed) return store.getSnapshot()
      try {
        commit({ ...fresh(await read.entitlement()), error: undefined })
      } catch (error) {
        commit({ error: toError(error) })
      }
      return store.getSnapshot()
    },

    unlock(planId: string, unlockOptions: UnlockOptions = {}): Promise<UnlockResult> {
      if (!disposed) return unlock(planId, unlockOptions.consent === true)
      const error = new TradeKitError(
        'ABORTED',
        process.env.NODE_ENV !== 'production' ? 'This membership was disposed' : undefined,
      )
      return Promise.resolve({ status: 'failed', error })
    },

    dispose() {
      if (disposed) return
      disposed = true
      follower.stop()
      lifetime.abort()
      store.clear()
    },
  }
}
