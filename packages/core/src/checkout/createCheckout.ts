import { isTradeKitErrorCode, type TradeKitErrorCode } from '../errors/errorCodes'
import { isTradeKitError, TradeKitError, type TradeKitErrorData } from '../errors/TradeKitError'
import { isMoney, type Money } from '../money/money'
import type { PayContext, PaymentChannel, PayOutcome } from '../payment/paymentChannel'
import { memoryStorage, type StoragePort, storageKey } from '../storage/storage'
import { type Aborter, abortedError, createAborter, isAborted, onAbort, sleep, withTimeout } from './abort'
import {
  forgetAt,
  MAX_PENDING,
  type PendingOrder,
  parsePendingOrders,
  type ShownStatus,
  serializePendingOrders,
  toCreatedOrder,
  type UnansweredKey,
} from './pendingOrders'
import type {
  Checkout,
  CheckoutOptions,
  CheckoutSnapshot,
  CheckoutStatus,
  CheckoutTiming,
  ConfirmProgress,
  CreatedOrder,
  OrderRequest,
  OrderStatus,
  RetryMode,
  SubmitOptions,
} from './types'

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

const STORAGE_TIMEOUT_MS = 5_000
const MOVING: ReadonlySet<CheckoutStatus> = new Set(['creating', 'paying', 'confirming'])
const RECHECKED: ReadonlySet<CheckoutStatus> = new Set(['cancelled', 'failed', 'unknown'])
const ORDER_STATUSES: ReadonlySet<string> = new Set(['pending', 'paid', 'closed', 'failed', 'refunded'])

const INITIAL: CheckoutSnapshot = Object.freeze({
  status: 'idle',
  attempt: 0,
  refunded: false,
  rechecking: false,
  retry: null,
  latePaid: Object.freeze([]) as readonly never[],
  pendingCount: 0,
})

function isDevelopment(): boolean {
  try {
    return process.env.NODE_ENV !== 'production'
  } catch {
    return false
  }
}

function defaultKey(): string {
  let random = ''
  const crypto = (globalThis as { crypto?: { getRandomValues?(a: Uint32Array): Uint32Array } }).crypto
  if (crypto?.getRandomValues) {
    for (const n of crypto.getRandomValues(new Uint32Array(3))) random += n.toString(36)
  } else {
    for (let i = 0; i < 3; i++) random += Math.floor(Math.random() * 0xffffffff).toString(36)
  }
  return `tk-${Date.now().toString(36)}-${random}`
}

function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

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

function toTradeKitError(error: unknown, fallback: TradeKitErrorCode): TradeKitError {
  if (error instanceof TradeKitError) return error
  const source = (typeof error === 'object' && error !== null ? error : {}) as Record<string, unknown>
  const message = typeof source.message === 'string' ? source.message : undefined
  const code = isTradeKitErrorCode(source.code) ? source.code : isNetworkError(error) ? 'NETWORK' : fallback
  const data: TradeKitErrorData = { cause: error }
  if (source.quote !== undefined) data.quote = source.quote
  if (Array.isArray(source.skuIds)) data.skuIds = source.skuIds as string[]
  return new TradeKitError(code, message, data)
}

function isValidRequest(request: OrderRequest): boolean {
  if (typeof request !== 'object' || request === null) return false
  if (!Array.isArray(request.lines) || request.lines.length === 0) return false
  const linesOk = request.lines.every(
    (line) =>
      typeof line === 'object' &&
      line !== null &&
      typeof line.skuId === 'string' &&
      line.skuId !== '' &&
      Number.isSafeInteger(line.quantity) &&
      line.quantity > 0,
  )
  return linesOk && isMoney(request.expectedPayable)
}

function sameMoney(a: Money, b: Money): boolean {
  return a.amount === b.amount && a.currency === b.currency
}

function isPayOutcome(value: unknown): value is PayOutcome {
  if (typeof value !== 'object' || value === null) return false
  const kind = (value as { kind?: unknown }).kind
  if (kind === 'failed') return typeof (value as { retryable?: unknown }).retryable === 'boolean'
  return kind === 'submitted' || kind === 'cancelled' || kind === 'unknown'
}

function failureError(outcome: Extract<PayOutcome, { kind: 'failed' }>): TradeKitError {
  const code =
    outcome.code !== undefined && isTradeKitErrorCode(outcome.code) ? outcome.code : 'PAYMENT_FAILED'
  return new TradeKitError(code, outcome.message, {
    retryable: outcome.retryable,
    ...(outcome.code !== undefined ? { platformCode: outcome.code } : {}),
  })
}

type Patch = Partial<{ -readonly [K in keyof CheckoutSnapshot]: CheckoutSnapshot[K] }>

/**
 * Creates the checkout: a flat state machine (idle → creating → paying → confirming → paid |
 * cancelled | failed | expired | unknown) over the team's API, the platform cashiers, storage and
 * the app lifecycle — all injected.
 *
 * The rules it keeps: one order per attempt (one idempotency key, kept across network retries);
 * the cashier never opens for an amount other than `expectedPayable`; only the server's
 * `getOrderStatus` makes `paid`; pending orders are persisted until the server says they are final
 * and re-checked on show and by `resume()`; every call runs under a timeout and an AbortSignal;
 * `cancel()` after the cashier opened never closes the order.
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
  const key = storageKey('checkout', { namespace: options.namespace, userId: options.userId })
  let storage: StoragePort
  if (options.storage) {
    storage = options.storage
  } else {
    storage = memoryStorage()
    if (isDevelopment()) {
      console.warn(
        '[TradeKit] createCheckout: no storage given, using memoryStorage(); a killed app loses its pending order.',
      )
    }
  }

  let snapshot: CheckoutSnapshot = INITIAL
  const listeners = new Set<() => void>()
  const settledWaiters: Array<(s: CheckoutSnapshot) => void> = []
  let disposed = false

  let pending: PendingOrder[] = []
  let visible = true
  const visibilityWatchers = new Set<() => void>()
  /** Bumped whenever the user takes over (submit, retry, cancel, reset): older flows go quiet. */
  let gen = 0
  let flow: Aborter | null = null
  const background = createAborter()
  const checking = new Set<string>()
  let lastRequest: { request: OrderRequest; method: 'pay' | 'sign' } | undefined
  let unanswered: UnansweredKey | undefined
  /** The order of the moving flow, and whether its cashier was opened. */
  let active: { order?: PendingOrder; payStarted: boolean } | null = null

  // ---- snapshot ----

  function emit(): void {
    for (const listener of [...listeners]) {
      try {
        listener()
      } catch (error) {
        console.error('[TradeKit] checkout listener threw', error)
      }
    }
  }

  function commit(patch: Patch, force = false): void {
    if (disposed) return
    // nothing follows paid but reset()
    if (!force && snapshot.status === 'paid' && patch.status !== undefined && patch.status !== 'paid') return
    let changed = false
    for (const k of Object.keys(patch) as (keyof CheckoutSnapshot)[]) {
      if (!Object.is(snapshot[k], patch[k])) {
        changed = true
        break
      }
    }
    if (!changed) return
    const next: Record<string, unknown> = { ...snapshot, ...patch }
    for (const k of Object.keys(next)) if (next[k] === undefined) delete next[k]
    snapshot = Object.freeze(next) as unknown as CheckoutSnapshot
    if (!MOVING.has(snapshot.status)) {
      for (const resolve of settledWaiters.splice(0)) resolve(snapshot)
    }
    emit()
  }

  /** A commit from a flow: ignored once the user took over. */
  function commitFrom(g: number, patch: Patch): boolean {
    if (g !== gen || disposed) return false
    commit(patch)
    return true
  }

  function waitSettled(): Promise<CheckoutSnapshot> {
    if (disposed || !MOVING.has(snapshot.status)) return Promise.resolve(snapshot)
    return new Promise((resolve) => settledWaiters.push(resolve))
  }

  function takeOver(): number {
    gen++
    flow?.abort(abortedError())
    flow = createAborter()
    return gen
  }

  // ---- storage ----

  function timeboxed<T>(work: () => T | Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new TradeKitError('STORAGE_FAILED', 'Storage did not answer')),
        STORAGE_TIMEOUT_MS,
      )
      Promise.resolve()
        .then(work)
        .then(
          (value) => {
            clearTimeout(timer)
            resolve(value)
          },
          (error: unknown) => {
            clearTimeout(timer)
            reject(error)
          },
        )
    })
  }

  let writes: Promise<void> = Promise.resolve()
  function persist(): Promise<void> {
    const count = pending.length
    if (snapshot.pendingCount !== count) commit({ pendingCount: count })
    writes = writes.then(async () => {
      if (disposed) return
      const orders = pending
      const stored = unanswered ? { orders, unanswered } : { orders }
      try {
        if (orders.length === 0 && !unanswered) await timeboxed(() => storage.removeItem(key))
        else await timeboxed(() => storage.setItem(key, serializePendingOrders(stored)))
      } catch (error) {
        console.warn('[TradeKit] checkout could not persist its pending orders', error)
        commit({ storageIssue: 'storage_failed' })
      }
    })
    return writes
  }

  function mergeStored(orders: readonly PendingOrder[]): void {
    // orders this session already holds stay first
    pending = [...pending, ...orders.filter((o) => !pending.some((p) => p.orderId === o.orderId))].slice(
      0,
      MAX_PENDING,
    )
  }

  const hydrated: Promise<void> = (async () => {
    const read = Promise.resolve().then(() => storage.getItem(key))
    try {
      const raw = await timeboxed(() => read)
      const { orders, unanswered: stored, corrupt } = parsePendingOrders(raw)
      mergeStored(orders)
      if (!unanswered && stored && stored.at + timing.forgetWithoutExpiryMs > Date.now()) unanswered = stored
      if (corrupt) {
        console.warn('[TradeKit] checkout discarded corrupt pending-order data')
        commit({ storageIssue: 'storage_corrupt' })
        await persist()
      }
      commit({ pendingCount: pending.length })
    } catch (error) {
      console.warn('[TradeKit] checkout could not read its pending orders', error)
      commit({ storageIssue: 'storage_failed' })
      // a slow storage may still answer: keep what it held instead of writing over it
      read.then(
        (raw) => {
          if (disposed) return
          mergeStored(parsePendingOrders(raw).orders)
          void persist()
        },
        () => {},
      )
    }
  })()

  function addPending(order: PendingOrder): Promise<void> {
    pending = [order, ...pending.filter((o) => o.orderId !== order.orderId)]
    if (pending.length > MAX_PENDING) {
      // drop an order whose cashier never opened first: it cannot have been paid
      let idx = pending.length - 1
      for (let i = pending.length - 1; i > 0; i--) {
        if (!pending[i]?.payStarted) {
          idx = i
          break
        }
      }
      const [evicted] = pending.splice(idx, 1)
      // its cashier opened: give it one last round with the server before it is forgotten
      if (evicted?.payStarted && !checking.has(evicted.orderId)) void recheckOlder(evicted)
    }
    return persist()
  }

  function removePending(orderId: string): Promise<void> {
    if (!pending.some((o) => o.orderId === orderId)) return writes
    pending = pending.filter((o) => o.orderId !== orderId)
    return persist()
  }

  function isPending(order: PendingOrder): boolean {
    return pending.includes(order)
  }

  function dropForgotten(): void {
    const now = Date.now()
    const kept = pending.filter((o) => forgetAt(o, timing) > now)
    if (kept.length !== pending.length) {
      pending = kept
      void persist()
    }
  }

  // ---- lifecycle ----

  function waitVisible(signal: AbortSignal): Promise<void> {
    if (visible) return Promise.resolve()
    return new Promise<void>((resolve, reject) => {
      const watcher = () => {
        if (!visible) return
        visibilityWatchers.delete(watcher)
        off()
        resolve()
      }
      visibilityWatchers.add(watcher)
      const off = onAbort(signal, () => {
        visibilityWatchers.delete(watcher)
        reject(abortedError())
      })
    })
  }

  /** Waits `ms` of visible time: the clock stops while the app is hidden. */
  function visibleSleep(ms: number, signal: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      let remaining = ms
      let startedAt = 0
      let timer: ReturnType<typeof setTimeout> | undefined
      const finish = () => {
        visibilityWatchers.delete(watcher)
        off()
        resolve()
      }
      const start = () => {
        startedAt = Date.now()
        timer = setTimeout(finish, Math.max(0, remaining))
      }
      const watcher = () => {
        if (visible && timer === undefined) start()
        else if (!visible && timer !== undefined) {
          clearTimeout(timer)
          timer = undefined
          remaining -= Date.now() - startedAt
        }
      }
      visibilityWatchers.add(watcher)
      const off = onAbort(signal, () => {
        if (timer !== undefined) clearTimeout(timer)
        visibilityWatchers.delete(watcher)
        reject(abortedError())
      })
      if (!signal.aborted && visible) start()
    })
  }

  function setVisible(next: boolean): void {
    if (visible === next) return
    visible = next
    for (const watcher of [...visibilityWatchers]) watcher()
    if (snapshot.confirm) commit({ confirm: { ...snapshot.confirm, paused: !visible } })
    if (visible && !disposed) void recheckAll()
  }

  const offShow = options.lifecycle?.onShow(() => setVisible(true))
  const offHide = options.lifecycle?.onHide(() => setVisible(false))

  // ---- server ----

  async function pollOnce(orderId: string, signal: AbortSignal): Promise<OrderStatus | undefined> {
    try {
      const status = await withTimeout(
        (s) => api.getOrderStatus(orderId, { signal: s }),
        timing.pollTimeoutMs,
        signal,
      )
      return typeof status === 'string' && ORDER_STATUSES.has(status) ? status : undefined
    } catch (_error) {
      if (signal.aborted) throw abortedError()
      return undefined
    }
  }

  /**
   * Asks the server on the confirmation schedule until it gives the answer wanted — a final status
   * (`until: 'final'`), or any answer at all (`'answer'`: a cashier's cancel or failure is confirmed
   * by one answer) — or `budgetMs` of visible time has passed. A failed or timed-out request is no
   * answer. Resolves with the last answer, or `undefined` when the server never answered.
   */
  async function confirmWithServer(
    orderId: string,
    signal: AbortSignal,
    budgetMs: number,
    until: 'final' | 'answer',
    waitFirst: boolean,
    onProgress: (p: ConfirmProgress) => void,
  ): Promise<OrderStatus | undefined> {
    let answer: OrderStatus | undefined
    let elapsed = 0
    let polls = 0
    let step = 0
    const delays = timing.pollDelaysMs.length > 0 ? timing.pollDelaysMs : [1000]
    const nextDelay = () => delays[Math.min(step++, delays.length - 1)] ?? 1000
    if (waitFirst && budgetMs > 0) {
      const delay = nextDelay()
      await visibleSleep(delay, signal)
      elapsed += delay
    }
    for (;;) {
      await waitVisible(signal)
      const startedAt = Date.now()
      const status = await pollOnce(orderId, signal)
      polls++
      elapsed += Date.now() - startedAt
      if (status !== undefined) answer = status
      if (status !== undefined && (status !== 'pending' || until === 'answer')) return status
      if (elapsed >= budgetMs) return answer
      onProgress({ elapsedMs: Math.min(elapsed, budgetMs), budgetMs, polls, paused: !visible })
      const delay = nextDelay()
      await visibleSleep(delay, signal)
      elapsed += delay
      onProgress({ elapsedMs: Math.min(elapsed, budgetMs), budgetMs, polls, paused: !visible })
    }
  }

  function closeOrder(order: PendingOrder | { orderId: string }): void {
    if ('closedByUs' in order) order.closedByUs = true
    if (!api.cancelOrder) return
    const cancelOrder = api.cancelOrder.bind(api)
    void withTimeout(() => cancelOrder(order.orderId), timing.cancelTimeoutMs, background.signal).catch(
      (error: unknown) => {
        if (!isAborted(error)) console.warn('[TradeKit] cancelOrder failed', error)
      },
    )
  }

  // ---- decisions ----

  function retryModeFor(order: PendingOrder | undefined): RetryMode {
    if (
      order &&
      isPending(order) &&
      order.retryable &&
      (order.expiresAt === undefined || order.expiresAt > Date.now())
    ) {
      return 'same-order'
    }
    return 'new-order'
  }

  function channelFor(id: string | undefined): PaymentChannel | undefined {
    if (id === undefined) return channels.length === 1 ? channels[0] : undefined
    return channels.find((c) => c.id === id)
  }

  function shownOrder(): PendingOrder | undefined {
    const id = snapshot.order?.orderId
    return id === undefined ? undefined : pending.find((o) => o.orderId === id)
  }

  /**
   * Applies the server's answer about the flow's order (`undefined`: the server never answered, so
   * the cashier's word is not shown — `unknown` is).
   */
  function applyServer(
    g: number,
    order: PendingOrder,
    status: OrderStatus | undefined,
    outcome: PayOutcome,
  ): void {
    if (g !== gen) return
    active = null
    const base: Patch = { rechecking: false, confirm: undefined }
    switch (status) {
      case 'paid':
      case 'refunded':
        void removePending(order.orderId)
        commitFrom(g, {
          ...base,
          status: 'paid',
          refunded: status === 'refunded',
          error: undefined,
          retry: null,
        })
        return
      case 'closed':
        void removePending(order.orderId)
        commitFrom(
          g,
          order.closedByUs
            ? { ...base, status: 'cancelled', error: undefined, retry: 'new-order' }
            : { ...base, status: 'expired', error: new TradeKitError('ORDER_EXPIRED'), retry: 'new-order' },
        )
        return
      case 'failed':
        void removePending(order.orderId)
        commitFrom(g, {
          ...base,
          status: 'failed',
          error: new TradeKitError('PAYMENT_FAILED', 'The server reports the payment failed', {
            retryable: false,
          }),
          retry: 'new-order',
        })
        return
      default: {
        let shown: ShownStatus
        let patch: Patch
        if (status === undefined) {
          shown = 'unknown'
          order.retryable = true
          patch = { status: 'unknown', error: undefined }
        } else if (outcome.kind === 'cancelled') {
          shown = 'cancelled'
          order.retryable = true
          patch = { status: 'cancelled', error: undefined }
        } else if (outcome.kind === 'failed') {
          shown = 'failed'
          order.retryable = outcome.retryable
          patch = { status: 'failed', error: failureError(outcome) }
        } else {
          shown = 'unknown'
          order.retryable = true
          patch = { status: 'unknown', error: undefined }
        }
        order.shown = shown
        void persist()
        commitFrom(g, { ...base, ...patch, retry: retryModeFor(order) })
      }
    }
  }

  // ---- flows ----

  async function createWithRetries(
    request: OrderRequest,
    idempotencyKey: string,
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

  async function runAttempt(
    g: number,
    signal: AbortSignal,
    request: OrderRequest,
    method: 'pay' | 'sign',
    channel: PaymentChannel,
    fingerprint: string,
  ): Promise<void> {
    await hydrated
    if (g !== gen) return
    // an attempt that never got an answer (even in an earlier launch) lends its key to the same request
    const idempotencyKey = unanswered?.fingerprint === fingerprint ? unanswered.key : createKey()
    unanswered = { fingerprint, key: idempotencyKey, at: Date.now() }
    await persist()
    if (g !== gen) return
    let created: CreatedOrder
    try {
      created = await createWithRetries(request, idempotencyKey, signal)
    } catch (error) {
      if (g !== gen) return
      active = null
      const networkLike = isNetworkError(error)
      // an attempt that never got an answer keeps its key for the same request
      if (!networkLike) {
        unanswered = undefined
        void persist()
      }
      commitFrom(g, {
        status: 'failed',
        error: toTradeKitError(error, networkLike ? 'NETWORK' : 'ORDER_REJECTED'),
        retry: 'new-order',
      })
      return
    }
    if (g !== gen) return
    unanswered = undefined
    void persist()
    if (
      typeof created !== 'object' ||
      created === null ||
      typeof created.orderId !== 'string' ||
      created.orderId === '' ||
      !isMoney(created.amount)
    ) {
      active = null
      commitFrom(g, {
        status: 'failed',
        error: new TradeKitError('ORDER_REJECTED', 'createOrder answered something that is not an order'),
        retry: 'new-order',
      })
      return
    }
    if (!sameMoney(created.amount, request.expectedPayable)) {
      // never open the cashier for an amount the user did not agree to
      active = null
      closeOrder({ orderId: created.orderId })
      commitFrom(g, {
        status: 'failed',
        error: new TradeKitError('PRICE_CHANGED', 'The order total differs from the agreed total', {
          amount: created.amount,
          expectedPayable: request.expectedPayable,
          orderId: created.orderId,
        }),
        retry: 'new-order',
      })
      return
    }
    const order: PendingOrder = {
      orderId: created.orderId,
      idempotencyKey,
      amount: created.amount,
      createdAt: Date.now(),
      channelId: channel.id,
      method,
      payment: created.payment,
      request,
      shown: 'paying',
      payStarted: false,
      closedByUs: false,
      retryable: true,
    }
    if (typeof created.expiresAt === 'number') order.expiresAt = created.expiresAt
    if (active) active.order = order
    await addPending(order)
    if (g !== gen) return
    await payAndConfirm(g, signal, order, channel)
  }

  async function payAndConfirm(
    g: number,
    signal: AbortSignal,
    order: PendingOrder,
    channel: PaymentChannel,
  ): Promise<void> {
    if (g !== gen) return
    active = { order, payStarted: false }
    if (!commitFrom(g, { status: 'paying', order: toCreatedOrder(order), error: undefined, retry: null }))
      return
    order.shown = 'paying'
    order.payStarted = true
    active.payStarted = true
    void persist()
    const ctx = (s: AbortSignal): PayContext => ({
      signal: s,
      state: order.state,
      saveState: async (state: unknown) => {
        order.state = state
        await persist()
      },
    })
    let outcome: PayOutcome
    try {
      const result = await withTimeout(
        (s) => {
          if (order.method === 'sign') {
            if (!channel.sign) {
              return Promise.resolve<PayOutcome>({
                kind: 'failed',
                retryable: false,
                code: 'PAYMENT_UNAVAILABLE',
                message: `Channel ${channel.id} cannot sign`,
              })
            }
            return channel.sign(order.payment, ctx(s))
          }
          return channel.pay(order.payment, ctx(s))
        },
        timing.payTimeoutMs,
        signal,
      )
      outcome = isPayOutcome(result) ? result : { kind: 'unknown' }
    } catch (error) {
      if (g !== gen) return
      // a cashier that timed out or threw may still have moved money: ask the server
      outcome = { kind: 'unknown', code: isTradeKitError(error) ? error.code : undefined }
    }
    if (g !== gen) return
    const full = outcome.kind === 'submitted' || outcome.kind === 'unknown'
    const budget = timing.confirmBudgetMs
    order.shown = 'confirming'
    void persist()
    if (
      !commitFrom(g, {
        status: 'confirming',
        confirm: { elapsedMs: 0, budgetMs: budget, polls: 0, paused: !visible },
      })
    ) {
      return
    }
    let status: OrderStatus | undefined
    try {
      status = await confirmWithServer(
        order.orderId,
        signal,
        budget,
        full ? 'final' : 'answer',
        full,
        (confirm) => commitFrom(g, { confirm }),
      )
    } catch {
      return // aborted: whoever aborted took over
    }
    applyServer(g, order, status, outcome)
  }

  /** `cancel()` once the cashier opened: stop waiting, ask the server once, paid wins. */
  async function confirmOnceAfterCancel(g: number, signal: AbortSignal, order: PendingOrder): Promise<void> {
    order.retryable = true
    active = { order, payStarted: true }
    const budgetMs = timing.confirmBudgetMs
    if (
      !commitFrom(g, {
        status: 'confirming',
        confirm: { elapsedMs: 0, budgetMs, polls: 0, paused: !visible },
      })
    )
      return
    let status: OrderStatus | undefined
    try {
      status = await confirmWithServer(order.orderId, signal, budgetMs, 'answer', false, (confirm) =>
        commitFrom(g, { confirm }),
      )
    } catch {
      return
    }
    applyServer(g, order, status, { kind: 'cancelled' })
  }

  function fail(code: TradeKitErrorCode, message: string): Promise<CheckoutSnapshot> {
    takeOver()
    active = null
    commit({
      status: 'failed',
      error: new TradeKitError(code, message),
      retry: null,
      rechecking: false,
      confirm: undefined,
    })
    return Promise.resolve(snapshot)
  }

  function startAttempt(request: OrderRequest, method: 'pay' | 'sign'): Promise<CheckoutSnapshot> {
    if (!isValidRequest(request)) {
      return fail(
        'INVALID_ARGUMENT',
        'An order request needs lines (skuId, quantity > 0) and expectedPayable',
      )
    }
    const channel = channelFor(request.channel)
    if (!channel) {
      return fail('PAYMENT_UNAVAILABLE', `No payment channel ${request.channel ?? '(one expected)'}`)
    }
    if (!channel.isAvailable()) {
      return fail('PAYMENT_UNAVAILABLE', `Payment channel ${channel.id} is not available here`)
    }
    if (method === 'sign' && !channel.sign) {
      return fail('PAYMENT_UNAVAILABLE', `Payment channel ${channel.id} cannot sign for auto-renew`)
    }
    const fingerprint = stableStringify({
      lines: request.lines,
      coupon: request.coupon,
      expectedPayable: request.expectedPayable,
      channel: channel.id,
      method,
    })
    lastRequest = { request, method }
    const g = takeOver()
    const signal = flow!.signal
    active = { payStarted: false }
    commit({
      status: 'creating',
      attempt: snapshot.attempt + 1,
      order: undefined,
      error: undefined,
      refunded: false,
      rechecking: false,
      confirm: undefined,
      retry: null,
    })
    runAttempt(g, signal, request, method, channel, fingerprint).catch((error: unknown) =>
      console.error('[TradeKit] checkout attempt failed unexpectedly', error),
    )
    return waitSettled()
  }

  // ---- re-checks ----

  async function recheckShown(order: PendingOrder): Promise<void> {
    checking.add(order.orderId)
    const g = takeOver()
    const signal = flow!.signal
    try {
      commit({
        rechecking: true,
        confirm: { elapsedMs: 0, budgetMs: timing.confirmBudgetMs, polls: 0, paused: !visible },
      })
      let status: OrderStatus | undefined
      try {
        status = await confirmWithServer(
          order.orderId,
          signal,
          timing.confirmBudgetMs,
          'final',
          false,
          (confirm) => commitFrom(g, { confirm }),
        )
      } catch {
        return
      }
      if (g !== gen) return
      if (status === 'paid' || status === 'refunded') {
        void removePending(order.orderId)
        commitFrom(g, {
          status: 'paid',
          refunded: status === 'refunded',
          error: undefined,
          retry: null,
          rechecking: false,
          confirm: undefined,
        })
      } else if (status !== 'pending' && status !== undefined) {
        // final but not paid: a settled state waits for the user; only paid moves it
        void removePending(order.orderId)
        commitFrom(g, { rechecking: false, confirm: undefined, retry: 'new-order' })
      } else {
        commitFrom(g, { rechecking: false, confirm: undefined, retry: retryModeFor(order) })
      }
    } finally {
      checking.delete(order.orderId)
    }
  }

  async function recheckOlder(order: PendingOrder): Promise<void> {
    checking.add(order.orderId)
    try {
      const status = await confirmWithServer(
        order.orderId,
        background.signal,
        timing.confirmBudgetMs,
        'final',
        false,
        () => {},
      )
      if (disposed) return
      if (status === 'paid' || status === 'refunded') {
        await removePending(order.orderId)
        commit({ latePaid: [...snapshot.latePaid, { orderId: order.orderId, amount: order.amount }] })
      } else if (status !== 'pending' && status !== undefined) {
        await removePending(order.orderId)
      }
    } catch {
      // aborted on dispose
    } finally {
      checking.delete(order.orderId)
    }
  }

  async function recheckAll(): Promise<void> {
    await hydrated
    if (disposed) return
    dropForgotten()
    const tasks: Promise<void>[] = []
    for (const order of [...pending]) {
      if (checking.has(order.orderId)) continue
      if (active?.order === order) continue
      const isShown = order.orderId === snapshot.order?.orderId && snapshot.status !== 'idle'
      if (isShown) {
        if (RECHECKED.has(snapshot.status) && !snapshot.rechecking) tasks.push(recheckShown(order))
      } else {
        tasks.push(recheckOlder(order))
      }
    }
    await Promise.all(tasks)
  }

  // ---- public ----

  const checkout: Checkout = {
    getSnapshot: () => snapshot,

    subscribe(listener) {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },

    submit(request: OrderRequest, submitOptions: SubmitOptions = {}) {
      if (disposed) return Promise.resolve(snapshot)
      if (MOVING.has(snapshot.status)) return waitSettled()
      if (snapshot.status === 'paid') return Promise.resolve(snapshot)
      return startAttempt(request, submitOptions.method ?? 'pay')
    },

    retry() {
      if (disposed || (!RECHECKED.has(snapshot.status) && snapshot.status !== 'expired')) {
        return waitSettled()
      }
      const order = shownOrder()
      if (order && retryModeFor(order) === 'same-order') {
        const channel = channelFor(order.channelId)
        if (!channel?.isAvailable()) {
          return fail('PAYMENT_UNAVAILABLE', `Payment channel ${order.channelId} is not available here`)
        }
        const g = takeOver()
        const signal = flow!.signal
        commit({ rechecking: false, confirm: undefined })
        payAndConfirm(g, signal, order, channel).catch((error: unknown) =>
          console.error('[TradeKit] checkout retry failed unexpectedly', error),
        )
        return waitSettled()
      }
      const again = order ? { request: order.request, method: order.method } : lastRequest
      // the old order stays in the pending list until the server says it is final
      if (order && isPending(order)) closeOrder(order)
      if (!again) return Promise.resolve(snapshot)
      return startAttempt(again.request, again.method)
    },

    cancel() {
      if (disposed || !MOVING.has(snapshot.status)) return Promise.resolve(snapshot)
      const current = active
      const g = takeOver()
      const signal = flow!.signal
      active = null
      const order = current?.order
      if (current?.payStarted && order) {
        // money may be moving: never close the order, only ask the server once
        confirmOnceAfterCancel(g, signal, order).catch((error: unknown) =>
          console.error('[TradeKit] checkout cancel failed unexpectedly', error),
        )
        return waitSettled()
      }
      if (order) {
        order.shown = 'cancelled'
        order.retryable = false
        closeOrder(order)
        void persist()
      }
      commit({
        status: 'cancelled',
        error: undefined,
        rechecking: false,
        confirm: undefined,
        retry: order ? 'new-order' : lastRequest ? 'new-order' : null,
      })
      return Promise.resolve(snapshot)
    },

    reset() {
      if (disposed) return
      takeOver()
      active = null
      commit(
        {
          status: 'idle',
          order: undefined,
          error: undefined,
          refunded: false,
          rechecking: false,
          confirm: undefined,
          retry: null,
        },
        true,
      )
    },

    async resume() {
      await hydrated
      if (disposed) return snapshot
      dropForgotten()
      const newest = pending[0]
      if (snapshot.status === 'idle' && newest) {
        const status: CheckoutStatus =
          newest.shown === 'cancelled' || newest.shown === 'failed' ? newest.shown : 'unknown'
        commit({
          status,
          order: toCreatedOrder(newest),
          error:
            status === 'failed'
              ? new TradeKitError('PAYMENT_FAILED', undefined, { retryable: newest.retryable })
              : undefined,
          retry: retryModeFor(newest),
          // the last shown status is kept while it is re-checked, never shown as settled without it
          rechecking: true,
        })
        await Promise.all([recheckShown(newest), recheckAll()])
        return snapshot
      }
      await recheckAll()
      return snapshot
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
      gen++
      flow?.abort(abortedError())
      background.abort(abortedError())
      offShow?.()
      offHide?.()
      for (const resolve of settledWaiters.splice(0)) resolve(snapshot)
      disposed = true
      listeners.clear()
      visibilityWatchers.clear()
    },
  }
  return checkout
}
