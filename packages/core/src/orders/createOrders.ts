import { type Aborter, createAborter, withTimeout } from '../checkout/abort'
import { isNetworkError, toTradeKitError } from '../checkout/effects'
import type { AnyTradeKitError } from '../errors/TradeKitError'
import { TradeKitError } from '../errors/TradeKitError'
import { requireMethods } from '../internal/teamApi'
import { createStore, type Store } from '../store/createStore'
import {
  type ActionPlan,
  cancelPlan,
  cancelRefundPlan,
  confirmReceiptPlan,
  type RefundKey,
  refundPlan,
} from './actionPlans'
import { toOrderOf, toPage } from './normalizeOrder'
import {
  initialOrdersState,
  type OrdersState,
  snapshotBuilder,
  withAction,
  withDetail,
  withList,
  withOptimistic,
  withOrders,
  withPage,
} from './ordersState'
import { ORDER_TAB_NAMES } from './orderTabs'
import type {
  Order,
  OrderActionName,
  OrderList,
  OrderResult,
  Orders,
  OrdersApi,
  OrdersOptions,
  OrdersSnapshot,
  OrdersTiming,
  OrderTab,
} from './types'

/**
 * The default timeouts (see {@link OrdersTiming}).
 *
 * @example
 * ```ts
 * createOrders({ api, timing: { requestTimeoutMs: DEFAULT_ORDERS_TIMING.requestTimeoutMs * 2 } })
 * ```
 */
export const DEFAULT_ORDERS_TIMING: Readonly<OrdersTiming> = Object.freeze({
  requestTimeoutMs: 10_000,
  actionTimeoutMs: 15_000,
})

interface Run<T> {
  readonly aborter: Aborter
  readonly promise: Promise<T>
}

// The store's running parts: the state, the reads on their way (one per tab, one per order) and
// the action running on each order.
interface Runtime {
  readonly api: OrdersApi
  readonly timing: OrdersTiming
  readonly now: () => number
  readonly store: Store<OrdersSnapshot>
  readonly view: (state: OrdersState) => OrdersSnapshot
  readonly lifetime: Aborter
  state: OrdersState
  disposed: boolean
  pages: Partial<Record<OrderTab, Run<OrderList>>>
  reads: Map<string, Run<OrderResult>>
  actions: Map<string, { action: OrderActionName; promise: Promise<OrderResult> }>
  /**
   * By order: the refund request sent without an answer, and its idempotency key — until the server
   * answers about that order again (an answer, a read, a list page).
   */
  refundKeys: Map<string, RefundKey>
}

const failed = (error: AnyTradeKitError, unconfirmed = false): OrderResult =>
  unconfirmed ? { ok: false, error, unconfirmed } : { ok: false, error }
const argument = (message: string | undefined) =>
  new TradeKitError('INVALID_ARGUMENT', message) as AnyTradeKitError
const aborted = () => failed(new TradeKitError('ABORTED') as AnyTradeKitError)
const refused = (message: string | undefined) => Promise.resolve(failed(argument(message)))

function commit(rt: Runtime, next: OrdersState): void {
  if (rt.disposed || next === rt.state) return
  rt.state = next
  rt.store.set(rt.view(next))
}

const listOf = (rt: Runtime, tab: OrderTab) => rt.store.getSnapshot().tabs[tab]

function shown(rt: Runtime, id: string): OrderResult {
  const order = rt.store.getSnapshot().orders[id]
  return order
    ? { ok: true, order }
    : failed(argument(process.env.NODE_ENV !== 'production' ? `No order ${id}` : undefined))
}

function checkTab(tab: unknown): OrderTab {
  if (!(ORDER_TAB_NAMES as readonly unknown[]).includes(tab)) {
    throw new TradeKitError(
      'INVALID_ARGUMENT',
      process.env.NODE_ENV !== 'production' ? `No order tab ${String(tab)}` : undefined,
    )
  }
  return tab as OrderTab
}

/** Loads a page of a tab: a first page aborts the tab's page on its way, a next page waits for it. */
function loadPage(rt: Runtime, tab: OrderTab, asked: 'first' | 'more'): Promise<OrderList> {
  const list = rt.state.lists[tab]
  const running = rt.pages[tab]
  if (rt.disposed) return Promise.resolve(listOf(rt, tab))
  let kind = asked
  if (kind === 'more') {
    if (running) return running.promise
    if (!list.loaded) kind = 'first'
    else if (list.cursor === null) return Promise.resolve(listOf(rt, tab))
  } else running?.aborter.abort()
  const aborter = createAborter()
  const cursor = kind === 'more' ? list.cursor : null
  const status = kind === 'more' ? 'loading_more' : list.loaded ? 'refreshing' : 'loading'
  const current = () => rt.pages[tab]?.aborter === aborter
  commit(rt, withList(rt.state, tab, { status, error: undefined }))
  const promise = withTimeout(
    (signal) => rt.api.listOrders({ tab, ...(cursor !== null ? { cursor } : {}), signal }),
    rt.timing.requestTimeoutMs,
    aborter.signal,
  )
    .then((answer) => {
      if (!current()) return
      const page = toPage(answer)
      for (const order of page.orders) rt.refundKeys.delete(order.orderId)
      commit(rt, withPage(rt.state, tab, page, kind, rt.now()))
    })
    .catch((error: unknown) => {
      if (current())
        commit(rt, withList(rt.state, tab, { status: 'error', error: errorOf(error, 'NETWORK') }))
    })
    .then(() => {
      if (current()) delete rt.pages[tab]
      return listOf(rt, tab)
    })
  rt.pages[tab] = { aborter, promise }
  return promise
}

function errorOf(error: unknown, fallback: 'NETWORK' | 'ORDER_REJECTED'): AnyTradeKitError {
  return toTradeKitError(error, fallback) as AnyTradeKitError
}

/** Reads one order into the cache; a read of it on its way is shared. */
function readOrder(rt: Runtime, orderId: string): Promise<OrderResult> {
  if (typeof orderId !== 'string' || orderId === '') {
    return refused(process.env.NODE_ENV !== 'production' ? 'getOrder needs an order id' : undefined)
  }
  if (rt.disposed) return Promise.resolve(aborted())
  const running = rt.reads.get(orderId)
  if (running) return running.promise
  const aborter = createAborter()
  const current = () => rt.reads.get(orderId)?.aborter === aborter
  commit(rt, withDetail(rt.state, orderId, { status: 'loading' }))
  const settled = withTimeout(
    (signal) => rt.api.getOrder(orderId, { signal }),
    rt.timing.requestTimeoutMs,
    aborter.signal,
  )
    .then((answer) => toOrderOf(answer, 'getOrder', orderId))
    .then(
      (order): OrderResult => {
        if (!current()) return aborted()
        rt.reads.delete(orderId)
        rt.refundKeys.delete(orderId)
        commit(rt, withDetail(withOrders(rt.state, [order], rt.now()), orderId, { status: 'ready' }))
        return shown(rt, orderId)
      },
      (error: unknown): OrderResult => {
        if (!current()) return aborted()
        rt.reads.delete(orderId)
        const reason = errorOf(error, 'NETWORK')
        commit(rt, withDetail(rt.state, orderId, { status: 'error', error: reason }))
        return failed(reason)
      },
    )
  rt.reads.set(orderId, { aborter, promise: settled })
  return settled
}

/**
 * Runs one action on a cached order: one at a time per order (the same action asked again answers
 * the running one). `prepare` throws when the action may not run; its error is kept like the
 * server's. A failure takes back the optimistic status. A call that got no answer (network,
 * timeout) may have been done: the order is read again, and when it shows the action done, the
 * action succeeded; otherwise it failed, with the order as the server has it.
 */
function runAction(
  rt: Runtime,
  orderId: string,
  action: OrderActionName,
  prepare: (order: Order) => ActionPlan,
): Promise<OrderResult> {
  if (rt.disposed) return Promise.resolve(aborted())
  const order = rt.state.server[orderId]
  if (!order)
    return refused(
      process.env.NODE_ENV !== 'production'
        ? `No order ${String(orderId)} is known: read it first`
        : undefined,
    )
  const running = rt.actions.get(orderId)
  if (running) {
    if (running.action === action) return running.promise
    return refused(
      process.env.NODE_ENV !== 'production' ? `Order ${orderId} is busy with ${running.action}` : undefined,
    )
  }
  const fail = (error: unknown, fallback: 'ORDER_REJECTED' | 'NETWORK', unconfirmed = false): OrderResult => {
    rt.actions.delete(orderId)
    if (rt.disposed) return aborted()
    const reason = errorOf(error, fallback)
    const back = withOptimistic(rt.state, orderId, undefined)
    const state = {
      action,
      status: 'failed',
      error: reason,
      ...(unconfirmed ? { unconfirmed } : {}),
    } as const
    commit(rt, withAction(back, orderId, state))
    return failed(reason, unconfirmed)
  }
  let plan: ActionPlan
  try {
    plan = prepare(order)
  } catch (error) {
    return Promise.resolve(fail(error, 'ORDER_REJECTED'))
  }
  let next = withAction(rt.state, orderId, { action, status: 'running' })
  if (plan.optimistic) next = withOptimistic(next, orderId, plan.optimistic)
  commit(rt, next)
  let garbled = false // an answer that is not the order is no answer: the server may have done it
  const promise = withTimeout(() => plan.call(), rt.timing.actionTimeoutMs, rt.lifetime.signal).then(
    (answer): OrderResult => {
      plan.answered?.()
      let fresh: Order
      try {
        fresh = toOrderOf(answer, plan.method, orderId)
      } catch (error) {
        garbled = true
        throw error
      }
      rt.actions.delete(orderId)
      if (rt.disposed) return aborted()
      commit(rt, withAction(withActionAnswer(rt, orderId, fresh, order), orderId, undefined))
      return shown(rt, orderId)
    },
  )
  const settled = promise.catch(async (error: unknown) => {
    const noAnswer = garbled || isNetworkError(error)
    if (!noAnswer) plan.answered?.()
    if (!noAnswer || rt.disposed) return fail(error, 'ORDER_REJECTED')
    // a read that fails or answers another order or garbage tells nothing
    const held = rt.state.server[orderId]
    const fresh = await withTimeout(
      (signal) => rt.api.getOrder(orderId, { signal }),
      rt.timing.requestTimeoutMs,
      rt.lifetime.signal,
    )
      .then((answer) => toOrderOf(answer, 'getOrder', orderId))
      .catch(noOrder)
    if (fresh && !rt.disposed && keepRead(rt, orderId, fresh, plan, held)) return shown(rt, orderId)
    return fail(error, 'ORDER_REJECTED', true)
  })
  rt.actions.set(orderId, { action, promise: settled })
  return settled
}

const noOrder = (): undefined => undefined

/**
 * The state with the server's answer about the order an action runs on: newer than the order held
 * when its request was sent (`sentOver`), unless a page or read about the order arrived meanwhile —
 * that one may be newer still, and mergeOrder weighs the two.
 */
function withActionAnswer(rt: Runtime, orderId: string, fresh: Order, sentOver?: Order): OrdersState {
  const latest = rt.state.server[orderId] === sentOver
  const next = withOrders(withOptimistic(rt.state, orderId, undefined), [fresh], rt.now(), latest)
  // a refund request kept for a retry that the order now shows made is spent: sent again under its
  // key, the server would answer the old request (perhaps withdrawn since) as if the new one were made
  const kept = rt.refundKeys.get(orderId)
  const shown = next.server[orderId]
  if (kept && shown && kept.done(shown)) rt.refundKeys.delete(orderId)
  return next
}

/**
 * Keeps the order read again after an action got no answer; when the order as merged (statuses
 * never go back: what the screen shows) shows the action done, the action ends as done (true).
 */
function keepRead(rt: Runtime, orderId: string, fresh: Order, plan: ActionPlan, sentOver?: Order): boolean {
  const merged = withActionAnswer(rt, orderId, fresh, sentOver)
  const kept = merged.server[orderId]
  if (!kept || !plan.done(kept)) {
    commit(rt, merged)
    return false
  }
  plan.answered?.()
  rt.actions.delete(orderId)
  commit(rt, withAction(merged, orderId, undefined))
  return true
}

function checkApi(api: unknown): OrdersApi {
  return requireMethods<OrdersApi>(
    api,
    ['listOrders', 'getOrder', 'cancelOrder', 'requestRefund'],
    'createOrders',
  )
}

function dispose(rt: Runtime): void {
  if (rt.disposed) return
  rt.disposed = true
  const pages = Object.values(rt.pages)
  const reads = [...rt.reads.values()]
  rt.pages = {}
  rt.reads.clear()
  for (const run of [...pages, ...reads]) run?.aborter.abort()
  rt.lifetime.abort()
  rt.store.clear()
}

/**
 * Creates the order centre: a paged list per tab, a cache of orders every list and detail reads,
 * the current tab fetched again when the app comes back, and actions (cancel, refund, confirm
 * receipt) that follow the server's word. Statuses never go back (see `mergeOrder`).
 *
 * @throws TradeKitError `INVALID_ARGUMENT` when `api` lacks listOrders, getOrder, cancelOrder or requestRefund
 * @example
 * ```ts
 * const orders = createOrders({ api, lifecycle: taroLifecycle() })
 * await orders.selectTab('pending_payment')
 * const result = await orders.cancel(orderId) // shown cancelled at once; rolled back if refused
 * if (!result.ok) toast(result.error.code)
 * ```
 */
export function createOrders(options: OrdersOptions): Orders {
  const api = checkApi(options?.api)
  const view = snapshotBuilder()
  const initial = initialOrdersState()
  const rt: Runtime = {
    api,
    timing: { ...DEFAULT_ORDERS_TIMING, ...options.timing },
    now: options.now ?? (() => Date.now()),
    store: createStore(view(initial)),
    view,
    lifetime: createAborter(),
    state: initial,
    disposed: false,
    pages: {},
    reads: new Map(),
    actions: new Map(),
    refundKeys: new Map(),
  }
  const offShow = options.lifecycle?.onShow(() => {
    const tab = rt.state.current
    if (rt.state.lists[tab].loaded || rt.pages[tab]) void loadPage(rt, tab, 'first')
  })
  return {
    getSnapshot: () => rt.store.getSnapshot(),
    subscribe: (listener) => rt.store.subscribe(listener),
    selectTab(tab) {
      checkTab(tab)
      commit(rt, { ...rt.state, current: tab })
      if (rt.state.lists[tab].status !== 'idle')
        return rt.pages[tab]?.promise ?? Promise.resolve(listOf(rt, tab))
      return loadPage(rt, tab, 'first')
    },
    refresh: (tab = rt.state.current) => loadPage(rt, checkTab(tab), 'first'),
    loadMore: (tab = rt.state.current) => loadPage(rt, checkTab(tab), 'more'),
    getOrder: (orderId) => readOrder(rt, orderId),
    cancel: (orderId) => runAction(rt, orderId, 'cancel', (order) => cancelPlan(rt.api, order, rt.now())),
    requestRefund: (orderId, input) =>
      runAction(rt, orderId, 'refund', (order) => refundPlan(rt.api, order, input, rt.refundKeys)),
    cancelRefund: (orderId, refundId) =>
      runAction(rt, orderId, 'cancel_refund', (order) => cancelRefundPlan(rt.api, order, refundId)),
    confirmReceipt: (orderId) =>
      runAction(rt, orderId, 'confirm_receipt', (order) => confirmReceiptPlan(rt.api, order, rt.now())),
    dispose() {
      offShow?.()
      dispose(rt)
    },
  }
}
