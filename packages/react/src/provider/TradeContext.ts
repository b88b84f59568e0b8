import type {
  CartStore,
  Checkout,
  CheckoutTracker,
  EventHub,
  PaymentChannel,
  PurchaseContext,
} from '@tradekit/core'
import { createContext, useContext } from 'react'
import type { LazyStores } from './lazyStores'

/** What `TradeProvider` shares with the hooks below it. */
export interface TradeContextValue {
  /** The cart of the current user. */
  readonly cart: CartStore
  /** The cashiers this app may pay through. */
  readonly channels: readonly PaymentChannel[]
  /** The OS the app runs on, for the platforms' virtual-goods rules. */
  readonly os: PurchaseContext['os']
  /** The checkout of the current user, when the provider has an `api`. */
  readonly checkout: Checkout | null
  /**
   * The stores the hooks make on first use for the current user: the order centre (with the
   * provider's `ordersApi`) and membership (with its `membershipApi` and `api`).
   */
  readonly lazy?: LazyStores
  /** Where the trading events go (the provider's `onEvent`). */
  readonly events?: EventHub
  /** `begin_checkout` for the provider's checkout (its purchases are followed by the provider). */
  readonly checkoutEvents?: CheckoutTracker | null
}

export const TradeContext = createContext<TradeContextValue | null>(null)
TradeContext.displayName = 'TradeKit'

/** The provider's value; throws a clear error when a hook is used outside `TradeProvider`. */
export function useTradeContext(hook: string): TradeContextValue {
  const value = useContext(TradeContext)
  if (!value) {
    throw new Error(
      process.env.NODE_ENV !== 'production'
        ? `${hook} must be used inside <TradeProvider>. Wrap your app (or the story/test) in <TradeProvider>.`
        : undefined,
    )
  }
  return value
}
