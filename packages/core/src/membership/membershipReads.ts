import { sleep, withTimeout } from '../checkout/abort'
import type { Checkout } from '../checkout/types'
import { malformedAnswer } from '../internal/teamApi'
import { isMoney } from '../money/money'
import { periodDays } from './planPeriod'
import type { Entitlement, MembershipApi, MembershipTiming, Plan } from './types'

// The membership's reads of the team's API: answers checked, numbered, re-read until a payment
// shows, and the payments its checkout reports followed.

function toEntitlement(value: unknown): Entitlement {
  if (typeof value !== 'object' || value === null || typeof (value as Entitlement).active !== 'boolean') {
    throw malformedAnswer(
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
    throw malformedAnswer(
      'getPlans',
      process.env.NODE_ENV !== 'production' ? 'something that is not a list of plans' : undefined,
    )
  const index = value.findIndex((plan) => !isPlan(plan))
  if (index >= 0)
    throw malformedAnswer(
      'getPlans',
      process.env.NODE_ENV !== 'production'
        ? `plan ${index} that is not a Plan (id, title, price, period, benefits)`
        : undefined,
    )
  return value
}

/**
 * An answer of `getEntitlement`, numbered in the order the reads started: the screen shows an answer
 * only when no read that started after it has been shown, so a slow old answer never replaces a
 * newer one.
 */
export interface EntitlementRead {
  readonly entitlement: Entitlement
  readonly seq: number
}

/**
 * Whether an entitlement shows a payment granted, against the one shown before the payment: the
 * plan bought, where both it and the server name a plan; otherwise an entitlement newly active, of
 * another plan, or running longer.
 */
export function grantedSince(before: Entitlement | undefined, planId?: string) {
  return (now: Entitlement): boolean =>
    now.active &&
    (planId !== undefined && now.planId !== undefined
      ? now.planId === planId
      : !before?.active || now.planId !== before.planId || (now.expiresAt ?? 0) > (before.expiresAt ?? 0))
}

// The reads of the team's API under the store's lifetime, answers checked.
export function apiReader(api: MembershipApi, timing: MembershipTiming, lifetime: AbortSignal) {
  let started = 0
  const call = <T>(fn: (ctx: { signal: AbortSignal }) => Promise<T>) =>
    withTimeout((signal) => fn({ signal }), timing.requestTimeoutMs, lifetime)
  const entitlement = async (): Promise<EntitlementRead> => {
    const seq = ++started
    return { entitlement: toEntitlement(await call((ctx) => api.getEntitlement(ctx))), seq }
  }
  const plans = async () => toPlans(await call((ctx) => api.getPlans(ctx)))

  // Re-reads the entitlement until `granted` holds or the budget is spent, handing each answer to
  // `onRead`; answers the last read (if any answered). Rejects only when the lifetime ends.
  async function until(
    granted: (entitlement: Entitlement) => boolean,
    onRead: (read: EntitlementRead) => void = () => {},
  ): Promise<EntitlementRead | undefined> {
    let elapsed = 0
    let step = 0
    let last: EntitlementRead | undefined
    for (;;) {
      try {
        last = await entitlement()
        onRead(last)
        if (granted(last.entitlement)) return last
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
  return { entitlement, plans, until }
}

/**
 * A payment that finishes outside unlock() (the payment status's "pay now" / "try again", an order
 * resumed after a relaunch, an earlier order found paid in the background and reported in
 * `latePaid`) also grants the plan: each time the checkout turns `paid` or reports a late payment,
 * the entitlement is re-read, each answer shown, until every plan paid for (`planOf` the order,
 * for orders an unlock made) has shown active — for a payment whose plan is not known (a retry
 * from the payment status, an order of an earlier launch), for the whole budget. One follow at a
 * time: payments seen while one runs are followed afterwards with a budget of their own. The
 * checkout turning paid while an unlock runs is the unlock's own payment, which it reads for:
 * followed only if the unlock did not read its plan active (`afterUnlock(order, active)`).
 */
export function followPayments(
  checkout: Checkout,
  read: MembershipReader,
  store: {
    disposed(): boolean
    unlocking(): boolean
    show(read: EntitlementRead): void
    planOf(orderId: string | undefined): string | undefined
  },
) {
  let { status, latePaid } = checkout.getSnapshot()
  let following = false
  // the orders paid and not followed yet (undefined: a payment whose order is not known), and those
  // the checkout paid while an unlock ran: its own, which it reads for
  const queued: (string | undefined)[] = []
  let held: (string | undefined)[] = []
  const follow = () => {
    if (following || store.disposed() || queued.length === 0) return
    following = true
    const plans = queued.splice(0).map(store.planOf)
    const known = plans.filter((planId): planId is string => planId !== undefined)
    const unknown = known.length < plans.length
    const seen = new Set<string>()
    void read
      .until((entitlement) => {
        if (entitlement.active && entitlement.planId !== undefined) seen.add(entitlement.planId)
        return !unknown && known.every((planId) => seen.has(planId))
      }, store.show)
      .catch(() => {}) // the lifetime ended: nothing to show
      .finally(() => {
        following = false
        follow()
      })
  }
  const stop = checkout.subscribe(() => {
    const next = checkout.getSnapshot()
    // turned paid, or earlier orders reported paid after the user moved on
    if (next.status === 'paid' && status !== 'paid')
      (store.unlocking() ? held : queued).push(next.order?.orderId)
    for (const late of next.latePaid) if (!latePaid.includes(late)) queued.push(late.orderId)
    status = next.status
    latePaid = next.latePaid
    follow()
  })
  return {
    stop,
    afterUnlock(orderId: string | undefined, active: boolean) {
      // an unlock that read its plan active followed its own payment
      queued.push(...held.filter((id) => !active || id !== orderId))
      held = []
      follow()
    },
  }
}

/** The reads of one membership store. */
export type MembershipReader = ReturnType<typeof apiReader>
