import { Text, View } from '@tarojs/components'
import {
  describePrice,
  formatMoney,
  formatMoneyParts,
  goodsMessages,
  type Money,
  TradeKitError,
} from '@tradekit/core'
import { useTranslate } from '@tradekit/react'
import { a11y } from '../internal/a11y'
import { useThemeVars } from '../theme/ThemeContext'
import '../theme/tokens.css'
import './Price.css'

/** Props of {@link Price}. */
export interface PriceProps {
  /** What the user pays now (integer minor units). */
  price: Money
  /** The price before a discount, shown struck through when it is higher than `price`. */
  originalPrice?: Money
  /** The price a member pays, shown with a member label. */
  memberPrice?: Money
  /**
   * Text size.
   * @default 'md'
   */
  size?: 'sm' | 'md' | 'lg'
  /**
   * Write `¥12` instead of `¥12.00`.
   * @default false
   */
  trimZeros?: boolean
  /** Replaces the phrase screen readers read (default: "现价 12 元，原价 20 元"). */
  ariaLabel?: string
  /** Extra class of the root. */
  className?: string
}

/**
 * A price as a commerce screen shows it: symbol, large integer, small fraction; an optional
 * struck-through original price and a member price. Screen readers get the whole phrase.
 *
 * @example
 * ```tsx
 * <Price price={money(1200)} originalPrice={money(2000)} />
 * ```
 */
export function Price({
  price,
  originalPrice,
  memberPrice,
  size = 'md',
  trimZeros = false,
  ariaLabel,
  className,
}: PriceProps) {
  const themeVars = useThemeVars()
  const { t } = useTranslate(goodsMessages)
  for (const other of [originalPrice, memberPrice]) {
    if (other && other.currency !== price.currency) {
      throw new TradeKitError(
        'CURRENCY_MISMATCH',
        process.env.NODE_ENV !== 'production'
          ? `Price is in ${price.currency}, got ${other.currency}`
          : undefined,
      )
    }
  }
  // An "original" price that is not higher is no discount: showing it struck through would mislead.
  const shownOriginal = originalPrice && originalPrice.amount > price.amount ? originalPrice : undefined
  const parts = formatMoneyParts(price, { trimZeros })
  const label = ariaLabel ?? describePrice({ price, originalPrice: shownOriginal, memberPrice }, t)
  const root = ['tk-price', `tk-price--${size}`, className].filter(Boolean).join(' ')

  return (
    <View style={themeVars} className={root} {...a11y({ role: 'img', label })}>
      <Text className="tk-price__current" {...a11y({ hidden: true })}>
        {parts.sign}
        <Text className="tk-price__symbol">{parts.symbol}</Text>
        <Text className="tk-price__integer">{parts.integer}</Text>
        {parts.fraction ? <Text className="tk-price__fraction">{parts.fraction}</Text> : null}
      </Text>
      {memberPrice ? (
        <View className="tk-price__member" {...a11y({ hidden: true })}>
          <Text className="tk-price__member-label">{t('price.memberLabel')}</Text>
          <Text className="tk-price__member-amount">{formatMoney(memberPrice, { trimZeros })}</Text>
        </View>
      ) : null}
      {shownOriginal ? (
        <Text className="tk-price__original" {...a11y({ hidden: true })}>
          {formatMoney(shownOriginal, { trimZeros })}
        </Text>
      ) : null}
    </View>
  )
}
