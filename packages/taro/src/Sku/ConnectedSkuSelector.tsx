import {
  type CartItem,
  cartItemOf,
  cartLineId,
  goodsMessages,
  type QuantityResult,
  type SkuChoice,
  skuMessages,
} from '@tradekit/core'
import { useCartActions, useCartLine, useTranslate } from '@tradekit/react'
import { useMemo, useState } from 'react'
import { SkuSelector, type SkuSelectorProps } from './SkuSelector'

/** Props of {@link ConnectedSkuSelector}. */
export interface ConnectedSkuSelectorProps
  extends Omit<
    SkuSelectorProps,
    'value' | 'onChange' | 'quantity' | 'onQuantityChange' | 'onAddToCart' | 'notice'
  > {
  /** The choice the sheet opens with (a value id per group id). @default {} */
  defaultValue?: SkuChoice
  /** The quantity the sheet opens with. @default 1 */
  defaultQuantity?: number
  /**
   * Offer "加入购物车", which adds the chosen SKU to the provider's cart.
   * @default true
   */
  showAddToCart?: boolean
  /** Called after an add with the cart's answer (clamped to stock or limit, or not added). */
  onAddToCart?: (result: QuantityResult, item: CartItem, quantity: number) => void
  /** Called when the choice changes. */
  onChange?: (choice: SkuChoice) => void
}

/**
 * {@link SkuSelector} ready to drop in: it keeps the choice and the quantity itself and "加入购物车"
 * adds the chosen SKU (with its spec text as the line's attributes) to the cart of the
 * `TradeProvider` above it, then says what the cart answered ("已加入购物车", or the stock or limit
 * that stopped it). "立即购买" goes to the page through `onBuyNow`. The choice is kept while the sheet
 * is closed, as long as this component stays mounted.
 *
 * @example
 * ```tsx
 * <ConnectedSkuSelector open={open} onClose={() => setOpen(false)} matrix={matrix}
 *   product={{ title: '纯棉T恤', image }} onBuyNow={(item, quantity) => goToCheckout(item, quantity)} />
 * ```
 */
export function ConnectedSkuSelector({
  defaultValue = {},
  defaultQuantity = 1,
  showAddToCart = true,
  onAddToCart,
  onChange,
  ...props
}: ConnectedSkuSelectorProps) {
  const { t } = useTranslate(skuMessages, goodsMessages)
  const cart = useCartActions()
  const [choice, setChoice] = useState<SkuChoice>(defaultValue)
  const [quantity, setQuantity] = useState(defaultQuantity)
  const [notice, setNotice] = useState<string | undefined>(undefined)
  // the chosen SKU's line: its units count against the per-user limit of an add
  const chosen = useMemo(
    () => cartItemOf(props.matrix, choice, props.product),
    [props.matrix, props.product, choice],
  )
  const inCart = useCartLine(chosen ? cartLineId(chosen.skuId, chosen.options) : '')?.quantity ?? 0

  return (
    <SkuSelector
      {...props}
      value={choice}
      onChange={(next) => {
        setChoice(next)
        setNotice(undefined)
        onChange?.(next)
      }}
      quantity={quantity}
      onQuantityChange={(next) => {
        setQuantity(next)
        setNotice(undefined)
      }}
      notice={notice}
      inCart={inCart}
      onAddToCart={
        showAddToCart
          ? (item, count) => {
              const result = cart.add(item, count)
              setNotice(
                result.ok
                  ? t('product.added')
                  : result.issue === 'exceeds_stock'
                    ? t('product.addExceedsStock', { quantity: result.quantity })
                    : result.issue === 'over_limit'
                      ? t('product.addOverLimit', { quantity: result.quantity })
                      : t('product.soldOut'),
              )
              onAddToCart?.(result, item, count)
            }
          : undefined
      }
    />
  )
}
