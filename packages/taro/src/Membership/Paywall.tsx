import { Text, View } from '@tarojs/components'
import { membershipMessages, type PurchaseMode } from '@tradekit/core'
import { useEntitlement, usePurchaseMode, useTranslate } from '@tradekit/react'
import type { ReactNode } from 'react'
import { a11y } from '../internal/a11y'
import { Pressable } from '../internal/Pressable'
import { Skeleton } from '../Skeleton/Skeleton'
import { useThemeVars } from '../theme/ThemeContext'
import '../theme/tokens.css'
import './Paywall.css'

/** Props of {@link Paywall}. */
export interface PaywallProps {
  /** What members get, rendered once the entitlement is active (server truth). */
  children: ReactNode
  /**
   * What everyone sees: the first lines, a blurred picture. Shown up to 160 px high, its end fading
   * into the lock panel.
   */
  preview?: ReactNode
  /** The heading of the lock panel. @default '会员专享内容' (the catalogue's `paywall.title`) */
  title?: string
  /** The unlock action: open the membership sheet. */
  onUnlock?: () => void
  /** The `im` action: contact support to join. */
  onContactSupport?: () => void
  /**
   * `buy` offers unlocking, `im` contacting support, `hidden` neither (a neutral note instead).
   * @default usePurchaseMode('virtual')
   */
  purchaseMode?: PurchaseMode
  /** Extra class of the root. */
  className?: string
}

/**
 * Members-only content: a preview and an unlock call to action until the entitlement is active,
 * then the content itself. It follows the entitlement (`useEntitlement()`): a payment confirmed by
 * the server opens it, an expiry closes it. When the entitlement could not be read it says so and
 * offers to check again, not to pay.
 *
 * @example
 * ```tsx
 * <Paywall preview={<Text>{article.lead}</Text>} onUnlock={() => setSheetOpen(true)}>
 *   <Article body={article.body} />
 * </Paywall>
 * ```
 */
export function Paywall({
  children,
  preview,
  title,
  onUnlock,
  onContactSupport,
  purchaseMode,
  className,
}: PaywallProps) {
  const themeVars = useThemeVars()
  const { t } = useTranslate(membershipMessages)
  const { loading, active, error, retry } = useEntitlement()
  const defaultMode = usePurchaseMode('virtual')
  const mode = purchaseMode ?? defaultMode
  const classes = className ? `tk-paywall ${className}` : 'tk-paywall'
  if (loading) {
    return (
      <View style={themeVars} className={classes}>
        <Skeleton rows={3} />
      </View>
    )
  }
  if (active) return <View className={classes}>{children}</View>
  const heading = title ?? t('paywall.title')
  // an entitlement not known is not "not a member": no purchase offered until the server says
  const action = error ? (
    <>
      <Text className="tk-paywall__note" {...a11y({ role: 'alert' })}>
        {t('paywall.unknown')}
      </Text>
      <Pressable className="tk-paywall__action" onPress={() => void retry()}>
        {t('paywall.retry')}
      </Pressable>
    </>
  ) : mode === 'buy' ? (
    <Pressable className="tk-paywall__action" onPress={onUnlock}>
      {t('paywall.unlock')}
    </Pressable>
  ) : mode === 'im' ? (
    <Pressable className="tk-paywall__action" onPress={onContactSupport}>
      {t('membership.contactToJoin')}
    </Pressable>
  ) : (
    <Text className="tk-paywall__note">{t('paywall.hidden')}</Text>
  )
  return (
    <View style={themeVars} className={`${classes} tk-paywall--locked`}>
      {preview ? <View className="tk-paywall__preview">{preview}</View> : null}
      <View className="tk-paywall__lock" {...a11y({ role: 'group', label: heading })}>
        <Text className="tk-paywall__title">{heading}</Text>
        {action}
      </View>
    </View>
  )
}
