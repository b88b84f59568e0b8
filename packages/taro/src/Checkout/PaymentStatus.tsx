import { Text, View } from '@tarojs/components'
import { checkoutMessages, formatMoney } from '@tradekit/core'
import { useCheckout, useTranslate } from '@tradekit/react'
import { useSyncExternalStore } from 'react'
import { a11y } from '../internal/a11y'
import { NAVIGATION_SETTLE_MS, Pressable } from '../internal/Pressable'
import { useThemeVars } from '../theme/ThemeContext'
import { confirmPercent, statusErrorKey } from './paymentText'
import '../theme/tokens.css'
import './PaymentStatus.css'

/** Props of {@link PaymentStatus}. */
export interface PaymentStatusProps {
  /**
   * "Order again" of an expired order (back to the cart or product). Without it the button starts a
   * new attempt of the same request (`retry()`).
   */
  onOrderAgain?: () => void
  /** "Leave this page" while the result is unknown; without it the button is not shown. */
  onLeave?: () => void
  /** "Done" after the payment; without it the button is not shown. */
  onDone?: () => void
  /** "View order" after the payment, with the paid order's id (its detail page); without it the button is not shown. */
  onViewOrder?: (orderId: string) => void
  /** Extra class of the root. */
  className?: string
}

type Tone = 'progress' | 'success' | 'warning' | 'danger' | 'neutral'

/** The state's picture, drawn with CSS (no image to load): a spinner while moving, a tick, a cross, or "!". */
function StatusIcon({ tone }: { tone: Tone }) {
  return (
    <View className={`tk-payment-status__icon tk-payment-status__icon--${tone}`} {...a11y({ hidden: true })}>
      <View className="tk-payment-status__glyph" />
    </View>
  )
}

// Checkouts whose "saved payments were unreadable" notice the user has read ("got it"): every
// PaymentStatus of that checkout (another page, a later mount) stops showing it. Keyed by the
// checkout, so another user or storage starts unread; nothing outlives the checkout.
const recordsNoticeRead = new WeakSet<object>()
const recordsNoticeListeners = new Set<() => void>()
const onRecordsNotice = (listener: () => void) => {
  recordsNoticeListeners.add(listener)
  return () => void recordsNoticeListeners.delete(listener)
}
function readRecordsNotice(checkout: object) {
  recordsNoticeRead.add(checkout)
  for (const listener of [...recordsNoticeListeners]) listener()
}

/**
 * Where the payment is, from the checkout of `useCheckout()`, with the action each state offers:
 * creating and paying; confirming with its progress (paused while the app is hidden); paid (or
 * refunded); cancelled with "pay now" and failed with "try again" (both `retry()`); expired with
 * "order again" (`onOrderAgain`, else `retry()` where the checkout has the purchase's lines — not
 * for an order continued from the order centre); unknown with "we are confirming, you can leave this page" and "check again".
 * While the phone could not save the order (`storageIssue: 'storage_failed'`) it says so: "keep the app
 * open" while paying and confirming, and "check My orders" instead of "we'll let you know" when unknown.
 * While idle it says when the pending orders saved on the phone were damaged and discarded
 * (`storageIssue: 'storage_corrupt'`): a payment made before can then only be found in My orders;
 * "got it" hides that notice on every screen of this checkout, and on screens opened later.
 * Every change is announced. Otherwise renders nothing while idle, and nothing for a price change
 * (show `PriceChangedNotice` then).
 *
 * @example
 * ```tsx
 * <PaymentStatus onOrderAgain={() => Taro.navigateBack()} onLeave={() => Taro.switchTab({ url: '/pages/orders' })} />
 * ```
 */
export function PaymentStatus({ onOrderAgain, onLeave, onDone, onViewOrder, className }: PaymentStatusProps) {
  const themeVars = useThemeVars()
  const { t, locale } = useTranslate(checkoutMessages)
  const checkout = useCheckout()
  const { status, error, confirm, rechecking, retryMode, order, latePaid, refunded, storageIssue } = checkout
  // the phone could not save the order: a kill now would leave nothing to tell the user later
  const unsaved = storageIssue === 'storage_failed'
  // the saved pending orders were unreadable and discarded: one paid meanwhile can no longer be
  // reported (until the user says "got it", on any screen of this checkout)
  const core = checkout.checkout
  const noticeRead = useSyncExternalStore(
    onRecordsNotice,
    () => recordsNoticeRead.has(core),
    () => recordsNoticeRead.has(core),
  )
  const recordsLost = storageIssue === 'storage_corrupt' && !noticeRead
  if (status === 'idle' && latePaid.length === 0 && !recordsLost) return null
  if (status === 'failed' && error?.code === 'PRICE_CHANGED') return null

  let message: string | null = null
  let detail: string | null = null
  let tone: Tone = 'neutral'
  let orderNumber: string | null = null
  const actions: { text: string; primary?: boolean; onPress: () => void }[] = []
  const percent = confirmPercent(confirm)

  switch (status) {
    case 'idle':
      if (recordsLost) {
        message = t('status.recordsLost')
        tone = 'warning'
        actions.push({ text: t('status.gotIt'), onPress: () => readRecordsNotice(core) })
      }
      break
    case 'creating':
      message = t('status.creating')
      tone = 'progress'
      break
    case 'paying':
      message = t('status.paying')
      tone = 'progress'
      if (unsaved) detail = t('status.unsaved')
      break
    case 'confirming':
      message = t('status.confirming', { percent })
      tone = 'progress'
      if (confirm?.paused) detail = t('status.paused')
      else if (unsaved) detail = t('status.unsaved')
      break
    case 'paid':
      message = t(refunded ? 'status.refunded' : 'status.paid')
      tone = 'success'
      if (order) {
        detail = t('status.paidAmount', { amount: formatMoney(order.amount, { locale }) })
        orderNumber = t('status.orderNumber', { orderId: order.orderId })
        if (onViewOrder)
          actions.push({ text: t('status.viewOrder'), onPress: () => onViewOrder(order.orderId) })
      }
      if (onDone) actions.push({ text: t('status.done'), primary: true, onPress: onDone })
      break
    case 'cancelled':
      message = t('status.cancelled')
      if (retryMode)
        actions.push({ text: t('status.payAgain'), primary: true, onPress: () => void checkout.retry() })
      break
    case 'failed':
      message = t('status.failed')
      tone = 'danger'
      detail = t(statusErrorKey(error, retryMode !== null))
      if (retryMode)
        actions.push({ text: t('status.retry'), primary: true, onPress: () => void checkout.retry() })
      break
    case 'expired':
      message = t('status.expired')
      tone = 'warning'
      // an order continued from the order centre has no purchase here to order again (retryMode null)
      if (onOrderAgain || retryMode)
        actions.push({
          text: t('status.orderAgain'),
          primary: true,
          onPress: onOrderAgain ?? (() => void checkout.retry()),
        })
      break
    case 'unknown':
      message = t(unsaved ? 'status.unknownUnsaved' : 'status.unknown')
      actions.push({
        text: t('status.checkAgain'),
        primary: !onLeave,
        onPress: () => void checkout.checkout.resume(),
      })
      if (onLeave) actions.push({ text: t('status.leave'), primary: true, onPress: onLeave })
      break
    default:
      break
  }
  if (rechecking && status !== 'confirming') {
    detail = t('status.rechecking')
    tone = 'progress'
  }
  const showProgress = confirm !== undefined && (status === 'confirming' || rechecking)

  return (
    <View
      style={themeVars}
      className={['tk-payment-status', `tk-payment-status--${tone}`, className].filter(Boolean).join(' ')}
    >
      {message ? <StatusIcon tone={tone} /> : null}
      {message ? (
        <View className="tk-payment-status__text" {...a11y({ role: 'status' })}>
          <Text className="tk-payment-status__message">{message}</Text>
          {detail ? <Text className="tk-payment-status__detail">{detail}</Text> : null}
          {orderNumber ? <Text className="tk-payment-status__order">{orderNumber}</Text> : null}
        </View>
      ) : null}
      {showProgress ? (
        <View className="tk-payment-status__progress" {...a11y({ hidden: true })}>
          <View className="tk-payment-status__bar" style={{ width: `${percent}%` }} />
        </View>
      ) : null}
      {latePaid.length > 0 ? (
        <View className="tk-payment-status__late" {...a11y({ role: 'status' })}>
          {latePaid.map((late) => (
            <Text key={late.orderId} className="tk-payment-status__detail">
              {t('status.latePaid', { amount: formatMoney(late.amount, { locale }) })}
            </Text>
          ))}
        </View>
      ) : null}
      {actions.length > 0 && !rechecking ? (
        <View className="tk-payment-status__actions">
          {actions.map((action) => (
            <Pressable
              key={action.text}
              className={
                action.primary
                  ? 'tk-payment-status__action tk-payment-status__action--primary'
                  : 'tk-payment-status__action'
              }
              settleMs={NAVIGATION_SETTLE_MS}
              onPress={action.onPress}
            >
              {action.text}
            </Pressable>
          ))}
        </View>
      ) : null}
    </View>
  )
}
