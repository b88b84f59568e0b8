import { Image, Text, View } from '@tarojs/components'
import {
  BLOCKING_ISSUES,
  type CartLine as CartLineData,
  formatMoney,
  goodsMessages,
  isLineBlocked,
  subtractMoney,
} from '@tradekit/core'
import { useCartActions, useCartLine, useTranslate } from '@tradekit/react'
import { memo, useCallback, useState } from 'react'
import { a11y } from '../internal/a11y'
import { Check } from '../internal/Check'
import { Pressable } from '../internal/Pressable'
import { Price } from '../Price/Price'
import { QuantityStepper } from '../QuantityStepper/QuantityStepper'
import { Tag } from '../Tag/Tag'
import { useThemeVars } from '../theme/ThemeContext'
import '../theme/tokens.css'
import '../internal/ImagePlaceholder.css'
import '../internal/ProductTitle.css'
import './CartLine.css'

/** Props of {@link CartLine}. */
export interface CartLineProps {
  /** The line to show; it re-renders only when this line changes. */
  lineId: string
  /** Called after the user confirmed removing the line. */
  onRemoved?: (line: CartLineData) => void
  /** The line's title or picture was pressed (open the product). */
  onPress?: (line: CartLineData) => void
  /** Extra class of the root. */
  className?: string
}

/**
 * One cart line: select, picture, title, attributes (颜色: 黑), unit price (and how it moved since it
 * was added), a quantity stepper within the line's rules, issue badges and remove with confirmation.
 * A sold-out or off-shelf line shows why and can only be removed.
 *
 * @example
 * ```tsx
 * <CartLine lineId={line.lineId} />
 * ```
 */
export const CartLine = memo(function CartLine({ lineId, onRemoved, onPress, className }: CartLineProps) {
  const themeVars = useThemeVars()
  const line = useCartLine(lineId)
  const cart = useCartActions()
  const { t } = useTranslate(goodsMessages)
  const [confirming, setConfirming] = useState(false)
  const [imageFailed, setImageFailed] = useState(false)
  // stable, so the memoised check mark does not render again when only the quantity moved
  const select = useCallback((selected: boolean) => cart.select(lineId, selected), [cart, lineId])
  if (!line) return null

  const blocked = isLineBlocked(line)
  const moved = line.issues.includes('price_changed') ? subtractMoney(line.price, line.addedPrice) : null
  const attributes = line.attributes?.map((a) => `${a.name}: ${a.value}`).join('；')
  const press = onPress ? () => onPress(line) : undefined
  const classes = ['tk-cart-line', blocked && 'tk-cart-line--blocked', className].filter(Boolean).join(' ')

  return (
    <View style={themeVars} className={classes} {...a11y({ role: 'group', label: line.title })}>
      <View className="tk-cart-line__main">
        <Check
          className="tk-cart-line__check"
          checked={line.selected}
          disabled={blocked}
          label={t('cart.select', { title: line.title })}
          onChange={select}
        />
        <View className="tk-cart-line__media" onClick={press}>
          {line.image && !imageFailed ? (
            <Image
              className="tk-cart-line__image"
              src={line.image}
              mode="aspectFill"
              lazyLoad
              onError={() => setImageFailed(true)}
              {...a11y({ hidden: true })}
            />
          ) : (
            <View className="tk-image-placeholder" {...a11y({ hidden: true })} />
          )}
        </View>
        <View className="tk-cart-line__body">
          <Text className="tk-product-title tk-cart-line__title" onClick={press}>
            {line.title}
          </Text>
          {attributes ? <Text className="tk-cart-line__attributes">{attributes}</Text> : null}
          {line.issues.length > 0 ? (
            <View className="tk-cart-line__issues">
              {line.issues.map((issue) => (
                <Tag
                  key={issue}
                  tone={BLOCKING_ISSUES.includes(issue) ? 'default' : 'warning'}
                  variant="outline"
                >
                  {t(`cart.issue.${issue}`)}
                </Tag>
              ))}
            </View>
          ) : null}
          {moved && moved.amount !== 0 ? (
            <Text className="tk-cart-line__moved">
              {t(moved.amount > 0 ? 'cart.priceUp' : 'cart.priceDown', {
                amount: formatMoney({ amount: Math.abs(moved.amount), currency: moved.currency }),
              })}
            </Text>
          ) : null}
          <View className="tk-cart-line__footer">
            <Price price={line.price} originalPrice={line.originalPrice} size="md" />
            {blocked ? null : (
              <QuantityStepper
                value={line.quantity}
                min={line.minQuantity}
                max={minDefined(line.maxQuantity, line.perUserLimit)}
                stock={line.stock}
                step={line.step}
                label={t('stepper.label')}
                className="tk-cart-line__stepper"
                onChange={(quantity) => cart.setQuantity(lineId, quantity)}
              />
            )}
          </View>
        </View>
        {confirming ? null : (
          <Pressable
            className="tk-cart-line__remove"
            label={t('cart.removeNamed', { title: line.title })}
            onPress={() => setConfirming(true)}
          >
            {t('cart.remove')}
          </Pressable>
        )}
      </View>
      {confirming ? (
        <View className="tk-cart-line__confirm" {...a11y({ role: 'alert' })}>
          <Text className="tk-cart-line__confirm-text">{t('cart.removeConfirm', { title: line.title })}</Text>
          <Pressable className="tk-cart-line__confirm-cancel" onPress={() => setConfirming(false)}>
            {t('common.cancel')}
          </Pressable>
          <Pressable
            className="tk-cart-line__confirm-remove"
            label={t('cart.removeNamed', { title: line.title })}
            onPress={() => {
              cart.remove(lineId)
              onRemoved?.(line)
            }}
          >
            {t('cart.remove')}
          </Pressable>
        </View>
      ) : null}
    </View>
  )
})

function minDefined(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b
  if (b === undefined) return a
  return Math.min(a, b)
}
