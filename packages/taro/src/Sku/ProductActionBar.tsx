import { Text, View } from '@tarojs/components'
import { goodsMessages, type PurchaseMode, skuMessages } from '@tradekit/core'
import { usePurchaseMode, useTranslate } from '@tradekit/react'
import { a11y } from '../internal/a11y'
import { NAVIGATION_SETTLE_MS, Pressable } from '../internal/Pressable'
import { useThemeVars } from '../theme/ThemeContext'
import '../internal/BottomBar.css'
import { BarSpacer } from '../internal/BarSpacer'
import '../theme/tokens.css'
import './ProductActionBar.css'

/** Props of {@link ProductActionBar}. */
export interface ProductActionBarProps {
  /**
   * The goods' kind: the buy wording ("立即购买", "立即预约", "立即开通"), whether "加入购物车"
   * shows (physical goods) and the default purchase mode.
   * @default 'physical'
   */
  kind?: 'physical' | 'service' | 'virtual'
  /**
   * `buy`: add to cart and buy; `im`: "contact support to buy" instead; `hidden`: no buy action and no
   * buy wording (support and cart stay).
   * @default usePurchaseMode(kind)
   */
  purchaseMode?: PurchaseMode
  /** Units in the cart, as a badge on "购物车" (`useCart((cart) => cart.count)`). */
  cartCount?: number
  /** "客服": the customer-service chat. */
  onSupport?: () => void
  /** "购物车": open the cart. */
  onCart?: () => void
  /** Shows "加入购物车" (for physical goods): open the selector for the cart, or add. */
  onAddToCart?: () => void
  /** Shows the buy action: open the selector to buy, or go to the checkout. */
  onBuyNow?: () => void
  /** In `im` mode: open the customer-service chat to buy. */
  onContactSupport?: () => void
  /** Disables the buy actions and says why ("商品已售罄"). */
  disabledReason?: string
  /** Extra class of the root. */
  className?: string
}

/**
 * The bar fixed to the bottom of a product page, clear of the home indicator: 客服, 购物车 with the
 * cart's count, and 加入购物车 / 立即购买 — as the purchase mode allows (`im`: 联系客服购买; `hidden`:
 * no buy action). It leaves a spacer of its height in the page, so the end of the page is not hidden
 * behind it.
 *
 * @example
 * ```tsx
 * const count = useCart((cart) => cart.count)
 * <ProductActionBar cartCount={count} onCart={() => Taro.switchTab({ url: '/pages/cart/index' })}
 *   onAddToCart={() => openSelector('cart')} onBuyNow={() => openSelector('buy')} />
 * ```
 */
export function ProductActionBar({
  kind = 'physical',
  purchaseMode,
  cartCount = 0,
  onSupport,
  onCart,
  onAddToCart,
  onBuyNow,
  onContactSupport,
  disabledReason,
  className,
}: ProductActionBarProps) {
  const themeVars = useThemeVars()
  const { t } = useTranslate(skuMessages, goodsMessages)
  const defaultMode = usePurchaseMode(kind)
  const mode = purchaseMode ?? defaultMode
  const buyLabel = t(
    kind === 'service' ? 'product.bookNow' : kind === 'virtual' ? 'product.getNow' : 'product.buyNow',
  )
  const withCart = mode === 'buy' && kind === 'physical' && onAddToCart !== undefined
  const blocked = disabledReason !== undefined
  return (
    <>
      <BarSpacer />
      <View
        style={themeVars}
        className={className ? `tk-action-bar tk-bar-fixed ${className}` : 'tk-action-bar tk-bar-fixed'}
        {...a11y({ role: 'region', label: t('detail.actions') })}
      >
        {blocked && mode === 'buy' ? <Text className="tk-action-bar__reason">{disabledReason}</Text> : null}
        <View className="tk-action-bar__row">
          {onSupport ? (
            <Pressable className="tk-action-bar__icon" onPress={onSupport}>
              <Text className="tk-action-bar__icon-text">{t('detail.support')}</Text>
            </Pressable>
          ) : null}
          {onCart ? (
            // the badge sits beside the button, not in it: the button's visible text stays within its name
            <View className="tk-action-bar__cart">
              <Pressable
                className="tk-action-bar__icon"
                label={cartCount > 0 ? t('detail.cartCount', { count: cartCount }) : t('detail.cart')}
                onPress={onCart}
              >
                <Text className="tk-action-bar__icon-text">{t('detail.cart')}</Text>
              </Pressable>
              {cartCount > 0 ? (
                <Text className="tk-action-bar__badge" {...a11y({ hidden: true })}>
                  {cartCount > 99 ? '99+' : String(cartCount)}
                </Text>
              ) : null}
            </View>
          ) : null}
          <View className="tk-action-bar__actions">
            {mode === 'im' ? (
              <Pressable
                className="tk-action-bar__action tk-action-bar__action--primary"
                disabled={blocked}
                settleMs={NAVIGATION_SETTLE_MS}
                onPress={onContactSupport}
              >
                {t('product.contactToBuy')}
              </Pressable>
            ) : null}
            {withCart ? (
              <Pressable
                className="tk-action-bar__action tk-action-bar__action--cart"
                disabled={blocked}
                onPress={onAddToCart}
              >
                {t('product.addToCart')}
              </Pressable>
            ) : null}
            {mode === 'buy' && onBuyNow ? (
              <Pressable
                className="tk-action-bar__action tk-action-bar__action--primary"
                disabled={blocked}
                settleMs={NAVIGATION_SETTLE_MS}
                onPress={onBuyNow}
              >
                {buyLabel}
              </Pressable>
            ) : null}
          </View>
        </View>
      </View>
    </>
  )
}
