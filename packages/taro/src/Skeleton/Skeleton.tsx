import { View } from '@tarojs/components'
import { goodsMessages } from '@tradekit/core'
import { useTranslate } from '@tradekit/react'
import type { ReactNode } from 'react'
import { a11y } from '../internal/a11y'
import { useThemeVars } from '../theme/ThemeContext'
import '../theme/tokens.css'
import './Skeleton.css'

/** Props of {@link Skeleton}. */
export interface SkeletonProps {
  /**
   * Show the placeholder; when false, render the children instead.
   * @default true
   */
  loading?: boolean
  /**
   * Text rows below the title.
   * @default 2
   */
  rows?: number
  /**
   * A title bar above the rows.
   * @default true
   */
  title?: boolean
  /**
   * An image block: beside the text (`'side'`) or above it (`'top'`), or none.
   * @default 'none'
   */
  image?: 'none' | 'side' | 'top'
  /**
   * Shimmer while loading (off for users who reduce motion, through CSS).
   * @default true
   */
  animated?: boolean
  /** What to show once loaded. */
  children?: ReactNode
  /** Extra class of the root. */
  className?: string
}

/**
 * A grey placeholder while content loads. Screen readers hear "加载中" once, not the bars.
 *
 * @example
 * ```tsx
 * <Skeleton loading={!product} image="side" rows={2}><ProductCard … /></Skeleton>
 * ```
 */
export function Skeleton({
  loading = true,
  rows = 2,
  title = true,
  image = 'none',
  animated = true,
  children,
  className,
}: SkeletonProps) {
  const themeVars = useThemeVars()
  const { t } = useTranslate(goodsMessages)
  if (!loading) return <>{children}</>
  const classes = [
    'tk-skeleton',
    `tk-skeleton--image-${image}`,
    animated && 'tk-skeleton--animated',
    className,
  ]
    .filter(Boolean)
    .join(' ')
  const rowCount = Math.max(0, Math.floor(rows))
  return (
    <View
      style={themeVars}
      className={classes}
      {...a11y({ role: 'status', busy: true, label: t('common.loading') })}
    >
      {image !== 'none' ? <View className="tk-skeleton__image" {...a11y({ hidden: true })} /> : null}
      <View className="tk-skeleton__body" {...a11y({ hidden: true })}>
        {title ? <View className="tk-skeleton__title" /> : null}
        {Array.from({ length: rowCount }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: placeholder rows have no identity
          <View key={i} className="tk-skeleton__row" />
        ))}
      </View>
    </View>
  )
}
