import { type PurchaseContext, type PurchaseMode, purchaseModeFor } from '@tradekit/core'
import { useContext } from 'react'
import { TradeContext } from '../provider/TradeContext'

/**
 * How to offer a purchase of this kind here: `buy`, `im` (contact support to buy) or `hidden` (no
 * price, no buy wording), from the provider's channels and platform. Outside a provider, or with
 * no channels, it is `buy`.
 *
 * @example
 * ```tsx
 * const mode = usePurchaseMode('virtual') // 'hidden' for WeChat on iOS
 * ```
 */
export function usePurchaseMode(kind: PurchaseContext['kind'] = 'physical'): PurchaseMode {
  const context = useContext(TradeContext)
  if (!context) return 'buy'
  return purchaseModeFor(context.channels, { kind, os: context.os })
}
