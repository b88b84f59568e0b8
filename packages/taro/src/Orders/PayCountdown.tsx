import { Text } from '@tarojs/components'
import { orderMessages } from '@tradekit/core'
import { useTranslate } from '@tradekit/react'
import { a11y } from '../internal/a11y'
import { formatCountdown } from './orderText'

/** Props of {@link PayCountdown}. */
export interface PayCountdownProps {
  /** Milliseconds left to pay on the server's clock (`remainingMs`); `null` when the order has no deadline. */
  remaining: number | null
  /** The visible text's message: "剩余 {time}" on a card, "请在 {time} 内支付" on the detail. */
  textKey: 'order.countdown' | 'order.detail.payBy'
  /** Class of the countdown. */
  className: string
  /** Class of the "time ran out" hint. */
  expiredClassName: string
}

/**
 * An unpaid order's time to pay: a `timer` while time is left, the "no longer payable" hint once it
 * ran out, nothing without a deadline. Shared by `OrderCard` and `OrderDetail`.
 */
export function PayCountdown({ remaining, textKey, className, expiredClassName }: PayCountdownProps) {
  const { t } = useTranslate(orderMessages)
  if (remaining === null) return null
  if (remaining === 0) return <Text className={expiredClassName}>{t('order.expiredHint')}</Text>
  const time = formatCountdown(remaining)
  return (
    <Text className={className} {...a11y({ role: 'timer', label: t('order.countdownLabel', { time }) })}>
      {t(textKey, { time })}
    </Text>
  )
}
