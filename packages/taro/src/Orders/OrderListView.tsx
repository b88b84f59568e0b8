import { ScrollView, Text, View } from '@tarojs/components'
import {
  type CheckoutSnapshot,
  goodsMessages,
  ORDER_TAB_NAMES,
  type OrderActionState,
  type OrderList as OrderListData,
  type OrderTab,
  orderMessages,
} from '@tradekit/core'
import { useTranslate } from '@tradekit/react'
import { type ReactNode, useEffect, useId, useState } from 'react'
import { Empty } from '../Empty/Empty'
import { a11y } from '../internal/a11y'
import { isH5 } from '../internal/env'
import { groupKeys } from '../internal/keyboard'
import { Pressable } from '../internal/Pressable'
import { Skeleton } from '../Skeleton/Skeleton'
import { useThemeVars } from '../theme/ThemeContext'
import type { OrderActionHandlers } from './OrderActions'
import { OrderCard } from './OrderCard'
import '../theme/tokens.css'
import './OrderList.css'

/** Props of {@link OrderListView}. */
export interface OrderListViewProps extends OrderActionHandlers {
  /** The tab shown. */
  tab: OrderTab
  /** A tab was chosen. */
  onTabChange: (tab: OrderTab) => void
  /** The tab's list (`useOrders(tab)`): status, orders, hasMore, empty, error. */
  list: OrderListData
  /** Pull to refresh, and "try again" after a first page failed. */
  onRefresh: () => void
  /** The next page (scrolled to the end, or "加载更多" pressed). */
  onLoadMore: () => void
  /** Actions running or failed, by order id (`snapshot.actions`). */
  actions?: Readonly<Record<string, OrderActionState>>
  /**
   * The checkout's snapshot while it pays one of the orders (`useOrderPayment()`): that order's card
   * says where its payment stands.
   */
  payment?: CheckoutSnapshot
  /**
   * Cards rendered in the first pass; the rest follow in batches of this size on the next frames.
   * @default 20
   */
  batchSize?: number
  /** Shown when the tab has no order (default: `Empty` with "暂无订单"). */
  empty?: ReactNode
  /** The device clock for the countdowns (stories and tests). @default Date.now */
  now?: () => number
  /** Extra class of the root. */
  className?: string
}

const tabProps = (selected: boolean) =>
  isH5 ? { 'aria-selected': selected ? 'true' : 'false' } : { ariaSelected: selected }

/**
 * "我的订单", without its data: the tabs 全部 / 待支付 / 待发货 / 待收货 / 待使用 / 售后 as a tab list,
 * and the tab's orders in a `ScrollView` with pull to refresh and load more at the end; a skeleton
 * while the first page loads, an empty state, an error with "try again", and "no more" at the
 * end. Cards are memoised: with stable handlers, one order's change re-renders only its card.
 * `OrderList` is this view over `useOrders()`.
 *
 * @example
 * ```tsx
 * const [tab, setTab] = useState<OrderTab>('all')
 * const list = useOrders(tab)
 * <OrderListView tab={tab} onTabChange={setTab} list={list} onRefresh={list.refresh} onLoadMore={list.loadMore} />
 * ```
 */
export function OrderListView({
  tab,
  onTabChange,
  list,
  onRefresh,
  onLoadMore,
  actions,
  payment,
  batchSize = 20,
  empty,
  now,
  className,
  ...handlers
}: OrderListViewProps) {
  const themeVars = useThemeVars()
  const { t } = useTranslate(orderMessages, goodsMessages)
  const total = list.orders.length
  const idBase = useId()
  const tabIds = ORDER_TAB_NAMES.map((name) => `${idBase}${name}`)
  const [shown, setShown] = useState(batchSize)
  useEffect(() => {
    if (shown >= total) return
    const timer = setTimeout(() => setShown((n) => n + batchSize), 16)
    return () => clearTimeout(timer)
  }, [shown, total, batchSize])

  const { status, hasMore } = list
  const busy = status === 'loading' || status === 'refreshing' || status === 'loading_more'
  // the first load (idle is the frame before it starts) shows skeletons: the panel is busy, as on refresh
  const firstLoad = total === 0 && (status === 'loading' || status === 'idle')
  let body: ReactNode
  if (firstLoad) {
    body = (
      <View className="tk-order-list__skeletons">
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} className="tk-order-list__skeleton" image="side" rows={2} />
        ))}
      </View>
    )
  } else if (total === 0 && status === 'error') {
    body = (
      <View className="tk-order-list__error" {...a11y({ role: 'alert' })}>
        <Text className="tk-order-list__error-text">{t('orders.error')}</Text>
        <Pressable className="tk-order-list__retry" onPress={onRefresh}>
          {t('orders.retry')}
        </Pressable>
      </View>
    )
  } else if (total === 0 && list.empty) {
    body = empty ?? <Empty title={t('orders.empty.title')} description={t('orders.empty.description')} />
  } else {
    body = (
      <>
        <View className="tk-order-list__orders" {...a11y({ role: 'list', label: t('orders.list') })}>
          {list.orders.slice(0, shown).map((order) => (
            <View key={order.orderId} className="tk-order-list__item" {...a11y({ role: 'listitem' })}>
              <OrderCard
                order={order}
                action={actions?.[order.orderId]}
                payment={payment?.order?.orderId === order.orderId ? payment : undefined}
                now={now}
                {...handlers}
              />
            </View>
          ))}
        </View>
        <View className="tk-order-list__footer">
          {status === 'loading_more' ? (
            <Text {...a11y({ role: 'status' })}>{t('orders.loadingMore')}</Text>
          ) : status === 'error' ? (
            <View className="tk-order-list__footer-error" {...a11y({ role: 'alert' })}>
              <Text>{t('orders.error')}</Text>
              <Pressable className="tk-order-list__retry" onPress={onLoadMore}>
                {t('orders.retry')}
              </Pressable>
            </View>
          ) : hasMore ? (
            <Pressable className="tk-order-list__more" onPress={onLoadMore}>
              {t('orders.loadMore')}
            </Pressable>
          ) : total > 0 ? (
            <Text>{t('orders.noMore')}</Text>
          ) : null}
        </View>
      </>
    )
  }

  const choose = (name: OrderTab) => {
    if (name !== tab) onTabChange(name)
  }
  return (
    <View style={themeVars} className={className ? `tk-order-list ${className}` : 'tk-order-list'}>
      <View
        className="tk-order-list__tabs"
        {...a11y({ role: 'tablist', label: t('orders.tabs') })}
        {...groupKeys(
          tabIds,
          ORDER_TAB_NAMES.indexOf(tab),
          () => true,
          (i) => choose(ORDER_TAB_NAMES[i] as OrderTab),
        )}
      >
        {ORDER_TAB_NAMES.map((name, i) => {
          const selected = name === tab
          return (
            <View
              key={name}
              className={selected ? 'tk-order-list__tab tk-order-list__tab--selected' : 'tk-order-list__tab'}
              onClick={() => choose(name)}
              {...a11y({ role: 'tab' })}
              {...tabProps(selected)}
              {...(isH5 ? { id: tabIds[i] } : {})}
            >
              <Text className="tk-order-list__tab-text">{t(`orders.tab.${name}`)}</Text>
            </View>
          )
        })}
      </View>
      <ScrollView
        className="tk-order-list__scroll"
        scrollY
        lowerThreshold={120}
        refresherEnabled
        refresherTriggered={status === 'refreshing'}
        onRefresherRefresh={() => onRefresh()}
        onScrollToLower={() => {
          if (hasMore && !busy) onLoadMore()
        }}
      >
        {/* Taro's H5 ScrollView drops ARIA props: the panel is a View inside it */}
        <View
          className="tk-order-list__panel"
          {...a11y({
            role: 'tabpanel',
            label: t(`orders.tab.${tab}`),
            busy: firstLoad || status === 'refreshing',
          })}
        >
          {body}
        </View>
      </ScrollView>
    </View>
  )
}
