import { Text, View } from '@tarojs/components'
import {
  type CartLine,
  type CartQuote,
  type CartSnapshot,
  goodsMessages,
  isLineBlocked,
  type PricingContext,
} from '@tradekit/core'
import { useCart, useCartActions, useCartQuote, useFormatMoney, useTranslate } from '@tradekit/react'
import { useCallback } from 'react'
import { a11y } from '../internal/a11y'
import { BarSpacer } from '../internal/BarSpacer'
import { Check } from '../internal/Check'
import { NAVIGATION_SETTLE_MS, Pressable } from '../internal/Pressable'
import { Price } from '../Price/Price'
import { useThemeVars } from '../theme/ThemeContext'
import '../internal/BottomBar.css'
import '../theme/tokens.css'
import './CartBar.css'

/** Props of {@link CartBar}. */
export interface CartBarProps {
  /** Called with the selected lines and the quote the user saw (send its payable as `expectedPayable`). */
  onCheckout?: (lines: readonly CartLine[], quote: CartQuote) => void
  /** Pricing context for the total: member prices, coupons, fees (see `priceCart`). */
  pricing?: PricingContext
  /**
   * Fixed to the bottom of the screen, clear of the home indicator, with a spacer left in the page so
   * its last content can scroll above the bar; `false` renders the bar where it is placed (in a
   * container of the page's own, a sheet, a sticky footer).
   * @default true
   */
  fixed?: boolean
  /** Extra class of the bar. */
  className?: string
}

interface BarState {
  readonly status: CartSnapshot['status']
  readonly selectedCount: number
  readonly allSelected: boolean
  readonly selectable: boolean
}

const selectBar = (cart: CartSnapshot): BarState => ({
  status: cart.status,
  selectedCount: cart.selectedCount,
  allSelected: cart.allSelected,
  selectable: cart.lines.some((line) => !isLineBlocked(line)),
})
const selectLines = (cart: CartSnapshot) => cart.lines
const sameBar = (a: BarState, b: BarState) =>
  a.status === b.status &&
  a.selectedCount === b.selectedCount &&
  a.allSelected === b.allSelected &&
  a.selectable === b.selectable

/**
 * The bar under the cart: select all, the payable total of the selected lines with what the user
 * saves, and the checkout button — disabled, with the reason shown, when nothing is selected or while
 * the stored cart loads. An empty cart shows no bar (the list's empty state says it is empty). Fixed
 * to the bottom of the screen by default (`fixed={false}`: where it is placed).
 *
 * @example
 * ```tsx
 * <CartBar onCheckout={(lines, quote) => goToCheckout(lines, quote.payable)} />
 * ```
 */
export function CartBar({ onCheckout, pricing, fixed = true, className }: CartBarProps) {
  const themeVars = useThemeVars()
  const { t } = useTranslate(goodsMessages)
  const format = useFormatMoney()
  const bar = useCart(selectBar, sameBar)
  const cart = useCartActions()
  const selectAll = useCallback((selected: boolean) => cart.selectAll(selected), [cart])
  const quote = useCartQuote(pricing)
  const lines = useCart(selectLines)
  const reason =
    bar.status === 'loading'
      ? t('cart.disabled.loading')
      : bar.selectedCount === 0
        ? t('cart.disabled.none')
        : null
  const checkoutText =
    bar.selectedCount > 0 ? t('cart.checkoutCount', { count: bar.selectedCount }) : t('cart.checkout')

  // an empty cart has nothing to select or pay: its empty state speaks, with no bar under it
  if (bar.status === 'ready' && lines.length === 0) return null
  const classes = `tk-cart-bar${fixed ? ' tk-bar-fixed' : ''}${className ? ` ${className}` : ''}`

  return (
    <>
      {fixed ? <BarSpacer /> : null}
      <View style={themeVars} className={classes}>
        <View className="tk-cart-bar__select">
          <Check
            checked={bar.allSelected}
            disabled={!bar.selectable}
            label={t('cart.selectAll')}
            onChange={selectAll}
          />
          <Text className="tk-cart-bar__select-text" {...a11y({ hidden: true })}>
            {t('cart.selectAll')}
          </Text>
        </View>
        <View className="tk-cart-bar__summary">
          <View className="tk-cart-bar__total">
            <Text className="tk-cart-bar__total-label">{t('cart.total')}</Text>
            <Price price={quote.payable} size="lg" />
          </View>
          {quote.savings.amount > 0 ? (
            <Text className="tk-cart-bar__savings">
              {t('cart.savings', { amount: format(quote.savings) })}
            </Text>
          ) : null}
          {reason ? (
            <Text className="tk-cart-bar__reason" id="tk-cart-bar-reason">
              {reason}
            </Text>
          ) : null}
        </View>
        <Pressable
          className="tk-pressable--primary-pill tk-cart-bar__checkout"
          disabled={reason !== null}
          settleMs={NAVIGATION_SETTLE_MS}
          onPress={() => {
            onCheckout?.(
              lines.filter((line) => line.selected),
              quote,
            )
          }}
        >
          {checkoutText}
        </Pressable>
      </View>
    </>
  )
}
