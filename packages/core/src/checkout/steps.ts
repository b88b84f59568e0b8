import { TradeKitError } from '../errors/TradeKitError'
import type { PayOutcome } from '../payment/paymentChannel'
import type { Attempt } from './attempt'
import { isMoving } from './checkoutStatus'
import type {
  CheckoutEffect,
  CheckoutState,
  EventOf,
  Flow,
  MachineContext,
  Patch,
  Step,
} from './machineTypes'
import {
  expiryOnPhone,
  type PendingList,
  type PendingOrder,
  toCreatedOrder,
  updateOrder,
  withinTime,
  withOrder,
  withoutOrder,
} from './pendingOrders'
import type { ConfirmProgress, OrderStatus } from './types'

// What each row of the checkout's table does (machine.ts): small pure functions from the state
// and the event to a Step. None of them sets the status: the row's `to` does.

// ---- reading the state ----

/** The order of the flow the user is watching. */
export function flowOrder(s: CheckoutState): PendingOrder | undefined {
  const id = s.flow.orderId
  return id === undefined ? undefined : s.orders.find((o) => o.orderId === id)
}

/** The pending order the snapshot shows. */
export function shownOrder(s: CheckoutState, orders: PendingList = s.orders): PendingOrder | undefined {
  const id = s.snapshot.order?.orderId
  return id === undefined ? undefined : orders.find((o) => o.orderId === id)
}

/** The order a flow is working on: being created, paid, confirmed or re-checked. */
export function busyOrderId(s: CheckoutState): string | undefined {
  return isMoving(s.snapshot.status) || s.snapshot.rechecking ? s.flow.orderId : undefined
}

/**
 * The pending orders within their time by the phone's clock: what a launch may bring back on screen
 * and re-check. One past its time stays listed (asked about until the server answers final); the
 * clock may run hours ahead, so the order worked on and the one on screen always count as within.
 */
export function kept(s: CheckoutState, c: MachineContext): PendingList {
  const shown = s.snapshot.status === 'idle' ? undefined : s.snapshot.order?.orderId
  return withinTime(s.orders, c.timing, c.now, [busyOrderId(s), shown])
}

/**
 * The order a launch brings back on screen: the newest within its time, unless its cashier never
 * opened (no "we are confirming your payment" for a payment the user never saw). Such an order is
 * asked about in the background like the others; one found paid is reported as latePaid.
 */
export function restoredOrder(s: CheckoutState, c: MachineContext): PendingOrder | undefined {
  const newest = kept(s, c)[0]
  return newest && (newest.payStarted || newest.shown !== 'paying') ? newest : undefined
}

/** `same-order` while the order is pending, not expired and its last failure was retryable (rule 5). */
export function retryMode(order: PendingOrder | undefined, c: MachineContext): 'same-order' | 'new-order' {
  const open = order !== undefined && (order.expiresAt === undefined || order.expiresAt > c.now)
  return open && order.retryable ? 'same-order' : 'new-order'
}

export const isPaid = (status?: OrderStatus): boolean => status === 'paid' || status === 'refunded'
export const isFinalUnpaid = (status?: OrderStatus): boolean => status === 'closed' || status === 'failed'

export function takeOver(s: CheckoutState, flow: Omit<Flow, 'id'> = { payStarted: false }): Flow {
  return { id: s.flow.id + 1, ...flow }
}

export function confirming(c: MachineContext, visible: boolean): ConfirmProgress {
  return { elapsedMs: 0, budgetMs: c.timing.confirmBudgetMs, polls: 0, paused: !visible }
}

export const SETTLE: Patch = { rechecking: false, confirm: undefined }

// ---- starting ----

/** The user's new attempt: a new flow, nothing shown of the last one. */
export function startAttempt(s: CheckoutState, e: EventOf<'SUBMIT'>): Step {
  const flow = takeOver(s)
  return {
    flow,
    last: e.attempt,
    patch: {
      ...SETTLE,
      attempt: s.snapshot.attempt + 1,
      order: undefined,
      error: undefined,
      refunded: false,
    },
    effects: [{ type: 'hydrate', flow: flow.id }],
  }
}

/** A refusal before anything was asked of the server. */
export function refuse(s: CheckoutState, error: TradeKitError | undefined): Step {
  // nothing was tried: no order is shown as failed (an earlier one may since have been paid)
  return { flow: takeOver(s), patch: { ...SETTLE, order: undefined, error, retry: null } }
}

/** The attempt's key: an attempt that never got an answer lends its key to the same request. */
export function chooseKey(s: CheckoutState, e: EventOf<'READY'>, c: MachineContext): Step {
  const { fingerprint, request } = s.last!
  const key = s.unanswered?.fingerprint === fingerprint ? s.unanswered.key : c.newKey()
  return {
    unanswered: { fingerprint, key, at: c.now },
    effects: [{ type: 'create', flow: e.flow, request, key }],
  }
}

/** createOrder ended without an order. */
export function notCreated(error: TradeKitError, forgetKey: boolean): Step {
  return { ...(forgetKey ? { unanswered: null } : {}), patch: { error, retry: 'new-order' } }
}

/** The server made the order for another amount than the user agreed to: it is closed, not paid. */
export function amountMoved(s: CheckoutState, e: EventOf<'CREATED'>): Step {
  const { orderId, amount } = e.created as { orderId: string; amount: PendingOrder['amount'] }
  const error = new TradeKitError(
    'PRICE_CHANGED',
    process.env.NODE_ENV !== 'production' ? 'The order total differs from the agreed total' : undefined,
    {
      amount,
      expectedPayable: s.last!.request.expectedPayable,
      orderId,
    },
  )
  return { ...notCreated(error, true), effects: [{ type: 'close', orderId }] }
}

/** The order exists: it is kept (and stored) before the cashier may open (rule 3). */
export function keepCreated(s: CheckoutState, e: EventOf<'CREATED'>, c: MachineContext): Step {
  const made = e.created as { orderId: string; amount: PendingOrder['amount']; payment?: unknown }
  const last = s.last!
  const order: PendingOrder = {
    orderId: made.orderId,
    idempotencyKey: s.unanswered?.key ?? '',
    amount: made.amount,
    createdAt: c.now,
    channelId: last.channelId,
    method: last.method,
    payment: made.payment,
    request: last.request,
    shown: 'paying',
    payStarted: false,
    closedByUs: false,
    retryable: true,
    ...expiryOnPhone(made, c.now),
  }
  const { list, evicted } = withOrder(s.orders, order)
  const effects: CheckoutEffect[] = [{ type: 'store', flow: s.flow.id }]
  // an evicted order whose cashier opened gets one last question before it is forgotten
  if (evicted) effects.push({ type: 'reconcile', order: evicted })
  return { flow: { ...s.flow, orderId: order.orderId }, orders: list, unanswered: null, effects }
}

/** Opens the cashier for the flow's order (a first payment, or a retry of the same order). */
export function openCashier(s: CheckoutState, flow: Flow = s.flow): Step {
  const order = flow === s.flow ? flowOrder(s)! : shownOrder(s)!
  const next = { ...flow, orderId: order.orderId, payStarted: true }
  return {
    flow: next,
    orders: updateOrder(s.orders, order.orderId, { shown: 'paying', payStarted: true }),
    patch: { ...SETTLE, order: toCreatedOrder(order), error: undefined, retry: null },
    effects: [{ type: 'pay', flow: next.id, orderId: order.orderId }],
  }
}

/** `retry()` of the same order: the channel gets its saved state back (rule 5). */
export function payAgain(s: CheckoutState): Step {
  return openCashier(s, takeOver(s))
}

/** "Continue to pay" an unpaid order: it joins the pending list and its cashier opens (rule 5). */
export function continuePayment(s: CheckoutState, e: EventOf<'CONTINUE'>): Step {
  const { list, evicted } = withOrder(s.orders, { ...e.order, payStarted: true, shown: 'paying' })
  const flow = takeOver(s, { orderId: e.order.orderId, payStarted: true })
  const effects: CheckoutEffect[] = [{ type: 'pay', flow: flow.id, orderId: e.order.orderId }]
  if (evicted) effects.push({ type: 'reconcile', order: evicted })
  return {
    flow,
    orders: list,
    last: null,
    patch: {
      ...SETTLE,
      attempt: s.snapshot.attempt + 1,
      order: toCreatedOrder(e.order),
      error: undefined,
      retry: null,
    },
    effects,
  }
}

/**
 * "Continue to pay" an order past its time: nothing opens; "order again" is offered when this
 * checkout made the order (it has its lines).
 */
export function continueExpired(s: CheckoutState, e: EventOf<'CONTINUE'>): Step {
  return {
    flow: takeOver(s),
    last: null,
    patch: {
      ...SETTLE,
      order: toCreatedOrder(e.order),
      error: new TradeKitError('ORDER_EXPIRED'),
      retry: 'new-order',
    },
  }
}

/**
 * What "order again" orders: the shown order's purchase, else the last attempt's — none for an order
 * continued from the order centre, whose lines this checkout never had.
 */
export function reorderRequest(s: CheckoutState): Attempt | PendingOrder | undefined {
  const again = shownOrder(s) ?? s.last
  return again && again.request.lines.length > 0 ? again : undefined
}

/** `retry()` with a new attempt; the old order stays pending until the server says it is final. */
export function orderAgain(s: CheckoutState): Step {
  const order = shownOrder(s)
  const again = reorderRequest(s)!
  const resubmit: CheckoutEffect = { type: 'resubmit', request: again.request, method: again.method }
  if (!order) return { effects: [resubmit] }
  return {
    orders: updateOrder(s.orders, order.orderId, { closedByUs: true }),
    effects: [{ type: 'close', orderId: order.orderId }, resubmit],
  }
}

// ---- confirming ----

/** The cashier answered: ask the server (its word is never proof, rule 2). */
export function askServer(s: CheckoutState, e: EventOf<'PAY_OUTCOME'>, c: MachineContext): Step {
  const orderId = s.flow.orderId!
  const until = e.outcome.kind === 'submitted' || e.outcome.kind === 'unknown' ? 'final' : 'answer'
  return {
    flow: { ...s.flow, outcome: e.outcome },
    orders: updateOrder(s.orders, orderId, { shown: 'confirming' }),
    patch: { confirm: confirming(c, s.visible) },
    effects: [
      { type: 'confirm', flow: s.flow.id, orderId, until, waitFirst: until === 'final', reply: 'ANSWER' },
    ],
  }
}

/** The order is final on the server: it leaves the pending list. */
export function ended(s: CheckoutState, patch: Patch): Step {
  const id = s.flow.orderId ?? s.snapshot.order?.orderId
  return { patch: { ...SETTLE, ...patch }, orders: id === undefined ? s.orders : withoutOrder(s.orders, id) }
}

/** The server says paid (or refunded): nothing follows but reset(). */
export function paid(s: CheckoutState, e: { status?: OrderStatus }): Step {
  return ended(s, { refunded: e.status === 'refunded', error: undefined, retry: null })
}

function stillPending(s: CheckoutState, c: MachineContext, order: Partial<PendingOrder>, patch: Patch): Step {
  const id = s.flow.orderId!
  const orders = updateOrder(s.orders, id, order)
  const updated = orders.find((o) => o.orderId === id)
  return { patch: { ...SETTLE, ...patch, retry: retryMode(updated, c) }, orders }
}

/** The server still has the order pending (or never answered): `unknown`, "we are confirming". */
export function stillUnknown(s: CheckoutState, _e: unknown, c: MachineContext): Step {
  return stillPending(s, c, { shown: 'unknown', retryable: true }, { error: undefined })
}

/** The server answered pending after the cashier's cancel: the cancel is shown. */
export function cancelConfirmed(s: CheckoutState, _e: unknown, c: MachineContext): Step {
  return stillPending(s, c, { shown: 'cancelled', retryable: true }, { error: undefined })
}

/** The server answered pending after the cashier's failure: the failure is shown. */
export function failureConfirmed(s: CheckoutState, _e: unknown, c: MachineContext): Step {
  const { code, message, retryable } = s.flow.outcome as Extract<PayOutcome, { kind: 'failed' }>
  const error = new TradeKitError('PAYMENT_FAILED', message, {
    retryable,
    ...(code !== undefined ? { platformCode: code } : {}),
  })
  return stillPending(s, c, { shown: 'failed', retryable }, { error })
}

// ---- cancelling ----

/** `cancel()` before the cashier opened: abort, and close the order if one exists (rule 5). */
export function cancelBeforeCashier(s: CheckoutState): Step {
  const order = flowOrder(s)
  const patch: Patch = { ...SETTLE, error: undefined, retry: order || s.last ? 'new-order' : null }
  if (!order) return { flow: takeOver(s), patch }
  return {
    flow: takeOver(s),
    patch,
    orders: updateOrder(s.orders, order.orderId, { shown: 'cancelled', retryable: false, closedByUs: true }),
    effects: [{ type: 'close', orderId: order.orderId }],
  }
}

/** `cancel()` once the cashier opened: stop waiting, ask for one answer, never close (rule 5). */
export function cancelAfterCashier(s: CheckoutState, _e: unknown, c: MachineContext): Step {
  const orderId = s.flow.orderId!
  const flow = takeOver(s, { orderId, payStarted: true, outcome: { kind: 'cancelled' } })
  return {
    flow,
    orders: updateOrder(s.orders, orderId, { retryable: true }),
    patch: { confirm: confirming(c, s.visible) },
    effects: [
      { type: 'confirm', flow: flow.id, orderId, until: 'answer', waitFirst: false, reply: 'ANSWER' },
    ],
  }
}

// ---- named endings, so each row of the table reads as one line ----

/** The server closed an order this checkout asked to close: the user cancelled it. */
export const closedByUs = (s: CheckoutState): Step => ended(s, { error: undefined, retry: 'new-order' })

/** The server closed the order unpaid: it expired. */
export const expired = (s: CheckoutState): Step =>
  ended(s, { error: new TradeKitError('ORDER_EXPIRED'), retry: 'new-order' })

/** The server says the payment failed: final, not retryable. */
export const serverFailed = (s: CheckoutState): Step =>
  ended(s, {
    error: new TradeKitError(
      'PAYMENT_FAILED',
      process.env.NODE_ENV !== 'production' ? 'The server reports the payment failed' : undefined,
      { retryable: false },
    ),
    retry: 'new-order',
  })

/** A re-check found the order final but unpaid: the shown status stays, a retry makes a new order. */
export const endedUnpaid = (s: CheckoutState): Step => ended(s, { retry: 'new-order' })

/** A re-check found the order still pending: the shown status stays. */
export const stillShown = (s: CheckoutState, _e: unknown, c: MachineContext): Step => ({
  patch: { ...SETTLE, retry: retryMode(shownOrder(s), c) },
})

/** createOrder answered something that is not an order. */
export const notAnOrder = (): Step =>
  notCreated(
    new TradeKitError(
      'ORDER_REJECTED',
      process.env.NODE_ENV !== 'production'
        ? 'createOrder answered something that is not an order'
        : undefined,
    ),
    true,
  )

/** `retry()` of the same order, but its channel is gone. */
export const channelGone = (s: CheckoutState): Step =>
  refuse(
    s,
    new TradeKitError(
      'PAYMENT_UNAVAILABLE',
      process.env.NODE_ENV !== 'production'
        ? `Payment channel ${shownOrder(s)?.channelId} is not available here`
        : undefined,
    ),
  )

/** `reset()`: back to idle; pending orders are still kept and reconciled. */
export const reset = (s: CheckoutState): Step => ({
  flow: takeOver(s),
  patch: { ...SETTLE, order: undefined, error: undefined, refunded: false, retry: null },
})

/** createOrder failed on the network: the attempt keeps its key for the same request (rule 1). */
export const keepKey = (_s: CheckoutState, e: EventOf<'CREATE_FAILED'>): Step => notCreated(e.error, false)

/** createOrder refused: the next attempt gets a new key. */
export const forgetKey = (_s: CheckoutState, e: EventOf<'CREATE_FAILED'>): Step => notCreated(e.error, true)

/** Confirmation progress, for the progress bar. */
export const progress = (_s: CheckoutState, e: EventOf<'PROGRESS'>): Step => ({
  patch: { confirm: e.confirm },
})

/** The channel saved state for its order (`PayContext.saveState`): it is persisted with it. */
export const channelState = (s: CheckoutState, e: EventOf<'CHANNEL_STATE'>): Step => ({
  orders: updateOrder(s.orders, e.orderId, { state: e.state }),
})
