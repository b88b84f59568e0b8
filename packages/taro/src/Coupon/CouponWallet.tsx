import { Text, View } from '@tarojs/components'
import {
  couponMessages,
  WALLET_STATUSES,
  type WalletCoupon,
  type WalletStatus,
  type WalletTab,
} from '@tradekit/core'
import { useTranslate } from '@tradekit/react'
import { type ReactNode, useId, useState } from 'react'
import { Empty } from '../Empty/Empty'
import { a11y } from '../internal/a11y'
import { isH5 } from '../internal/env'
import { groupKeys } from '../internal/keyboard'
import { Pressable } from '../internal/Pressable'
import { Skeleton } from '../Skeleton/Skeleton'
import { useThemeVars } from '../theme/ThemeContext'
import '../theme/tokens.css'
import { CouponTicket } from './CouponTicket'
import './CouponWallet.css'

/** Props of {@link CouponWallet}. */
export interface CouponWalletProps {
  /** The wallet's tabs (`snapshot.tabs` of `useCouponWallet`). */
  tabs: Readonly<Record<WalletStatus, WalletTab>>
  /** The shown tab (controlled); leave out to let the wallet hold it. */
  tab?: WalletStatus
  /**
   * The tab shown first when `tab` is left out.
   * @default 'available'
   */
  defaultTab?: WalletStatus
  /** Called when the user picks a tab. */
  onTabChange?: (tab: WalletStatus) => void
  /** "去使用" on an available coupon: take the user to where it applies. */
  onUse?: (entry: WalletCoupon) => void
  /** "重新加载" after a tab failed to load. */
  onRetry?: (tab: WalletStatus) => void
  /** Extra class of the root. */
  className?: string
}

function TabButton({
  id,
  selected,
  label,
  onSelect,
}: {
  id: string
  selected: boolean
  label: string
  onSelect: () => void
}) {
  const selection = isH5
    ? { 'aria-selected': selected ? 'true' : 'false' }
    : { ariaSelected: selected ? 'true' : 'false' }
  return (
    <View
      className={selected ? 'tk-coupon-wallet__tab tk-coupon-wallet__tab--selected' : 'tk-coupon-wallet__tab'}
      onClick={onSelect}
      {...a11y({ role: 'tab', label })}
      {...selection}
      {...(isH5 ? { id } : {})}
    >
      {label}
    </View>
  )
}

/**
 * The user's coupons in three tabs — available, used, expired — each with its count once loaded, a
 * skeleton while loading, an empty state, and a retry when loading failed. Coupons are
 * {@link CouponTicket}s; an available one that cannot be used now says why.
 *
 * @example
 * ```tsx
 * const wallet = useCouponWallet(couponsApi)
 * <CouponWallet tabs={wallet.snapshot.tabs} onRetry={wallet.load} onUse={() => Taro.switchTab({ url: '/pages/cart/index' })} />
 * ```
 */
export function CouponWallet({
  tabs,
  tab,
  defaultTab = 'available',
  onTabChange,
  onUse,
  onRetry,
  className,
}: CouponWalletProps) {
  const themeVars = useThemeVars()
  const { t } = useTranslate(couponMessages)
  const [held, setHeld] = useState<WalletStatus>(defaultTab)
  const idBase = useId()
  const tabIds = WALLET_STATUSES.map((status) => `${idBase}${status}`)
  const shown = tab ?? held
  const current = tabs[shown]
  const select = (next: WalletStatus) => {
    setHeld(next)
    onTabChange?.(next)
  }
  const nameOf = (status: WalletStatus) =>
    tabs[status].status === 'ready'
      ? t(`couponWallet.tab.${status}`, { count: tabs[status].coupons.length })
      : t(`couponWallet.tabName.${status}`)

  let body: ReactNode
  if (current.coupons.length > 0) {
    body = (
      <View className="tk-coupon-wallet__list" {...a11y({ role: 'list' })}>
        {current.coupons.map((entry) => (
          <View key={entry.coupon.id} className="tk-coupon-wallet__item" {...a11y({ role: 'listitem' })}>
            <CouponTicket
              coupon={entry.coupon}
              state={entry.status}
              reason={entry.reason}
              shortfall={entry.shortfall}
              onUse={onUse ? () => onUse(entry) : undefined}
            />
          </View>
        ))}
      </View>
    )
  } else if (current.status === 'failed') {
    body = (
      <View className="tk-coupon-wallet__failed">
        <Text {...a11y({ role: 'alert' })}>{t('couponWallet.failed')}</Text>
        {onRetry ? (
          <Pressable className="tk-coupon-wallet__retry" onPress={() => onRetry(shown)}>
            {t('couponWallet.retry')}
          </Pressable>
        ) : null}
      </View>
    )
  } else if (current.status === 'ready') {
    body = <Empty title={t(`couponWallet.empty.${shown}`)} />
  } else {
    body = (
      <View className="tk-coupon-wallet__loading">
        <Skeleton rows={2} />
        <Skeleton rows={2} />
      </View>
    )
  }

  return (
    <View
      style={themeVars}
      className={className ? `tk-coupon-wallet ${className}` : 'tk-coupon-wallet'}
      {...a11y({ role: 'region', label: t('couponWallet.title') })}
    >
      <View
        className="tk-coupon-wallet__tabs"
        {...a11y({ role: 'tablist', label: t('couponWallet.title') })}
        {...groupKeys(
          tabIds,
          WALLET_STATUSES.indexOf(shown),
          () => true,
          (i) => select(WALLET_STATUSES[i] as WalletStatus),
        )}
      >
        {WALLET_STATUSES.map((status, i) => (
          <TabButton
            key={status}
            id={tabIds[i] as string}
            selected={status === shown}
            label={nameOf(status)}
            onSelect={() => select(status)}
          />
        ))}
      </View>
      <View
        className="tk-coupon-wallet__panel"
        {...a11y({
          role: 'tabpanel',
          label: t(`couponWallet.tabName.${shown}`),
          // idle is the frame before the load starts: it shows the skeleton, so it is busy too
          busy: current.status === 'loading' || current.status === 'idle',
        })}
      >
        {body}
      </View>
    </View>
  )
}
