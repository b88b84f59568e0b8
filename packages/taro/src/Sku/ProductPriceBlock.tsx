import { Text, View } from '@tarojs/components'
import {
  formatMoney,
  formatPriceRange,
  goodsMessages,
  type Money,
  type PriceRange,
  type PurchaseMode,
  skuMessages,
  speakMoney,
} from '@tradekit/core'
import { usePurchaseMode, useTranslate } from '@tradekit/react'
import { a11y } from '../internal/a11y'
import { Price } from '../Price/Price'
import { useThemeVars } from '../theme/ThemeContext'
import '../theme/tokens.css'
import './ProductPriceBlock.css'

/** Props of {@link ProductPriceBlock}. */
export interface ProductPriceBlockProps {
  /** The price now: the chosen SKU's, or a range ("¥39–59", `skuSelection(...).priceRange`) before a choice. */
  price: Money | PriceRange
  /** The price before a discount, struck through when higher. */
  originalPrice?: Money
  /** What a member pays, on its own line with a member label. */
  memberPrice?: Money
  /**
   * `hidden` shows no price at all (WeChat on iOS, virtual goods).
   * @default usePurchaseMode(kind)
   */
  purchaseMode?: PurchaseMode
  /**
   * The goods' kind, for the default purchase mode.
   * @default 'physical'
   */
  kind?: 'physical' | 'service' | 'virtual'
  /** Extra class of the root. */
  className?: string
}

function isRange(price: Money | PriceRange): price is PriceRange {
  return 'min' in price
}

/**
 * The price at the top of a product page: the large price (or the range until a SKU is chosen), the
 * struck-through original price and the member price. Renders nothing in the `hidden` purchase mode.
 *
 * @example
 * ```tsx
 * <ProductPriceBlock price={selection.sku?.price ?? selection.priceRange!} originalPrice={sku?.originalPrice} memberPrice={sku?.memberPrice} />
 * ```
 */
export function ProductPriceBlock({
  price,
  originalPrice,
  memberPrice,
  purchaseMode,
  kind = 'physical',
  className,
}: ProductPriceBlockProps) {
  const themeVars = useThemeVars()
  const { t, locale } = useTranslate(skuMessages, goodsMessages)
  const defaultMode = usePurchaseMode(kind)
  if ((purchaseMode ?? defaultMode) === 'hidden') return null
  const range = isRange(price) && price.min.amount !== price.max.amount ? price : undefined
  const single = isRange(price) ? price.min : price
  return (
    <View style={themeVars} className={className ? `tk-price-block ${className}` : 'tk-price-block'}>
      {range ? (
        <View
          className="tk-price-block__range"
          {...a11y({
            role: 'img',
            label: t('sku.priceRange', { min: speakMoney(range.min, t), max: speakMoney(range.max, t) }),
          })}
        >
          <Text {...a11y({ hidden: true })}>{formatPriceRange(range, { locale, trimZeros: true })}</Text>
        </View>
      ) : (
        <Price price={single} originalPrice={originalPrice} size="lg" className="tk-price-block__price" />
      )}
      {memberPrice ? (
        <View className="tk-price-block__member">
          <Text className="tk-price-block__member-label">{t('detail.memberPrice')}</Text>
          <Text className="tk-price-block__member-amount">{formatMoney(memberPrice, { locale })}</Text>
        </View>
      ) : null}
    </View>
  )
}
