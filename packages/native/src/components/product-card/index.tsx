import type { QuantityResult } from '@tradekit/core'
import { ProductCard, type ProductCardProduct } from '@tradekit/taro'
import { emit, type NativeCommonProps, NativeRoot } from '../../shared/NativeRoot'
import { sharedCart } from '../../shared/sharedCart'

/** Props of `tk-product-card` (the fields of its `props` object). */
export interface TkProductCardProps extends NativeCommonProps {
  /** The product: a cart item (`price` in minor units, `{ amount: 1250, currency: 'CNY' }`) plus display text. */
  product?: ProductCardProduct
  /**
   * Image above the text or beside it.
   * @default 'vertical'
   */
  layout?: 'vertical' | 'horizontal'
  /**
   * Show "加入购物车".
   * @default true for physical goods
   */
  showAddToCart?: boolean
  /**
   * Show the buy-now action; pressing it sends `buy`.
   * @default false
   */
  showBuyNow?: boolean
}

/** What `bind:add` receives in `event.detail`. */
export interface TkAddDetail {
  readonly skuId: string
  /** The cart's answer: added (`ok`), or clamped to stock or limit (`issue`). */
  readonly result: QuantityResult
  /** Units in the cart now (the cart tab's badge). */
  readonly count: number
}

/**
 * `tk-product-card`: title, price, sold-out and low-stock states; "加入购物车" adds one unit to the
 * shared cart and sends `add`.
 */
export default function TkProductCard({
  product,
  layout,
  showAddToCart,
  showBuyNow = false,
  locale,
  namespace,
  $scope,
}: TkProductCardProps) {
  return (
    <NativeRoot locale={locale} namespace={namespace}>
      <ProductCard
        product={product}
        layout={layout}
        showAddToCart={showAddToCart}
        onAddToCart={(result, added) => {
          const detail: TkAddDetail = {
            skuId: added.skuId,
            result,
            count: sharedCart(namespace).getSnapshot().count,
          }
          emit($scope, 'add', detail)
        }}
        onBuyNow={showBuyNow ? (chosen) => emit($scope, 'buy', { skuId: chosen.skuId }) : undefined}
      />
    </NativeRoot>
  )
}
