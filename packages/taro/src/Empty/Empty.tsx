import { Image, Text, View } from '@tarojs/components'
import { goodsMessages } from '@tradekit/core'
import { useTranslate } from '@tradekit/react'
import type { ReactNode } from 'react'
import { a11y } from '../internal/a11y'
import { useThemeVars } from '../theme/ThemeContext'
import '../theme/tokens.css'
import './Empty.css'

/** Props of {@link Empty}. */
export interface EmptyProps {
  /** Main line; defaults to the catalogue's "暂无内容". */
  title?: ReactNode
  /** A second, quieter line. */
  description?: ReactNode
  /** An illustration URL; a neutral drawn one is shown when left out. Decorative: hidden from screen readers. */
  image?: string
  /** Actions below the text, e.g. a "去逛逛" button. */
  children?: ReactNode
  /** Extra class of the root. */
  className?: string
}

/**
 * An empty state: nothing in the cart, no coupons, no orders.
 *
 * @example
 * ```tsx
 * <Empty title="购物车是空的" description="去挑点喜欢的吧" />
 * ```
 */
export function Empty({ title, description, image, children, className }: EmptyProps) {
  const themeVars = useThemeVars()
  const { t } = useTranslate(goodsMessages)
  return (
    <View style={themeVars} className={className ? `tk-empty ${className}` : 'tk-empty'}>
      {image ? (
        <Image className="tk-empty__image" src={image} mode="aspectFit" {...a11y({ hidden: true })} />
      ) : (
        <View className="tk-empty__art" {...a11y({ hidden: true })}>
          <View className="tk-empty__art-box" />
        </View>
      )}
      <Text className="tk-empty__title">{title ?? t('empty.title')}</Text>
      {description ? <Text className="tk-empty__description">{description}</Text> : null}
      {children ? <View className="tk-empty__actions">{children}</View> : null}
    </View>
  )
}
