import { isMoving } from '../checkout/checkoutStatus'
import type { CheckoutSnapshot, OrderRequest } from '../checkout/types'
import { TradeKitError } from '../errors/TradeKitError'
import type { MembershipOptions } from './createMembership'
import { type EntitlementRead, grantedSince, type MembershipReader } from './membershipReads'
import type { Entitlement, MembershipSnapshot, Plan, UnlockResult } from './types'

// What unlock() needs of its store.
export interface UnlockContext {
  readonly options: MembershipOptions
  readonly read: MembershipReader
  readonly plans: () => readonly Plan[]
  readonly canAutoRenew: () => boolean
  readonly commit: (patch: Partial<MembershipSnapshot>) => void
  /** The patch that shows `read`, or none when a newer read is shown already. */
  readonly fresh: (read: EntitlementRead | undefined) => Partial<MembershipSnapshot>
  readonly shown: () => Entitlement | undefined
  /** Remembers the plan an order pays for. */
  readonly ordered: (orderId: string, planId: string) => void
}

const defaultRequest = (plan: Plan, channel: string | undefined): OrderRequest => ({
  lines: [{ skuId: plan.skuId ?? plan.id, quantity: 1 }],
  expectedPayable: plan.price,
  ...(channel !== undefined ? { channel } : {}),
  meta: { planId: plan.id, autoRenew: plan.autoRenew === true },
})

export async function unlockPlan(
  ctx: UnlockContext,
  planId: string,
  consent: boolean,
): Promise<UnlockResult> {
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
  const before = ctx.shown()
  // a paid checkout only leaves paid through reset(): start this purchase from idle
  if (checkout.getSnapshot().status === 'paid') checkout.reset()
  const paid = await checkout.submit(request, { method: plan.autoRenew ? 'sign' : 'pay' })
  if (paid.order) ctx.ordered(paid.order.orderId, plan.id)
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
  // read until the server shows this plan granted: another plan held before is not this unlock
  const granted = grantedSince(before, plan.id)
  const read = await ctx.read.until(granted, (answer) => ctx.commit(ctx.fresh(answer))).catch(() => undefined)
  commit({ unlocking: null, ...ctx.fresh(read) })
  const entitlement = read?.entitlement
  return entitlement && granted(entitlement)
    ? { status: 'active', entitlement, checkout: paid }
    : { status: 'pending', checkout: paid, ...(entitlement ? { entitlement } : {}) }
}

/**
 * One unlock at a time: the same plan asked again while its unlock runs (a double tap) answers the
 * running unlock; another plan answers `failed` (`INVALID_ARGUMENT`) without touching it. `ended`
 * hears how each unlock ended.
 */
export function oneUnlockAtATime(
  run: (planId: string, consent: boolean) => Promise<UnlockResult>,
  ended: (result: UnlockResult) => void,
): (planId: string, consent: boolean) => Promise<UnlockResult> {
  let running: { planId: string; result: Promise<UnlockResult> } | undefined
  return (planId, consent) => {
    if (running) {
      if (running.planId === planId) return running.result
      const error = new TradeKitError(
        'INVALID_ARGUMENT',
        process.env.NODE_ENV !== 'production' ? `Plan ${running.planId} is being unlocked` : undefined,
      )
      return Promise.resolve({ status: 'failed', error })
    }
    const result = run(planId, consent)
    const mine = { planId, result }
    running = mine
    void result.then((answer) => {
      if (running === mine) running = undefined
      ended(answer)
    })
    return result
  }
}
