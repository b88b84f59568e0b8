import { TradeKitError } from '../errors/TradeKitError'
import { idempotencyKey } from '../internal/idempotencyKey'
import { requireMethods } from '../internal/teamApi'
import { isMoney } from '../money/money'
import { isChannelAvailable, type PaymentChannel } from '../payment/paymentChannel'
import { memoryStorage, storageKey } from '../storage/storage'
import { attemptOf, isValidRequest } from './attempt'
import { type CheckoutRuntime, startRuntime } from './checkoutRuntime'
import { isMoving } from './checkoutStatus'
import { expiryOnPhone, type PendingOrder } from './pendingOrders'
import { pendingStorage } from './pendingStorage'
import type {
  Checkout,
  CheckoutOptions,
  CheckoutSnapshot,
  CheckoutTiming,
  ContinuedOrder,
  OrderRequest,
} from './types'

export { isNetworkError } from './effects'

/** The default timeouts and schedules (see {@link CheckoutTiming}). */
export const DEFAULT_CHECKOUT_TIMING: Readonly<CheckoutTiming> = Object.freeze({
  createTimeoutMs: 15_000,
  createRetryDelaysMs: [500, 1000, 2000, 4000],
  payTimeoutMs: 120_000,
  pollDelaysMs: [1000, 2000, 3000, 5000],
  confirmBudgetMs: 60_000,
  pollTimeoutMs: 10_000,
  cancelTimeoutMs: 10_000,
  forgetAfterExpiryMs: 10 * 60_000,
  forgetWithoutExpiryMs: 24 * 60 * 60_000,
})

/**
 * Creates the checkout: the transition table of `machine.ts` (idle → creating → paying →
 * confirming → paid | cancelled | failed | expired | unknown) run against the team's API, the
 * platform cashiers, storage and the app lifecycle — all injected. This function only runs the
 * table's effects and feeds their results back; every decision is a row of the table.
 *
 * The rules it keeps: one order per attempt (one idempotency key, kept across network retries);
 * the cashier never opens for an amount other than `expectedPayable`; only the server's
 * `getOrderStatus` makes `paid`, and a request that got no answer confirms nothing; pending orders
 * are persisted until the server says they are final and re-checked on show and by `resume()`;
 * every call runs under a timeout and an AbortSignal; `cancel()` after the cashier opened never
 * closes the order.
 *
 * @example
 * ```ts
 * const checkout = createCheckout({ api, channel: douyinTradeChannel(), storage, lifecycle })
 * void checkout.resume() // on launch
 * const result = await checkout.submit({ lines, expectedPayable: quote.payable })
 * if (result.status === 'paid') showThanks()
 * ```
 * @throws TradeKitError `INVALID_ARGUMENT` when `api` lacks createOrder or getOrderStatus
 */
export function createCheckout(options: CheckoutOptions): Checkout {
  if (process.env.NODE_ENV !== 'production' && !options.storage) {
    console.warn(
      '[TradeKit] createCheckout: no storage given, using memoryStorage(); a killed app loses its pending order.',
    )
  }
  const rt = startRuntime({
    api: checkoutApi(options.api),
    channels: channelList(options, []),
    timing: { ...DEFAULT_CHECKOUT_TIMING, ...options.timing },
    createKey: options.createKey ?? idempotencyKey,
    records: pendingStorage(
      options.storage ?? memoryStorage(),
      storageKey('checkout', { namespace: options.namespace, userId: options.userId }),
    ),
    resubmit: (request, method) => void startAttempt(rt, request, method),
  })
  const offShow = options.lifecycle?.onShow(() => rt.dispatch({ type: 'SHOW' }))
  const offHide = options.lifecycle?.onHide(() => rt.dispatch({ type: 'HIDE' }))
  return {
    getSnapshot: rt.store.getSnapshot,
    // a checkout in use (not one made in a render React threw away): its orders count for the others
    // over the same record (sharedRecord.ts)
    subscribe(listener) {
      rt.config.records.use()
      return rt.store.subscribe(listener)
    },
    submit(request, submitOptions = {}) {
      const { status } = rt.state().snapshot
      if (status === 'paid') return Promise.resolve(rt.state().snapshot)
      if (isMoving(status)) return rt.settled()
      return startAttempt(rt, request, submitOptions.method ?? 'pay')
    },
    retry() {
      rt.config.records.use()
      const { snapshot, orders } = rt.state()
      const order = orders.find((o) => o.orderId === snapshot.order?.orderId)
      const channel = order && rt.channelFor(order.channelId)
      rt.dispatch({ type: 'RETRY', channelAvailable: !!channel && isChannelAvailable(channel) })
      return rt.settled()
    },
    continuePayment(order) {
      const { status } = rt.state().snapshot
      if (isMoving(status)) return rt.settled()
      if (status === 'paid') rt.dispatch({ type: 'RESET' })
      return continueOrder(rt, order)
    },
    cancel() {
      rt.dispatch({ type: 'CANCEL' })
      return rt.settled()
    },
    reset: () => rt.dispatch({ type: 'RESET' }),
    async resume() {
      rt.config.records.use()
      await rt.hydrated
      const running = new Set(rt.rechecks)
      rt.dispatch({ type: 'RESUME' })
      await Promise.all([...rt.rechecks].filter((task) => !running.has(task)))
      return rt.state().snapshot
    },
    canSign: (channelId) => typeof rt.channelFor(channelId)?.sign === 'function',
    setOptions(update) {
      const { config } = rt
      if (update.api) config.api = checkoutApi(update.api)
      config.channels = channelList(update, config.channels)
      if (update.timing) config.timing = { ...DEFAULT_CHECKOUT_TIMING, ...update.timing }
    },
    dispose() {
      offShow?.()
      offHide?.()
      rt.dispose()
    },
  }
}

/** The team's API with the two methods the checkout cannot work without. */
function checkoutApi(api: CheckoutOptions['api']): CheckoutOptions['api'] {
  return requireMethods(api, ['createOrder', 'getOrderStatus'], 'createCheckout')
}

function channelList(
  options: { channels?: readonly PaymentChannel[]; channel?: PaymentChannel },
  otherwise: readonly PaymentChannel[],
): readonly PaymentChannel[] {
  return options.channels ?? (options.channel ? [options.channel] : otherwise)
}

/** Why a payment cannot go through `channel` (the one `named`, or the only one), or `undefined`. */
function channelRefusal(
  channel: PaymentChannel | undefined,
  method: 'pay' | 'sign',
  named: string | undefined,
): TradeKitError | undefined {
  if (!channel)
    return new TradeKitError(
      'PAYMENT_UNAVAILABLE',
      process.env.NODE_ENV !== 'production' ? `No payment channel ${named ?? '(one expected)'}` : undefined,
    )
  if (!isChannelAvailable(channel)) {
    return new TradeKitError(
      'PAYMENT_UNAVAILABLE',
      process.env.NODE_ENV !== 'production'
        ? `Payment channel ${channel.id} is not available here`
        : undefined,
    )
  }
  if (method === 'sign' && !channel.sign) {
    return new TradeKitError(
      'PAYMENT_UNAVAILABLE',
      process.env.NODE_ENV !== 'production'
        ? `Payment channel ${channel.id} cannot sign for auto-renew`
        : undefined,
    )
  }
  return undefined
}

/** "Continue to pay": the pending order this checkout kept (with its saved state) or the server's. */
function continueOrder(rt: CheckoutRuntime, given: ContinuedOrder): Promise<CheckoutSnapshot> {
  rt.config.records.use()
  const kept = rt.state().orders.find((o) => o.orderId === given.orderId)
  const channel = rt.channelFor(kept?.channelId ?? given.channel)
  const method = kept?.method ?? given.method ?? 'pay'
  const valid = typeof given.orderId === 'string' && given.orderId !== '' && isMoney(given.amount)
  const problem = valid
    ? channelRefusal(channel, method, kept?.channelId ?? given.channel)
    : new TradeKitError(
        'INVALID_ARGUMENT',
        process.env.NODE_ENV !== 'production' ? 'continuePayment needs an orderId and its amount' : undefined,
      )
  const order: PendingOrder = kept ?? {
    orderId: given.orderId,
    idempotencyKey: '',
    amount: given.amount,
    createdAt: Date.now(),
    channelId: channel?.id ?? '',
    method,
    payment: given.payment,
    request: { lines: [], expectedPayable: given.amount },
    shown: 'paying',
    payStarted: true,
    closedByUs: false,
    retryable: true,
    ...expiryOnPhone(given, Date.now()),
    ...(given.channelState !== undefined ? { state: given.channelState } : {}),
  }
  rt.dispatch({ type: 'CONTINUE', order, ...(problem ? { refusal: problem } : {}) })
  return rt.settled()
}

/** Submits an attempt (the table refuses it when `refusal` found a reason) and waits for it to settle. */
function startAttempt(
  rt: CheckoutRuntime,
  request: OrderRequest,
  method: 'pay' | 'sign',
): Promise<CheckoutSnapshot> {
  rt.config.records.use()
  const channel = isValidRequest(request) ? rt.channelFor(request.channel) : undefined
  const problem = isValidRequest(request)
    ? channelRefusal(channel, method, request.channel)
    : new TradeKitError(
        'INVALID_ARGUMENT',
        process.env.NODE_ENV !== 'production'
          ? 'An order request needs lines (skuId, quantity > 0) and expectedPayable'
          : undefined,
      )
  const attempt = attemptOf(request, method, channel?.id ?? '')
  rt.dispatch({ type: 'SUBMIT', attempt, ...(problem ? { refusal: problem } : {}) })
  return rt.settled()
}
