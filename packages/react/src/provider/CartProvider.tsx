import {
  type CartStore,
  createCart,
  type Locale,
  type Messages,
  type PaymentChannel,
  type PurchaseContext,
  type StoragePort,
} from '@tradekit/core'
import { type ReactNode, useMemo } from 'react'
import { LocaleProvider } from '../locale/LocaleProvider'
import { TradeContext, type TradeContextValue } from './TradeContext'

/** Props of {@link CartProvider} (and the cart part of {@link TradeProvider}). */
export interface CartProviderProps {
  /**
   * The locale of every TradeKit text below. zh-CN ships with TradeKit; for en-US pass the en-US
   * pack as `messages` too (`enUS` from `@tradekit/core/locales/en-US`).
   * @default 'zh-CN'
   */
  locale?: Locale
  /**
   * A team's overrides of any message of the catalogue, and the text of a locale other than zh-CN:
   * `messages={enUS}`, or `messages={{ ...enUS, 'cart.total': 'Sum' }}` with overrides.
   */
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
  children?: ReactNode
}

const NO_CHANNELS: readonly PaymentChannel[] = []

/** The cart, the cashiers and the OS a provider shares: what `CartProvider` and `TradeProvider` have in common. */
export function useCartRoot({
  storage,
  namespace,
  userId,
  currency,
  cart: givenCart,
  channels,
  channel,
  platform,
}: CartProviderProps) {
  // Creating a cart only reads storage; a cart from a render React discards (StrictMode) is never
  // subscribed nor written, so it leaves nothing behind.
  const cart = useMemo(
    () => givenCart ?? createCart({ storage, namespace, userId: userId ?? null, currency }),
    [givenCart, storage, namespace, userId, currency],
  )
  const channelList = useMemo(() => channels ?? (channel ? [channel] : NO_CHANNELS), [channels, channel])
  return { cart, channels: channelList, os: platform?.os ?? 'other' } as const
}

/** Renders a provider's value with its locale. */
export function TradeRoot({
  value,
  locale,
  messages,
  children,
}: { value: TradeContextValue } & Pick<CartProviderProps, 'locale' | 'messages' | 'children'>) {
  return (
    <TradeContext.Provider value={value}>
      <LocaleProvider locale={locale} messages={messages}>
        {children}
      </LocaleProvider>
    </TradeContext.Provider>
  )
}

/**
 * The current user's cart, the locale and the messages for the hooks and components below — without
 * a checkout. A cart needs nothing more: product cards, cart lines and the cart bar work under it,
 * and a bundle that uses it carries no checkout or membership code. Use `TradeProvider` (the same
 * props plus `api`) where the app also takes payments.
 *
 * @example
 * ```tsx
 * <CartProvider storage={taroStorage()} userId={user?.id}>
 *   <CartPage />
 * </CartProvider>
 * ```
 */
export function CartProvider(props: CartProviderProps) {
  const { cart, channels, os } = useCartRoot(props)
  const value = useMemo<TradeContextValue>(
    () => ({ cart, channels, os, checkout: null }),
    [cart, channels, os],
  )
  return (
    <TradeRoot value={value} locale={props.locale} messages={props.messages}>
      {props.children}
    </TradeRoot>
  )
}
