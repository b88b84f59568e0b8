import { Text, View } from '@tarojs/components'
import { goodsMessages, type Order, type OrderRefund, orderMessages } from '@tradekit/core'
import { useOrder, useTranslate } from '@tradekit/react'
import { useRef } from 'react'
import { a11y } from '../internal/a11y'
import { Pressable } from '../internal/Pressable'
import { Skeleton } from '../Skeleton/Skeleton'
import { useThemeVars } from '../theme/ThemeContext'
import type { OrderActionHandlers } from './OrderActions'
import { OrderDetailView } from './OrderDetailView'
import '../theme/tokens.css'
import '../internal/Section.css'
import './OrderList.css'
import './OrderDetail.css'

/** Props of {@link OrderDetail}. */
export interface OrderDetailProps extends Omit<OrderActionHandlers, 'onDetail'> {
  /** The order to show (the page's `id` query: the path Douyin sends as `orderEntrySchema`). */
  orderId: string
  /** The device clock for the countdown (stories and tests). @default Date.now */
  now?: () => number
  /** Extra class of the root. */
  className?: string
}

/**
 * The order-detail page's body over `useOrder(orderId)`: read on mount, a skeleton until it
 * answers, an error with "try again". 继续支付 continues the payment of this same order through the
 * checkout (`continuePayment`: the channel's saved state, never a second platform order) unless
 * `onPay` is given, and while the order is unpaid a line under its status says where that payment
 * stands (`useOrder(id).payment`); 取消订单, 确认收货 and 撤销申请 run on the order centre; 申请退款 and 再次购买 are
 * the page's (`RefundSheet`, `BuyAgainButton`).
 *
 * @example
 * ```tsx
 * const { id } = useRouter().params
 * <OrderDetail orderId={id} onRefund={() => setRefunding(true)} onBuyAgain={buyAgain} />
 * ```
 */
export function OrderDetail({
  orderId,
  now,
  className,
  onPay,
  onCancel,
  onConfirmReceipt,
  ...rest
}: OrderDetailProps) {
  const themeVars = useThemeVars()
  const { t } = useTranslate(orderMessages, goodsMessages)
  const current = useOrder(orderId)
  const latest = useRef(current)
  latest.current = current
  const { order, detail, action, payment } = current
  if (!order) {
    if (detail?.status === 'error') {
      return (
        <View style={themeVars} className="tk-order-detail" {...a11y({ role: 'alert' })}>
          <Text>{t('order.detail.error')}</Text>
          <Pressable className="tk-order-list__retry" onPress={() => void latest.current.reload()}>
            {t('orders.retry')}
          </Pressable>
        </View>
      )
    }
    return (
      <View style={themeVars} className="tk-order-detail">
        <Skeleton rows={3} />
        <Skeleton image="side" rows={2} />
      </View>
    )
  }
  return (
    <OrderDetailView
      order={order}
      action={action}
      payment={payment}
      now={now}
      className={className}
      onPay={onPay ?? (() => void latest.current.continuePayment().catch(() => undefined))}
      onCancel={onCancel ?? (() => void latest.current.cancel())}
      onConfirmReceipt={onConfirmReceipt ?? (() => void latest.current.confirmReceipt())}
      onWithdrawRefund={(refund: OrderRefund) => void latest.current.cancelRefund(refund.refundId)}
      {...(rest as Partial<Record<'onRefund' | 'onBuyAgain', (order: Order) => void>>)}
    />
  )
}
