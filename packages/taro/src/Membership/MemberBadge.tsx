import { Text, View } from '@tarojs/components'
import { membershipMessages } from '@tradekit/core'
import { useEntitlement, useTranslate } from '@tradekit/react'
import type { ReactNode } from 'react'
import { useThemeVars } from '../theme/ThemeContext'
import '../theme/tokens.css'
import './MemberBadge.css'

/** Props of {@link MemberBadge}. */
export interface MemberBadgeProps {
  /**
   * Show when the membership ends ("2027-01-31 到期").
   * @default true
   */
  showExpiry?: boolean
  /** What to render for a non-member (an "open membership" link). @default null */
  fallback?: ReactNode
  /** Extra class of the root. */
  className?: string
}

const pad = (n: number) => String(n).padStart(2, '0')
/** A date as YYYY-MM-DD in the device's time zone (no Intl: mini-program engines differ). */
function formatDay(epochMs: number): string {
  const date = new Date(epochMs)
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/**
 * The member mark, shown while the entitlement is active (`useEntitlement()`), with its end date.
 *
 * @example
 * ```tsx
 * <MemberBadge fallback={<Text onClick={openSheet}>开通会员</Text>} />
 * ```
 */
export function MemberBadge({ showExpiry = true, fallback = null, className }: MemberBadgeProps) {
  const themeVars = useThemeVars()
  const { t } = useTranslate(membershipMessages)
  const { active, entitlement } = useEntitlement()
  if (!active) return <>{fallback}</>
  const until =
    showExpiry && entitlement?.expiresAt !== undefined
      ? t('badge.until', { date: formatDay(entitlement.expiresAt) })
      : null
  return (
    <View style={themeVars} className={className ? `tk-member-badge ${className}` : 'tk-member-badge'}>
      <Text className="tk-member-badge__mark">{t('badge.member')}</Text>
      {until ? <Text className="tk-member-badge__until">{until}</Text> : null}
    </View>
  )
}
