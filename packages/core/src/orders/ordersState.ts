import type { AnyTradeKitError } from '../errors/TradeKitError'
import { mergeOrder } from './mergeOrder'
import { ORDER_TAB_NAMES, orderInTab } from './orderTabs'
import type {
  Order,
  OrderActionState,
  OrderDetailState,
  OrderLifecycleStatus,
  OrderList,
  OrderListStatus,
  OrdersSnapshot,
  OrderTab,
} from './types'

// What the order centre knows, and the pure changes to it. Lists hold ids: every list and every
// detail shows the one cached order, so a detail read moves the order in every list at once.

/** A tab's list behind the snapshot. */
export interface ListState {
  readonly ids: readonly string[]
  /** The next page's cursor; `null` when there is none. */
  readonly cursor: string | null
  readonly status: OrderListStatus
  readonly error?: AnyTradeKitError
  /** True once a page answered. */
  readonly loaded: boolean
}

/** Everything the order centre knows. */
export interface OrdersState {
  readonly current: OrderTab
  /** The server's word on each order (merged by the never-go-back rule). */
  readonly server: Readonly<Record<string, Order>>
  /** Statuses shown before the server answered (an optimistic cancel). */
  readonly optimistic: Readonly<Record<string, OrderLifecycleStatus>>
  readonly lists: Readonly<Record<OrderTab, ListState>>
  readonly details: Readonly<Record<string, OrderDetailState>>
  readonly actions: Readonly<Record<string, OrderActionState>>
}

const IDLE: ListState = Object.freeze({ ids: [], cursor: null, status: 'idle', loaded: false })

/** Nothing known yet; the `all` tab shown. */
export function initialOrdersState(): OrdersState {
  const lists = Object.fromEntries(ORDER_TAB_NAMES.map((tab) => [tab, IDLE])) as Record<OrderTab, ListState>
  const none = Object.freeze({})
  return { current: 'all', server: none, optimistic: none, lists, details: none, actions: none }
}

/** `record` with `key` set to `value`, or removed when `value` is undefined. */
function withEntry<T>(record: Readonly<Record<string, T>>, key: string, value: T | undefined) {
  if (record[key] === value) return record
  const next = { ...record }
  if (value === undefined) delete next[key]
  else next[key] = value
  return Object.freeze(next)
}

/** The state with a tab's list patched (an `error` key set to undefined removes it). */
export function withList(state: OrdersState, tab: OrderTab, patch: Partial<ListState>): OrdersState {
  const next: Record<string, unknown> = { ...state.lists[tab], ...patch }
  if (next.error === undefined) delete next.error
  return { ...state, lists: { ...state.lists, [tab]: next as unknown as ListState } }
}

export function withDetail(
  state: OrdersState,
  id: string,
  detail: OrderDetailState | undefined,
): OrdersState {
  return { ...state, details: withEntry(state.details, id, detail) }
}

export function withAction(
  state: OrdersState,
  id: string,
  action: OrderActionState | undefined,
): OrdersState {
  return { ...state, actions: withEntry(state.actions, id, action) }
}

export function withOptimistic(
  state: OrdersState,
  id: string,
  status: OrderLifecycleStatus | undefined,
): OrdersState {
  return { ...state, optimistic: withEntry(state.optimistic, id, status) }
}

/** The server's answers merged into the cache, each stamped with the device time it arrived. */
export function withOrders(
  state: OrdersState,
  orders: readonly Order[],
  receivedAt: number,
  latest = false,
): OrdersState {
  let server = state.server
  for (const order of orders) {
    const fresh: Order = { ...order, receivedAt }
    const cached = server[order.orderId]
    server = withEntry(server, order.orderId, cached ? mergeOrder(cached, fresh, latest) : fresh)
  }
  return server === state.server ? state : { ...state, server }
}

/** A page merged in: the first page replaces the list, a next page adds the orders not listed yet. */
export function withPage(
  state: OrdersState,
  tab: OrderTab,
  page: { orders: readonly Order[]; nextCursor: string | null },
  kind: 'first' | 'more',
  receivedAt: number,
): OrdersState {
  const ids = kind === 'first' ? [] : [...state.lists[tab].ids]
  const listed = new Set(ids)
  for (const order of page.orders) {
    if (!listed.has(order.orderId)) {
      listed.add(order.orderId)
      ids.push(order.orderId)
    }
  }
  return withList(withOrders(state, page.orders, receivedAt), tab, {
    ids,
    cursor: page.nextCursor,
    status: 'ready',
    error: undefined,
    loaded: true,
  })
}

const sameList = <T>(a: readonly T[], b: readonly T[]) =>
  a.length === b.length && a.every((x, i) => x === b[i])

function sameFields(a: object, b: object): boolean {
  const left = a as Record<string, unknown>
  const right = b as Record<string, unknown>
  const keys = Object.keys(left)
  return keys.length === Object.keys(right).length && keys.every((key) => Object.is(left[key], right[key]))
}

/**
 * Builds snapshots that keep every part that did not change: the same order objects, the same
 * tab objects and the same snapshot, so a status change renders only what shows that order.
 */
export function snapshotBuilder(): (state: OrdersState) => OrdersSnapshot {
  let previous: OrdersSnapshot | undefined
  const overlays = new Map<string, { base: Order; shown: Order }>()
  const shownOrder = (state: OrdersState, id: string): Order => {
    const base = state.server[id]!
    const status = state.optimistic[id]
    if (status === undefined || status === base.status) return base
    const hit = overlays.get(id)
    if (hit && hit.base === base && hit.shown.status === status) return hit.shown
    const shown = Object.freeze({ ...base, status })
    overlays.set(id, { base, shown })
    return shown
  }
  return (state) => {
    const ordersNow: Record<string, Order> = {}
    for (const id of Object.keys(state.server)) ordersNow[id] = shownOrder(state, id)
    const orders =
      previous && sameFields(previous.orders, ordersNow) ? previous.orders : Object.freeze(ordersNow)
    const tabs = {} as Record<OrderTab, OrderList>
    for (const tab of ORDER_TAB_NAMES)
      tabs[tab] = listView(state.lists[tab], tab, orders, previous?.tabs[tab])
    const next: OrdersSnapshot = {
      current: state.current,
      tabs: previous && sameFields(previous.tabs, tabs) ? previous.tabs : Object.freeze(tabs),
      orders,
      details: state.details,
      actions: state.actions,
    }
    if (!previous || !sameFields(previous, next)) previous = Object.freeze(next)
    return previous
  }
}

function listView(
  list: ListState,
  tab: OrderTab,
  orders: Readonly<Record<string, Order>>,
  previous: OrderList | undefined,
): OrderList {
  const shown = list.ids
    .map((id) => orders[id])
    .filter((order): order is Order => order !== undefined && orderInTab(order, tab))
  const next: OrderList = {
    status: list.status,
    orders: previous && sameList(previous.orders, shown) ? previous.orders : Object.freeze(shown),
    hasMore: list.loaded && list.cursor !== null,
    empty: list.loaded && shown.length === 0,
    ...(list.error ? { error: list.error } : {}),
  }
  return previous && sameFields(previous, next) ? previous : Object.freeze(next)
}
