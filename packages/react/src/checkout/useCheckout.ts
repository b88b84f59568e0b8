import type {
  Checkout,
  CheckoutOptions,
  CheckoutSnapshot,
  CheckoutTracker,
  ContinuedOrder,
  OrderRequest,
  PaymentChannel,
  RetryMode,
  SubmitOptions,
} from '@tradekit/core'
import { useContext, useMemo, useSyncExternalStore } from 'react'
import { TradeContext } from '../provider/TradeContext'
import { useManagedCheckout } from './useManagedCheckout'

/**
 * Options of a standalone {@link useCheckout} (without `TradeProvider`): those of core's
 * `createCheckout` — `api`, `channels`/`channel`, `storage`, `lifecycle`, `timing`, `namespace`, `userId`.
 */
export type UseCheckoutOptions = Omit<CheckoutOptions, 'createKey'>

/** The checkout's snapshot and actions. */
export interface UseCheckoutResult extends Omit<CheckoutSnapshot, 'retry'> {
  /** What `retry()` would do now (`'same-order'` or `'new-order'`), or `null` when there is nothing to retry. */
  readonly retryMode: RetryMode | null
  /** Starts an attempt (or returns the running one: a double tap never makes two orders). */
  submit(request: OrderRequest, options?: SubmitOptions): Promise<CheckoutSnapshot>
  /** Re-pays the same order when it can, otherwise starts a new attempt. */
  retry(): Promise<CheckoutSnapshot>
  /**
   * "Continue to pay" an unpaid order from the order centre: the same order and the channel's saved
   * state (from this checkout's pending list, or `channelState` from your server), never a second
   * platform order; an expired order ends `expired` without opening the cashier.
   *
   * @example
   * ```tsx
   * <Button onClick={() => checkout.continuePayment({ orderId, amount, payment, expiresAt, channelState })}>继续支付</Button>
   * ```
   */
  continuePayment(order: ContinuedOrder): Promise<CheckoutSnapshot>
  /** Stops: before the cashier opened it closes the order; after, it only stops waiting. */
  cancel(): Promise<CheckoutSnapshot>
  /** Back to idle (pending orders are still reconciled). */
  reset(): void
  /**
   * Loads the pending orders and reconciles them with the server now: a shown `cancelled`,
   * `failed` or `unknown` is asked again (`rechecking: true` meanwhile), and an order found paid
   * turns the checkout `paid` (or is reported in `latePaid`). The provider and a standalone
   * `useCheckout` already resume once on mount; call it again where the app knows a payment may
   * have moved (back from a payment app, a "check again" button). Settles with the snapshot once the
   * round of checks is done; never rejects.
   *
   * @example
   * ```tsx
   * {checkout.status === 'unknown' ? <Button onClick={() => checkout.resume()}>再查一次</Button> : null}
   * ```
   */
  resume(): Promise<CheckoutSnapshot>
  /** True when the channel can sign for auto-renew. */
  canSign(channelId?: string): boolean
  /** The underlying core store. */
  readonly checkout: Checkout
}

const NO_CHANNELS: readonly PaymentChannel[] = []

function bind(
  checkout: Checkout,
  snapshot: CheckoutSnapshot,
  events: CheckoutTracker | null | undefined,
): UseCheckoutResult {
  const { retry: retryMode, ...rest } = snapshot
  return {
    ...rest,
    retryMode,
    submit: (request, options) => {
      events?.submitted(request)
      return checkout.submit(request, options)
    },
    retry: () => checkout.retry(),
    continuePayment: (order) => checkout.continuePayment(order),
    cancel: () => checkout.cancel(),
    reset: () => checkout.reset(),
    resume: () => checkout.resume(),
    canSign: (channelId) => checkout.canSign(channelId),
    checkout,
  }
}

/**
 * The headless checkout: submit an order, pay through the platform's cashier, and follow the
 * payment until the server confirms it — safe against double orders, lost payments and hangs.
 *
 * Inside `TradeProvider` (with an `api`) it uses the provider's checkout. With options it makes its
 * own, so a team can plug its API and cashier into any UI without TradeKit's components: one
 * checkout per storage, namespace and user; a new `api`, channels or timing update it in place.
 *
 * @example
 * ```tsx
 * const checkout = useCheckout({ api, channel: douyinTradeChannel(), storage: taroStorage(), lifecycle: taroLifecycle() })
 * <Button loading={isMoving(checkout.status)} onClick={() => checkout.submit(request)}>支付</Button>
 * ```
 */
export function useCheckout(options?: UseCheckoutOptions): UseCheckoutResult {
  const context = useContext(TradeContext)
  const standalone = options !== undefined
  const givenChannels = options?.channels
  const givenChannel = options?.channel
  const channels = useMemo(
    () => givenChannels ?? (givenChannel ? [givenChannel] : NO_CHANNELS),
    [givenChannels, givenChannel],
  )
  const own = useManagedCheckout({
    api: options?.api,
    channels,
    storage: options?.storage,
    lifecycle: options?.lifecycle,
    timing: options?.timing,
    namespace: options?.namespace,
    userId: options?.userId,
  })
  const checkout = standalone ? own : (context?.checkout ?? null)
  if (!checkout) {
    throw new Error(
      process.env.NODE_ENV !== 'production'
        ? context
          ? 'useCheckout needs a checkout: pass `api` (and channels) to <TradeProvider> (a <CartProvider> has none), or call useCheckout({ api, channel }).'
          : 'useCheckout must be used inside <TradeProvider api={…}>, or called with options: useCheckout({ api, channel }).'
        : undefined,
    )
  }
  const snapshot = useSyncExternalStore(checkout.subscribe, checkout.getSnapshot, checkout.getSnapshot)
  const events = standalone ? null : context?.checkoutEvents
  return useMemo(() => bind(checkout, snapshot, events), [checkout, snapshot, events])
}
