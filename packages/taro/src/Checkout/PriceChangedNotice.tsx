import { Text, View } from '@tarojs/components'
import {
  checkoutMessages,
  formatMoney,
  goodsMessages,
  type Money,
  speakMoney,
  subtractMoney,
} from '@tradekit/core'
import { useTranslate } from '@tradekit/react'
import { a11y } from '../internal/a11y'
import { Pressable } from '../internal/Pressable'
import { Price } from '../Price/Price'
import { useThemeVars } from '../theme/ThemeContext'
import '../theme/tokens.css'
import './PriceChangedNotice.css'

/** Props of {@link PriceChangedNotice}. */
export interface PriceChangedNoticeProps {
  /** The total the user agreed to before. */
  previous: Money
  /** The server's new total (`error.quote.payable` of a `PRICE_CHANGED`). */
  next: Money
  /** Accept the new total: submit again with it as `expectedPayable`. */
  onAccept: () => unknown
  /** Go back to the cart instead. */
  onBack?: () => void
  /** Extra class of the root. */
  className?: string
}

/**
 * The server priced the order differently from the screen (`PRICE_CHANGED`): the old and the new
 * total with the difference, "accept and pay" and "back to the cart". Announced as an alert.
 *
 * @example
 * ```tsx
 * if (checkout.error?.code === 'PRICE_CHANGED' && checkout.error.quote)
 *   <PriceChangedNotice previous={quote.payable} next={checkout.error.quote.payable} onAccept={accept} onBack={toCart} />
 * ```
 */
export function PriceChangedNotice({ previous, next, onAccept, onBack, className }: PriceChangedNoticeProps) {
  const themeVars = useThemeVars()
  const { t, locale } = useTranslate(checkoutMessages, goodsMessages)
  const delta = subtractMoney(next, previous)
  const up = delta.amount > 0
  const difference = formatMoney({ amount: Math.abs(delta.amount), currency: delta.currency }, { locale })
  return (
    <View
      style={themeVars}
      className={className ? `tk-price-changed ${className}` : 'tk-price-changed'}
      {...a11y({ role: 'group', label: t('priceChanged.title') })}
    >
      <View className="tk-price-changed__text" {...a11y({ role: 'alert' })}>
        <Text className="tk-price-changed__title">{t('priceChanged.title')}</Text>
        {delta.amount !== 0 ? (
          <Text className="tk-price-changed__delta">
            {t(up ? 'priceChanged.up' : 'priceChanged.down', { amount: difference })}
          </Text>
        ) : null}
      </View>
      <View className="tk-price-changed__totals">
        <View className="tk-price-changed__total">
          <Text className="tk-price-changed__label">{t('priceChanged.old')}</Text>
          <Price
            price={previous}
            className="tk-price-changed__old"
            ariaLabel={`${t('priceChanged.old')} ${speakMoney(previous, t)}`}
          />
        </View>
        <Text className="tk-price-changed__arrow" {...a11y({ hidden: true })}>
          →
        </Text>
        <View className="tk-price-changed__total">
          <Text className="tk-price-changed__label">{t('priceChanged.new')}</Text>
          <Price price={next} size="lg" ariaLabel={`${t('priceChanged.new')} ${speakMoney(next, t)}`} />
        </View>
      </View>
      <View className="tk-price-changed__actions">
        {onBack ? (
          <Pressable className="tk-price-changed__action" onPress={onBack}>
            {t('priceChanged.back')}
          </Pressable>
        ) : null}
        <Pressable
          className="tk-price-changed__action tk-price-changed__action--primary"
          onPress={() => void onAccept()}
        >
          {t('priceChanged.accept')}
        </Pressable>
      </View>
    </View>
  )
}
