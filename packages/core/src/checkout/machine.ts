import { isMoney } from '../money/money'
import { MOVING_STATUSES, SETTLED_STATUSES } from './checkoutStatus'
import type {
  CheckoutEffect,
  CheckoutEvent,
  CheckoutState,
  EventOf,
  MachineContext,
  Patch,
  Step,
} from './machineTypes'
import {
  hide,
  hydrated,
  leftToFlow,
  recheckOnShow,
  recheckShown,
  reconcileAll,
  reconciled,
  restoreFailure,
  restoreShown,
  show,
} from './recheckSteps'
import {
  amountMoved,
  askServer,
  busyOrderId,
  cancelAfterCashier,
  cancelBeforeCashier,
  cancelConfirmed,
  channelGone,
  channelState,
  chooseKey,
  closedByUs,
  continueExpired,
  continuePayment,
  endedUnpaid,
  expired,
  failureConfirmed,
  flowOrder,
  forgetKey,
  isFinalUnpaid,
  isPaid,
  keepCreated,
  keepKey,
  kept,
  notAnOrder,
  openCashier,
  orderAgain,
  paid,
  payAgain,
  progress,
  refuse,
  reorderRequest,
  reset,
  restoredOrder,
  retryMode,
  serverFailed,
  shownOrder,
  startAttempt,
  stillShown,
  stillUnknown,
} from './steps'
import type { CheckoutSnapshot, CheckoutStatus } from './types'

// The checkout as data: one pure `transition(state, event, context)` over a flat table. Each row
// says in which states an event counts, under which named guard, which status follows and what to
// do (steps.ts; their effects are run by createCheckout.ts). Read it top to bottom: the first row
// that applies wins. `rule` points to the six safety rules of DESIGN.md ("Checkout"):
//   1 one order per attempt · 2 the client's result is never proof · 3 nothing paid is lost ·
//   4 nothing hangs · 5 retry and cancel · 6 typed errors.

/** One row of the table. */
export interface TransitionRow {
  /** The event. */
  readonly on: CheckoutEvent['type']
  /** The statuses in which the event counts; `'*'` for any. */
  readonly from: readonly CheckoutStatus[] | '*'
  /** The guard that must hold (see {@link GUARDS}). */
  readonly when?: GuardName
  /** The status that follows; `'same'` keeps it. */
  readonly to: CheckoutStatus | 'same'
  /** The safety rule of DESIGN.md this row keeps (1–6). */
  readonly rule?: number
  /** What the row changes besides the status. */
  readonly act: (s: CheckoutState, e: never, c: MachineContext) => Step
}

type Guard<T extends CheckoutEvent['type'] = CheckoutEvent['type']> = (
  s: CheckoutState,
  e: EventOf<T>,
  c: MachineContext,
) => boolean

const isOrder = (value: unknown) => {
  const { orderId, amount } = (value ?? {}) as { orderId?: unknown; amount?: unknown }
  return typeof orderId === 'string' && orderId !== '' && isMoney(amount)
}

/** The named guards of the table. */
export const GUARDS = {
  refused: ((_s, e) => e.refusal !== undefined) as Guard<'SUBMIT' | 'CONTINUE'>,
  orderExpired: ((_s, e, c) =>
    e.order.expiresAt !== undefined && e.order.expiresAt <= c.now) as Guard<'CONTINUE'>,
  networkError: ((_s, e) => e.network) as Guard<'CREATE_FAILED'>,
  notAnOrder: ((_s, e) => !isOrder(e.created)) as Guard<'CREATED'>,
  amountMoved: ((s, e) => {
    const { amount } = e.created as { amount: { amount: number; currency: string } }
    const agreed = s.last!.request.expectedPayable
    return amount.amount !== agreed.amount || amount.currency !== agreed.currency
  }) as Guard<'CREATED'>,
  flowsOwn: ((s, e) => e.order.orderId === busyOrderId(s)) as Guard<'RECONCILED'>,
  serverPaid: ((_s, e) => isPaid(e.status)) as Guard<'ANSWER' | 'RECHECKED' | 'RECONCILED'>,
  serverFinalUnpaid: ((_s, e) => isFinalUnpaid(e.status)) as Guard<'RECHECKED' | 'RECONCILED'>,
  closedByUs: ((s, e) => e.status === 'closed' && !!flowOrder(s)?.closedByUs) as Guard<
    'ANSWER' | 'RECHECKED'
  >,
  serverClosed: ((_s, e) => e.status === 'closed') as Guard<'ANSWER' | 'RECHECKED'>,
  serverFailed: ((_s, e) => e.status === 'failed') as Guard<'ANSWER' | 'RECHECKED'>,
  noAnswer: ((_s, e) => e.status === undefined) as Guard<'ANSWER'>,
  cashierCancelled: ((s) => s.flow.outcome?.kind === 'cancelled') as Guard,
  cashierFailed: ((s) => s.flow.outcome?.kind === 'failed') as Guard,
  cashierOpened: ((s) => s.flow.payStarted) as Guard,
  sameOrderUnavailable: ((s, e, c) =>
    retryMode(shownOrder(s), c) === 'same-order' && !e.channelAvailable) as Guard<'RETRY'>,
  sameOrder: ((s, _e, c) => retryMode(shownOrder(s), c) === 'same-order') as Guard,
  canOrderAgain: ((s) => reorderRequest(s) !== undefined) as Guard,
  restoredCancelled: ((s, _e, c) => restoredOrder(s, c)?.shown === 'cancelled') as Guard,
  restoredFailed: ((s, _e, c) => restoredOrder(s, c)?.shown === 'failed') as Guard,
  restored: ((s, _e, c) => restoredOrder(s, c) !== undefined) as Guard,
  storageFailed: ((s) => s.snapshot.storageIssue === 'storage_failed') as Guard,
  shownNeedsRecheck: ((s, _e, c) =>
    !s.snapshot.rechecking && shownOrder(s, kept(s, c)) !== undefined) as Guard,
}

/** A guard's name. */
export type GuardName = keyof typeof GUARDS

const READY: readonly CheckoutStatus[] = ['idle', ...SETTLED_STATUSES]
const SETTLED = SETTLED_STATUSES
const MOVING = MOVING_STATUSES
const CREATING: readonly CheckoutStatus[] = ['creating']
const IDLE: readonly CheckoutStatus[] = ['idle']
const CONFIRMING: readonly CheckoutStatus[] = ['confirming']
const UNKNOWN: readonly CheckoutStatus[] = ['unknown']

function row<T extends CheckoutEvent['type']>(
  r: Omit<TransitionRow, 'on' | 'act'> & {
    on: T
    act: (s: CheckoutState, e: EventOf<T>, c: MachineContext) => Step
  },
): TransitionRow {
  return r as TransitionRow
}

/** The checkout's transitions, tried in order: the first row that applies wins. */
export const CHECKOUT_TRANSITIONS: readonly TransitionRow[] = [
  // ---- an attempt: one order per attempt, never a price the user did not agree to
  row({
    on: 'SUBMIT',
    from: READY,
    when: 'refused',
    to: 'failed',
    rule: 6,
    act: (s, e) => refuse(s, e.refusal),
  }),
  row({ on: 'SUBMIT', from: READY, to: 'creating', rule: 1, act: startAttempt }),
  row({ on: 'READY', from: CREATING, to: 'same', rule: 1, act: chooseKey }),
  row({ on: 'CREATE_FAILED', from: CREATING, when: 'networkError', to: 'failed', rule: 1, act: keepKey }),
  row({ on: 'CREATE_FAILED', from: CREATING, to: 'failed', rule: 6, act: forgetKey }),
  row({ on: 'CREATED', from: CREATING, when: 'notAnOrder', to: 'failed', rule: 6, act: notAnOrder }),
  row({ on: 'CREATED', from: CREATING, when: 'amountMoved', to: 'failed', rule: 1, act: amountMoved }),
  row({ on: 'CREATED', from: CREATING, to: 'same', rule: 3, act: keepCreated }),
  row({ on: 'STORED', from: CREATING, to: 'paying', rule: 3, act: (s) => openCashier(s) }),
  // ---- the cashier's word only decides what to ask the server
  row({ on: 'PAY_OUTCOME', from: ['paying'], to: 'confirming', rule: 2, act: askServer }),
  row({ on: 'PROGRESS', from: [...CONFIRMING, ...SETTLED], to: 'same', rule: 4, act: progress }),
  row({ on: 'ANSWER', from: CONFIRMING, when: 'serverPaid', to: 'paid', rule: 2, act: paid }),
  row({ on: 'ANSWER', from: CONFIRMING, when: 'closedByUs', to: 'cancelled', act: closedByUs }),
  row({ on: 'ANSWER', from: CONFIRMING, when: 'serverClosed', to: 'expired', act: expired }),
  row({ on: 'ANSWER', from: CONFIRMING, when: 'serverFailed', to: 'failed', act: serverFailed }),
  // no answer is never a confirmation: the cashier's word is not shown, unknown is
  row({ on: 'ANSWER', from: CONFIRMING, when: 'noAnswer', to: 'unknown', rule: 2, act: stillUnknown }),
  row({
    on: 'ANSWER',
    from: CONFIRMING,
    when: 'cashierCancelled',
    to: 'cancelled',
    rule: 2,
    act: cancelConfirmed,
  }),
  row({
    on: 'ANSWER',
    from: CONFIRMING,
    when: 'cashierFailed',
    to: 'failed',
    rule: 2,
    act: failureConfirmed,
  }),
  row({ on: 'ANSWER', from: CONFIRMING, to: 'unknown', rule: 4, act: stillUnknown }),
  // ---- the user takes over
  row({
    on: 'CANCEL',
    from: ['paying', 'confirming'],
    when: 'cashierOpened',
    to: 'confirming',
    rule: 5,
    act: cancelAfterCashier,
  }),
  row({ on: 'CANCEL', from: MOVING, to: 'cancelled', rule: 5, act: cancelBeforeCashier }),
  row({ on: 'RETRY', from: SETTLED, when: 'sameOrderUnavailable', to: 'failed', rule: 6, act: channelGone }),
  row({ on: 'RETRY', from: SETTLED, when: 'sameOrder', to: 'paying', rule: 5, act: payAgain }),
  row({ on: 'RETRY', from: SETTLED, when: 'canOrderAgain', to: 'same', rule: 5, act: orderAgain }),
  row({
    on: 'CONTINUE',
    from: READY,
    when: 'refused',
    to: 'failed',
    rule: 6,
    act: (s, e) => refuse(s, e.refusal),
  }),
  row({ on: 'CONTINUE', from: READY, when: 'orderExpired', to: 'expired', rule: 5, act: continueExpired }),
  row({ on: 'CONTINUE', from: READY, to: 'paying', rule: 5, act: continuePayment }),
  row({ on: 'RESET', from: '*', to: 'idle', act: reset }),
  // ---- nothing paid is lost: what was shown is re-checked (and kept meanwhile) on launch and on show
  row({ on: 'RESUME', from: IDLE, when: 'restoredCancelled', to: 'cancelled', rule: 3, act: restoreShown }),
  row({ on: 'RESUME', from: IDLE, when: 'restoredFailed', to: 'failed', rule: 3, act: restoreFailure }),
  row({ on: 'RESUME', from: IDLE, when: 'restored', to: 'unknown', rule: 3, act: restoreShown }),
  row({ on: 'RESUME', from: SETTLED, when: 'shownNeedsRecheck', to: 'same', rule: 3, act: recheckShown }),
  row({ on: 'RESUME', from: '*', to: 'same', rule: 3, act: reconcileAll }),
  row({ on: 'SHOW', from: SETTLED, when: 'shownNeedsRecheck', to: 'same', rule: 3, act: recheckOnShow }),
  row({ on: 'SHOW', from: '*', to: 'same', rule: 3, act: show }),
  row({ on: 'HIDE', from: '*', to: 'same', rule: 4, act: hide }),
  row({ on: 'RECHECKED', from: SETTLED, when: 'serverPaid', to: 'paid', rule: 3, act: paid }),
  // a shown unknown ("we are confirming, we'll let you know") takes the server's final answer
  row({ on: 'RECHECKED', from: UNKNOWN, when: 'closedByUs', to: 'cancelled', act: closedByUs }),
  row({ on: 'RECHECKED', from: UNKNOWN, when: 'serverClosed', to: 'expired', act: expired }),
  row({ on: 'RECHECKED', from: UNKNOWN, when: 'serverFailed', to: 'failed', act: serverFailed }),
  // final but not paid: a shown cancel or failure stays (both still true); only paid moves it
  row({ on: 'RECHECKED', from: SETTLED, when: 'serverFinalUnpaid', to: 'same', act: endedUnpaid }),
  row({ on: 'RECHECKED', from: SETTLED, to: 'same', act: stillShown }),
  // the order a flow works on is the flow's to settle (shown paid once, never also as latePaid)
  row({ on: 'RECONCILED', from: '*', when: 'flowsOwn', to: 'same', rule: 3, act: leftToFlow }),
  row({ on: 'RECONCILED', from: '*', when: 'serverPaid', to: 'same', rule: 3, act: reconciled }),
  row({ on: 'RECONCILED', from: '*', when: 'serverFinalUnpaid', to: 'same', act: reconciled }),
  // ---- storage
  row({ on: 'HYDRATED', from: '*', to: 'same', rule: 3, act: hydrated }),
  row({ on: 'STORAGE_ISSUE', from: '*', to: 'same', act: (_s, e) => ({ patch: { storageIssue: e.issue } }) }),
  // a write that reached the storage saved every order known: a failure before it is over
  row({
    on: 'SAVED',
    from: '*',
    when: 'storageFailed',
    to: 'same',
    act: () => ({ patch: { storageIssue: undefined } }),
  }),
  row({ on: 'CHANNEL_STATE', from: '*', to: 'same', act: channelState }),
]

const FLOW_EVENTS: ReadonlySet<string> = new Set([
  'READY',
  'CREATED',
  'CREATE_FAILED',
  'STORED',
  'PAY_OUTCOME',
  'PROGRESS',
  'ANSWER',
  'RECHECKED',
])

/**
 * The next state and the effects to run for an event. Pure but for the context it is given: a
 * result of an older flow, or an event no row takes, changes nothing.
 */
export function transition(
  state: CheckoutState,
  event: CheckoutEvent,
  context: MachineContext,
): { state: CheckoutState; effects: readonly CheckoutEffect[] } {
  if (FLOW_EVENTS.has(event.type) && (event as { flow: number }).flow !== state.flow.id) {
    return { state, effects: [] }
  }
  const status = state.snapshot.status
  const match = CHECKOUT_TRANSITIONS.find(
    (r) =>
      r.on === event.type &&
      (r.from === '*' || r.from.includes(status)) &&
      (r.when === undefined || (GUARDS[r.when] as Guard)(state, event, context)),
  )
  if (!match) return { state, effects: [] }
  const step = match.act(state, event as never, context)
  return { state: apply(state, step, match.to), effects: step.effects ?? [] }
}

function apply(state: CheckoutState, step: Step, to: CheckoutStatus | 'same'): CheckoutState {
  const orders = step.orders ?? state.orders
  const patch: Patch = { ...step.patch }
  if (to !== 'same') patch.status = to
  if (orders.length !== state.snapshot.pendingCount) patch.pendingCount = orders.length
  const unanswered = step.unanswered === null ? undefined : (step.unanswered ?? state.unanswered)
  const last = step.last === null ? undefined : (step.last ?? state.last)
  const built: CheckoutState = {
    snapshot: patched(state.snapshot, patch),
    flow: step.flow ?? state.flow,
    orders,
    visible: step.visible ?? state.visible,
    ...(unanswered ? { unanswered } : {}),
    ...(last ? { last } : {}),
  }
  // "order again" is offered only where there is a purchase to order again (rule 5)
  const next =
    built.snapshot.retry === 'new-order' && !reorderRequest(built)
      ? { ...built, snapshot: patched(built.snapshot, { retry: null }) }
      : built
  const same = (Object.keys(next) as (keyof CheckoutState)[]).every((k) => next[k] === state[k])
  return same && Object.keys(next).length === Object.keys(state).length ? state : next
}

/** The snapshot with `patch` applied: the same object when nothing changed; undefined fields dropped. */
function patched(snapshot: CheckoutSnapshot, patch: Patch): CheckoutSnapshot {
  const keys = Object.keys(patch) as (keyof CheckoutSnapshot)[]
  if (keys.every((k) => Object.is(snapshot[k], patch[k]))) return snapshot
  const next: Record<string, unknown> = { ...snapshot, ...patch }
  for (const k of keys) if (next[k] === undefined) delete next[k]
  return Object.freeze(next) as unknown as CheckoutSnapshot
}

/** The state of a new checkout: idle, nothing pending, the app shown. */
export function initialState(): CheckoutState {
  return {
    snapshot: Object.freeze({
      status: 'idle',
      attempt: 0,
      refunded: false,
      rechecking: false,
      retry: null,
      latePaid: Object.freeze([]) as readonly never[],
      pendingCount: 0,
    }),
    flow: { id: 0, payStarted: false },
    orders: [],
    visible: true,
  }
}
