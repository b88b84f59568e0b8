import { Text, View } from '@tarojs/components'
import {
  type CheckoutSnapshot,
  formatMoney,
  goodsMessages,
  type Money,
  type Order,
  type OrderActionState,
  type OrderRefund,
  orderActions,
  orderMessages,
  remainingMs,
} from '@tradekit/core'
import { useTranslate } from '@tradekit/react'
import { a11y } from '../internal/a11y'
import { useThemeVars } from '../theme/ThemeContext'
import { type OrderActionHandlers, OrderActions } from './OrderActions'
import { OrderLineRow } from './OrderLineRow'
import { OrderPaymentLine } from './OrderPaymentLine'
import { actionFailureKey, formatTime, statusKey } from './orderText'
import { PayCountdown } from './PayCountdown'
import { QrCode } from './qr/QrCode'
import { RefundProgress } from './RefundProgress'
import { useOrderClock } from './useOrderClock'
import '../theme/tokens.css'
import '../internal/Section.css'
import './OrderDetail.css'

/** Props of {@link OrderDetailView}. */
export interface OrderDetailViewProps extends Omit<OrderActionHandlers, 'onDetail'> {
  /** The order (`useOrder(id).order`). */
  order: Order
  /** The action running or failed on it. */
  action?: OrderActionState
  /**
   * The checkout's snapshot while it pays this order (`useOrder(id).payment`): while the order is
   * unpaid, one line under its status says where the payment stands — confirming, "we are
   * confirming" (unknown), cancelled, failed and why, expired. A failure the cashier said cannot
   * be retried says "this order can no longer be paid" and takes 继续支付 away.
   */
  payment?: CheckoutSnapshot
  /** "撤销申请" of a refund request the merchant has not answered. */
  onWithdrawRefund?: (refund: OrderRefund) => void
  /** The device clock for the countdown (stories and tests). @default Date.now */
  now?: () => number
  /** Extra class of the root. */
  className?: string
}

/** A delivery address in the common shape, when the order's `address` has one. */
export interface AddressLike {
  name?: string
  phone?: string
  region?: string
  detail?: string
}

function addressOf(value: unknown): AddressLike | null {
  if (typeof value !== 'object' || value === null) return null
  const record = value as Record<string, unknown>
  const text = (key: string) =>
    typeof record[key] === 'string' && record[key] !== '' ? (record[key] as string) : undefined
  const address: AddressLike = {
    name: text('name'),
    phone: text('phone'),
    region: text('region'),
    detail: text('detail'),
  }
  return address.detail || address.region || address.name ? address : null
}

const CODE_SHOWN = new Set(['paid', 'to_verify'])
const deviceNow = () => Date.now()

/**
 * One order, without its data: the status (with the time left to pay an unpaid order, and where its
 * payment stands while the checkout pays it), the
 * verification code of a service or virtual good as text and as a QR code, contact and address,
 * the lines, the amounts (subtotal, discount, fee, paid, refunded), its refunds' progress, the
 * timeline and the actions its status allows. `OrderDetail` is this view over `useOrder(id)`.
 *
 * @example
 * ```tsx
 * <OrderDetailView order={order} onPay={pay} onRefund={openRefund} />
 * ```
 */
export function OrderDetailView({
  order,
  action,
  payment,
  onWithdrawRefund,
  now = deviceNow,
  className,
  ...handlers
}: OrderDetailViewProps) {
  const themeVars = useThemeVars()
  const { t, locale } = useTranslate(orderMessages, goodsMessages)
  const at = useOrderClock(order, now)
  const remaining = remainingMs(order, at)
  const can = orderActions(order, at, payment)
  const status = t(statusKey(order, remaining))
  const unpaid = order.status === 'pending_payment'
  const format = (value: Money) => formatMoney(value, { locale })
  const address = addressOf(order.address)
  const code = order.verification && CODE_SHOWN.has(order.status) ? order.verification : undefined
  const refunds = [...(order.refunds ?? [])].reverse()

  const amountRow = (label: string, value: Money, minus = false) => (
    <View className="tk-order-detail__row" {...a11y({ role: 'listitem' })}>
      <Text className="tk-order-detail__label">{label}</Text>
      <Text className="tk-order-detail__value">{minus ? `-${format(value)}` : format(value)}</Text>
    </View>
  )

  return (
    <View style={themeVars} className={className ? `tk-order-detail ${className}` : 'tk-order-detail'}>
      <View className="tk-section tk-order-detail__status" {...a11y({ role: 'region', label: status })}>
        <Text className="tk-order-detail__status-text">{status}</Text>
        {unpaid ? (
          <PayCountdown
            remaining={remaining}
            textKey="order.detail.payBy"
            className="tk-order-detail__countdown"
            expiredClassName="tk-order-detail__hint"
          />
        ) : null}
        <OrderPaymentLine order={order} payment={payment} className="tk-order-detail__payment" />
      </View>

      {code ? (
        <View
          className="tk-section tk-order-detail__code"
          {...a11y({ role: 'region', label: t('order.detail.verification') })}
        >
          <Text className="tk-section__title">{t('order.detail.verification')}</Text>
          <Text className="tk-order-detail__code-text">{code.code}</Text>
          <QrCode value={code.code} label={t('qr.label', { code: code.code })} />
          <Text className="tk-order-detail__hint">{t('order.detail.verificationHint')}</Text>
          {code.expiresAt !== undefined ? (
            <Text className="tk-order-detail__hint">
              {t('order.detail.codeExpires', { time: formatTime(code.expiresAt) })}
            </Text>
          ) : null}
        </View>
      ) : null}

      {address || order.contact ? (
        <View className="tk-section tk-order-detail__people">
          {address ? (
            <View
              className="tk-order-detail__block"
              {...a11y({ role: 'group', label: t('order.detail.address') })}
            >
              <Text className="tk-section__title">{t('order.detail.address')}</Text>
              {address.name || address.phone ? (
                <Text>{[address.name, address.phone].filter(Boolean).join(' ')}</Text>
              ) : null}
              {address.region || address.detail ? (
                <Text className="tk-order-detail__address">
                  {[address.region, address.detail].filter(Boolean).join(' ')}
                </Text>
              ) : null}
            </View>
          ) : null}
          {order.contact ? (
            <View
              className="tk-order-detail__block"
              {...a11y({ role: 'group', label: t('order.detail.contact') })}
            >
              <Text className="tk-section__title">{t('order.detail.contact')}</Text>
              <Text>{[order.contact.name, order.contact.phone].filter(Boolean).join(' ')}</Text>
            </View>
          ) : null}
        </View>
      ) : null}

      <View className="tk-section tk-order-detail__items">
        <Text className="tk-section__title">{t('order.detail.items')}</Text>
        <View className="tk-order-detail__lines" {...a11y({ role: 'list', label: t('order.detail.items') })}>
          {order.lines.map((line) => (
            <OrderLineRow key={line.lineId} line={line} />
          ))}
        </View>
        <View
          className="tk-order-detail__amounts"
          {...a11y({ role: 'list', label: t('order.detail.amounts') })}
        >
          {order.subtotal ? amountRow(t('order.detail.subtotal'), order.subtotal) : null}
          {order.discount && order.discount.amount > 0
            ? amountRow(t('order.detail.discount'), order.discount, true)
            : null}
          {order.fee && order.fee.amount > 0 ? amountRow(t('order.detail.fee'), order.fee) : null}
          <View className="tk-order-detail__row tk-order-detail__row--total" {...a11y({ role: 'listitem' })}>
            <Text className="tk-order-detail__label">
              {t(unpaid ? 'order.detail.payable' : 'order.detail.paid')}
            </Text>
            <Text className="tk-order-detail__total">{format(order.amount)}</Text>
          </View>
          {order.refunded.amount > 0 ? amountRow(t('order.detail.refunded'), order.refunded) : null}
        </View>
      </View>

      {refunds.length > 0 ? (
        <View
          className="tk-order-detail__refunds"
          {...a11y({ role: 'region', label: t('order.detail.refunds') })}
        >
          {refunds.map((refund) => (
            <RefundProgress
              key={refund.refundId}
              refund={refund}
              onWithdraw={onWithdrawRefund}
              busy={action?.action === 'cancel_refund' && action.status === 'running'}
              failed={action?.action === 'cancel_refund' && action.status === 'failed'}
            />
          ))}
        </View>
      ) : null}

      {order.timeline && order.timeline.length > 0 ? (
        <View className="tk-section tk-order-detail__timeline">
          <Text className="tk-section__title">{t('order.detail.timeline')}</Text>
          <View {...a11y({ role: 'list', label: t('order.detail.timeline') })}>
            {[...order.timeline].reverse().map((event, i) => (
              <View
                key={`${event.status}-${event.at}`}
                className={
                  i === 0 ? 'tk-order-detail__event tk-order-detail__event--latest' : 'tk-order-detail__event'
                }
                {...a11y({ role: 'listitem' })}
              >
                <View className="tk-order-detail__event-dot" {...a11y({ hidden: true })} />
                <Text className="tk-order-detail__event-status">
                  {t(statusKey({ status: event.status, kind: order.kind }, null))}
                </Text>
                <Text className="tk-order-detail__event-time">{formatTime(event.at)}</Text>
              </View>
            ))}
          </View>
        </View>
      ) : null}

      <View
        className="tk-section tk-order-detail__info"
        {...a11y({ role: 'list', label: t('order.detail.info') })}
      >
        <View className="tk-order-detail__row" {...a11y({ role: 'listitem' })}>
          <Text className="tk-order-detail__label">{t('order.detail.orderId')}</Text>
          <Text className="tk-order-detail__value">{order.orderId}</Text>
        </View>
        <View className="tk-order-detail__row" {...a11y({ role: 'listitem' })}>
          <Text className="tk-order-detail__label">{t('order.detail.createdAt')}</Text>
          <Text className="tk-order-detail__value">{formatTime(order.createdAt)}</Text>
        </View>
      </View>

      {action?.status === 'failed' && action.action !== 'cancel_refund' ? (
        <Text className="tk-order-detail__error" {...a11y({ role: 'alert' })}>
          {t(actionFailureKey(action))}
        </Text>
      ) : null}
      <View className="tk-order-detail__actions">
        <OrderActions order={order} can={can} action={action} handlers={handlers} />
      </View>
    </View>
  )
}
