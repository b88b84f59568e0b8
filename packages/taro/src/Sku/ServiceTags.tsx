import { Text, View } from '@tarojs/components'
import { goodsMessages, skuMessages } from '@tradekit/core'
import { useTranslate } from '@tradekit/react'
import { a11y } from '../internal/a11y'
import { Pressable } from '../internal/Pressable'
import { useThemeVars } from '../theme/ThemeContext'
import '../theme/tokens.css'
import './ServiceTags.css'

/** Props of {@link ServiceTags}. */
export interface ServiceTagsProps {
  /** The promises of the shop ("7 天无理由退货", "极速退款", "运费险"). */
  tags: readonly string[]
  /**
   * A row under a "服务" label (the product page; it wraps) or a list (inside a sheet that explains them).
   * @default 'row'
   */
  layout?: 'row' | 'list'
  /** In a row: the row is a button that opens the details (a sheet). */
  onPress?: () => void
  /** Extra class of the root. */
  className?: string
}

/**
 * The shop's service promises on a product page, each with a check mark: a row under "服务" that
 * can open their details, or a list. Nothing renders without tags.
 *
 * @example
 * ```tsx
 * <ServiceTags tags={['7 天无理由退货', '极速退款']} onPress={() => setServicesOpen(true)} />
 * ```
 */
export function ServiceTags({ tags, layout = 'row', onPress, className }: ServiceTagsProps) {
  const themeVars = useThemeVars()
  const { t } = useTranslate(skuMessages, goodsMessages)
  if (tags.length === 0) return null
  const classes = ['tk-service-tags', `tk-service-tags--${layout}`, className].filter(Boolean).join(' ')
  const items = tags.map((tag) => (
    <View
      key={tag}
      className="tk-service-tags__item"
      {...(layout === 'list' ? a11y({ role: 'listitem' }) : {})}
    >
      <Text className="tk-service-tags__mark" {...a11y({ hidden: true })}>
        ✓
      </Text>
      <Text>{tag}</Text>
    </View>
  ))
  if (layout === 'list') {
    return (
      <View style={themeVars} className={classes} {...a11y({ role: 'list', label: t('detail.services') })}>
        {items}
      </View>
    )
  }
  const label = [t('detail.services'), ...tags].join(t('a11y.separator'))
  const content = (
    <>
      <Text className="tk-service-tags__label" {...(onPress ? a11y({ hidden: true }) : {})}>
        {t('detail.services')}
      </Text>
      <View className="tk-service-tags__items">{items}</View>
      {onPress ? (
        <Text className="tk-service-tags__more" {...a11y({ hidden: true })}>
          ›
        </Text>
      ) : null}
    </>
  )
  return onPress ? (
    <View style={themeVars} className={classes}>
      <Pressable className="tk-service-tags__row" label={label} onPress={onPress}>
        {content}
      </Pressable>
    </View>
  ) : (
    <View style={themeVars} className={classes}>
      <View className="tk-service-tags__row">{content}</View>
    </View>
  )
}
