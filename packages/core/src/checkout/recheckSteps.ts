import { TradeKitError } from '../errors/TradeKitError'
import type { CheckoutEffect, CheckoutState, EventOf, MachineContext, Step } from './machineTypes'
import { mergeOrders, toCreatedOrder, withoutOrder } from './pendingOrders'
import {
  busyOrderId,
  confirming,
  isPaid,
  kept,
  restoredOrder,
  retryMode,
  shownOrder,
  takeOver,
} from './steps'

// The re-checking rows of the checkout's table (machine.ts), rule 3 "nothing paid is lost": what
// was shown is asked about again on launch and on show, every other pending order in the
// background, and an older order found paid is reported as latePaid.

/**
 * Every pending order but the one the user is watching is asked about in the background, those past
 * their time too: an order leaves the list only on the server's final answer (or pushed out by
 * newer ones, see `withOrder`), never by the phone's clock alone — the app may be back hours after a
 * kill with the payment long through, or the clock may run hours ahead of the server's.
 */
function reconcileOthers(s: CheckoutState, watched?: string): CheckoutEffect[] {
  const busy = busyOrderId(s)
  const shown = s.snapshot.status === 'idle' ? undefined : s.snapshot.order?.orderId
  return s.orders
    .filter((o) => o.orderId !== watched && o.orderId !== busy && o.orderId !== shown)
    .map((order) => ({ type: 'reconcile', order }))
}

/** Re-checks the shown order in a flow of its own, keeping its status meanwhile; reconciles the rest. */
export function recheck(s: CheckoutState, c: MachineContext, visible = s.visible): Step {
  const order = shownOrder(s, kept(s, c))!
  const flow = takeOver(s, { orderId: order.orderId, payStarted: order.payStarted })
  const confirm: CheckoutEffect = {
    type: 'confirm',
    flow: flow.id,
    orderId: order.orderId,
    until: 'final',
    waitFirst: false,
    reply: 'RECHECKED',
  }
  return {
    flow,
    visible,
    patch: { rechecking: true, confirm: confirming(c, visible) },
    effects: [confirm, ...reconcileOthers(s, order.orderId)],
  }
}

/** On launch: the restored order (see `restoredOrder`) is shown as it was last shown, and re-checked. */
export function restore(s: CheckoutState, c: MachineContext, error?: TradeKitError): Step {
  const newest = restoredOrder(s, c)!
  const order = toCreatedOrder(newest)
  const step = recheck({ ...s, snapshot: { ...s.snapshot, order } }, c)
  return { ...step, patch: { ...step.patch, order, error, retry: retryMode(newest, c) } }
}

/** The app is shown (or resumed) with nothing to re-check on screen: reconcile the others. */
export function backInView(s: CheckoutState, visible: boolean): Step {
  const confirm = s.snapshot.confirm
  return {
    visible,
    patch: confirm ? { confirm: { ...confirm, paused: !visible } } : {},
    effects: reconcileOthers(s),
  }
}

/** The app is hidden: confirmation waits are paused (rule 4). */
export function hide(s: CheckoutState): Step {
  const confirm = s.snapshot.confirm
  return { visible: false, patch: confirm ? { confirm: { ...confirm, paused: true } } : {} }
}

/** A background answer about the order a flow has since taken up: the flow settles it. */
export const leftToFlow = (): Step => ({})

/** A background answer about an older order: paid is reported (`latePaid`), final is forgotten. */
export function reconciled(s: CheckoutState, e: EventOf<'RECONCILED'>): Step {
  const orders = withoutOrder(s.orders, e.order.orderId)
  if (!isPaid(e.status)) return { orders }
  const late = { orderId: e.order.orderId, amount: e.order.amount }
  return { orders, patch: { latePaid: [...s.snapshot.latePaid, late] } }
}

/**
 * What storage held, behind what this session already has. Orders a late read found were not there
 * when the launch's re-check ran: each is asked about now (one found paid is reported as latePaid).
 */
export function hydrated(s: CheckoutState, e: EventOf<'HYDRATED'>, c: MachineContext): Step {
  const fresh = e.unanswered && e.unanswered.at + c.timing.forgetWithoutExpiryMs > c.now
  const orders = mergeOrders(s.orders, e.orders)
  const known = new Set(s.orders.map((o) => o.orderId))
  const effects: CheckoutEffect[] = e.late
    ? orders.filter((o) => !known.has(o.orderId)).map((order) => ({ type: 'reconcile', order }))
    : []
  return {
    orders,
    effects,
    ...(!s.unanswered && fresh ? { unanswered: e.unanswered } : {}),
  }
}

/** On launch, a shown cancel or unknown is restored and re-checked. */
export const restoreShown = (s: CheckoutState, _e: unknown, c: MachineContext): Step => restore(s, c)
/** On launch, a shown failure is restored (with its retryability) and re-checked. */
export const restoreFailure = (s: CheckoutState, _e: unknown, c: MachineContext): Step =>
  restore(s, c, new TradeKitError('PAYMENT_FAILED', undefined, { retryable: restoredOrder(s, c)!.retryable }))
/** `resume()` in a settled status: the shown order is re-checked. */
export const recheckShown = (s: CheckoutState, _e: unknown, c: MachineContext): Step => recheck(s, c)
/** The app is shown again in a settled status: the shown order is re-checked. */
export const recheckOnShow = (s: CheckoutState, _e: unknown, c: MachineContext): Step => recheck(s, c, true)
/** `resume()` with nothing to re-check on screen: the other orders are reconciled. */
export const reconcileAll = (s: CheckoutState): Step => backInView(s, s.visible)
/** The app is shown: the clock runs again and the other orders are reconciled. */
export const show = (s: CheckoutState): Step => backInView(s, true)
