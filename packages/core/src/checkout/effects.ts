import { isTradeKitErrorCode, type TradeKitErrorCode } from '../errors/errorCodes'
import { isTradeKitError, TradeKitError, type TradeKitErrorData } from '../errors/TradeKitError'
import type { PayContext, PaymentChannel, PayOutcome } from '../payment/paymentChannel'
import { abortedError, isAborted, sleep, withTimeout } from './abort'
import type { PendingOrder } from './pendingOrders'
import type {
  CheckoutApi,
  CheckoutTiming,
  ConfirmProgress,
  CreatedOrder,
  OrderRequest,
  OrderStatus,
} from './types'
import type { VisibleClock } from './visibleClock'

// The checkout's effects: each talks to one port (the team's API, a cashier) under a timeout and an
// AbortSignal, and reports back a plain value. What the value means is decided by the machine.

const ORDER_STATUSES: ReadonlySet<string> = new Set(['pending', 'paid', 'closed', 'failed', 'refunded'])

/**
 * True for a failure on the way to or from the server: the API's `NETWORK`/`TIMEOUT`, a platform
 * `request:fail`, or a `TypeError` from fetch. Such a createOrder is retried with the same key.
 */
export function isNetworkError(error: unknown): boolean {
  if (isTradeKitError(error, 'NETWORK') || isTradeKitError(error, 'TIMEOUT')) return true
  if (error instanceof TypeError) return true
  if (typeof error !== 'object' || error === null) return false
  const { code, errMsg, message } = error as { code?: unknown; errMsg?: unknown; message?: unknown }
  if (code === 'NETWORK' || code === 'TIMEOUT') return true
  return /request:fail/.test(String(errMsg ?? '')) || /request:fail/.test(String(message ?? ''))
}

/** The team's error as a `TradeKitError`, keeping its code, message, quote and skus. */
export function toTradeKitError(error: unknown, fallback: TradeKitErrorCode): TradeKitError {
  if (error instanceof TradeKitError) return error
  const source = (typeof error === 'object' && error !== null ? error : {}) as Record<string, unknown>
  const message = typeof source.message === 'string' ? source.message : undefined
  const code = isTradeKitErrorCode(source.code) ? source.code : isNetworkError(error) ? 'NETWORK' : fallback
  // the team's own error shape, kept as it came: its quote and skus are what the UI reads
  const data: Record<string, unknown> = { cause: error }
  if (source.quote !== undefined) data.quote = source.quote
  if (Array.isArray(source.skuIds)) data.skuIds = source.skuIds
  return new TradeKitError(code, message, data as TradeKitErrorData)
}

/** createOrder, retried with the same idempotency key on network errors (rule 1). */
export async function createWithRetries(
  api: CheckoutApi,
  request: OrderRequest,
  idempotencyKey: string,
  timing: CheckoutTiming,
  signal: AbortSignal,
): Promise<CreatedOrder> {
  for (let i = 0; ; i++) {
    try {
      return await withTimeout(
        (s) => api.createOrder(request, { idempotencyKey, signal: s }),
        timing.createTimeoutMs,
        signal,
      )
    } catch (error) {
      if (signal.aborted) throw abortedError()
      const delay = timing.createRetryDelaysMs[i]
      if (!isNetworkError(error) || delay === undefined) throw error
      await sleep(delay, signal)
    }
  }
}

function isPayOutcome(value: unknown): value is PayOutcome {
  if (typeof value !== 'object' || value === null) return false
  const kind = (value as { kind?: unknown }).kind
  if (kind === 'failed') return typeof (value as { retryable?: unknown }).retryable === 'boolean'
  return kind === 'submitted' || kind === 'cancelled' || kind === 'unknown'
}

/**
 * Opens the cashier for `order` (its `pay`, or `sign` for auto-renew) under the pay timeout. A
 * cashier that timed out, threw or answered nonsense may still have moved money: `unknown`.
 */
export async function openCashier(
  channel: PaymentChannel,
  order: PendingOrder,
  saveState: (state: unknown) => Promise<void>,
  timing: CheckoutTiming,
  signal: AbortSignal,
): Promise<PayOutcome> {
  try {
    const result = await withTimeout(
      (s) => {
        const ctx: PayContext = { signal: s, state: order.state, saveState }
        if (order.method === 'pay') return channel.pay(order.payment, ctx)
        if (channel.sign) return channel.sign(order.payment, ctx)
        return Promise.resolve<PayOutcome>({
          kind: 'failed',
          retryable: false,
          code: 'PAYMENT_UNAVAILABLE',
          message: `Channel ${channel.id} cannot sign`,
        })
      },
      timing.payTimeoutMs,
      signal,
    )
    return isPayOutcome(result) ? result : { kind: 'unknown' }
  } catch (error) {
    if (signal.aborted) throw abortedError()
    return { kind: 'unknown', ...(isTradeKitError(error) ? { code: error.code } : {}) }
  }
}

/** One status request; `undefined` when it failed or timed out — no answer. */
async function askOnce(
  api: CheckoutApi,
  orderId: string,
  timing: CheckoutTiming,
  signal: AbortSignal,
): Promise<OrderStatus | undefined> {
  try {
    const status = await withTimeout(
      (s) => api.getOrderStatus(orderId, { signal: s }),
      timing.pollTimeoutMs,
      signal,
    )
    return typeof status === 'string' && ORDER_STATUSES.has(status) ? status : undefined
  } catch {
    if (signal.aborted) throw abortedError()
    return undefined
  }
}

/** What {@link confirmOrder} waits for. */
export interface ConfirmPlan {
  /** `'final'`: a final status (paid, closed, failed, refunded); `'answer'`: any answer at all. */
  readonly until: 'final' | 'answer'
  /** Wait one step of the schedule before the first request (the cashier just said submitted). */
  readonly waitFirst: boolean
}

/**
 * Asks the server on the confirmation schedule (about 1, 2, 3, 5 s…, paused while the app is
 * hidden) until it gives the answer the plan waits for or the budget of visible time is spent. A
 * failed or timed-out request is no answer (rule 2). Resolves with the last answer, `undefined`
 * when the server never answered; rejects with `ABORTED` when `signal` aborts.
 */
export async function confirmOrder(
  api: CheckoutApi,
  orderId: string,
  plan: ConfirmPlan,
  deps: {
    timing: CheckoutTiming
    clock: VisibleClock
    signal: AbortSignal
    onProgress(p: ConfirmProgress): void
  },
): Promise<OrderStatus | undefined> {
  const { timing, clock, signal } = deps
  const budgetMs = timing.confirmBudgetMs
  const delays = timing.pollDelaysMs.length > 0 ? timing.pollDelaysMs : [1000]
  let elapsed = 0
  let polls = 0
  let step = 0
  let answer: OrderStatus | undefined
  const progress = () =>
    deps.onProgress({ elapsedMs: Math.min(elapsed, budgetMs), budgetMs, polls, paused: !clock.visible })
  const wait = async () => {
    const delay = delays[Math.min(step++, delays.length - 1)] ?? 1000
    await clock.sleep(delay, signal)
    elapsed += delay
  }
  if (plan.waitFirst) await wait()
  for (;;) {
    await clock.whenVisible(signal)
    const startedAt = Date.now()
    const status = await askOnce(api, orderId, timing, signal)
    polls++
    // the phone's clock may be set back or ahead meanwhile: a request counts 0 to its timeout
    elapsed += Math.min(Math.max(0, Date.now() - startedAt), timing.pollTimeoutMs)
    if (status !== undefined) answer = status
    if (status !== undefined && (status !== 'pending' || plan.until === 'answer')) return status
    if (elapsed >= budgetMs) return answer
    progress()
    await wait()
    progress()
  }
}

/** One call to the team's API that nothing waits for: under a timeout, a failure only logged. */
function bestEffort(
  name: string,
  call: (signal: AbortSignal) => Promise<void>,
  ms: number,
  signal: AbortSignal,
) {
  void withTimeout(call, ms, signal).catch((error: unknown) => {
    if (!isAborted(error)) console.warn(`[TradeKit] ${name} failed`, error)
  })
}

/**
 * Tells the team's API what the channel saved for an order (`CheckoutApi.saveChannelState`); on a
 * failure the pending order on this device still has it.
 */
export function reportChannelState(
  api: CheckoutApi,
  orderId: string,
  saved: { readonly channel: string; readonly state: unknown },
  timing: CheckoutTiming,
  signal: AbortSignal,
): void {
  const save = api.saveChannelState?.bind(api)
  if (save)
    bestEffort('saveChannelState', (s) => save(orderId, saved, { signal: s }), timing.pollTimeoutMs, signal)
}

/** Asks the team's API to close an unpaid order; a failure is only logged (the server expires it). */
export function closeOrder(
  api: CheckoutApi,
  orderId: string,
  timing: CheckoutTiming,
  signal: AbortSignal,
): void {
  const cancel = api.cancelOrder?.bind(api)
  if (cancel) bestEffort('cancelOrder', () => cancel(orderId), timing.cancelTimeoutMs, signal)
}
