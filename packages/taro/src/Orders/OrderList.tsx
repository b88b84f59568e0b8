import type { Order, OrdersSnapshot, OrderTab } from '@tradekit/core'
import { useOrderPayment, useOrders } from '@tradekit/react'
import { type ReactNode, useCallback, useMemo, useRef, useState, useSyncExternalStore } from 'react'
import type { OrderActionHandlers } from './OrderActions'
import { OrderListView } from './OrderListView'

/** Props of {@link OrderList}. */
export interface OrderListProps extends OrderActionHandlers {
  /** The tab shown first (the list keeps its own tab afterwards unless `tab` is given). @default 'all' */
  defaultTab?: OrderTab
  /** The tab shown, when the page controls it (with `onTabChange`). */
  tab?: OrderTab
  /** A tab was chosen. */
  onTabChange?: (tab: OrderTab) => void
  /** Shown when the tab has no order. */
  empty?: ReactNode
  /** Cards rendered in the first pass. @default 20 */
  batchSize?: number
  /** The device clock for the countdowns (stories and tests). @default Date.now */
  now?: () => number
  /** Extra class of the root. */
  className?: string
}

type HandlerName = keyof OrderActionHandlers
const NAMES: readonly HandlerName[] = [
  'onPay',
  'onCancel',
  'onRefund',
  'onConfirmReceipt',
  'onBuyAgain',
  'onDetail',
]
const selectActions = (snapshot: OrdersSnapshot) => snapshot.actions

/**
 * "我的订单" over the order centre of `TradeProvider ordersApi={…}`: `OrderListView` with
 * `useOrders(tab)`. 取消订单 and 确认收货 run on the store by default (cancel shows at once and is
 * rolled back if the server refuses); pay, refund, buy again and details are the page's (they
 * open the checkout, the refund sheet, the cart or the detail page). Handlers may change on every
 * render: the cards get stable ones, so a status change re-renders only the card it concerns.
 * While the checkout pays one of the orders (继续支付), that order's card says where the payment
 * stands (`useOrderPayment()`).
 *
 * @example
 * ```tsx
 * <OrderList onDetail={(o) => Taro.navigateTo({ url: `/pages/order/index?id=${o.orderId}` })} onRefund={openRefund} />
 * ```
 */
export function OrderList({
  defaultTab = 'all',
  tab: controlledTab,
  onTabChange,
  empty,
  batchSize,
  now,
  className,
  ...handlers
}: OrderListProps) {
  const [ownTab, setOwnTab] = useState<OrderTab>(defaultTab)
  const tab = controlledTab ?? ownTab
  const list = useOrders(tab)
  const { store } = list
  const actions = useSyncExternalStore(
    store.subscribe,
    () => selectActions(store.getSnapshot()),
    () => selectActions(store.getSnapshot()),
  )
  const payment = useOrderPayment()
  const latest = useRef(handlers)
  latest.current = handlers
  // one stable function per handler, calling the latest prop
  const stable = useMemo(() => {
    const out: Record<string, (order: Order) => void> = {}
    for (const name of NAMES) out[name] = (order) => latest.current[name]?.(order)
    return out as Required<OrderActionHandlers>
  }, [])
  const cancel = useCallback((order: Order) => void store.cancel(order.orderId), [store])
  const confirmReceipt = useCallback((order: Order) => void store.confirmReceipt(order.orderId), [store])
  const present = (name: HandlerName) => (handlers[name] ? stable[name] : undefined)
  const changeTab = useCallback(
    (next: OrderTab) => {
      setOwnTab(next)
      onTabChange?.(next)
    },
    [onTabChange],
  )
  return (
    <OrderListView
      tab={tab}
      onTabChange={changeTab}
      list={list}
      onRefresh={list.refresh}
      onLoadMore={list.loadMore}
      actions={actions}
      payment={payment}
      empty={empty}
      batchSize={batchSize}
      now={now}
      className={className}
      onPay={present('onPay')}
      onCancel={present('onCancel') ?? cancel}
      onRefund={present('onRefund')}
      onConfirmReceipt={present('onConfirmReceipt') ?? confirmReceipt}
      onBuyAgain={present('onBuyAgain')}
      onDetail={present('onDetail')}
    />
  )
}
