import { Text, View } from '@tarojs/components'
import {
  formatMoney,
  formatPlanPrice,
  formatPricePerDay,
  goodsMessages,
  membershipMessages,
  type Plan,
  type PurchaseMode,
  speakMoney,
  type Translate,
} from '@tradekit/core'
import { usePurchaseMode, useTranslate } from '@tradekit/react'
import { a11y } from '../internal/a11y'
import { pressKeys } from '../internal/keyboard'
import { Tag } from '../Tag/Tag'
import { useThemeVars } from '../theme/ThemeContext'
import '../theme/tokens.css'
import './PlanPicker.css'

/** Props of {@link PlanPicker}. */
export interface PlanPickerProps {
  /** The plans on sale (`useMembership().plans`: auto-renew plans only where the channel can sign). */
  plans: readonly Plan[]
  /** The chosen plan's id. */
  value: string | undefined
  /** Called with the picked plan's id. */
  onChange: (planId: string) => void
  /** A badge per plan id ("最受欢迎", "限时 5 折"). */
  badges?: Readonly<Record<string, string>>
  /**
   * `buy` and `im` show prices; `hidden` shows neither prices nor subscribe wording.
   * @default usePurchaseMode('virtual')
   */
  purchaseMode?: PurchaseMode
  /** Extra class of the root. */
  className?: string
}

/** The period as words: "月", "3个月" ("month", "3 months"). */
export function periodText(plan: Plan, t: Translate): string | null {
  if (!plan.period) return null
  return plan.period.count === 1
    ? t(`membership.period.${plan.period.unit}`)
    : t(`membership.periods.${plan.period.unit}`, { count: plan.period.count })
}

/** The price of a plan as a phrase: "现价 12 元/月". */
export function spokenPlanPrice(plan: Plan, t: Translate): string {
  const price = t('price.current', { amount: speakMoney(plan.price, t) })
  const period = periodText(plan, t)
  return period ? t('membership.perPeriod', { price, period }) : price
}

/**
 * The membership plans as a radio group: each with its name, badge, per-period price ("¥12/月"),
 * struck original price, price per day, free trial and an auto-renew mark. In `hidden` purchase mode
 * (virtual goods on WeChat iOS) only the names show.
 *
 * @example
 * ```tsx
 * const { plans } = useMembership()
 * <PlanPicker plans={plans} value={planId} onChange={setPlanId} badges={{ 'vip-month': '最受欢迎' }} />
 * ```
 */
export function PlanPicker({ plans, value, onChange, badges, purchaseMode, className }: PlanPickerProps) {
  const themeVars = useThemeVars()
  const { t, locale, messages } = useTranslate(membershipMessages, goodsMessages)
  const defaultMode = usePurchaseMode('virtual')
  const mode = purchaseMode ?? defaultMode
  const priced = mode !== 'hidden'
  return (
    <View style={themeVars} className={className ? `tk-plan-picker ${className}` : 'tk-plan-picker'}>
      <Text className="tk-plan-picker__title">{t('plan.title')}</Text>
      <View className="tk-plan-picker__list" {...a11y({ role: 'radiogroup', label: t('plan.title') })}>
        {plans.map((plan) => {
          const checked = plan.id === value
          const badge = badges?.[plan.id]
          const original =
            priced && plan.originalPrice && plan.originalPrice.amount > plan.price.amount
              ? plan.originalPrice
              : undefined
          const trial = priced && plan.trialDays ? t('plan.trial', { days: plan.trialDays }) : null
          const renew = priced && plan.autoRenew ? t('membership.autoRenew') : null
          const perDay =
            priced && plan.period ? formatPricePerDay(plan.price, plan.period, { locale, messages }) : null
          const label = [
            plan.title,
            badge,
            priced ? spokenPlanPrice(plan, t) : null,
            original ? t('price.original', { amount: speakMoney(original, t) }) : null,
            perDay,
            trial,
            renew,
          ]
            .filter(Boolean)
            .join(t('a11y.separator'))
          const keyboard = pressKeys(() => onChange(plan.id))
          return (
            <View
              key={plan.id}
              className={
                checked ? 'tk-plan-picker__plan tk-plan-picker__plan--checked' : 'tk-plan-picker__plan'
              }
              onClick={() => onChange(plan.id)}
              {...a11y({ role: 'radio', label, checked })}
              {...keyboard}
            >
              {badge ? (
                <Text className="tk-plan-picker__badge" {...a11y({ hidden: true })}>
                  {badge}
                </Text>
              ) : null}
              <View className="tk-plan-picker__body" {...a11y({ hidden: true })}>
                <Text className="tk-plan-picker__name">{plan.title}</Text>
                {priced ? (
                  <Text className="tk-plan-picker__price">
                    {formatPlanPrice(plan.price, plan.period, { locale, messages })}
                  </Text>
                ) : null}
                {original ? (
                  <Text className="tk-plan-picker__original">
                    {formatMoney(original, { locale, trimZeros: true })}
                  </Text>
                ) : null}
                {perDay ? <Text className="tk-plan-picker__per-day">{perDay}</Text> : null}
                {trial || renew ? (
                  <View className="tk-plan-picker__tags">
                    {trial ? <Tag tone="success">{trial}</Tag> : null}
                    {renew ? <Tag tone="member">{renew}</Tag> : null}
                  </View>
                ) : null}
              </View>
            </View>
          )
        })}
      </View>
    </View>
  )
}
