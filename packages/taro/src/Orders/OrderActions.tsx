import { Text, View } from '@tarojs/components'
import {
  type Order,
  type OrderActionFlags,
  type OrderActionName,
  type OrderActionState,
  orderMessages,
} from '@tradekit/core'
import { useTranslate } from '@tradekit/react'
import { a11y } from '../internal/a11y'
import { NAVIGATION_SETTLE_MS, Pressable } from '../internal/Pressable'
import './OrderActions.css'

/** What the user may do with an order, each called with the order. */
export interface OrderActionHandlers {
  /** "继续支付": continue to pay the unpaid order (the checkout's retry/resume of that order). */
  onPay?: (order: Order) => void
  /** "取消订单". */
  onCancel?: (order: Order) => void
  /** "申请退款" / "申请售后": open the refund sheet. */
  onRefund?: (order: Order) => void
  /** "确认收货". */
  onConfirmReceipt?: (order: Order) => void
  /** "再次购买": put the lines back in the cart (see `BuyAgainButton`). */
  onBuyAgain?: (order: Order) => void
  /** "查看详情": open the order's detail page. */
  onDetail?: (order: Order) => void
}

const AFTER_SALE = new Set(['shipped', 'delivered', 'verified', 'completed'])

interface Entry {
  key: string
  text: string
  primary: boolean
  running: boolean
  onPress: () => void
}

/**
 * The buttons an order's status allows (`orderActions`), each shown when its handler is given; the
 * primary one last. The action running on the order is busy and the others wait.
 */
export function OrderActions({
  order,
  can,
  action,
  handlers,
}: {
  order: Order
  can: OrderActionFlags
  action?: OrderActionState
  handlers: OrderActionHandlers
}) {
  const { t } = useTranslate(orderMessages)
  const running = action?.status === 'running' ? action.action : undefined
  const entries: Entry[] = []
  const add = (
    key: string,
    allowed: boolean,
    handler: ((order: Order) => void) | undefined,
    text: string,
    primary = false,
    name?: OrderActionName,
  ) => {
    if (allowed && handler) {
      entries.push({
        key,
        text,
        primary,
        running: name !== undefined && running === name,
        onPress: () => handler(order),
      })
    }
  }
  add('detail', true, handlers.onDetail, t('order.action.detail'))
  add('cancel', can.canCancel, handlers.onCancel, t('order.action.cancel'), false, 'cancel')
  add(
    'refund',
    can.canRefund,
    handlers.onRefund,
    t(AFTER_SALE.has(order.status) ? 'order.action.afterSale' : 'order.action.refund'),
    false,
    'refund',
  )
  add('buyAgain', can.canBuyAgain, handlers.onBuyAgain, t('order.action.buyAgain'), !can.canConfirmReceipt)
  add(
    'confirm',
    can.canConfirmReceipt,
    handlers.onConfirmReceipt,
    t('order.action.confirmReceipt'),
    true,
    'confirm_receipt',
  )
  add('pay', can.canPay, handlers.onPay, t('order.action.pay'), true)
  if (entries.length === 0) return null
  // one primary action: the last allowed primary one
  const primary = entries.map((entry) => entry.primary).lastIndexOf(true)
  return (
    <View className="tk-order-actions" {...a11y({ role: 'group', label: t('order.actions') })}>
      {entries.map((entry, i) => (
        <Pressable
          key={entry.key}
          className="tk-order-actions__button"
          busy={entry.running}
          disabled={running !== undefined && !entry.running}
          settleMs={NAVIGATION_SETTLE_MS}
          onPress={entry.onPress}
        >
          <Text
            className={
              i === primary
                ? 'tk-order-actions__pill tk-order-actions__pill--primary'
                : 'tk-order-actions__pill'
            }
          >
            {entry.text}
          </Text>
        </Pressable>
      ))}
    </View>
  )
}
