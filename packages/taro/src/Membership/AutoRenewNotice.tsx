import { Text, View } from '@tarojs/components'
import { formatMoney, goodsMessages, membershipMessages, type Plan, type PurchaseMode } from '@tradekit/core'
import { usePurchaseMode, useTranslate } from '@tradekit/react'
import { a11y } from '../internal/a11y'
import { Check } from '../internal/Check'
import { useThemeVars } from '../theme/ThemeContext'
import '../theme/tokens.css'
import './AutoRenewNotice.css'
import { periodText } from './PlanPicker'

/** Props of {@link AutoRenewNotice}. */
export interface AutoRenewNoticeProps {
  /** The auto-renew plan whose terms are shown. */
  plan: Plan
  /** The user accepted the terms (controlled); pass it to `unlock(planId, { consent })`. */
  checked: boolean
  /** Called when the user ticks or unticks the consent. */
  onChange: (checked: boolean) => void
  /** Where the user stops the renewal ("我的 › 设置 › 自动续费"), shown in the terms. */
  cancelRoute?: string
  /**
   * Show the error that consent is missing (the user tried to pay without it).
   * @default false
   */
  showError?: boolean
  /**
   * `hidden` leaves the amount out of the terms.
   * @default usePurchaseMode('virtual')
   */
  purchaseMode?: PurchaseMode
  /** Extra class of the root. */
  className?: string
}

/**
 * The renewal terms of an auto-renew plan — amount and period, when it is charged, the free trial,
 * how to cancel — and the consent check the user must tick before paying.
 *
 * @example
 * ```tsx
 * <AutoRenewNotice plan={plan} checked={agreed} onChange={setAgreed} cancelRoute="我的 › 设置 › 自动续费" />
 * ```
 */
export function AutoRenewNotice({
  plan,
  checked,
  onChange,
  cancelRoute,
  showError = false,
  purchaseMode,
  className,
}: AutoRenewNoticeProps) {
  const themeVars = useThemeVars()
  const { t, locale } = useTranslate(membershipMessages, goodsMessages)
  const defaultMode = usePurchaseMode('virtual')
  const mode = purchaseMode ?? defaultMode
  const period = periodText(plan, t)
  const terms =
    mode === 'hidden' || !period
      ? t('autoRenew.termsHidden')
      : t('autoRenew.terms', { period, price: formatMoney(plan.price, { locale, trimZeros: true }) })
  return (
    <View
      style={themeVars}
      className={className ? `tk-auto-renew ${className}` : 'tk-auto-renew'}
      {...a11y({ role: 'group', label: t('autoRenew.title') })}
    >
      <Text className="tk-auto-renew__title">{t('autoRenew.title')}</Text>
      <Text className="tk-auto-renew__terms">{terms}</Text>
      {plan.trialDays && mode !== 'hidden' ? (
        <Text className="tk-auto-renew__terms">{t('autoRenew.trial', { days: plan.trialDays })}</Text>
      ) : null}
      {cancelRoute ? (
        <Text className="tk-auto-renew__terms">{t('autoRenew.cancelRoute', { route: cancelRoute })}</Text>
      ) : null}
      <View className="tk-auto-renew__consent">
        <Check checked={checked} label={t('autoRenew.consent')} onChange={onChange} />
        <Text
          className="tk-auto-renew__consent-text"
          onClick={() => onChange(!checked)}
          {...a11y({ hidden: true })}
        >
          {t('autoRenew.consent')}
        </Text>
      </View>
      {showError && !checked ? (
        <Text className="tk-auto-renew__error" {...a11y({ role: 'alert' })}>
          {t('membership.consentRequired')}
        </Text>
      ) : null}
    </View>
  )
}
