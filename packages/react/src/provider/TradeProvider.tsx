import {
  type CartStore,
  type CheckoutApi,
  type CheckoutTiming,
  createCart,
  createMembership,
  type LifecyclePort,
  type Locale,
  type MembershipApi,
  type Messages,
  type PaymentChannel,
  type PurchaseContext,
  type StoragePort,
} from '@tradekit/core'
import { type ReactNode, useMemo, useRef } from 'react'
import { useManagedCheckout } from '../checkout/useManagedCheckout'
import { LocaleProvider } from '../locale/LocaleProvider'
import { TradeContext, type TradeContextValue } from './TradeContext'

/** Props of {@link TradeProvider}. */
export interface TradeProviderProps {
  /**
   * The locale of every TradeKit text below.
   * @default 'zh-CN'
   */
  locale?: Locale
  /** A team's overrides of any message of the catalogue. */
  messages?: Partial<Messages>
  /**
   * Where the cart (and pending orders) are kept between launches: `taroStorage()` in a Taro app.
   * Without it they live in memory and a killed app forgets them.
   */
  storage?: StoragePort
  /**
   * Separates this app's stored records from others' in a shared storage.
   * @default 'default'
   */
  namespace?: string
  /**
   * The logged-in user. Each user (and the guest) has their own cart and pending orders: when it
   * changes, the provider makes a new cart, and the previous user's stay stored for their return.
   * @default null (the guest)
   */
  userId?: string | null
  /**
   * The currency of every price.
   * @default 'CNY'
   */
  currency?: string
  /**
   * A cart store made outside React (e.g. at module level, to use it from non-React code too).
   * When given, `storage`, `namespace`, `userId` and `currency` do not create another one.
   */
  cart?: CartStore
  /** The cashiers this app may pay through (`channel` for one). */
  channels?: readonly PaymentChannel[]
  /** Shorthand for `channels={[channel]}`. */
  channel?: PaymentChannel
  /**
   * The platform the app runs on: its OS decides how virtual goods may be sold (`taroPlatform()` in
   * @tradekit/taro reads it from Taro's system info).
   * @default { os: 'other' }
   */
  platform?: { os: PurchaseContext['os'] }
  /**
   * The team's order API. With it the provider makes the user's checkout (resumed once on mount, so a
   * payment interrupted by a killed app is reconciled on the next launch) for `useCheckout()`.
   */
  api?: CheckoutApi
  /** The team's membership API (plans, entitlement), for `useMembership()` and `useEntitlement()`. */
  membershipApi?: MembershipApi
  /** App show/hide (`taroLifecycle()`): confirmation pauses while hidden and re-checks on show. */
  lifecycle?: LifecyclePort
  /** Checkout timeouts and schedules. */
  timing?: Partial<CheckoutTiming>
  children?: ReactNode
}

const NO_CHANNELS: readonly PaymentChannel[] = []

/**
 * The root of a TradeKit app: the current user's cart, the locale and the messages for the hooks
 * and components below.
 *
 * @example
 * ```tsx
 * <TradeProvider storage={taroStorage()} userId={user?.id} locale="zh-CN">
 *   <App />
 * </TradeProvider>
 * ```
 */
export function TradeProvider({
  locale,
  messages,
  storage,
  namespace,
  userId,
  currency,
  cart: givenCart,
  channels,
  channel,
  platform,
  api,
  membershipApi,
  lifecycle,
  timing,
  children,
}: TradeProviderProps) {
  // Creating a cart only reads storage; a cart from a render React discards (StrictMode) is never
  // subscribed nor written, so it leaves nothing behind.
  const cart = useMemo(
    () => givenCart ?? createCart({ storage, namespace, userId: userId ?? null, currency }),
    [givenCart, storage, namespace, userId, currency],
  )
  const channelList = useMemo(() => channels ?? (channel ? [channel] : NO_CHANNELS), [channels, channel])
  const os = platform?.os ?? 'other'
  const checkout = useManagedCheckout({
    api,
    channels: channelList,
    storage,
    lifecycle,
    timing,
    namespace,
    userId,
  })
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
  const value = useMemo<TradeContextValue>(
    () => ({ cart, channels: channelList, os, checkout, membership }),
    [cart, channelList, os, checkout, membership],
  )
  return (
    <TradeContext.Provider value={value}>
      <LocaleProvider locale={locale} messages={messages}>
        {children}
      </LocaleProvider>
    </TradeContext.Provider>
  )
}
