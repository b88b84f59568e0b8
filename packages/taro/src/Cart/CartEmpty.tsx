import { goodsMessages } from '@tradekit/core'
import { useTranslate } from '@tradekit/react'
import { Empty } from '../Empty/Empty'
import { NAVIGATION_SETTLE_MS, Pressable } from '../internal/Pressable'
import '../theme/tokens.css'
import './CartEmpty.css'

/** Props of {@link CartEmpty}. */
export interface CartEmptyProps {
  /** "去逛逛": where to go to shop; the button is shown only with it. */
  onShop?: () => void
  /** An illustration URL. */
  image?: string
  /** Extra class of the root. */
  className?: string
}

/**
 * The empty cart: "购物车是空的" with a way back to shopping.
 *
 * @example
 * ```tsx
 * <CartEmpty onShop={() => Taro.switchTab({ url: '/pages/index/index' })} />
 * ```
 */
export function CartEmpty({ onShop, image, className }: CartEmptyProps) {
  const { t } = useTranslate(goodsMessages)
  return (
    <Empty
      className={className ? `tk-cart-empty ${className}` : 'tk-cart-empty'}
      image={image}
      title={t('cart.empty.title')}
      description={t('cart.empty.description')}
    >
      {onShop ? (
        <Pressable className="tk-cart-empty__shop" settleMs={NAVIGATION_SETTLE_MS} onPress={onShop}>
          {t('cart.empty.action')}
        </Pressable>
      ) : null}
    </Empty>
  )
}
