import { Text, View } from '@tarojs/components'
import {
  type CartLine as CartLineData,
  type CartSnapshot,
  goodsMessages,
  isLineBlocked,
} from '@tradekit/core'
import { shallowEqual, useCart, useCartActions, useTranslate } from '@tradekit/react'
import { type ReactNode, useEffect, useState } from 'react'
import { a11y } from '../internal/a11y'
import { Pressable } from '../internal/Pressable'
import { Skeleton } from '../Skeleton/Skeleton'
import { useThemeVars } from '../theme/ThemeContext'
import { CartLine } from './CartLine'
import '../theme/tokens.css'
import './CartList.css'

/** Props of {@link CartList}. */
export interface CartListProps {
  /**
   * Lines rendered in the first pass; the rest follow in batches of this size on the next frames,
   * so a 200-line cart paints at once and each mini-program update stays small.
   * @default 20
   */
  batchSize?: number
  /** Shown when the cart has no line (e.g. `<CartEmpty />`). */
  empty?: ReactNode
  /** A line's title or picture was pressed. */
  onLinePress?: (line: CartLineData) => void
  /** Extra class of the root. */
  className?: string
}

interface Groups {
  readonly valid: readonly string[]
  readonly invalid: readonly string[]
}

const selectGroups = (cart: CartSnapshot): Groups => {
  const valid: string[] = []
  const invalid: string[] = []
  for (const line of cart.lines) {
    ;(isLineBlocked(line) ? invalid : valid).push(line.lineId)
  }
  return { valid, invalid }
}

const sameGroups = (a: Groups, b: Groups) =>
  shallowEqual(a.valid, b.valid) && shallowEqual(a.invalid, b.invalid)
const selectStatus = (cart: CartSnapshot) => cart.status
const selectIssues = (cart: CartSnapshot) => cart.issues

/**
 * The cart's lines, then the lines that can no longer be bought ("失效商品") with "clear invalid".
 * It re-renders only when lines are added, removed or become (in)valid: each `CartLine` follows its
 * own line. Shows a skeleton while the stored cart loads and a notice when storage failed.
 *
 * @example
 * ```tsx
 * <CartList empty={<CartEmpty onShop={() => Taro.switchTab({ url: '/pages/index/index' })} />} />
 * ```
 */
export function CartList({ batchSize = 20, empty, onLinePress, className }: CartListProps) {
  const themeVars = useThemeVars()
  const { t } = useTranslate(goodsMessages)
  const status = useCart(selectStatus)
  const issues = useCart(selectIssues)
  const groups = useCart(selectGroups, sameGroups)
  const cart = useCartActions()
  const total = groups.valid.length + groups.invalid.length
  const [shown, setShown] = useState(batchSize)

  useEffect(() => {
    if (shown >= total) return
    const timer = setTimeout(() => setShown((n) => n + batchSize), 16)
    return () => clearTimeout(timer)
  }, [shown, total, batchSize])

  const classes = className ? `tk-cart-list ${className}` : 'tk-cart-list'
  if (status === 'loading' && total === 0) {
    return (
      <View style={themeVars} className={classes}>
        <Skeleton image="side" rows={2} />
      </View>
    )
  }

  const notices = issues.map((issue) => (
    <View key={issue} className="tk-cart-list__notice" {...a11y({ role: 'status' })}>
      {t(`cart.issue.${issue}`)}
    </View>
  ))
  if (total === 0) {
    return (
      <View style={themeVars} className={classes}>
        {notices}
        {empty}
      </View>
    )
  }

  const validShown = groups.valid.slice(0, shown)
  const invalidShown = groups.invalid.slice(0, Math.max(0, shown - groups.valid.length))
  return (
    <View style={themeVars} className={classes}>
      {notices}
      <View className="tk-cart-list__lines" {...a11y({ role: 'list', label: t('cart.lines') })}>
        {validShown.map((lineId) => (
          <View key={lineId} className="tk-cart-list__item" {...a11y({ role: 'listitem' })}>
            <CartLine lineId={lineId} onPress={onLinePress} />
          </View>
        ))}
      </View>
      {groups.invalid.length > 0 ? (
        <View className="tk-cart-list__invalid">
          <View className="tk-cart-list__invalid-header">
            <Text className="tk-cart-list__invalid-title">
              {t('cart.invalidGroup', { count: groups.invalid.length })}
            </Text>
            <Pressable
              className="tk-cart-list__clear"
              onPress={() => {
                for (const lineId of groups.invalid) cart.remove(lineId)
              }}
            >
              {t('cart.clearInvalid')}
            </Pressable>
          </View>
          <View {...a11y({ role: 'list', label: t('cart.invalidGroup', { count: groups.invalid.length }) })}>
            {invalidShown.map((lineId) => (
              <View key={lineId} className="tk-cart-list__item" {...a11y({ role: 'listitem' })}>
                <CartLine lineId={lineId} onPress={onLinePress} />
              </View>
            ))}
          </View>
        </View>
      ) : null}
    </View>
  )
}
