import {
  type Checkout,
  type CheckoutApi,
  type CheckoutSnapshot,
  type CheckoutStatus,
  type CreatedOrder,
  type LifecyclePort,
  type Money,
  money,
  type OrderRequest,
  type OrderStatus,
  type PaymentChannel,
  type PayOutcome,
  type StoragePort,
  TradeKitError,
} from '@tradekit/core'
import { vi } from 'vitest'

export interface ServerOrder {
  orderId: string
  key: string
  amount: Money
  status: OrderStatus
  request: OrderRequest
}

/** An in-memory merchant backend that honours idempotency keys. */
export function fakeApi(options: { payable?: (req: OrderRequest) => Money } = {}) {
  const orders = new Map<string, ServerOrder>()
  const byKey = new Map<string, ServerOrder>()
  let n = 0
  const api = {
    orders,
    byKey,
    createOrder: vi.fn(async (req: OrderRequest, ctx: { idempotencyKey: string; signal: AbortSignal }) => {
      const existing = byKey.get(ctx.idempotencyKey)
      const order =
        existing ??
        (() => {
          const o: ServerOrder = {
            orderId: `o${++n}`,
            key: ctx.idempotencyKey,
            amount: options.payable ? options.payable(req) : req.expectedPayable,
            status: 'pending',
            request: req,
          }
          orders.set(o.orderId, o)
          byKey.set(o.key, o)
          return o
        })()
      const created: CreatedOrder = {
        orderId: order.orderId,
        amount: order.amount,
        payment: { orderId: order.orderId },
      }
      return created
    }),
    getOrderStatus: vi.fn(async (orderId: string, _ctx: { signal: AbortSignal }) => {
      const order = orders.get(orderId)
      if (!order) throw new TradeKitError('ORDER_REJECTED', 'no such order')
      return order.status
    }),
    cancelOrder: vi.fn(async (orderId: string) => {
      const order = orders.get(orderId)
      if (order && order.status === 'pending') order.status = 'closed'
    }),
    markPaid(orderId: string) {
      const order = orders.get(orderId)
      if (order && order.status === 'pending') order.status = 'paid'
    },
  }
  return api satisfies CheckoutApi & Record<string, unknown>
}

/** A cashier driven by the test: each pay() waits for `answer()`. */
export function manualChannel(id = 'manual', withSign = false) {
  const calls: { payment: unknown; state: unknown; signal: AbortSignal; resolve: (o: PayOutcome) => void }[] =
    []
  const pay = vi.fn(
    (payment: unknown, ctx: { signal: AbortSignal; state?: unknown; saveState(s: unknown): Promise<void> }) =>
      new Promise<PayOutcome>((resolve, reject) => {
        calls.push({ payment, state: ctx.state, signal: ctx.signal, resolve })
        ctx.signal.addEventListener('abort', () => reject(new TradeKitError('ABORTED')))
        void ctx.saveState({ opened: calls.length })
      }),
  )
  const channel: PaymentChannel & { calls: typeof calls; answer(o: PayOutcome): void } = {
    id,
    isAvailable: () => true,
    pay,
    ...(withSign ? { sign: pay } : {}),
    calls,
    answer(outcome: PayOutcome) {
      const last = calls[calls.length - 1]
      if (!last) throw new Error('cashier not open')
      last.resolve(outcome)
    },
  }
  return channel
}

/** App show/hide driven by the test, counting who listens. */
export function fakeLifecycle() {
  const show = new Set<() => void>()
  const hide = new Set<() => void>()
  const port: LifecyclePort & { show(): void; hide(): void; listeners(): number } = {
    onShow(cb) {
      show.add(cb)
      return () => show.delete(cb)
    },
    onHide(cb) {
      hide.add(cb)
      return () => hide.delete(cb)
    },
    show: () => {
      for (const cb of [...show]) cb()
    },
    hide: () => {
      for (const cb of [...hide]) cb()
    },
    listeners: () => show.size + hide.size,
  }
  return port
}

export const request = (amount = 1200, extra: Partial<OrderRequest> = {}): OrderRequest => ({
  lines: [{ skuId: 'sku-1', quantity: 1 }],
  expectedPayable: money(amount),
  ...extra,
})

/** Every status of the checkout, in the design's order. */
export const ALL_STATUSES: readonly CheckoutStatus[] = [
  'idle',
  'creating',
  'paying',
  'confirming',
  'paid',
  'cancelled',
  'failed',
  'expired',
  'unknown',
]

/** Awaits a checkout promise while fake time runs (confirmation waits are timers); fails if it never settles. */
export async function settle<T>(promise: Promise<T>, stepMs = 500): Promise<T> {
  let done = false
  let value: T | undefined
  void promise.then((v) => {
    done = true
    value = v
  })
  for (let i = 0; i < 1000 && !done; i++) await vi.advanceTimersByTimeAsync(stepMs)
  if (!done) throw new Error('did not settle')
  return value as T
}

/** An order the server made for another device (its id is the next `o<n>`). */
export function orderMadeElsewhere(api: ReturnType<typeof fakeApi>, amount = 3900) {
  return api.createOrder(request(amount), {
    idempotencyKey: `elsewhere-${amount}`,
    signal: new AbortController().signal,
  })
}

/** `disk` behind a storage that answers reads after `readMs` and writes after `writeMs`, as Taro's async storage. */
export function slowStorage(
  disk: {
    getItem(key: string): unknown
    setItem(key: string, value: string): unknown
    removeItem(key: string): unknown
  },
  readMs: number,
  writeMs = readMs,
): StoragePort {
  const later = <T>(ms: number, io: () => T) =>
    new Promise<T>((resolve) => setTimeout(() => resolve(io()), ms))
  return {
    getItem: (key) => later(readMs, () => disk.getItem(key) as string | null),
    setItem: (key, value) => later(writeMs, () => void disk.setItem(key, value)),
    removeItem: (key) => later(writeMs, () => void disk.removeItem(key)),
  }
}

/** Submits `request()` and has the cashier answer cancelled; the settled snapshot (the server keeps order o1 unpaid). */
export async function submitCancelled(
  checkout: Pick<Checkout, 'submit'>,
  channel: ReturnType<typeof manualChannel>,
): Promise<CheckoutSnapshot> {
  const first = checkout.submit(request())
  await vi.advanceTimersByTimeAsync(0)
  channel.answer({ kind: 'cancelled' })
  return settle(first)
}
