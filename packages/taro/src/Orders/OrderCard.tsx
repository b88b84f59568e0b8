import { Text, View } from '@tarojs/components'
import {
  type CheckoutSnapshot,
  formatMoney,
  goodsMessages,
  type Order,
  type OrderActionState,
  orderActions,
  orderMessages,
  remainingMs,
} from '@tradekit/core'
import { useTranslate } from '@tradekit/react'
import { memo } from 'react'
import { a11y } from '../internal/a11y'
import { Price } from '../Price/Price'
import { useThemeVars } from '../theme/ThemeContext'
import { type OrderActionHandlers, OrderActions } from './OrderActions'
import { OrderLineRow } from './OrderLineRow'
import { OrderPaymentLine } from './OrderPaymentLine'
import { actionFailureKey, statusKey } from './orderText'
import { PayCountdown } from './PayCountdown'
import { useOrderClock } from './useOrderClock'
import '../theme/tokens.css'
import './OrderCard.css'

/** Props of {@link OrderCard}. */
export interface OrderCardProps extends OrderActionHandlers {
  /** The order, as the order centre's cache has it (`useOrders(tab).orders`). */
  order: Order
  /** The action running or failed on the order (`snapshot.actions[orderId]`): its button is busy. */
  action?: OrderActionState
  /**
   * The checkout's snapshot while it pays this order (`OrderList` passes it to the card of the
   * order being paid): a line under the amount says where the payment stands, and a failure that
   * cannot be retried takes 继续支付 away.
   */
  payment?: CheckoutSnapshot
  /**
   * Lines shown before "等 n 件商品".
   * @default 3
   */
  maxLines?: number
  /**
   * The device clock (stories and tests). The countdown runs on the server's clock either way.
   * @default Date.now
   */
  now?: () => number
  /** Extra class of the root. */
  className?: string
}

const deviceNow = () => Date.now()

/**
 * One order in a list: its number and status, its lines (picture, title, spec, unit price,
 * quantity), what was paid (or is to pay), and the actions its status allows (`orderActions`):
 * 继续支付 with the time left to pay, 取消订单, 申请退款/申请售后, 确认收货, 再次购买, 查看详情.
 * Each action shows when its handler is given. Memoised: give stable handlers, and a list of
 * 200 re-renders only the card whose order changed.
 *
 * @example
 * ```tsx
 * <OrderCard order={order} onDetail={(o) => Taro.navigateTo({ url: `/pages/order?id=${o.orderId}` })} />
 * ```
 */
export const OrderCard = memo(function OrderCard({
  order,
  action,
  payment,
  maxLines = 3,
  now = deviceNow,
  className,
  ...handlers
}: OrderCardProps) {
  const themeVars = useThemeVars()
  const { t, locale } = useTranslate(orderMessages, goodsMessages)
  const at = useOrderClock(order, now)
  const remaining = remainingMs(order, at)
  const can = orderActions(order, at, payment)
  const status = t(statusKey(order, remaining))
  const unpaid = order.status === 'pending_payment'
  const amountText = formatMoney(order.amount, { locale })
  const shownLines = order.lines.slice(0, Math.max(1, maxLines))
  const hidden = order.lines.length - shownLines.length
  const count = order.lines.reduce((sum, line) => sum + line.quantity, 0)
  const classes = ['tk-order-card', `tk-order-card--${order.status}`, className].filter(Boolean).join(' ')

  return (
    <View
      style={themeVars}
      className={classes}
      {...a11y({ role: 'group', label: t('order.card', { id: order.orderId, status }) })}
    >
      <View className="tk-order-card__header">
        <Text className="tk-order-card__number">{t('order.number', { id: order.orderId })}</Text>
        <Text className="tk-order-card__status">{status}</Text>
      </View>
      <View className="tk-order-card__lines" {...a11y({ role: 'list', label: t('order.lines') })}>
        {shownLines.map((line) => (
          <OrderLineRow key={line.lineId} line={line} />
        ))}
      </View>
      {hidden > 0 ? <Text className="tk-order-card__more">{t('order.moreLines', { count })}</Text> : null}
      <View className="tk-order-card__summary">
        {unpaid ? (
          <PayCountdown
            remaining={remaining}
            textKey="order.countdown"
            className="tk-order-card__countdown"
            expiredClassName="tk-order-card__expired"
          />
        ) : null}
        <View className="tk-order-card__amount">
          <Text className="tk-order-card__amount-label" {...a11y({ hidden: true })}>
            {t(unpaid ? 'order.detail.payable' : 'order.detail.paid')}
          </Text>
          <Price
            price={order.amount}
            size="md"
            ariaLabel={t(unpaid ? 'order.payableAmount' : 'order.paidAmount', { amount: amountText })}
          />
        </View>
      </View>
      <OrderPaymentLine order={order} payment={payment} className="tk-order-card__payment" />
      {action?.status === 'failed' ? (
        <Text className="tk-order-card__error" {...a11y({ role: 'alert' })}>
          {t(actionFailureKey(action))}
        </Text>
      ) : null}
      <OrderActions order={order} can={can} action={action} handlers={handlers} />
    </View>
  )
})
