import type { CartLine, CartSnapshot, CartStore } from '@tradekit/core'
import { useTradeContext } from '../provider/TradeContext'
import { type EqualityFn, shallowEqual, useStoreSelector } from '../store/useStoreSelector'

const identity = (snapshot: CartSnapshot) => snapshot

/**
 * The cart snapshot, or a part of it. With a selector, the component re-renders only when the
 * selected value changes (compared with `isEqual`, `Object.is` by default; pass `shallowEqual` for a
 * selector that builds an array or object).
 *
 * @example
 * ```tsx
 * const count = useCart((cart) => cart.count) // the tab badge re-renders only when the count changes
 * const { lines, subtotal } = useCart()
 * ```
 */
export function useCart(): CartSnapshot
export function useCart<T>(selector: (cart: CartSnapshot) => T, isEqual?: EqualityFn<T>): T
export function useCart<T>(selector?: (cart: CartSnapshot) => T, isEqual?: EqualityFn<T>): T | CartSnapshot {
  const { cart } = useTradeContext('useCart')
  return useStoreSelector<CartSnapshot, T | CartSnapshot>(
    cart,
    (selector ?? identity) as (cart: CartSnapshot) => T | CartSnapshot,
    isEqual as EqualityFn<T | CartSnapshot> | undefined,
  )
}

/**
 * The cart store's actions (`add`, `setQuantity`, `remove`, `select`, `selectAll`, `clear`,
 * `removeSelected`, `update`). Stable across renders; reading them never re-renders.
 *
 * @example
 * ```tsx
 * const cart = useCartActions()
 * <Button onClick={() => cart.add(item)}>加入购物车</Button>
 * ```
 */
export function useCartActions(): Omit<CartStore, 'getSnapshot' | 'subscribe'> {
  return useTradeContext('useCartActions').cart
}

const lineIndexes = new WeakMap<CartSnapshot, Map<string, CartLine>>()

function lineById(snapshot: CartSnapshot, lineId: string): CartLine | undefined {
  let index = lineIndexes.get(snapshot)
  if (!index) {
    index = new Map(snapshot.lines.map((line) => [line.lineId, line]))
    lineIndexes.set(snapshot, index)
  }
  return index.get(lineId)
}

/**
 * One cart line, re-rendering only when that line changes (core keeps an unchanged line's identity).
 * `undefined` once the line is removed.
 *
 * @example
 * ```tsx
 * function Row({ lineId }: { lineId: string }) {
 *   const line = useCartLine(lineId)
 *   return line ? <Text>{line.title} × {line.quantity}</Text> : null
 * }
 * ```
 */
export function useCartLine(lineId: string): CartLine | undefined {
  const { cart } = useTradeContext('useCartLine')
  return useStoreSelector(cart, (snapshot) => lineById(snapshot, lineId))
}

const selectLineIds = (snapshot: CartSnapshot) => snapshot.lines.map((line) => line.lineId)

/** The ids of the cart's lines, in order; re-renders only when lines are added, removed or reordered. */
export function useCartLineIds(): readonly string[] {
  const { cart } = useTradeContext('useCartLineIds')
  return useStoreSelector(cart, selectLineIds, shallowEqual)
}
