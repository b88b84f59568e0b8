import type { ShippingAddress } from '../address/types'
import type { AnyTradeKitError } from '../errors/TradeKitError'
import type { Money } from '../money/money'
import type { PaymentChannel } from '../payment/paymentChannel'
import type { Quote } from '../pricing/quote'
import type { StoragePort } from '../storage/storage'

/** One line of an order: what to buy, never at what price (the server prices). */
export interface OrderLine {
  /** The sku. */
  readonly skuId: string
  /** Units to buy. */
  readonly quantity: number
  /** A booking slot, an engraving… (the same options the cart line has). */
  readonly options?: Readonly<Record<string, string>>
}

/** Contact details of an order (services: a phone to call, a booking note). */
export interface OrderContact {
  /** Who to contact. */
  readonly name?: string
  /** A phone number, typed or from the platform's getPhoneNumber button (decrypted by the server). */
  readonly phone?: string
  /** A booking note. */
  readonly note?: string
}

/**
 * What the checkout asks the team's backend to create. It never carries a price as truth:
 * `expectedPayable` is only the total the user agreed to on screen, which the server compares.
 */
export interface OrderRequest {
  /** What to buy (at least one line). */
  readonly lines: readonly OrderLine[]
  /** The coupon the user chose. */
  readonly coupon?: string
  readonly contact?: OrderContact
  /** The shipping address; required by the team's server when the order has physical lines. */
  readonly address?: ShippingAddress | undefined
  /** The id of the payment channel; may be left out when the checkout has one channel. */
  readonly channel?: string
  /** Anything else the team's backend wants (a plan id, a source page…). */
  readonly meta?: Readonly<Record<string, unknown>>
  /** The total the user saw and agreed to. The cashier never opens for another amount. */
  readonly expectedPayable: Money
}

/** An order the team's backend created. */
export interface CreatedOrder {
  /** The team's order id (what `getOrderStatus` takes). */
  readonly orderId: string
  /** What the server will charge; must equal the request's `expectedPayable`. */
  readonly amount: Money
  /** When the server closes the order unpaid, in epoch milliseconds on the server's clock. */
  readonly expiresAt?: number
  /**
   * The server's clock when it answered, in epoch milliseconds. With it the checkout reads
   * `expiresAt` on the phone's clock, which may be minutes off; without it `expiresAt` is taken as
   * the phone's time.
   */
  readonly serverNow?: number
  /** What the chosen channel needs to open its cashier (see each channel). */
  readonly payment: unknown
}

/** The server's view of an order — the only truth about whether money moved. */
export type OrderStatus = 'pending' | 'paid' | 'closed' | 'failed' | 'refunded'

/**
 * The team's own backend, plugged into the checkout.
 *
 * Signal a moved price by rejecting `createOrder` with `new TradeKitError('PRICE_CHANGED', message,
 * { quote })`; signal network trouble with code `NETWORK` or `TIMEOUT` (the checkout then retries with
 * the same idempotency key).
 */
export interface CheckoutApi {
  /** Creates (or, for a key it saw before, returns) the order. Must honour `idempotencyKey`. */
  createOrder(req: OrderRequest, ctx: { idempotencyKey: string; signal: AbortSignal }): Promise<CreatedOrder>
  /** The server's status of an order. */
  getOrderStatus(orderId: string, ctx: { signal: AbortSignal }): Promise<OrderStatus>
  /** Closes an unpaid order. Never called once the cashier opened. */
  cancelOrder?(orderId: string): Promise<void>
  /** Prices a request without creating an order. */
  quote?(req: OrderRequest): Promise<Quote>
  /**
   * Keeps what the channel saved for an unpaid order (Douyin trade: `{ douyinOrderId }`) on the
   * server, so "continue to pay" on another device, or after the app's storage was cleared, reuses
   * the platform order instead of making a second one: send it back as the order's `channelState`.
   * Called once per saved state, while the cashier opens; it never holds the cashier up, and a
   * failure only loses the cross-device reuse (this device keeps the state in its pending order).
   */
  saveChannelState?(
    orderId: string,
    saved: { readonly channel: string; readonly state: unknown },
    ctx: { signal: AbortSignal },
  ): Promise<void>
}

/** App show/hide, from the environment (`taroLifecycle()` in @tradekit/taro). */
export interface LifecyclePort {
  /** Calls `cb` when the app comes to the foreground; returns an unsubscribe. */
  onShow(cb: () => void): () => void
  /** Calls `cb` when the app goes to the background; returns an unsubscribe. */
  onHide(cb: () => void): () => void
}

/** Timeouts and schedules of the checkout, all in milliseconds. */
export interface CheckoutTiming {
  /**
   * Timeout of one createOrder call.
   * @default 15000
   */
  createTimeoutMs: number
  /**
   * Waits before each retry of createOrder on network errors (same idempotency key); its length is
   * the number of retries.
   * @default [500, 1000, 2000, 4000]
   */
  createRetryDelaysMs: readonly number[]
  /**
   * How long the cashier is given before the checkout stops waiting and asks the server.
   * @default 120000
   */
  payTimeoutMs: number
  /**
   * Waits between confirmation polls; the last one repeats.
   * @default [1000, 2000, 3000, 5000]
   */
  pollDelaysMs: readonly number[]
  /**
   * Visible time spent confirming before the checkout shows `unknown`.
   * @default 60000
   */
  confirmBudgetMs: number
  /**
   * Timeout of one getOrderStatus call.
   * @default 10000
   */
  pollTimeoutMs: number
  /**
   * Timeout of one cancelOrder call.
   * @default 10000
   */
  cancelTimeoutMs: number
  /**
   * This long after its `expiresAt`, a pending order is no longer brought back on screen at launch.
   * It is still asked about in the background until the server answers final: an order never
   * leaves the list by the phone's clock alone.
   * @default 600000
   */
  forgetAfterExpiryMs: number
  /**
   * The same for an order without `expiresAt`, counted from its creation; also how long the key of
   * an attempt that got no answer is kept for the next submit of the same request.
   * @default 86400000
   */
  forgetWithoutExpiryMs: number
}

/** Options of {@link createCheckout}. */
export interface CheckoutOptions {
  /** The team's backend. */
  api: CheckoutApi
  /** The cashiers this checkout may use; the request's `channel` names one. */
  channels?: readonly PaymentChannel[]
  /** Shorthand for one channel. */
  channel?: PaymentChannel
  /**
   * Where pending orders are kept across launches.
   * @default memoryStorage() (with a warning in development: a killed app then loses its pending order)
   */
  storage?: StoragePort
  /** App show/hide; without it the app is taken as always visible. */
  lifecycle?: LifecyclePort
  /** Overrides of the timeouts and schedules. */
  timing?: Partial<CheckoutTiming>
  /**
   * Namespace of the storage key (the same as the cart's).
   * @default 'default'
   */
  namespace?: string
  /** The logged-in user, so a pending order is kept per user; `null` for a guest. */
  userId?: string | null
  /** Makes idempotency keys (tests); defaults to a time-and-random key. */
  createKey?: () => string
}

/**
 * An unpaid order to pay again from the order centre ("continue to pay"). The channel gets the state
 * it saved for the order — from this checkout's pending list when the order was made here, else
 * `channelState` from your server — so a platform order is never made twice (Douyin trade: pass
 * `{ douyinOrderId }`, the Douyin order id your server learnt from the pre-order or pay callback).
 */
export interface ContinuedOrder {
  /** The team's order id (what `getOrderStatus` takes). */
  readonly orderId: string
  /** What the server will charge. */
  readonly amount: Money
  /** What the channel needs to open its cashier. */
  readonly payment: unknown
  /**
   * When the server closes the order unpaid, in epoch milliseconds: on the server's clock when
   * `serverNow` is given, else on the phone's (as `continuedOrderOf` gives it).
   */
  readonly expiresAt?: number
  /** The server's clock when it answered (as {@link CreatedOrder.serverNow}). */
  readonly serverNow?: number
  /** The channel's id; may be left out when the checkout has one channel. */
  readonly channel?: string
  /** What the channel saved for this order before, as your server kept it. */
  readonly channelState?: unknown
  /**
   * `'sign'` for an auto-renew order.
   * @default 'pay'
   */
  readonly method?: 'pay' | 'sign'
}

/** What {@link Checkout.setOptions} may replace. */
export type CheckoutUpdate = Partial<Pick<CheckoutOptions, 'api' | 'channels' | 'channel' | 'timing'>>

/**
 * Where a checkout is.
 * Moving (each has a timed exit): `creating`, `paying`, `confirming`.
 * Terminal: `paid` (only `reset()` leaves it).
 * Settled (waiting for the user; only a re-check finding the order paid moves it, to `paid`):
 * `cancelled`, `failed`, `expired`, `unknown`.
 */
export type CheckoutStatus =
  | 'idle'
  | 'creating'
  | 'paying'
  | 'confirming'
  | 'paid'
  | 'cancelled'
  | 'failed'
  | 'expired'
  | 'unknown'

/** Progress of the confirmation, for "confirming your payment" with a progress bar. */
export interface ConfirmProgress {
  /** Visible time spent confirming so far. */
  readonly elapsedMs: number
  /** Visible time after which the checkout shows `unknown` (progress = elapsedMs / budgetMs). */
  readonly budgetMs: number
  /** Server polls made so far. */
  readonly polls: number
  /** True while the app is hidden (polling waits for the next show). */
  readonly paused: boolean
}

/** An earlier order the server reported paid after the user moved on. */
export interface LatePaidOrder {
  readonly orderId: string
  readonly amount: Money
}

/** What `retry()` would do now. */
export type RetryMode = 'same-order' | 'new-order'

/**
 * An immutable snapshot of the checkout; the same object is returned until something changes
 * (for `useSyncExternalStore`).
 */
export interface CheckoutSnapshot {
  readonly status: CheckoutStatus
  /** Attempts started by this checkout (an attempt is one idempotency key); 0 before the first. */
  readonly attempt: number
  /** The order of the current attempt, once the server created it; its `expiresAt` on the phone's clock. */
  readonly order?: CreatedOrder
  /** What went wrong, with the data the UI needs (`error.quote` for `PRICE_CHANGED`). */
  readonly error?: AnyTradeKitError
  /** True when the server reports the paid order refunded. */
  readonly refunded: boolean
  /** True while a shown `cancelled`, `failed` or `unknown` is being re-checked with the server. */
  readonly rechecking: boolean
  /** Present while confirming (and while re-checking). */
  readonly confirm?: ConfirmProgress
  /** What `retry()` would do now, or `null` when there is nothing to retry. */
  readonly retry: RetryMode | null
  /** Earlier orders found paid after the user moved on ("your earlier payment went through"). */
  readonly latePaid: readonly LatePaidOrder[]
  /** Orders kept until the server says they are final (5; more for a while after a merge, see docs). */
  readonly pendingCount: number
  /**
   * `storage_corrupt` once persisted data was corrupt (discarded; `PaymentStatus` says so while
   * idle, as a payment among it can no longer be reported); `storage_failed` while the
   * pending orders are not known to be saved: the launch's read or the latest write failed (or took
   * over 5 s). A later write that reaches the storage clears it. While it is set, an app killed
   * mid-payment cannot report the payment at its next launch (`PaymentStatus` says so).
   */
  readonly storageIssue?: 'storage_corrupt' | 'storage_failed'
}

/** Options of `submit()`. */
export interface SubmitOptions {
  /**
   * `'sign'` pays through the channel's `sign` (recurring billing, auto-renew).
   * @default 'pay'
   */
  method?: 'pay' | 'sign'
}

/** The checkout store: a flat state machine with injected effects. */
export interface Checkout {
  /** The current snapshot (the same object until something changes). */
  getSnapshot(): CheckoutSnapshot
  /** Calls `listener` after every change; returns an unsubscribe. */
  subscribe(listener: () => void): () => void
  /**
   * Starts an attempt, or returns the running one while busy. Settles with the snapshot once the
   * checkout is no longer moving; never rejects (errors are in the snapshot).
   */
  submit(request: OrderRequest, options?: SubmitOptions): Promise<CheckoutSnapshot>
  /** Re-pays the same order while it can be paid, otherwise starts a new attempt. */
  retry(): Promise<CheckoutSnapshot>
  /**
   * Before the cashier opened: aborts and closes the order through `cancelOrder`. After: only stops
   * waiting and confirms once with the server (paid wins); never closes the order.
   */
  cancel(): Promise<CheckoutSnapshot>
  /** Back to `idle` (pending orders are still kept and reconciled). */
  reset(): void
  /**
   * Pays an unpaid order again ("continue to pay" in the order centre): through the same order and
   * the channel's saved state, never a second platform order. An expired order ends `expired`
   * without opening the cashier; a checkout showing `paid` is reset first; while moving, it returns
   * the running attempt. Settles like `submit()`.
   */
  continuePayment(order: ContinuedOrder): Promise<CheckoutSnapshot>
  /** On launch: loads pending orders and reconciles them with the server. */
  resume(): Promise<CheckoutSnapshot>
  /** True when the channel (by id, or the only one) can sign for auto-renew. */
  canSign(channelId?: string): boolean
  /**
   * Replaces the team's API, the channels or the timing in place (a binding's options changed):
   * the pending orders, the shown state and a running attempt are kept; the running attempt makes
   * its next call through the new API and channels. Storage, user and namespace are fixed per
   * checkout: a new user gets a new checkout.
   */
  setOptions(options: CheckoutUpdate): void
  /** Stops every timer and listener (the app is closing, or the user changed). */
  dispose(): void
}
