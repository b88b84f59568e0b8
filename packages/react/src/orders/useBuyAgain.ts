import { type BuyAgainResult, buyAgainItems, type CartItem, type Order, putBackInCart } from '@tradekit/core'
import { useCallback, useRef, useState } from 'react'
import { useCart, useCartActions } from '../cart/useCart'

/** Where "buy again" stands: read today's products, then the cart holds what could go back in. */
export type BuyAgainState =
  | { readonly status: 'idle' }
  | { readonly status: 'loading' }
  | { readonly status: 'done'; readonly result: BuyAgainResult }
  | { readonly status: 'failed'; readonly error: unknown }

/** What {@link useBuyAgain} gives. */
export interface UseBuyAgainResult {
  /** The last run: `failed` when today's products could not be read (nothing went into the cart). */
  readonly state: BuyAgainState
  /**
   * Puts the order's lines back into the cart; resolves with the state the run ended in: `done` with
   * what went in and what could not, `failed` when the products could not be read — or `loading` at
   * once when a run was already going (a second tap, which does nothing).
   */
  buyAgain(order: Order): Promise<Exclude<BuyAgainState, { status: 'idle' }>>
}

const IDLE: BuyAgainState = { status: 'idle' }
const LOADING = { status: 'loading' } as const

/**
 * "再次购买", headless: reads today's products for the order's skus with `getItems` (one call, each sku
 * once), checks them as the cart does (`buyAgainItems`, in the cart's currency) and puts the lines
 * into the cart of the provider (`putBackInCart`). A sku `getItems` leaves out is reported as no
 * longer available; a `getItems` that throws (offline, a server error) is `failed` and the cart is
 * untouched — a network problem is never reported as products gone. Taps while a run is going are
 * ignored. `BuyAgainButton` is this hook with its report drawn.
 *
 * @example
 * ```tsx
 * const { state, buyAgain } = useBuyAgain((skuIds) => api.products(skuIds))
 * const ended = await buyAgain(order)
 * if (ended.status === 'done' && ended.result.items.length > 0) Taro.switchTab({ url: '/pages/cart/index' })
 * ```
 */
export function useBuyAgain(
  getItems: (skuIds: readonly string[]) => Promise<readonly CartItem[]>,
): UseBuyAgainResult {
  const cart = useCartActions()
  const currency = useCart((snapshot) => snapshot.subtotal.currency)
  const [state, setState] = useState<BuyAgainState>(IDLE)
  const running = useRef(false)
  const buyAgain = useCallback(
    async (order: Order) => {
      if (running.current) return LOADING
      running.current = true
      setState(LOADING)
      let ended: Exclude<BuyAgainState, { status: 'idle' }>
      try {
        const skus = [...new Set(order.lines.map((line) => line.skuId))]
        const result = putBackInCart(cart, buyAgainItems(order, await getItems(skus), currency))
        ended = { status: 'done', result }
      } catch (error) {
        ended = { status: 'failed', error }
      }
      running.current = false
      setState(ended)
      return ended
    },
    [cart, currency, getItems],
  )
  return { state, buyAgain }
}
