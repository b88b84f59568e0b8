import {
  type CartStore,
  type Checkout,
  type CheckoutApi,
  type CheckoutTiming,
  createEventHub,
  createMembership,
  createOrders,
  type EventHub,
  type EventLine,
  type LifecyclePort,
  type MembershipApi,
  type Orders,
  type OrdersApi,
  type TradeEventHandler,
  trackCart,
  trackCheckout,
  trackOrders,
} from '@tradekit/core'
import { useEffect, useMemo, useRef } from 'react'
import { useManagedCheckout } from '../checkout/useManagedCheckout'
import { hold, releaseLater } from '../store/releaseLater'
import { type CartProviderProps, TradeRoot, useCartRoot } from './CartProvider'
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
  /** The team's membership API (plans, entitlement), for `useMembership()` and `useEntitlement()`. */
  membershipApi?: MembershipApi
  /**
   * The team's order API, for the order centre (`useOrders()`, `useOrder()`): one store per user,
   * fetching the shown tab again when the app comes back.
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
 * The root of a TradeKit app: the current user's cart, checkout and membership, the locale and the
 * messages for the hooks and components below. Without `api` it is a `CartProvider` that still
 * carries the checkout code: a cart-only app uses `CartProvider`.
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
  const membershipApiRef = useRef(membershipApi)
  membershipApiRef.current = membershipApi
  const hasMembership = membershipApi !== undefined
  const membership = useMemo(() => {
    if (!hasMembership || !checkout) return null
    const current = () => membershipApiRef.current as MembershipApi
    return createMembership({
      api: {
        getPlans: (ctx) => current().getPlans(ctx),
        getEntitlement: (ctx) => current().getEntitlement(ctx),
      },
      checkout,
    })
  }, [hasMembership, checkout])
  // a membership replaced (new user, new checkout) or unmounted stops following its checkout
  useEffect(() => {
    if (!membership) return
    hold(membership)
    return () => releaseLater(membership)
  }, [membership])
  const orders = useOrdersStore(ordersApi, lifecycle, namespace, userId)
  const checkoutEvents = useTradeEventTrackers(tracked, events, cart, checkout, orders)
  const value = useMemo<TradeContextValue>(
    () => ({ cart, channels, os, checkout, membership, orders, events, checkoutEvents }),
    [cart, channels, os, checkout, membership, orders, events, checkoutEvents],
  )
  return (
    <TradeRoot value={value} locale={props.locale} messages={props.messages}>
      {props.children}
    </TradeRoot>
  )
}

/** The user's order centre: the latest api object is always the one called; disposed when released. */
function useOrdersStore(
  ordersApi: OrdersApi | undefined,
  lifecycle: LifecyclePort | undefined,
  namespace: string | undefined,
  userId: string | null | undefined,
) {
  const apiRef = useRef(ordersApi)
  apiRef.current = ordersApi
  const hasApi = ordersApi !== undefined
  const hasCancelRefund = typeof ordersApi?.cancelRefund === 'function'
  const hasConfirmReceipt = typeof ordersApi?.confirmReceipt === 'function'
  // biome-ignore lint/correctness/useExhaustiveDependencies: one store per user; the api is read through the ref
  const orders = useMemo(() => {
    if (!hasApi) return null
    const api = () => apiRef.current as OrdersApi
    return createOrders({
      api: {
        listOrders: (query) => api().listOrders(query),
        getOrder: (id, ctx) => api().getOrder(id, ctx),
        cancelOrder: (id) => api().cancelOrder(id),
        requestRefund: (id, request) => api().requestRefund(id, request),
        ...(hasCancelRefund
          ? { cancelRefund: (id: string, refundId: string) => api().cancelRefund!(id, refundId) }
          : {}),
        ...(hasConfirmReceipt ? { confirmReceipt: (id: string) => api().confirmReceipt!(id) } : {}),
      },
      ...(lifecycle ? { lifecycle } : {}),
    })
  }, [hasApi, hasCancelRefund, hasConfirmReceipt, lifecycle, namespace, userId])
  useEffect(() => {
    if (!orders) return
    hold(orders)
    return () => releaseLater(orders)
  }, [orders])
  return orders
}

/**
 * With `onEvent`: the checkout's begin_checkout and purchases (items from the cart's lines, or the
 * order centre's order for a continued payment) and the order centre's refunds.
 */
function useTradeEventTrackers(
  tracked: boolean,
  events: EventHub,
  cart: CartStore,
  checkout: Checkout | null,
  orders: Orders | null,
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
        orders?.getSnapshot().orders[orderId]?.lines.map((l) => ({
          skuId: l.skuId,
          title: l.title,
          price: l.unitPrice,
          quantity: l.quantity,
        })),
    })
  }, [tracked, events, cart, checkout, orders])
  useEffect(() => tracker?.start(), [tracker])
  useEffect(() => (tracked && orders ? trackOrders(orders, events) : undefined), [tracked, orders, events])
  return tracker
}
