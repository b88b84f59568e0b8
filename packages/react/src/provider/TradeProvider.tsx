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
  const value = useMemo<TradeContextValue>(
    () => ({ cart, channels: channelList, os }),
    [cart, channelList, os],
  )
  return (
    <TradeContext.Provider value={value}>
      <LocaleProvider locale={locale} messages={messages}>
        {children}
      </LocaleProvider>
    </TradeContext.Provider>
  )
}
