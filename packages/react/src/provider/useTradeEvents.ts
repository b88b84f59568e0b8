import { type TradeEvent, viewItemEvent } from '@tradekit/core'
import { useEffect, useMemo, useRef } from 'react'
import { useTradeContext } from './TradeContext'

/** Emits the app's own trading events through the provider's `onEvent`. */
export interface UseTradeEventsResult {
  /**
   * Hands an event (or a function making it, called only when the provider has `onEvent`) to the
   * app's analytics on a later microtask; a purchase or refund counts once. Never throws.
   */
  emit(event: TradeEvent | (() => TradeEvent | undefined)): void
}

/**
 * The provider's trading events, for events only the app knows of (a product page seen, an order
 * bought again); the cart, the checkout and the order centre report theirs by themselves.
 *
 * @example
 * ```tsx
 * const { emit } = useTradeEvents()
 * const onBuyAgain = (result) => emit(() => repurchaseEvent(order, result))
 * ```
 */
export function useTradeEvents(): UseTradeEventsResult {
  const { events } = useTradeContext('useTradeEvents')
  return useMemo(() => ({ emit: (event) => events?.emit(event) }), [events])
}

/**
 * Reports `view_item` once for a product page while it is shown (again when the sku changes).
 *
 * @example
 * ```tsx
 * useViewItem(product) // { skuId, title, price }
 * ```
 */
export function useViewItem(item: Parameters<typeof viewItemEvent>[0] | null | undefined): void {
  const { emit } = useTradeEvents()
  const latest = useRef(item)
  latest.current = item
  // the sku last reported by this page (StrictMode's second run of the effect is not a second view)
  const reported = useRef<string | undefined>(undefined)
  const skuId = item?.skuId
  useEffect(() => {
    const shown = latest.current
    if (skuId === undefined || !shown || reported.current === skuId) return
    reported.current = skuId
    emit(() => viewItemEvent(shown))
  }, [skuId, emit])
}
