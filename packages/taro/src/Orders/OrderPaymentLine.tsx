import { Text } from '@tarojs/components'
import { type CheckoutSnapshot, checkoutMessages, type Order } from '@tradekit/core'
import { useTranslate } from '@tradekit/react'
import { paymentLine } from '../Checkout/paymentText'
import { a11y } from '../internal/a11y'

/** Props of {@link OrderPaymentLine}. */
export interface OrderPaymentLineProps {
  /** The order as the order centre has it. */
  order: Order
  /** The checkout's snapshot while it pays this order (`useOrderPayment(orderId)`). */
  payment?: CheckoutSnapshot
  /** Class of the line. */
  className?: string
}

/**
 * The line under an unpaid order's status that says where the checkout's payment of it stands
 * (confirming, "we are confirming", cancelled, failed and why, expired), as a status for screen
 * readers; nothing once the server has the order paid (its own status speaks) or with no payment.
 */
export function OrderPaymentLine({ order, payment, className }: OrderPaymentLineProps) {
  const { t } = useTranslate(checkoutMessages)
  const text = order.status === 'pending_payment' && payment ? paymentLine(payment, t) : null
  return text ? (
    <Text className={className} {...a11y({ role: 'status' })}>
      {text}
    </Text>
  ) : null
}
