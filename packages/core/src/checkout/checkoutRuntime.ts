import type { PaymentChannel } from '../payment/paymentChannel'
import { createStore, type Store } from '../store/createStore'
import { type Aborter, abortedError, createAborter } from './abort'
import { isMoving } from './checkoutStatus'
import {
  closeOrder,
  confirmOrder,
  createWithRetries,
  isNetworkError,
  openCashier,
  reportChannelState,
  toTradeKitError,
} from './effects'
import { initialState, transition } from './machine'
import type { CheckoutEffect, CheckoutEvent, CheckoutState } from './machineTypes'
import type { PendingOrder } from './pendingOrders'
import type { PendingStorage } from './pendingStorage'
import type { CheckoutApi, CheckoutSnapshot, CheckoutTiming, OrderRequest } from './types'
import { createVisibleClock, type VisibleClock } from './visibleClock'

/** What a checkout runs against; `api`, `channels` and `timing` may be replaced (`setOptions`). */
export interface RuntimeConfig {
  api: CheckoutApi
  channels: readonly PaymentChannel[]
  timing: CheckoutTiming
  readonly createKey: () => string
  readonly records: PendingStorage
  /** Starts a new attempt through submit's checks (a `retry()` that needs a new order). */
  readonly resubmit: (request: OrderRequest, method: 'pay' | 'sign') => void
}

/** The machine of machine.ts, running: state, store, the effects under way. */
export interface CheckoutRuntime {
  readonly config: RuntimeConfig
  readonly store: Store<CheckoutSnapshot>
  /** Settles once the pending orders were read. */
  readonly hydrated: Promise<void>
  /** Re-checks and reconciles under way, which `resume()` waits for. */
  readonly rechecks: Set<Promise<void>>
  state(): CheckoutState
  dispatch(event: CheckoutEvent): void
  channelFor(id: string | undefined): PaymentChannel | undefined
  /** Settles with the snapshot once the checkout is no longer moving. */
  settled(): Promise<CheckoutSnapshot>
  /** Aborts everything; later events change nothing. */
  dispose(): void
}

/**
 * Starts the machine: every event goes through `transition`, every effect it asks for is run here
 * against the ports, and its result comes back as an event of the same flow. An effect of a flow
 * the user left is aborted with it.
 */
export function startRuntime(config: RuntimeConfig): CheckoutRuntime {
  let state = initialState()
  const store = createStore<CheckoutSnapshot>(state.snapshot)
  const clock = createVisibleClock()
  const background = createAborter()
  let flow: Aborter = createAborter()
  const reconciling = new Set<string>()
  const rechecks = new Set<Promise<void>>()
  const waiters: Array<(s: CheckoutSnapshot) => void> = []
  let disposed = false
  let writes: Promise<unknown> = Promise.resolve()

  let hydrated: Promise<void> = Promise.resolve()

  const rt: Running = {
    config,
    store,
    rechecks,
    clock,
    background,
    reconciling,
    get hydrated() {
      return hydrated
    },
    state: () => state,
    writes: () => writes,
    channelFor(id) {
      const { channels } = config
      return id === undefined
        ? channels.length === 1
          ? channels[0]
          : undefined
        : channels.find((c) => c.id === id)
    },
    dispatch(event) {
      if (disposed) return
      const before = state
      const context = { now: Date.now(), timing: config.timing, newKey: config.createKey }
      const { state: next, effects } = transition(before, event, context)
      state = next
      if (next.flow.id !== before.flow.id) {
        flow.abort(abortedError())
        flow = createAborter()
      }
      clock.setVisible(next.visible)
      if (next.orders !== before.orders || next.unanswered !== before.unanswered) persist()
      store.set(next.snapshot)
      if (!isMoving(next.snapshot.status)) for (const resolve of waiters.splice(0)) resolve(next.snapshot)
      for (const effect of effects) run(rt, effect, flow.signal)
    },
    settled() {
      if (disposed || !isMoving(state.snapshot.status)) return Promise.resolve(state.snapshot)
      return new Promise((resolve) => waiters.push(resolve))
    },
    dispose() {
      if (disposed) return
      disposed = true
      flow.abort(abortedError())
      background.abort(abortedError())
      config.records.release()
      for (const resolve of waiters.splice(0)) resolve(state.snapshot)
      store.clear()
    },
  }

  function persist(): void {
    const { orders, unanswered } = state
    const record = unanswered ? { orders: [...orders], unanswered } : { orders: [...orders] }
    writes = config.records.write(record).then((ok) => {
      rt.dispatch(ok ? { type: 'SAVED' } : { type: 'STORAGE_ISSUE', issue: 'storage_failed' })
    })
  }

  hydrated = hydrate(rt, persist)
  return rt
}

/** Reads the pending orders into the machine; corrupt data is reported and written over. */
function hydrate(rt: CheckoutRuntime, persist: () => void): Promise<void> {
  return rt.config.records
    .read((found) => rt.dispatch({ type: 'HYDRATED', orders: found.orders, late: true }))
    .then(({ issue, ...stored }) => {
      rt.dispatch({ type: 'HYDRATED', ...stored })
      if (issue === 'storage_corrupt') {
        console.warn('[TradeKit] checkout discarded corrupt pending-order data')
        persist()
      }
      if (issue) rt.dispatch({ type: 'STORAGE_ISSUE', issue })
    })
}

/** Runs an effect under the signal of the flow that asked for it; re-checks are tracked for resume(). */
function run(rt: Running, effect: CheckoutEffect, signal: AbortSignal): void {
  const task = runEffect(rt, effect, signal)?.catch((error: unknown) => {
    if (!signal.aborted && !rt.background.signal.aborted) {
      console.error('[TradeKit] checkout effect failed unexpectedly', error)
    }
  })
  const recheck = effect.type === 'reconcile' || (effect.type === 'confirm' && effect.reply === 'RECHECKED')
  if (task && recheck) {
    rt.rechecks.add(task)
    void task.then(() => rt.rechecks.delete(task))
  }
}

/** The runtime as its effects see it. */
interface Running extends CheckoutRuntime {
  /** Settles when every write queued so far is done. */
  writes(): Promise<unknown>
  readonly clock: VisibleClock
  /** Aborts on dispose: background reconciles and closes. */
  readonly background: Aborter
  /** Orders asked about in the background right now (never twice at once). */
  readonly reconciling: Set<string>
}

/** Runs one effect; `undefined` for one that reports nothing back. */
function runEffect(rt: Running, effect: CheckoutEffect, signal: AbortSignal): Promise<void> | undefined {
  const { config, dispatch } = rt
  const { api, timing } = config
  switch (effect.type) {
    case 'hydrate':
      return rt.hydrated.then(() => dispatch({ type: 'READY', flow: effect.flow }))
    case 'store':
      return rt.writes().then(() => dispatch({ type: 'STORED', flow: effect.flow }))
    case 'create':
      // the key is stored before the order is asked for: a killed app reuses it (rule 1)
      return rt
        .writes()
        .then(() => createWithRetries(api, effect.request, effect.key, timing, signal))
        .then(
          (created) => dispatch({ type: 'CREATED', flow: effect.flow, created }),
          (error: unknown) => {
            if (signal.aborted) return
            const network = isNetworkError(error)
            const typed = toTradeKitError(error, network ? 'NETWORK' : 'ORDER_REJECTED')
            dispatch({ type: 'CREATE_FAILED', flow: effect.flow, network, error: typed })
          },
        )
    case 'pay':
      return pay(rt, effect.flow, effect.orderId, signal)
    case 'confirm': {
      const { flow, orderId, until, waitFirst, reply } = effect
      const onProgress = (confirm: NonNullable<CheckoutSnapshot['confirm']>) =>
        dispatch({ type: 'PROGRESS', flow, confirm })
      return confirmOrder(
        api,
        orderId,
        { until, waitFirst },
        { timing, clock: rt.clock, signal, onProgress },
      ).then((status) => dispatch({ type: reply, flow, ...(status ? { status } : {}) } as CheckoutEvent))
    }
    case 'close':
      closeOrder(api, effect.orderId, timing, rt.background.signal)
      return
    case 'reconcile':
      return reconcile(rt, effect.order)
    case 'resubmit':
      config.resubmit(effect.request, effect.method)
      return
  }
}

async function pay(rt: Running, flow: number, orderId: string, signal: AbortSignal): Promise<void> {
  // the cashier opens only once the order is on disk (rule 3): a continued order or a retry comes
  // straight here, without the 'store' step a new order takes
  await rt.writes()
  if (signal.aborted) return
  const order = rt.state().orders.find((o) => o.orderId === orderId)
  const channel = order && rt.channelFor(order.channelId)
  const saveState = async (saved: unknown) => {
    rt.dispatch({ type: 'CHANNEL_STATE', orderId, state: saved })
    // the server's copy serves other devices; the cashier does not wait for it
    if (channel) {
      const report = { channel: channel.id, state: saved }
      reportChannelState(rt.config.api, orderId, report, rt.config.timing, rt.background.signal)
    }
    await rt.writes()
  }
  // without its order or channel the cashier cannot open: the server is asked (never stuck paying)
  const outcome =
    order && channel
      ? await openCashier(channel, order, saveState, rt.config.timing, signal)
      : { kind: 'unknown' as const }
  rt.dispatch({ type: 'PAY_OUTCOME', flow, outcome })
}

function reconcile(rt: Running, order: PendingOrder): Promise<void> | undefined {
  const { reconciling } = rt
  if (reconciling.has(order.orderId)) return undefined
  reconciling.add(order.orderId)
  const ask = { timing: rt.config.timing, clock: rt.clock, signal: rt.background.signal, onProgress() {} }
  return confirmOrder(rt.config.api, order.orderId, { until: 'final', waitFirst: false }, ask)
    .then((status) => rt.dispatch({ type: 'RECONCILED', order, ...(status ? { status } : {}) }))
    .finally(() => reconciling.delete(order.orderId))
}
