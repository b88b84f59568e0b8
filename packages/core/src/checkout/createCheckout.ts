import { TradeKitError } from '../errors/TradeKitError'
import type { PaymentChannel } from '../payment/paymentChannel'
import { memoryStorage, storageKey } from '../storage/storage'
import { createStore } from '../store/createStore'
import { type Aborter, abortedError, createAborter } from './abort'
import { attemptOf, defaultKey, isValidRequest } from './attempt'
import { isMoving } from './checkoutStatus'
import {
  closeOrder,
  confirmOrder,
  createWithRetries,
  isNetworkError,
  openCashier,
  toTradeKitError,
} from './effects'
import { initialState, transition } from './machine'
import type { CheckoutEffect, CheckoutEvent, CheckoutState } from './machineTypes'
import { pendingStorage } from './pendingStorage'
import type { Checkout, CheckoutOptions, CheckoutSnapshot, CheckoutTiming, OrderRequest } from './types'
import { createVisibleClock } from './visibleClock'

export { isNetworkError } from './effects'

// core has no Node types: the build tools (Taro, bundlers) replace process.env.X at build time
declare const process: { env: Record<string, string | undefined> }

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

function isDevelopment(): boolean {
  try {
    return process.env.NODE_ENV !== 'production'
  } catch {
    return false
  }
}

function logUnexpected(error: unknown): void {
  console.error('[TradeKit] checkout effect failed unexpectedly', error)
}

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
 */
export function createCheckout(options: CheckoutOptions): Checkout {
  let api = options.api
  let channels: readonly PaymentChannel[] = options.channels ?? (options.channel ? [options.channel] : [])
  let timing: CheckoutTiming = { ...DEFAULT_CHECKOUT_TIMING, ...options.timing }
  const createKey = options.createKey ?? defaultKey
  if (!options.storage && isDevelopment()) {
    console.warn(
      '[TradeKit] createCheckout: no storage given, using memoryStorage(); a killed app loses its pending order.',
    )
  }
  const records = pendingStorage(
    options.storage ?? memoryStorage(),
    storageKey('checkout', { namespace: options.namespace, userId: options.userId }),
  )

  let state: CheckoutState = initialState()
  const store = createStore<CheckoutSnapshot>(state.snapshot)
  const clock = createVisibleClock()
  const background = createAborter()
  let flow: Aborter = createAborter()
  const reconciling = new Set<string>()
  /** Re-checks and reconciles under way, which `resume()` waits for. */
  const rechecks = new Set<Promise<void>>()
  const settledWaiters: Array<(s: CheckoutSnapshot) => void> = []
  let disposed = false
  let writes: Promise<unknown> = Promise.resolve()

  function dispatch(event: CheckoutEvent): void {
    if (disposed) return
    const before = state
    const { state: next, effects } = transition(before, event, { now: Date.now(), timing, newKey: createKey })
    state = next
    if (next.flow.id !== before.flow.id) {
      flow.abort(abortedError())
      flow = createAborter()
    }
    clock.setVisible(next.visible)
    if (next.orders !== before.orders || next.unanswered !== before.unanswered) persist()
    store.set(next.snapshot)
    if (!isMoving(next.snapshot.status))
      for (const resolve of settledWaiters.splice(0)) resolve(next.snapshot)
    for (const effect of effects) run(effect)
  }

  function persist(): void {
    const { orders, unanswered } = state
    writes = records
      .write(unanswered ? { orders: [...orders], unanswered } : { orders: [...orders] })
      .then((ok) => {
        if (!ok) dispatch({ type: 'STORAGE_ISSUE', issue: 'storage_failed' })
      })
  }

  const hydrated: Promise<void> = records
    .read((late) => dispatch({ type: 'HYDRATED', orders: late.orders }))
    .then(({ issue, ...stored }) => {
      dispatch({ type: 'HYDRATED', ...stored })
      if (issue === 'storage_corrupt') {
        console.warn('[TradeKit] checkout discarded corrupt pending-order data')
        persist()
      }
      if (issue) dispatch({ type: 'STORAGE_ISSUE', issue })
    })

  function channelFor(id: string | undefined): PaymentChannel | undefined {
    if (id === undefined) return channels.length === 1 ? channels[0] : undefined
    return channels.find((c) => c.id === id)
  }

  /** Runs one effect of the table; its result comes back as an event of the same flow. */
  function run(effect: CheckoutEffect): void {
    const signal = flow.signal
    const task = runEffect(effect, signal)?.catch((error: unknown) => {
      if (!signal.aborted && !background.signal.aborted) logUnexpected(error)
    })
    if (
      task &&
      (effect.type === 'reconcile' || (effect.type === 'confirm' && effect.reply === 'RECHECKED'))
    ) {
      rechecks.add(task)
      void task.then(() => rechecks.delete(task))
    }
  }

  function runEffect(effect: CheckoutEffect, signal: AbortSignal): Promise<void> | undefined {
    switch (effect.type) {
      case 'hydrate':
        return hydrated.then(() => dispatch({ type: 'READY', flow: effect.flow }))
      case 'store':
        return writes.then(() => dispatch({ type: 'STORED', flow: effect.flow }))
      case 'create':
        // the key is stored before the order is asked for: a killed app reuses it (rule 1)
        return writes
          .then(() => createWithRetries(api, effect.request, effect.key, timing, signal))
          .then(
            (created) => dispatch({ type: 'CREATED', flow: effect.flow, created }),
            (error: unknown) => {
              if (signal.aborted) return
              const network = isNetworkError(error)
              dispatch({
                type: 'CREATE_FAILED',
                flow: effect.flow,
                network,
                error: toTradeKitError(error, network ? 'NETWORK' : 'ORDER_REJECTED'),
              })
            },
          )
      case 'pay':
        return pay(effect.flow, effect.orderId, signal)
      case 'confirm': {
        const { flow: id, orderId, until, waitFirst, reply } = effect
        const onProgress = (confirm: NonNullable<CheckoutSnapshot['confirm']>) =>
          dispatch({ type: 'PROGRESS', flow: id, confirm })
        return confirmOrder(api, orderId, { until, waitFirst }, { timing, clock, signal, onProgress }).then(
          (status) => dispatch({ type: reply, flow: id, ...(status ? { status } : {}) } as CheckoutEvent),
        )
      }
      case 'close':
        closeOrder(api, effect.orderId, timing, background.signal)
        return
      case 'reconcile': {
        const { order } = effect
        if (reconciling.has(order.orderId)) return
        reconciling.add(order.orderId)
        const ask = { timing, clock, signal: background.signal, onProgress() {} }
        return confirmOrder(api, order.orderId, { until: 'final', waitFirst: false }, ask)
          .then((status) => dispatch({ type: 'RECONCILED', order, ...(status ? { status } : {}) }))
          .finally(() => reconciling.delete(order.orderId))
      }
      case 'resubmit':
        void startAttempt(effect.request, effect.method)
        return
    }
  }

  async function pay(id: number, orderId: string, signal: AbortSignal): Promise<void> {
    const order = state.orders.find((o) => o.orderId === orderId)
    if (signal.aborted || !order) return
    const channel = channelFor(order.channelId)
    const saveState = async (saved: unknown) => {
      dispatch({ type: 'CHANNEL_STATE', orderId, state: saved })
      await writes
    }
    const outcome = channel
      ? await openCashier(channel, order, saveState, timing, signal)
      : { kind: 'unknown' as const }
    dispatch({ type: 'PAY_OUTCOME', flow: id, outcome })
  }

  function waitSettled(): Promise<CheckoutSnapshot> {
    const snapshot = state.snapshot
    if (disposed || !isMoving(snapshot.status)) return Promise.resolve(snapshot)
    return new Promise((resolve) => settledWaiters.push(resolve))
  }

  /** Why a request cannot start an attempt, or `undefined` when it can. */
  function refusal(request: OrderRequest, method: 'pay' | 'sign', channel?: PaymentChannel) {
    if (!isValidRequest(request)) {
      return new TradeKitError(
        'INVALID_ARGUMENT',
        'An order request needs lines (skuId, quantity > 0) and expectedPayable',
      )
    }
    if (!channel) {
      return new TradeKitError(
        'PAYMENT_UNAVAILABLE',
        `No payment channel ${request.channel ?? '(one expected)'}`,
      )
    }
    if (!channel.isAvailable()) {
      return new TradeKitError('PAYMENT_UNAVAILABLE', `Payment channel ${channel.id} is not available here`)
    }
    if (method === 'sign' && !channel.sign) {
      return new TradeKitError(
        'PAYMENT_UNAVAILABLE',
        `Payment channel ${channel.id} cannot sign for auto-renew`,
      )
    }
    return undefined
  }

  function startAttempt(request: OrderRequest, method: 'pay' | 'sign'): Promise<CheckoutSnapshot> {
    const channel = isValidRequest(request) ? channelFor(request.channel) : undefined
    const attempt = attemptOf(request, method, channel?.id ?? '')
    const problem = refusal(request, method, channel)
    dispatch({ type: 'SUBMIT', attempt, ...(problem ? { refusal: problem } : {}) })
    return waitSettled()
  }

  const offShow = options.lifecycle?.onShow(() => dispatch({ type: 'SHOW' }))
  const offHide = options.lifecycle?.onHide(() => dispatch({ type: 'HIDE' }))

  return {
    getSnapshot: store.getSnapshot,
    subscribe: (listener) => store.subscribe(listener),

    submit(request, submitOptions = {}) {
      if (disposed || state.snapshot.status === 'paid') return Promise.resolve(state.snapshot)
      if (isMoving(state.snapshot.status)) return waitSettled()
      return startAttempt(request, submitOptions.method ?? 'pay')
    },

    retry() {
      const id = state.snapshot.order?.orderId
      const order = state.orders.find((o) => o.orderId === id)
      dispatch({ type: 'RETRY', channelAvailable: !!order && !!channelFor(order.channelId)?.isAvailable() })
      return waitSettled()
    },

    cancel() {
      dispatch({ type: 'CANCEL' })
      return waitSettled()
    },

    reset() {
      dispatch({ type: 'RESET' })
    },

    async resume() {
      await hydrated
      const running = new Set(rechecks)
      dispatch({ type: 'RESUME' })
      await Promise.all([...rechecks].filter((task) => !running.has(task)))
      return state.snapshot
    },

    canSign(channelId?: string) {
      return typeof channelFor(channelId)?.sign === 'function'
    },

    setOptions(update) {
      if (update.api) api = update.api
      if (update.channels || update.channel) {
        channels = update.channels ?? (update.channel ? [update.channel] : channels)
      }
      if (update.timing) timing = { ...DEFAULT_CHECKOUT_TIMING, ...update.timing }
    },

    dispose() {
      if (disposed) return
      disposed = true
      flow.abort(abortedError())
      background.abort(abortedError())
      offShow?.()
      offHide?.()
      for (const resolve of settledWaiters.splice(0)) resolve(state.snapshot)
      store.clear()
    },
  }
}
