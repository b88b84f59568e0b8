import {
  type CartStore,
  type Checkout,
  type CheckoutApi,
  type CheckoutTiming,
  createEventHub,
  type EventHub,
  type EventLine,
  type LifecyclePort,
  type MembershipApi,
  type Orders,
  type OrdersApi,
  type TradeEventHandler,
  trackCart,
  trackCheckout,
} from '@tradekit/core'
import { useEffect, useMemo, useRef } from 'react'
import { useManagedCheckout } from '../checkout/useManagedCheckout'
import { hold, releaseLater } from '../store/releaseLater'
import { type CartProviderProps, TradeRoot, useCartRoot } from './CartProvider'
import { createLazyStores, type LazyApis, type LazyStores } from './lazyStores'
import type { TradeContextValue } from './TradeContext'

/** Props of {@link TradeProvider}. */
export interface TradeProviderProps extends CartProviderProps {
  /**
   * The team's order API. With it the provider makes the user's checkout (resumed once on mount, so a
   * payment interrupted by a killed app is reconciled on the next launch) for `useCheckout()`: one per
   * `storage`, `namespace` and `userId`. A new `api` object, new channels, timing or lifecycle update
   * that checkout in place; its pending orders and shown state stay.
   */
  api?: CheckoutApi
  /**
   * The team's membership API (plans, entitlement), for `useMembership()` and `useEntitlement()`:
   * the first of them to render makes the user's membership store (with `api`, through which plans
   * are bought), so an app whose pages never show membership carries none of its code.
   */
  membershipApi?: MembershipApi
  /**
   * The team's order API, for the order centre (`useOrders()`, `useOrder()`, `useRefund()`): the
   * first of them to render makes the user's store, fetching the shown tab again when the app comes
   * back. The store's code comes with those hooks, so a mini-program whose order pages are in a
   * subpackage keeps it there.
   */
  ordersApi?: OrdersApi
  /** App show/hide (`taroLifecycle()`): confirmation pauses while hidden and re-checks on show. */
  lifecycle?: LifecyclePort
  /** Checkout timeouts and schedules. */
  timing?: Partial<CheckoutTiming>
  /**
   * The app's analytics: trading events (`add_to_cart`, `remove_from_cart`, `begin_checkout`,
   * `purchase` once the server says paid, `refund`, `repurchase` and `view_item` through
   * `useTradeEvents`), money in minor units, each purchase and refund once. Called on a later
   * microtask; whatever it throws or returns never holds up or fails a purchase. Map them with
   * `weAnalysisReports` (WeChat) or `analyticsCall`. (A cart-only app under `CartProvider` passes
   * `cart={trackCart(createCart(…), createEventHub(() => report))}`: the cart page then carries the
   * event code only when it wants it.)
   */
  onEvent?: TradeEventHandler
}

/**
 * The root of a TradeKit app: the current user's cart and checkout, the locale and the messages for
 * the hooks and components below; the order centre and membership are made by their hooks on first
 * use. Without `api` it is a `CartProvider` that still carries the checkout code: a cart-only app
 * uses `CartProvider`.
 *
 * @example
 * ```tsx
 * <TradeProvider storage={taroStorage()} userId={user?.id} api={orderApi} channel={douyinTradeChannel()}>
 *   <App />
 * </TradeProvider>
 * ```
 */
export function TradeProvider(props: TradeProviderProps) {
  const { storage, namespace, userId, api, membershipApi, ordersApi, lifecycle, timing } = props
  const root = useCartRoot(props)
  const { channels, os } = root
  const onEventRef = useRef(props.onEvent)
  onEventRef.current = props.onEvent
  const events = useMemo(() => createEventHub(() => onEventRef.current), [])
  const tracked = props.onEvent !== undefined
  const cart = useMemo(
    () => (tracked ? trackCart(root.cart, events) : root.cart),
    [tracked, root.cart, events],
  )
  const checkout = useManagedCheckout({ api, channels, storage, lifecycle, timing, namespace, userId })
  const lazy = useLazyStores(checkout, lifecycle, namespace, userId, { ordersApi, membershipApi })
  const checkoutEvents = useTradeEventTrackers(tracked, events, cart, checkout, lazy)
  const value = useMemo<TradeContextValue>(
    () => ({ cart, channels, os, checkout, lazy, events, checkoutEvents }),
    [cart, channels, os, checkout, lazy, events, checkoutEvents],
  )
  return (
    <TradeRoot value={value} locale={props.locale} messages={props.messages}>
      {props.children}
    </TradeRoot>
  )
}

/**
 * The stores the hooks make on first use (the order centre, membership) for this user, checkout and
 * lifecycle, with the latest APIs; replaced — and the old ones disposed — when any of those changes
 * or an API comes or goes (an optional method of `ordersApi` included), as the provider's own stores
 * were.
 */
function useLazyStores(
  checkout: Checkout | null,
  lifecycle: LifecyclePort | undefined,
  namespace: string | undefined,
  userId: string | null | undefined,
  given: LazyApis,
): LazyStores {
  const apis = useRef(given)
  apis.current = given
  const { ordersApi, membershipApi } = given
  const shape = [
    ordersApi !== undefined,
    typeof ordersApi?.cancelRefund === 'function',
    typeof ordersApi?.confirmReceipt === 'function',
    membershipApi !== undefined,
  ].join()
  // biome-ignore lint/correctness/useExhaustiveDependencies: one set per user and API shape; the APIs are read through the ref
  const lazy = useMemo(
    () => createLazyStores(apis, lifecycle),
    [checkout, lifecycle, namespace, userId, shape],
  )
  useEffect(() => {
    hold(lazy)
    return () => releaseLater(lazy)
  }, [lazy])
  return lazy
}

/**
 * With `onEvent`: the checkout's begin_checkout and purchases (items from the cart's lines, or the
 * order centre's order for a continued payment). The order centre's refunds are followed by its
 * store, from when a hook makes it.
 */
function useTradeEventTrackers(
  tracked: boolean,
  events: EventHub,
  cart: CartStore,
  checkout: Checkout | null,
  lazy: LazyStores,
) {
  const tracker = useMemo(() => {
    if (!tracked || !checkout) return null
    return trackCheckout(checkout, events, {
      ofRequest: (request) => {
        const lines = cart.getSnapshot().lines
        return request.lines.flatMap((ordered): EventLine[] => {
          const line = lines.find((l) => l.skuId === ordered.skuId)
          return line ? [{ ...line, quantity: ordered.quantity }] : []
        })
      },
      ofOrder: (orderId) =>
        lazy
          .peek<Orders>('orders')
          ?.getSnapshot()
          .orders[orderId]?.lines.map((l) => ({
            skuId: l.skuId,
            title: l.title,
            price: l.unitPrice,
            quantity: l.quantity,
          })),
    })
  }, [tracked, events, cart, checkout, lazy])
  useEffect(() => tracker?.start(), [tracker])
  return tracker
}
