import { Text, View } from '@tarojs/components'
import {
  type CartItem,
  cartItemOf,
  clampQuantity,
  formatPriceRange,
  goodsMessages,
  type PurchaseMode,
  quantityRules,
  type SkuChoice,
  type SkuMatrix,
  type SkuProduct,
  type SkuSelection,
  type SkuSpecGroup,
  type SkuSpecValue,
  skuMessages,
  skuSelection,
  speakMoney,
} from '@tradekit/core'
import { usePurchaseMode, useTranslate } from '@tradekit/react'
import { useId, useMemo } from 'react'
import { a11y } from '../internal/a11y'
import { isH5 } from '../internal/env'
import { groupKeys } from '../internal/keyboard'
import { NAVIGATION_SETTLE_MS, Pressable } from '../internal/Pressable'
import { Price } from '../Price/Price'
import { QuantityStepper } from '../QuantityStepper/QuantityStepper'
import { BottomSheet } from './BottomSheet'
import { blockedReason, choiceText } from './choiceText'
import { ProductImage } from './ProductImage'
import './SkuSelector.css'

/** Props of {@link SkuSelector}. */
export interface SkuSelectorProps {
  /** Shown or not (a bottom sheet). */
  open: boolean
  /** The close button, a tap on the mask or Escape. */
  onClose: () => void
  /** The product's spec groups and SKUs, from `skuMatrix` (build it once per product). */
  matrix: SkuMatrix
  /** What the product adds to the chosen SKU's cart item: title, picture, kind. */
  product: SkuProduct
  /** The choice so far (controlled): a value id per group id. */
  value: SkuChoice
  /** Called with the next choice when the user picks a value. */
  onChange: (choice: SkuChoice) => void
  /** The quantity (controlled); shown clamped to the chosen SKU's rules. */
  quantity: number
  /** Called with the next quantity from the stepper. */
  onQuantityChange: (quantity: number) => void
  /** Shows "加入购物车"; called with the chosen SKU's cart item (its spec text in `attributes`) and the quantity. */
  onAddToCart?: (item: CartItem, quantity: number) => void
  /** Shows "立即购买" ("立即预约", "立即开通" by kind); called like `onAddToCart`. */
  onBuyNow?: (item: CartItem, quantity: number) => void
  /** In `im` mode: open the customer-service chat to buy, with the choice so far. */
  onContactSupport?: (selection: SkuSelection) => void
  /**
   * Which actions to offer: both, or only the one the sheet was opened for (a card's "加入购物车").
   * @default 'both'
   */
  actions?: 'both' | 'cart' | 'buy'
  /**
   * How the purchase is offered: `im` turns the actions into "contact support to buy", `hidden`
   * shows no price, no limit and no buy wording.
   * @default usePurchaseMode(product.kind)
   */
  purchaseMode?: PurchaseMode
  /**
   * Stock at or below which "仅剩 N 件" shows instead of "库存 N 件".
   * @default 5
   */
  lowStockThreshold?: number
  /**
   * Units of the chosen SKU already in the cart: when the sheet offers "加入购物车", the stepper offers
   * only what the per-user limit leaves, and a cart holding the whole limit turns adding off
   * (`ConnectedSkuSelector` reads it from the cart).
   * @default 0
   */
  inCart?: number
  /** A status line above the actions (the cart's answer to an add). */
  notice?: string
  /** The sheet's title; the catalogue's "选择规格" by default. */
  title?: string
  /** Extra class of the sheet's panel. */
  className?: string
}

function SpecValue({
  id,
  value,
  checked,
  disabled,
  onSelect,
}: {
  id: string
  value: SkuSpecValue
  checked: boolean
  disabled: boolean
  onSelect: () => void
}) {
  const select = () => {
    if (!disabled && !checked) onSelect()
  }
  const classes = [
    'tk-sku__value',
    checked && 'tk-sku__value--checked',
    disabled && 'tk-sku__value--disabled',
  ]
    .filter(Boolean)
    .join(' ')
  return (
    <View
      className={classes}
      onClick={select}
      {...a11y({ role: 'radio', label: value.name, checked, disabled })}
      {...(isH5 ? { id } : {})}
    >
      <Text className="tk-sku__chip" {...a11y({ hidden: true })}>
        {value.name}
      </Text>
    </View>
  )
}

function SpecGroup({
  group,
  selection,
  onPick,
}: {
  group: SkuSpecGroup
  selection: SkuSelection
  onPick: (valueId: string) => void
}) {
  const possible = selection.possible[group.id] ?? {}
  const chosen = selection.choice[group.id]
  const idBase = useId()
  const ids = group.values.map((_, i) => `${idBase}${i}`)
  const enabled = (i: number) => possible[group.values[i]?.id ?? ''] === true
  const chosenAt = group.values.findIndex((value) => value.id === chosen)
  const keys = groupKeys(
    ids,
    chosenAt >= 0 ? chosenAt : group.values.findIndex((_, i) => enabled(i)),
    enabled,
    (i) => {
      const id = group.values[i]?.id
      if (id !== undefined && id !== chosen) onPick(id)
    },
  )
  return (
    <View className="tk-sku__group">
      <Text className="tk-sku__group-name" {...a11y({ hidden: true })}>
        {group.name}
      </Text>
      <View className="tk-sku__values" {...a11y({ role: 'radiogroup', label: group.name })} {...keys}>
        {group.values.map((value, i) => (
          <SpecValue
            key={value.id}
            id={ids[i] as string}
            value={value}
            checked={chosen === value.id}
            disabled={possible[value.id] !== true}
            onSelect={() => onPick(value.id)}
          />
        ))}
      </View>
    </View>
  )
}

/**
 * The spec selector as a bottom sheet: one radio group per spec group, a value disabled when no
 * in-stock SKU is left with it and the other chosen values; the chosen SKU's picture and price (the
 * price range, "¥39–59", until the choice is complete); stock and per-user limit; the quantity; and
 * "加入购物车" / "立即购买", disabled with the reason until the choice can be bought. Controlled: the
 * page holds the choice and the quantity. The actions receive the SKU's cart item made by
 * `cartItemOf`, so the cart line keeps the SKU and its spec text (颜色: 黑). `ConnectedSkuSelector`
 * holds its own state and adds to the provider's cart.
 *
 * @example
 * ```tsx
 * const matrix = useMemo(() => skuMatrix(specs, skus), [specs, skus])
 * const [choice, setChoice] = useState<SkuChoice>({})
 * const [quantity, setQuantity] = useState(1)
 * <SkuSelector open={open} onClose={() => setOpen(false)} matrix={matrix} product={{ title: '纯棉T恤' }}
 *   value={choice} onChange={setChoice} quantity={quantity} onQuantityChange={setQuantity}
 *   onAddToCart={(item, q) => cart.add(item, q)} />
 * ```
 */
export function SkuSelector({
  open,
  onClose,
  matrix,
  product,
  value,
  onChange,
  quantity,
  onQuantityChange,
  onAddToCart,
  onBuyNow,
  onContactSupport,
  actions = 'both',
  purchaseMode,
  lowStockThreshold = 5,
  inCart = 0,
  notice,
  title,
  className,
}: SkuSelectorProps) {
  const { t, locale } = useTranslate(skuMessages, goodsMessages)
  const kind = product.kind ?? 'physical'
  const defaultMode = usePurchaseMode(kind)
  const mode = purchaseMode ?? defaultMode
  const whole = useMemo(() => skuSelection(matrix, {}), [matrix])
  const selection = useMemo(() => skuSelection(matrix, value), [matrix, value])
  const sku = selection.sku
  const withCart = mode === 'buy' && onAddToCart !== undefined && actions !== 'buy'
  const withBuy = mode === 'buy' && onBuyNow !== undefined && actions !== 'cart'
  // what the per-user limit leaves beside the units already in the cart (only adds count them)
  const room = selection.limit === undefined ? undefined : Math.max(0, selection.limit - inCart)
  const cartFull = withCart && room === 0
  const limit = withCart && room !== undefined && room > 0 ? room : selection.limit
  const rules = quantityRules(limit === undefined ? (sku ?? {}) : { ...sku, perUserLimit: limit })
  const shownQuantity = sku && selection.buyable ? clampQuantity(quantity, rules).quantity : quantity
  const atLimit = sku !== undefined && (cartFull || (limit !== undefined && shownQuantity >= rules.limitMax))
  const reason = blockedReason(selection, whole, t)
  const item = (): CartItem | undefined => (reason ? undefined : cartItemOf(matrix, value, product))
  const buyLabel = t(
    kind === 'service' ? 'product.bookNow' : kind === 'virtual' ? 'product.getNow' : 'product.buyNow',
  )

  let price = null
  if (mode !== 'hidden') {
    if (sku) {
      price = (
        <Price
          price={sku.price}
          originalPrice={sku.originalPrice}
          memberPrice={sku.memberPrice}
          size="lg"
          className="tk-sku__price"
        />
      )
    } else if (selection.priceRange) {
      const { min, max } = selection.priceRange
      price =
        min.amount === max.amount ? (
          <Price price={min} size="lg" className="tk-sku__price" />
        ) : (
          <View
            className="tk-sku__range"
            {...a11y({
              role: 'img',
              label: t('sku.priceRange', { min: speakMoney(min, t), max: speakMoney(max, t) }),
            })}
          >
            <Text {...a11y({ hidden: true })}>
              {formatPriceRange(selection.priceRange, { locale, trimZeros: true })}
            </Text>
          </View>
        )
    }
  }

  const stockHint =
    kind === 'physical' && sku && selection.buyable ? (
      sku.stock <= lowStockThreshold ? (
        <Text className="tk-sku__hint tk-sku__hint--warning">{t('sku.lowStock', { stock: sku.stock })}</Text>
      ) : (
        <Text className="tk-sku__hint">{t('sku.stock', { stock: sku.stock })}</Text>
      )
    ) : null

  const header = (
    <View className="tk-sku__head">
      <ProductImage className="tk-sku__image" src={selection.image ?? product.image} />
      <View className="tk-sku__summary">
        {price}
        <Text className="tk-sku__choice">{choiceText(selection, t)}</Text>
        <View className="tk-sku__hints">
          {stockHint}
          {selection.limit !== undefined && mode !== 'hidden' ? (
            <Text className="tk-sku__hint">{t('sku.limit', { limit: selection.limit })}</Text>
          ) : null}
        </View>
      </View>
    </View>
  )

  const footer = (
    <View className="tk-sku__footer">
      {notice ? (
        <Text className="tk-sku__notice" {...a11y({ role: 'status' })}>
          {notice}
        </Text>
      ) : null}
      {mode === 'buy' && reason && (withCart || withBuy) ? (
        <Text className="tk-sku__reason">{reason}</Text>
      ) : null}
      {mode === 'hidden' ? <Text className="tk-sku__reason">{t('sku.notAvailable')}</Text> : null}
      <View className="tk-sku__actions">
        {mode === 'im' ? (
          <Pressable
            className="tk-sku__action tk-sku__action--primary"
            settleMs={NAVIGATION_SETTLE_MS}
            onPress={() => onContactSupport?.(selection)}
          >
            {t('product.contactToBuy')}
          </Pressable>
        ) : null}
        {withCart ? (
          <Pressable
            className="tk-sku__action tk-sku__action--cart"
            disabled={reason !== null || cartFull}
            onPress={() => {
              const next = item()
              if (next) onAddToCart?.(next, shownQuantity)
            }}
          >
            {t('product.addToCart')}
          </Pressable>
        ) : null}
        {withBuy ? (
          <Pressable
            className="tk-sku__action tk-sku__action--primary"
            disabled={reason !== null}
            settleMs={NAVIGATION_SETTLE_MS}
            onPress={() => {
              const next = item()
              if (next) onBuyNow?.(next, shownQuantity)
            }}
          >
            {buyLabel}
          </Pressable>
        ) : null}
      </View>
    </View>
  )

  return (
    <BottomSheet
      open={open}
      title={title ?? t('sku.title')}
      onClose={onClose}
      header={header}
      footer={footer}
      className={className ? `tk-sku ${className}` : 'tk-sku'}
    >
      {matrix.specs.map((group) => (
        <SpecGroup
          key={group.id}
          group={group}
          selection={selection}
          onPick={(valueId) => onChange({ ...selection.choice, [group.id]: valueId })}
        />
      ))}
      {mode !== 'hidden' ? (
        <View className="tk-sku__quantity">
          <Text className="tk-sku__quantity-label" {...a11y({ hidden: true })}>
            {t('sku.quantity')}
          </Text>
          <QuantityStepper
            value={shownQuantity}
            min={sku?.minQuantity}
            max={limit}
            stock={sku?.stock}
            step={sku?.step}
            disabled={sku !== undefined && !selection.buyable}
            label={t('sku.quantity')}
            onChange={onQuantityChange}
          />
        </View>
      ) : null}
      {atLimit && mode !== 'hidden' ? (
        <Text className="tk-sku__hint tk-sku__hint--warning tk-sku__limit-reached">{t('sku.atLimit')}</Text>
      ) : null}
    </BottomSheet>
  )
}
