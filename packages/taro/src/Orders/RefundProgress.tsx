import { Text, View } from '@tarojs/components'
import {
  formatMoney,
  goodsMessages,
  type MessageKey,
  type OrderRefund,
  orderMessages,
  type RefundStatus,
} from '@tradekit/core'
import { useTranslate } from '@tradekit/react'
import { a11y } from '../internal/a11y'
import { isH5 } from '../internal/env'
import { Pressable } from '../internal/Pressable'
import { useThemeVars } from '../theme/ThemeContext'
import { formatTime } from './orderText'
import { reasonText } from './refundReasons'
import '../theme/tokens.css'
import '../internal/Section.css'
import './RefundProgress.css'

/** Props of {@link RefundProgress}. */
export interface RefundProgressProps {
  /** The refund request (`order.refunds`). */
  refund: OrderRefund
  /** "撤销申请": shown while the merchant has not answered (`refund_requested`). */
  onWithdraw?: (refund: OrderRefund) => void
  /** The withdrawal is on its way. */
  busy?: boolean
  /** The withdrawal failed: says so. */
  failed?: boolean
  /** Extra class of the root. */
  className?: string
}

type StepState = 'done' | 'current' | 'todo'

/** The steps a refund shows: requested → refunding → refunded, or the end it took instead. */
export function refundSteps(status: RefundStatus): { step: RefundStatus; state: StepState }[] {
  switch (status) {
    case 'refund_requested':
      return [
        { step: 'refund_requested', state: 'current' },
        { step: 'refunding', state: 'todo' },
        { step: 'refunded', state: 'todo' },
      ]
    case 'refunding':
      return [
        { step: 'refund_requested', state: 'done' },
        { step: 'refunding', state: 'current' },
        { step: 'refunded', state: 'todo' },
      ]
    case 'refunded':
      return [
        { step: 'refund_requested', state: 'done' },
        { step: 'refunding', state: 'done' },
        { step: 'refunded', state: 'current' },
      ]
    default:
      return [
        { step: 'refund_requested', state: 'done' },
        { step: status, state: 'current' },
      ]
  }
}

const currentProps = (current: boolean) =>
  current ? (isH5 ? { 'aria-current': 'step' } : { ariaCurrent: 'step' }) : {}

/**
 * Where one refund request is: its steps (已提交申请 → 退款中 → 退款成功, or 商家未同意退款 / 已撤销申请
 * instead), the amount, when it was asked, the reason and note, and 撤销申请 while the merchant has
 * not answered.
 *
 * @example
 * ```tsx
 * {order.refunds?.map((r) => <RefundProgress key={r.refundId} refund={r} onWithdraw={(r) => cancelRefund(r.refundId)} />)}
 * ```
 */
export function RefundProgress({
  refund,
  onWithdraw,
  busy = false,
  failed = false,
  className,
}: RefundProgressProps) {
  const themeVars = useThemeVars()
  const { t, locale } = useTranslate(orderMessages, goodsMessages)
  const amount = formatMoney(refund.amount, { locale })
  const status = t(`refund.step.${refund.status}` as MessageKey)
  const steps = refundSteps(refund.status)
  const classes = ['tk-section', 'tk-refund-progress', `tk-refund-progress--${refund.status}`, className]
    .filter(Boolean)
    .join(' ')
  return (
    <View
      style={themeVars}
      className={classes}
      {...a11y({ role: 'group', label: t('refund.progressNamed', { amount, status }) })}
    >
      <View className="tk-refund-progress__head">
        <Text className="tk-section__title">{t('refund.progress')}</Text>
        <Text className="tk-refund-progress__amount">{t('refund.amountLabel', { amount })}</Text>
      </View>
      <View className="tk-refund-progress__steps" {...a11y({ role: 'list', label: t('refund.progress') })}>
        {steps.map(({ step, state }) => {
          const text = t(`refund.step.${step}` as MessageKey)
          return (
            <View
              key={step}
              className={`tk-refund-progress__step tk-refund-progress__step--${state}`}
              {...a11y({
                role: 'listitem',
                label: `${text}${t('a11y.separator')}${t(`refund.stepState.${state}`)}`,
              })}
              {...currentProps(state === 'current')}
            >
              <View className="tk-refund-progress__dot" {...a11y({ hidden: true })} />
              <Text className="tk-refund-progress__step-text" {...a11y({ hidden: true })}>
                {text}
              </Text>
            </View>
          )
        })}
      </View>
      {refund.requestedAt !== undefined ? (
        <Text className="tk-refund-progress__meta">
          {t('refund.requestedAt', { time: formatTime(refund.requestedAt) })}
        </Text>
      ) : null}
      <Text className="tk-refund-progress__meta">
        {t('refund.reasonLabel', { reason: reasonText(refund.reason, t) })}
      </Text>
      {refund.note ? <Text className="tk-refund-progress__meta">{refund.note}</Text> : null}
      {failed ? (
        <Text className="tk-refund-progress__error" {...a11y({ role: 'alert' })}>
          {t('refund.withdrawFailed')}
        </Text>
      ) : null}
      {refund.status === 'refund_requested' && onWithdraw ? (
        <View className="tk-refund-progress__actions">
          <Pressable className="tk-refund-progress__withdraw" busy={busy} onPress={() => onWithdraw(refund)}>
            {t('refund.withdraw')}
          </Pressable>
        </View>
      ) : null}
    </View>
  )
}
