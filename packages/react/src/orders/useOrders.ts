import {
  type CheckoutSnapshot,
  continuedOrderOf,
  createOrders,
  followCheckout,
  type Order,
  type OrderActionFlags,
  type OrderActionState,
  type OrderDetailState,
  type OrderList,
  type OrderResult,
  type Orders,
  type OrdersApi,
  type OrderTab,
  orderActions,
  type RefundInput,
  remainingMs,
  trackOrders,
} from '@tradekit/core'
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react'
import { useTradeContext } from '../provider/TradeContext'

/**
 * The user's order centre: made by the first order hook to render under `TradeProvider ordersApi`
 * (so its code comes with these hooks, not with the provider), the latest api object always the one
 * called, its refunds reported to the provider's `onEvent`, disposed with the provider's user.
 */
function useOrdersStore(hook: string): Orders {
  const { lazy, events, checkout } = useTradeContext(hook)
  if (!lazy?.apis.current.ordersApi)
    throw new Error(
      process.env.NODE_ENV !== 'production'
        ? `${hook} needs <TradeProvider ordersApi={…}>: the order centre reads your order API.`
        : undefined,
    )
  const store = lazy.get('orders', () => {
    const given = lazy.apis.current.ordersApi as OrdersApi
    const api = () => lazy.apis.current.ordersApi ?? given
    return createOrders({
      api: {
        listOrders: (query) => api().listOrders(query),
        getOrder: (id, ctx) => api().getOrder(id, ctx),
        cancelOrder: (id) => api().cancelOrder(id),
        requestRefund: (id, request, ctx) => api().requestRefund(id, request, ctx),
        ...(typeof given.cancelRefund === 'function'
          ? { cancelRefund: (id: string, refundId: string) => api().cancelRefund!(id, refundId) }
          : {}),
        ...(typeof given.confirmReceipt === 'function'
          ? { confirmReceipt: (id: string) => api().confirmReceipt!(id) }
          : {}),
      },
      ...(lazy.lifecycle ? { lifecycle: lazy.lifecycle } : {}),
    })
  })
  // its refunds, as `refund` events (sent only when the provider has `onEvent`)
  if (events) lazy.get('orders:events', () => ({ dispose: trackOrders(store, events) }))
  // an order the checkout finds paid is read again (core's followCheckout)
  if (checkout) lazy.get('orders:checkout', () => ({ dispose: followCheckout(store, checkout) }))
  return store
}

/** A tab of the order centre and what it can do. */
export interface UseOrdersResult extends OrderList {
  /** The tab shown. */
  readonly tab: OrderTab
  /** Loads the tab's first page again (pull to refresh). */
  refresh(): Promise<OrderList>
  /** Loads the next page (no double load while one is on its way). */
  loadMore(): Promise<OrderList>
  /** The underlying core store. */
  readonly store: Orders
}

/**
 * One tab of the order centre ("我的订单"): its orders (each as the cache knows it — a status never
 * goes back), loading, empty and error states, refresh and load more. Selects and loads the tab on
 * mount; the provider's store fetches the shown tab again when the app comes back.
 *
 * @example
 * ```tsx
 * const list = useOrders('pending_payment')
 * if (list.empty) return <Empty />
 * return <ScrollView onScrollToLower={() => list.loadMore()}>{list.orders.map((o) => <OrderRow key={o.orderId} order={o} />)}</ScrollView>
 * ```
 */
export function useOrders(tab: OrderTab = 'all'): UseOrdersResult {
  const store = useOrdersStore('useOrders')
  useEffect(() => {
    void store.selectTab(tab)
  }, [store, tab])
  const list = useSyncExternalStore(
    store.subscribe,
    () => store.getSnapshot().tabs[tab],
    () => store.getSnapshot().tabs[tab],
  )
  return useMemo(
    () => ({ ...list, tab, refresh: () => store.refresh(tab), loadMore: () => store.loadMore(tab), store }),
    [list, tab, store],
  )
}

/** One order, its read and its actions. */
export interface UseOrderResult {
  /** The order as the cache knows it (absent until the first read answered). */
  readonly order?: Order
  /** The detail read: loading, ready or error. */
  readonly detail?: OrderDetailState
  /** An action running or failed on the order. */
  readonly action?: OrderActionState
  /** What the order allows now (cancel, pay, refund, confirm receipt, buy again). */
  readonly can: OrderActionFlags | null
  /** Cancels the unpaid order: shown cancelled at once, rolled back if the server refuses. */
  cancel(): Promise<OrderResult>
  /** Asks for a refund, allocated exactly across the lines. */
  requestRefund(input: RefundInput): Promise<OrderResult>
  /** Takes back a refund request. */
  cancelRefund(refundId: string): Promise<OrderResult>
  /** Confirms a parcel arrived. */
  confirmReceipt(): Promise<OrderResult>
  /**
   * "Continue to pay": the checkout pays the same order with the channel's saved state (never a
   * second platform order), then the order is read again. Needs `api` on the provider.
   */
  continuePayment(): Promise<CheckoutSnapshot>
  /**
   * The checkout's snapshot while it pays this order or last paid it (`continuePayment`, or a
   * payment of this order started elsewhere in the app): what the order's page says next to the
   * server's status ("confirming", "cancelled", "failed"). Absent otherwise, and without `api` on
   * the provider. When the checkout finds the order paid, the order is read again (`followCheckout`).
   */
  readonly payment?: CheckoutSnapshot
  /** Reads the order again. */
  reload(): Promise<OrderResult>
}

const noSubscribe = () => () => {}
const noSnapshot = () => undefined

/**
 * The checkout's snapshot while it pays an order of the order centre, or last paid it: `orderId`'s
 * (what `useOrder(orderId).payment` gives), or whichever order it is on when no id is given (what
 * `OrderList` hands the card of that order). Absent while the checkout is idle, on another order, or
 * without `api` on the provider.
 *
 * @example
 * ```tsx
 * const payment = useOrderPayment()
 * <OrderListView payment={payment} {...list} />
 * ```
 */
export function useOrderPayment(orderId?: string): CheckoutSnapshot | undefined {
  const { checkout } = useTradeContext('useOrderPayment')
  const snapshot = useSyncExternalStore(
    checkout ? checkout.subscribe : noSubscribe,
    checkout ? checkout.getSnapshot : noSnapshot,
    checkout ? checkout.getSnapshot : noSnapshot,
  )
  if (!snapshot || snapshot.status === 'idle' || !snapshot.order) return undefined
  return orderId === undefined || snapshot.order.orderId === orderId ? snapshot : undefined
}

/**
 * One order of the order centre (the detail page of `orderEntrySchema`): read on mount, kept in
 * step with the lists, with the actions its status allows.
 *
 * @example
 * ```tsx
 * const { order, can, continuePayment, cancel } = useOrder(orderId)
 * {can?.canPay ? <Button onClick={continuePayment}>继续支付</Button> : null}
 * ```
 */
export function useOrder(orderId: string): UseOrderResult {
  const store = useOrdersStore('useOrder')
  const { checkout } = useTradeContext('useOrder')
  useEffect(() => {
    void store.getOrder(orderId)
  }, [store, orderId])
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot)
  const order = snapshot.orders[orderId]
  const detail = snapshot.details[orderId]
  const action = snapshot.actions[orderId]
  const expiry = useExpiry(order)
  const payment = useOrderPayment(orderId)
  // biome-ignore lint/correctness/useExhaustiveDependencies: `can` reads the clock; expiry changes when the time to pay ran out
  return useMemo(
    () => ({
      order,
      detail,
      action,
      payment,
      can: order ? orderActions(order, Date.now(), payment) : null,
      cancel: () => store.cancel(orderId),
      requestRefund: (input) => store.requestRefund(orderId, input),
      cancelRefund: (refundId) => store.cancelRefund(orderId, refundId),
      confirmReceipt: () => store.confirmReceipt(orderId),
      reload: () => store.getOrder(orderId),
      async continuePayment() {
        if (!checkout)
          throw new Error(
            process.env.NODE_ENV !== 'production'
              ? 'continuePayment needs <TradeProvider api={…}>: it pays through the checkout.'
              : undefined,
          )
        if (!order)
          throw new Error(
            process.env.NODE_ENV !== 'production' ? `Order ${orderId} is not loaded yet` : undefined,
          )
        const result = await checkout.continuePayment(continuedOrderOf(order))
        await store.getOrder(orderId)
        return result
      },
    }),
    [order, detail, action, payment, store, orderId, checkout, expiry],
  )
}

// setTimeout's longest delay (about 24.8 days); a longer wait is taken in steps
const LONGEST_DELAY_MS = 2 ** 31 - 1

/**
 * Re-renders once when an unpaid order's time to pay runs out (on the server's clock, as
 * `remainingMs` reads it), so `can` stops offering to pay or cancel it while the page stays open.
 * Answers a number that changes at that moment.
 */
function useExpiry(order: Order | undefined): number {
  const [expiry, setExpiry] = useState(0)
  const left = order ? remainingMs(order, Date.now()) : null
  const counting = left !== null && left > 0
  // biome-ignore lint/correctness/useExhaustiveDependencies: a wait cut at the longest delay is taken again after it
  useEffect(() => {
    if (!order || !counting) return
    const wait = remainingMs(order, Date.now()) ?? 0
    const ran = () => setExpiry((n) => n + 1)
    if (wait === 0) return ran()
    const timer = setTimeout(ran, Math.min(wait, LONGEST_DELAY_MS))
    return () => clearTimeout(timer)
  }, [order, counting, expiry])
  return expiry
}
