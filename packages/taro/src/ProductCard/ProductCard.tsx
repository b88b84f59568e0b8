import { Image, Text, View } from '@tarojs/components'
import {
  blockingStatus,
  type CartItem,
  goodsMessages,
  type PurchaseMode,
  type QuantityResult,
} from '@tradekit/core'
import { useCartActions, usePurchaseMode, useTranslate } from '@tradekit/react'
import { type ReactNode, useEffect, useState } from 'react'
import { a11y } from '../internal/a11y'
import { NAVIGATION_SETTLE_MS, Pressable } from '../internal/Pressable'
import { Price } from '../Price/Price'
import { Skeleton } from '../Skeleton/Skeleton'
import { Tag } from '../Tag/Tag'
import { useThemeVars } from '../theme/ThemeContext'
import '../theme/tokens.css'
import '../internal/ImagePlaceholder.css'
import '../internal/ProductTitle.css'
import './ProductCard.css'

/** A product as a card shows it: a cart item plus display text. */
export interface ProductCardProduct extends CartItem {
  /** A second line under the title. */
  readonly subtitle?: string
  /** Marketing labels ("新品", "包邮"). */
  readonly tags?: readonly string[]
}

/** What {@link ProductCardProps.renderSpecSelector} receives to draw the spec selector. */
export interface ProductCardSpecControl {
  /** The selector is shown. */
  open: boolean
  /** Closes it (pass it as the selector's `onClose`). */
  close: () => void
  /** The card action that opened it: "加入购物车" (`cart`) or the buy action (`buy`). */
  intent: 'cart' | 'buy'
  /** The card's product. */
  product: ProductCardProduct
}

/** Props of {@link ProductCard}. */
export interface ProductCardProps {
  /** The product; leave it out (or set `loading`) to show a skeleton. */
  product?: ProductCardProduct
  /**
   * Show the skeleton.
   * @default false
   */
  loading?: boolean
  /**
   * Image above the text (a grid) or beside it (a list).
   * @default 'vertical'
   */
  layout?: 'vertical' | 'horizontal'
  /**
   * How the purchase is offered; by default from the provider's channels and platform for the
   * product's kind (`usePurchaseMode`): `im` offers "contact support to buy", `hidden` shows no price
   * and no buy wording.
   */
  purchaseMode?: PurchaseMode
  /**
   * Stock at or below which "仅剩 N 件" shows.
   * @default 5
   */
  lowStockThreshold?: number
  /**
   * Show "加入购物车" (adds one unit to the provider's cart).
   * @default true for physical goods, false for services and virtual goods
   */
  showAddToCart?: boolean
  /** Called after an add, with the cart's answer (clamped to stock or limit, or not added). */
  onAddToCart?: (result: QuantityResult, product: ProductCardProduct) => void
  /** Shows the buy-now action ("立即购买", "立即预约" for services, "立即开通" for virtual goods). */
  onBuyNow?: (product: ProductCardProduct) => void
  /** In `im` mode: open the customer-service chat to buy. */
  onContactSupport?: (product: ProductCardProduct) => void
  /**
   * For a product with specs: the card's "加入购物车" and buy actions open the spec selector this
   * function draws (typically `ConnectedSkuSelector` with `open`, `onClose={close}` and
   * `actions={intent}`) instead of adding the card's own SKU. The page imports the selector, so a
   * bundle of cards without specs does not carry it. Called from the first press on.
   *
   * @example
   * ```tsx
   * <ProductCard product={tee} onBuyNow={goToCheckout} renderSpecSelector={({ open, close, intent }) => (
   *   <ConnectedSkuSelector open={open} onClose={close} actions={intent} matrix={teeMatrix}
   *     product={{ title: tee.title, image: tee.image }} onBuyNow={(item, quantity) => buy(item, quantity)} />
   * )} />
   * ```
   */
  renderSpecSelector?: (control: ProductCardSpecControl) => ReactNode
  /**
   * For a product with specs whose selector the page shows itself: called instead of adding the
   * card's own SKU, with the action pressed.
   */
  onChooseSpecs?: (product: ProductCardProduct, intent: 'cart' | 'buy') => void
  /** The card itself was pressed (open the product page). */
  onPress?: (product: ProductCardProduct) => void
  /** Extra class of the root. */
  className?: string
}

const FEEDBACK_MS = 2500

/**
 * A product in a grid or a list: image, title, price with original and member price, tags, stock
 * and limit, and the actions the purchase mode allows. Sold out and off shelf disable buying and
 * say so; services and virtual goods show no stock.
 *
 * @example
 * ```tsx
 * <ProductCard product={product} onBuyNow={(p) => Taro.navigateTo({ url: `/pages/checkout?sku=${p.skuId}` })} />
 * ```
 */
export function ProductCard(props: ProductCardProps) {
  const themeVars = useThemeVars()
  const { product, loading = false, layout = 'vertical' } = props
  if (loading || !product) {
    return (
      <View style={themeVars} className={`tk-product-card tk-product-card--${layout}`}>
        <Skeleton image={layout === 'vertical' ? 'top' : 'side'} rows={1} />
      </View>
    )
  }
  return <LoadedProductCard {...props} product={product} themeVars={themeVars} />
}

function LoadedProductCard({
  product,
  layout = 'vertical',
  purchaseMode,
  lowStockThreshold = 5,
  showAddToCart,
  onAddToCart,
  onBuyNow,
  onContactSupport,
  onPress,
  renderSpecSelector,
  onChooseSpecs,
  className,
  themeVars,
}: ProductCardProps & { product: ProductCardProduct; themeVars: Record<string, string> | undefined }) {
  const { t } = useTranslate(goodsMessages)
  const kind = product.kind ?? 'physical'
  const defaultMode = usePurchaseMode(kind)
  const mode = purchaseMode ?? defaultMode
  // what the last add answered; its text is read at render, so it follows a change of locale
  const [feedback, setFeedback] = useState<QuantityResult | null>(null)
  const [imageFailed, setImageFailed] = useState(false)
  const cart = useCartActions()
  // the spec selector: undefined until a first press, so a card never pressed renders none
  const [specs, setSpecs] = useState<{ open: boolean; intent: 'cart' | 'buy' } | undefined>(undefined)
  const withSpecs = renderSpecSelector !== undefined || onChooseSpecs !== undefined
  const chooseSpecs = (intent: 'cart' | 'buy') => {
    if (renderSpecSelector) setSpecs({ open: true, intent })
    onChooseSpecs?.(product, intent)
  }

  useEffect(() => {
    if (!feedback) return
    const timer = setTimeout(() => setFeedback(null), FEEDBACK_MS)
    return () => clearTimeout(timer)
  }, [feedback])

  const blocked = blockingStatus(product) ?? null
  const limit = minDefined(product.perUserLimit, product.maxQuantity)
  const lowStock =
    kind === 'physical' && !blocked && product.stock !== undefined && product.stock <= lowStockThreshold
      ? product.stock
      : undefined
  const buyLabel = t(
    kind === 'service' ? 'product.bookNow' : kind === 'virtual' ? 'product.getNow' : 'product.buyNow',
  )
  const withCart = mode === 'buy' && (showAddToCart ?? kind === 'physical')

  const classes = [
    'tk-product-card',
    `tk-product-card--${layout}`,
    blocked && 'tk-product-card--blocked',
    className,
  ]
    .filter(Boolean)
    .join(' ')

  const selector =
    renderSpecSelector && specs
      ? renderSpecSelector({
          open: specs.open,
          intent: specs.intent,
          product,
          close: () => setSpecs((shown) => shown && { ...shown, open: false }),
        })
      : null

  return (
    <>
      <View style={themeVars} className={classes} {...a11y({ role: 'group', label: product.title })}>
        <View className="tk-product-card__media" onClick={onPress ? () => onPress(product) : undefined}>
          {product.image && !imageFailed ? (
            <Image
              className="tk-product-card__image"
              src={product.image}
              mode="aspectFill"
              lazyLoad
              {...a11y({ hidden: true })}
              onError={() => setImageFailed(true)}
            />
          ) : (
            <View className="tk-image-placeholder" {...a11y({ hidden: true })} />
          )}
          {blocked ? (
            <View className="tk-product-card__overlay">
              <Text>{t(blocked === 'off_shelf' ? 'product.offShelf' : 'product.soldOut')}</Text>
            </View>
          ) : null}
        </View>
        <View className="tk-product-card__body">
          <Text
            className="tk-product-title tk-product-card__title"
            onClick={onPress ? () => onPress(product) : undefined}
          >
            {product.title}
          </Text>
          {product.subtitle ? <Text className="tk-product-card__subtitle">{product.subtitle}</Text> : null}
          <View className="tk-product-card__tags">
            {kind !== 'physical' ? (
              <Tag tone="primary">{t(kind === 'service' ? 'product.service' : 'product.virtual')}</Tag>
            ) : null}
            {product.tags?.map((tag) => (
              <Tag key={tag}>{tag}</Tag>
            ))}
            {lowStock !== undefined ? (
              <Tag tone="warning">{t('product.lowStock', { stock: lowStock })}</Tag>
            ) : null}
            {limit !== undefined && mode !== 'hidden' ? (
              <Tag tone="default" variant="outline">
                {t('product.limit', { limit })}
              </Tag>
            ) : null}
          </View>
          <View className="tk-product-card__footer">
            {mode !== 'hidden' ? (
              <Price
                price={product.price}
                originalPrice={product.originalPrice}
                memberPrice={product.memberPrice}
                size={layout === 'vertical' ? 'lg' : 'md'}
              />
            ) : null}
            <View className="tk-product-card__actions">
              {mode === 'im' ? (
                <Pressable
                  className="tk-product-card__action tk-product-card__action--primary"
                  label={t('product.buyNamed', { action: t('product.contactToBuy'), title: product.title })}
                  disabled={blocked !== null}
                  settleMs={NAVIGATION_SETTLE_MS}
                  onPress={() => onContactSupport?.(product)}
                >
                  {t('product.contactToBuy')}
                </Pressable>
              ) : null}
              {withCart ? (
                <Pressable
                  className="tk-product-card__action"
                  label={t('product.addToCartNamed', { title: product.title })}
                  disabled={blocked !== null}
                  onPress={() => {
                    if (withSpecs) {
                      chooseSpecs('cart')
                      return
                    }
                    const { subtitle: _subtitle, tags: _tags, ...item } = product
                    const result = cart.add(item, 1)
                    setFeedback(result)
                    onAddToCart?.(result, product)
                  }}
                >
                  {t('product.addToCart')}
                </Pressable>
              ) : null}
              {mode === 'buy' && onBuyNow ? (
                <Pressable
                  className="tk-product-card__action tk-product-card__action--primary"
                  label={t('product.buyNamed', { action: buyLabel, title: product.title })}
                  disabled={blocked !== null}
                  settleMs={NAVIGATION_SETTLE_MS}
                  onPress={() => (withSpecs ? chooseSpecs('buy') : onBuyNow(product))}
                >
                  {buyLabel}
                </Pressable>
              ) : null}
            </View>
          </View>
          {feedback ? (
            <View className="tk-product-card__feedback" {...a11y({ role: 'status' })}>
              {feedback.ok
                ? t('product.added')
                : feedback.issue === 'exceeds_stock'
                  ? t('product.addExceedsStock', { quantity: feedback.quantity })
                  : feedback.issue === 'over_limit'
                    ? t('product.addOverLimit', { quantity: feedback.quantity })
                    : t('product.soldOut')}
            </View>
          ) : null}
        </View>
      </View>
      {selector}
    </>
  )
}

function minDefined(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b
  if (b === undefined) return a
  return Math.min(a, b)
}
