// The payment contract: what a platform cashier is to TradeKit. The checkout and every channel
// import it from here, so a cashier never depends on the checkout's machine.

/** What a cashier reports. Never proof: only the server's `getOrderStatus` makes an order paid. */
export type PayOutcome =
  | { readonly kind: 'submitted' }
  | { readonly kind: 'cancelled' }
  | {
      readonly kind: 'failed'
      readonly retryable: boolean
      readonly code?: string
      readonly message?: string
    }
  | { readonly kind: 'unknown'; readonly code?: string }

/** What a channel gets for one payment. */
export interface PayContext {
  /** Aborts the payment: `pay()` then rejects with `TradeKitError('ABORTED')` at once. */
  readonly signal: AbortSignal
  /** What this channel saved for this order before (a retry or a resume), else undefined. */
  readonly state?: unknown
  /** Persists state with the pending order; a channel awaits it before it goes on. */
  saveState(state: unknown): Promise<void>
}

/** The kind of a purchase and the OS it is made on, for the platforms' virtual-goods rules. */
export interface PurchaseContext {
  readonly kind: 'physical' | 'service' | 'virtual'
  readonly os: 'ios' | 'android' | 'other'
}

/** How a channel can take a purchase: pay here, through customer-service IM, or not at all. */
export type PurchaseSupport = 'pay' | 'im' | 'unavailable'

/** A platform's cashier. */
export interface PaymentChannel {
  /** Names the channel in `OrderRequest.channel`. */
  readonly id: string
  /** The mini-program platform whose globals this channel uses, for `detectChannel`. */
  readonly platform?: 'tt' | 'wx' | 'my' | 'sandbox'
  /** True when the platform API is present (feature-detected when called). */
  isAvailable(): boolean
  /** How the channel can take a purchase of this kind on this OS; no `supports` means `'pay'`. */
  supports?(purchase: PurchaseContext): PurchaseSupport
  /** Opens the cashier. Reports a platform refusal as an outcome, never by throwing. */
  pay(payment: unknown, ctx: PayContext): Promise<PayOutcome>
  /** Recurring billing (auto-renew): signs and pays the first period. */
  sign?(payload: unknown, ctx: PayContext): Promise<PayOutcome>
}

/**
 * Whether `channel` can pay here: its `isAvailable()`, read as false when it throws or answers
 * anything but `true` — a channel that cannot say is never offered, and never breaks a submit.
 */
export function isChannelAvailable(channel: Pick<PaymentChannel, 'isAvailable'>): boolean {
  try {
    return channel.isAvailable() === true
  } catch {
    return false
  }
}

const SUPPORTS: ReadonlySet<unknown> = new Set<PurchaseSupport>(['pay', 'im', 'unavailable'])

/**
 * How `channel` can take `purchase`: its `supports()` (`'pay'` without one), read as
 * `'unavailable'` when it throws or answers something else.
 */
export function channelSupport(
  channel: Pick<PaymentChannel, 'supports'>,
  purchase: PurchaseContext,
): PurchaseSupport {
  if (!channel.supports) return 'pay'
  try {
    const answer = channel.supports(purchase)
    return SUPPORTS.has(answer) ? answer : 'unavailable'
  } catch {
    return 'unavailable'
  }
}
