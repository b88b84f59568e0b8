import {
  createOrders,
  type LifecyclePort,
  money,
  type Order,
  type OrderKind,
  type OrderLifecycleStatus,
  type OrderPage,
  type Orders,
  type OrdersApi,
  type OrderTab,
  type RefundRequest,
  TradeKitError,
} from '@tradekit/core'
import { afterEach, describe, expect, it, vi } from 'vitest'

function mk(
  orderId: string,
  status: OrderLifecycleStatus,
  kind: OrderKind = 'physical',
  patch: Partial<Order> = {},
) {
  const order: Order = {
    orderId,
    status,
    kind,
    lines: [
      {
        lineId: 'a',
        skuId: 'tea',
        title: '龙井',
        quantity: 1,
        unitPrice: money(2000),
        amount: money(2000),
        refunded: money(0),
      },
      {
        lineId: 'b',
        skuId: 'cup',
        title: '茶杯',
        quantity: 1,
        unitPrice: money(1000),
        amount: money(1000),
        refunded: money(0),
      },
    ],
    amount: money(3000),
    refunded: money(0),
    createdAt: 1,
    ...patch,
  }
  return order
}

interface Pending<Q, T> {
  query: Q
  resolve(value: T): void
  reject(error: unknown): void
}

/** An orders API whose every call waits for the test to answer it. */
function manualApi(extra: { cancelRefund?: boolean; confirmReceipt?: boolean } = {}) {
  const lists: Pending<{ tab: OrderTab; cursor?: string; signal: AbortSignal }, OrderPage>[] = []
  const gets: Pending<{ orderId: string; signal: AbortSignal }, Order>[] = []
  const writes: Pending<{ method: string; orderId: string; arg?: unknown }, Order>[] = []
  const wait = <Q, T>(queue: Pending<Q, T>[], query: Q) =>
    new Promise<T>((resolve, reject) => queue.push({ query, resolve, reject }))
  const api: OrdersApi = {
    listOrders: vi.fn((query) => wait(lists, query)),
    getOrder: vi.fn((orderId, { signal }) => wait(gets, { orderId, signal })),
    cancelOrder: vi.fn((orderId) => wait(writes, { method: 'cancelOrder', orderId })),
    requestRefund: vi.fn((orderId, request: RefundRequest) =>
      wait(writes, { method: 'requestRefund', orderId, arg: request }),
    ),
    ...(extra.cancelRefund
      ? {
          cancelRefund: vi.fn((orderId, refundId) =>
            wait(writes, { method: 'cancelRefund', orderId, arg: refundId }),
          ),
        }
      : {}),
    ...(extra.confirmReceipt
      ? { confirmReceipt: vi.fn((orderId) => wait(writes, { method: 'confirmReceipt', orderId })) }
      : {}),
  }
  return { api, lists, gets, writes }
}

function fakeLifecycle() {
  const shows = new Set<() => void>()
  const off = vi.fn()
  const lifecycle: LifecyclePort = {
    onShow(cb) {
      shows.add(cb)
      return () => {
        off()
        shows.delete(cb)
      }
    },
    onHide: () => () => {},
  }
  return {
    lifecycle,
    off,
    show: () => {
      for (const cb of [...shows]) cb()
    },
  }
}

const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0))
const ids = (orders: readonly Order[]) => orders.map((o) => `${o.orderId}:${o.status}`)

let store: Orders | undefined
afterEach(() => {
  store?.dispose()
  store = undefined
  vi.useRealTimers()
})

function setup(extra?: Parameters<typeof manualApi>[0], now = () => 1_000) {
  const fake = manualApi(extra)
  const life = fakeLifecycle()
  store = createOrders({ api: fake.api, lifecycle: life.lifecycle, now })
  return { ...fake, ...life, orders: store }
}

describe('createOrders: lists', () => {
  it('loads a tab, shows loading, then the page; an empty tab says so', async () => {
    const { orders, lists } = setup()
    expect(orders.getSnapshot().tabs.all).toEqual({
      status: 'idle',
      orders: [],
      hasMore: false,
      empty: false,
    })
    const loaded = orders.selectTab('pending_payment')
    expect(orders.getSnapshot().current).toBe('pending_payment')
    expect(orders.getSnapshot().tabs.pending_payment.status).toBe('loading')
    expect(lists[0]!.query).toMatchObject({ tab: 'pending_payment' })
    expect(lists[0]!.query).not.toHaveProperty('cursor')
    lists[0]!.resolve({ orders: [mk('o1', 'pending_payment')], nextCursor: 'c2' })
    const list = await loaded
    expect(list).toMatchObject({ status: 'ready', hasMore: true, empty: false })
    expect(ids(list.orders)).toEqual(['o1:pending_payment'])
    expect(list.orders[0]!.receivedAt).toBe(1_000)

    const empty = orders.selectTab('after_sale')
    lists[1]!.resolve({ orders: [] })
    expect(await empty).toEqual({ status: 'ready', orders: [], hasMore: false, empty: true })
  })

  it('loads the next page with the cursor, once while it runs, without listing an order twice', async () => {
    const { orders, lists, api } = setup()
    const first = orders.selectTab('all')
    lists[0]!.resolve({ orders: [mk('o1', 'shipped'), mk('o2', 'paid')], nextCursor: 'c2' })
    await first
    const more = orders.loadMore()
    expect(orders.loadMore()).toBe(more)
    expect(api.listOrders).toHaveBeenCalledTimes(2)
    expect(orders.getSnapshot().tabs.all.status).toBe('loading_more')
    expect(lists[1]!.query).toMatchObject({ tab: 'all', cursor: 'c2' })
    // the next page still has o1, from before it was shipped
    lists[1]!.resolve({ orders: [mk('o1', 'paid'), mk('o3', 'completed')], nextCursor: null })
    const list = await more
    expect(ids(list.orders)).toEqual(['o1:shipped', 'o2:paid', 'o3:completed'])
    expect(list.hasMore).toBe(false)
    await orders.loadMore()
    expect(api.listOrders).toHaveBeenCalledTimes(2)
  })

  it('a refresh aborts the page on its way, and its late answer changes nothing', async () => {
    const { orders, lists } = setup()
    const first = orders.selectTab('all')
    lists[0]!.resolve({ orders: [mk('o1', 'paid')], nextCursor: 'c2' })
    await first
    const more = orders.loadMore()
    const refreshed = orders.refresh()
    expect(lists[1]!.query.signal.aborted).toBe(true)
    expect(orders.getSnapshot().tabs.all.status).toBe('refreshing')
    lists[2]!.resolve({ orders: [mk('o9', 'paid')], nextCursor: null })
    lists[1]!.resolve({ orders: [mk('o2', 'paid')], nextCursor: 'c3' })
    await more
    const list = await refreshed
    expect(ids(list.orders)).toEqual(['o9:paid'])
    expect(list.hasMore).toBe(false)
  })

  it('keeps the error of a failed page in the tab, with the orders already loaded', async () => {
    const { orders, lists } = setup()
    const first = orders.selectTab('all')
    lists[0]!.resolve({ orders: [mk('o1', 'paid')], nextCursor: 'c2' })
    await first
    const more = orders.loadMore()
    lists[1]!.reject(new Error('socket closed'))
    const list = await more
    expect(list.status).toBe('error')
    expect(list.error).toMatchObject({ code: 'NETWORK' })
    expect(ids(list.orders)).toEqual(['o1:paid'])

    const again = orders.refresh()
    expect(orders.getSnapshot().tabs.all).not.toHaveProperty('error')
    lists[2]!.reject(new TradeKitError('ORDER_REJECTED', 'not yours'))
    expect((await again).error).toMatchObject({ code: 'ORDER_REJECTED' })
    const bad = orders.refresh()
    lists[3]!.resolve({ orders: [{ orderId: 'o1' }] } as unknown as OrderPage)
    expect((await bad).error).toMatchObject({ code: 'INVALID_ARGUMENT' })
    // a version is a whole number of revisions, or left out
    for (const version of [-1, 1.5, '3']) {
      const odd = orders.refresh()
      lists[lists.length - 1]!.resolve({ orders: [{ ...mk('o1', 'paid'), version }] } as unknown as OrderPage)
      expect((await odd).error).toMatchObject({ code: 'INVALID_ARGUMENT' })
    }
    const versioned = orders.refresh()
    lists[lists.length - 1]!.resolve({ orders: [{ ...mk('o1', 'shipped'), version: 7 }] })
    expect((await versioned).orders[0]).toMatchObject({ status: 'shipped', version: 7 })
  })

  it('gives up on a page after the timeout, aborting it', async () => {
    vi.useFakeTimers()
    const fake = manualApi()
    store = createOrders({ api: fake.api, timing: { requestTimeoutMs: 5_000 } })
    const loaded = store.selectTab('all')
    await vi.advanceTimersByTimeAsync(5_000)
    expect((await loaded).error).toMatchObject({ code: 'TIMEOUT' })
    expect(fake.lists[0]!.query.signal.aborted).toBe(true)
  })

  it('fetches the current tab again when the app comes back, once it was loaded', async () => {
    const { orders, lists, show, api } = setup()
    show()
    expect(api.listOrders).not.toHaveBeenCalled()
    const loaded = orders.selectTab('to_ship')
    lists[0]!.resolve({ orders: [mk('o1', 'paid')] })
    await loaded
    show()
    expect(lists[1]!.query).toMatchObject({ tab: 'to_ship' })
    expect(orders.getSnapshot().tabs.to_ship.status).toBe('refreshing')
    lists[1]!.resolve({ orders: [mk('o1', 'shipped')] })
    await settle()
    expect(orders.getSnapshot().tabs.to_ship).toMatchObject({ status: 'ready', orders: [], empty: true })
    expect(orders.getSnapshot().orders.o1!.status).toBe('shipped')
  })

  it('refuses a tab that does not exist', () => {
    const { orders } = setup()
    expect(() => orders.refresh('drafts' as OrderTab)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    )
  })
})

describe('createOrders: the detail cache', () => {
  it('reads an order once for concurrent callers; every list shows it and a stale page keeps it', async () => {
    const { orders, lists, gets, api } = setup()
    const loaded = orders.selectTab('to_ship')
    lists[0]!.resolve({ orders: [mk('o1', 'paid'), mk('o2', 'paid')] })
    await loaded
    const before = orders.getSnapshot()

    const read = orders.getOrder('o1')
    expect(orders.getOrder('o1')).toBe(read)
    expect(api.getOrder).toHaveBeenCalledTimes(1)
    expect(orders.getSnapshot().details.o1).toEqual({ status: 'loading' })
    gets[0]!.resolve(mk('o1', 'shipped', 'physical', { timeline: [{ status: 'shipped', at: 9 }] }))
    expect(await read).toMatchObject({ ok: true, order: { status: 'shipped' } })
    const after = orders.getSnapshot()
    expect(after.details.o1).toEqual({ status: 'ready' })
    // it left 待发货; o2 is the same object as before
    expect(ids(after.tabs.to_ship.orders)).toEqual(['o2:paid'])
    expect(after.orders.o2).toBe(before.orders.o2)

    const stale = orders.refresh('to_ship')
    lists[1]!.resolve({ orders: [mk('o1', 'paid'), mk('o2', 'paid')] })
    await stale
    expect(orders.getSnapshot().orders.o1).toBe(after.orders.o1)
    expect(orders.getSnapshot().tabs.to_ship.orders).toBe(after.tabs.to_ship.orders)
  })

  it('keeps a failed read in the snapshot, and refuses an answer about another order', async () => {
    const { orders, gets } = setup()
    const read = orders.getOrder('o1')
    gets[0]!.reject(new Error('request:fail timeout'))
    expect(await read).toMatchObject({ ok: false, error: { code: 'NETWORK' } })
    expect(orders.getSnapshot().details.o1).toMatchObject({ status: 'error', error: { code: 'NETWORK' } })
    const wrong = orders.getOrder('o1')
    gets[1]!.resolve(mk('o2', 'paid'))
    expect(await wrong).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    expect(orders.getSnapshot().orders).toEqual({})
  })
})

describe('createOrders: answers are checked', () => {
  it.each([
    ['a status outside the table', { status: 'pending' }, /bad status/],
    ['a kind it does not know', { kind: 'digital' }, /bad kind/],
    ['no lines', { lines: [] }, /bad lines/],
    [
      'a line in another currency',
      { lines: [{ ...mk('o1', 'paid').lines[0], amount: money(1, 'USD') }] },
      /line 0 has a bad amount/,
    ],
    ['a float amount', { amount: { amount: 0.5, currency: 'CNY' } }, /without a valid amount/],
    [
      'a refund in a status it does not know',
      { refunds: [{ refundId: 'r', status: 'done' }] },
      /refund 0 has a bad status/,
    ],
  ])('refuses an order with %s, naming what is wrong', async (_what, patch, message) => {
    const { orders, gets } = setup()
    const read = orders.getOrder('o1')
    gets[0]!.resolve({ ...mk('o1', 'paid'), ...patch } as unknown as Order)
    const result = await read
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    expect(!result.ok && result.error.message).toMatch(message)
    expect(orders.getSnapshot().orders).toEqual({})
  })
})

/** An open refund request of ¥1 on line a. */
const requested = {
  refundId: 'r1',
  status: 'refund_requested' as const,
  amount: money(100),
  lines: [{ lineId: 'a', amount: money(100) }],
  reason: 'r',
}

async function withOrder(ctx: ReturnType<typeof setup>, order: Order) {
  const read = ctx.orders.getOrder(order.orderId)
  ctx.gets.at(-1)!.resolve(order)
  await read
}

describe('createOrders: cancel', () => {
  it('shows cancelled at once and rolls back with the error when the server refuses', async () => {
    const ctx = setup()
    const loaded = ctx.orders.selectTab('pending_payment')
    ctx.lists[0]!.resolve({ orders: [mk('o1', 'pending_payment', 'physical', { expiresAt: 9_000 })] })
    await loaded
    const before = ctx.orders.getSnapshot().orders.o1
    const seen: string[] = []
    ctx.orders.subscribe((s) => seen.push(`${s.orders.o1?.status}/${s.actions.o1?.status ?? '-'}`))

    const cancelled = ctx.orders.cancel('o1')
    expect(ctx.orders.cancel('o1')).toBe(cancelled)
    const during = ctx.orders.getSnapshot()
    expect(during.orders.o1!.status).toBe('cancelled')
    expect(during.tabs.pending_payment.orders).toEqual([])
    expect(during.actions.o1).toEqual({ action: 'cancel', status: 'running' })

    ctx.writes[0]!.reject(new TradeKitError('ORDER_REJECTED', 'already paid'))
    expect(await cancelled).toMatchObject({ ok: false, error: { code: 'ORDER_REJECTED' } })
    const after = ctx.orders.getSnapshot()
    expect(after.orders.o1).toBe(before)
    expect(ids(after.tabs.pending_payment.orders)).toEqual(['o1:pending_payment'])
    expect(after.actions.o1).toMatchObject({
      action: 'cancel',
      status: 'failed',
      error: { code: 'ORDER_REJECTED' },
    })
    expect(seen).toEqual(['cancelled/running', 'pending_payment/failed'])
  })

  it("keeps the server's answer, whatever it is", async () => {
    const ctx = setup()
    await withOrder(ctx, mk('o1', 'pending_payment'))
    const cancelled = ctx.orders.cancel('o1')
    ctx.writes[0]!.resolve(mk('o1', 'closed'))
    expect(await cancelled).toMatchObject({ ok: true, order: { status: 'closed' } })
    expect(ctx.orders.getSnapshot().actions).toEqual({})
  })

  it('does not call the server for an order that cannot be cancelled', async () => {
    const ctx = setup(undefined, () => 10_000)
    await withOrder(ctx, mk('o1', 'paid'))
    await withOrder(ctx, mk('o2', 'pending_payment', 'physical', { expiresAt: 5_000 }))
    expect(await ctx.orders.cancel('o1')).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    expect(await ctx.orders.cancel('o2')).toMatchObject({ ok: false, error: { code: 'ORDER_EXPIRED' } })
    expect(await ctx.orders.cancel('nope')).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    expect(ctx.api.cancelOrder).not.toHaveBeenCalled()
    expect(ctx.orders.getSnapshot().actions.o2).toMatchObject({
      status: 'failed',
      error: { code: 'ORDER_EXPIRED' },
    })
  })

  it('rolls back a cancel the server never answers, once reading the order again got no answer either', async () => {
    vi.useFakeTimers()
    const fake = manualApi()
    store = createOrders({ api: fake.api, timing: { actionTimeoutMs: 3_000, requestTimeoutMs: 2_000 } })
    const read = store.getOrder('o1')
    fake.gets[0]!.resolve(mk('o1', 'pending_payment'))
    await read
    const cancelled = store.cancel('o1')
    expect(store.getSnapshot().orders.o1!.status).toBe('cancelled')
    await vi.advanceTimersByTimeAsync(3_000)
    expect(fake.gets).toHaveLength(2) // asked what became of it
    expect(store.getSnapshot().orders.o1!.status).toBe('cancelled')
    await vi.advanceTimersByTimeAsync(2_000)
    expect(await cancelled).toMatchObject({ ok: false, error: { code: 'TIMEOUT' }, unconfirmed: true })
    expect(store.getSnapshot().orders.o1!.status).toBe('pending_payment')
    // neither the call nor the read again answered: the result is not known either way
    expect(store.getSnapshot().actions.o1).toMatchObject({ status: 'failed', unconfirmed: true })
  })
})

describe('createOrders: refunds and receipt', () => {
  it('sends a refund allocated exactly and keeps the answer', async () => {
    const ctx = setup()
    await withOrder(ctx, mk('o1', 'delivered'))
    const asked = ctx.orders.requestRefund('o1', { amount: money(1000), reason: '不想要了' })
    expect(ctx.orders.getSnapshot().actions.o1).toEqual({ action: 'refund', status: 'running' })
    expect(ctx.writes[0]!.query).toEqual({
      method: 'requestRefund',
      orderId: 'o1',
      arg: {
        lines: [
          { lineId: 'a', amount: money(667) },
          { lineId: 'b', amount: money(333) },
        ],
        amount: money(1000),
        reason: '不想要了',
      },
    })
    const answer = mk('o1', 'refund_requested', 'physical', {
      refunds: [
        {
          refundId: 'r1',
          status: 'refund_requested',
          amount: money(1000),
          lines: [{ lineId: 'a', amount: money(1000) }],
          reason: '不想要了',
        },
      ],
    })
    ctx.writes[0]!.resolve(answer)
    expect(await asked).toMatchObject({ ok: true, order: { status: 'refund_requested' } })
  })

  it('keeps what a light page read after the request showed over the older answer to the request', async () => {
    const ctx = setup()
    const loaded = ctx.orders.selectTab('all')
    ctx.lists[0]!.resolve({ orders: [mk('o1', 'delivered')], nextCursor: null })
    await loaded
    const asked = ctx.orders.requestRefund('o1', { amount: money(3000), reason: '不想要了' })
    // the merchant takes the request at once; a pull to refresh (a light page) shows it refunding
    const refreshed = ctx.orders.refresh()
    ctx.lists[1]!.resolve({
      orders: [mk('o1', 'refunding', 'physical', { refunds: undefined })],
      nextCursor: null,
    })
    await refreshed
    expect(ctx.orders.getSnapshot().orders.o1?.status).toBe('refunding')
    // the request's answer, made before the merchant took it, arrives last
    ctx.writes[0]!.resolve(
      mk('o1', 'refund_requested', 'physical', {
        refunds: [
          {
            refundId: 'r1',
            status: 'refund_requested',
            amount: money(3000),
            lines: [
              { lineId: 'a', amount: money(2000) },
              { lineId: 'b', amount: money(1000) },
            ],
            reason: '不想要了',
          },
        ],
      }),
    )
    expect(await asked).toMatchObject({ ok: true, order: { status: 'refunding' } })
    expect(ctx.orders.getSnapshot().orders.o1?.status).toBe('refunding')
  })

  it('refuses a refund over what is left without calling the server, and keeps why', async () => {
    const ctx = setup()
    await withOrder(ctx, mk('o1', 'completed'))
    await withOrder(ctx, mk('o2', 'pending_payment'))
    expect(await ctx.orders.requestRefund('o1', { amount: money(3001), reason: 'r' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_AMOUNT' },
    })
    expect(ctx.orders.getSnapshot().actions.o1).toMatchObject({
      action: 'refund',
      error: { code: 'INVALID_AMOUNT' },
    })
    expect(await ctx.orders.requestRefund('o2', { amount: money(1), reason: 'r' })).toMatchObject({
      error: { code: 'INVALID_ARGUMENT' },
    })
    expect(ctx.api.requestRefund).not.toHaveBeenCalled()
  })

  it('runs one action per order at a time', async () => {
    const ctx = setup({ confirmReceipt: true })
    await withOrder(ctx, mk('o1', 'shipped'))
    const refund = ctx.orders.requestRefund('o1', { amount: money(100), reason: 'r' })
    expect(await ctx.orders.confirmReceipt('o1')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    })
    expect(ctx.orders.getSnapshot().actions.o1).toEqual({ action: 'refund', status: 'running' })
    ctx.writes[0]!.resolve(mk('o1', 'refund_requested'))
    await refund
  })

  it('takes back a refund request and confirms receipt where the API can', async () => {
    const without = setup()
    await withOrder(without, mk('o1', 'shipped'))
    expect(await without.orders.confirmReceipt('o1')).toMatchObject({ error: { code: 'INVALID_ARGUMENT' } })
    expect(await without.orders.cancelRefund('o1', 'r1')).toMatchObject({
      error: { code: 'INVALID_ARGUMENT' },
    })
    without.orders.dispose()

    const ctx = setup({ cancelRefund: true, confirmReceipt: true })
    await withOrder(ctx, mk('o1', 'refund_requested', 'physical', { refunds: [requested] }))
    expect(await ctx.orders.cancelRefund('o1', 'r9')).toMatchObject({ error: { code: 'INVALID_ARGUMENT' } })
    const back = ctx.orders.cancelRefund('o1', 'r1')
    expect(ctx.writes[0]!.query).toEqual({ method: 'cancelRefund', orderId: 'o1', arg: 'r1' })
    ctx.writes[0]!.resolve(
      mk('o1', 'shipped', 'physical', { refunds: [{ ...requested, status: 'withdrawn' }] }),
    )
    expect(await back).toMatchObject({ ok: true, order: { status: 'shipped' } })

    const received = ctx.orders.confirmReceipt('o1')
    ctx.writes[1]!.resolve(mk('o1', 'completed'))
    expect(await received).toMatchObject({ ok: true, order: { status: 'completed' } })
  })
})

describe('createOrders: an action whose answer was lost', () => {
  // No answer is not a refusal: the server may have done it. The order is read again, and the
  // server's order decides what the screen says.
  it('a cancel the server made but whose answer was lost is shown done, not failed', async () => {
    const ctx = setup()
    await withOrder(ctx, mk('o1', 'pending_payment'))
    const cancelled = ctx.orders.cancel('o1')
    ctx.writes[0]!.reject(new TradeKitError('NETWORK', 'request:fail timeout'))
    await settle()
    expect(ctx.gets).toHaveLength(2) // the order read again
    expect(ctx.orders.getSnapshot().actions.o1).toEqual({ action: 'cancel', status: 'running' })
    ctx.gets[1]!.resolve(mk('o1', 'cancelled'))
    expect(await cancelled).toMatchObject({ ok: true, order: { status: 'cancelled' } })
    expect(ctx.orders.getSnapshot().actions).toEqual({})
    expect(ctx.orders.getSnapshot().orders.o1!.status).toBe('cancelled')
  })

  it('a refund request made but unanswered is not asked for again', async () => {
    const ctx = setup()
    await withOrder(ctx, mk('o1', 'delivered'))
    const asked = ctx.orders.requestRefund('o1', { amount: money(1000), reason: '不想要了' })
    ctx.writes[0]!.reject(new TypeError('Failed to fetch'))
    await settle()
    ctx.gets[1]!.resolve(mk('o1', 'refund_requested'))
    expect(await asked).toMatchObject({ ok: true, order: { status: 'refund_requested' } })
    expect(ctx.api.requestRefund).toHaveBeenCalledTimes(1)
  })

  it('receipt confirmed and refund taken back, answers lost: the order read again says so', async () => {
    const ctx = setup({ cancelRefund: true, confirmReceipt: true })
    await withOrder(ctx, mk('o1', 'refund_requested', 'physical', { refunds: [requested] }))
    const back = ctx.orders.cancelRefund('o1', 'r1')
    ctx.writes[0]!.reject(new TradeKitError('TIMEOUT'))
    await settle()
    ctx.gets[1]!.resolve(
      mk('o1', 'shipped', 'physical', { refunds: [{ ...requested, status: 'withdrawn' }] }),
    )
    expect(await back).toMatchObject({ ok: true, order: { status: 'shipped' } })
    const received = ctx.orders.confirmReceipt('o1')
    ctx.writes[1]!.reject(new TradeKitError('NETWORK'))
    await settle()
    ctx.gets[2]!.resolve(mk('o1', 'completed'))
    expect(await received).toMatchObject({ ok: true, order: { status: 'completed' } })
  })

  it('an unanswered cancel the server did not make fails, showing the order as the server has it', async () => {
    const ctx = setup()
    await withOrder(ctx, mk('o1', 'pending_payment'))
    const cancelled = ctx.orders.cancel('o1')
    ctx.writes[0]!.reject(new TradeKitError('NETWORK'))
    await settle()
    ctx.gets[1]!.resolve(mk('o1', 'paid')) // paid meanwhile, on another device
    expect(await cancelled).toMatchObject({ ok: false, error: { code: 'NETWORK' } })
    const after = ctx.orders.getSnapshot()
    expect(after.orders.o1!.status).toBe('paid')
    expect(after.actions.o1).toMatchObject({ action: 'cancel', status: 'failed' })
  })

  it('a refusal is an answer: nothing is read again', async () => {
    const ctx = setup()
    await withOrder(ctx, mk('o1', 'pending_payment'))
    const cancelled = ctx.orders.cancel('o1')
    ctx.writes[0]!.reject(new TradeKitError('ORDER_REJECTED'))
    const result = await cancelled
    expect(result).toMatchObject({ ok: false, error: { code: 'ORDER_REJECTED' } })
    expect(result).not.toHaveProperty('unconfirmed')
    expect(ctx.gets).toHaveLength(1)
    expect(ctx.orders.getSnapshot().actions.o1?.unconfirmed).toBeUndefined()
  })
})

describe('createOrders: one refund request, however often it is sent', () => {
  const ask = { amount: money(1000), reason: '不想要了' }
  const keyOf = (call: unknown[] | undefined) =>
    (call?.[2] as { idempotencyKey?: string } | undefined)?.idempotencyKey

  it('sends the same idempotency key again after a request that got no answer, a new one after an answer', async () => {
    const ctx = setup()
    await withOrder(ctx, mk('o1', 'delivered'))
    const first = ctx.orders.requestRefund('o1', ask)
    ctx.writes[0]!.reject(new TradeKitError('NETWORK'))
    await settle()
    ctx.gets[1]!.reject(new TradeKitError('NETWORK')) // nor does the order read again tell
    expect(await first).toMatchObject({ ok: false, error: { code: 'NETWORK' }, unconfirmed: true })
    const calls = vi.mocked(ctx.api.requestRefund).mock.calls
    const key = keyOf(calls[0])
    expect(key).toMatch(/\S{8,}/)
    // the user tries again: the server may have made the first request, the key makes it one
    const again = ctx.orders.requestRefund('o1', ask)
    expect(keyOf(calls[1])).toBe(key)
    ctx.writes[1]!.reject(new TradeKitError('ORDER_REJECTED', 'closed for after-sale'))
    expect(await again).toMatchObject({ ok: false, error: { code: 'ORDER_REJECTED' } })
    // an answer ends the request: the same refund asked for later is a new request
    const later = ctx.orders.requestRefund('o1', ask)
    expect(keyOf(calls[2])).not.toBe(key)
    ctx.writes[2]!.resolve(mk('o1', 'refund_requested'))
    expect(await later).toMatchObject({ ok: true })
  })

  it("spends the kept key once another action's answer shows the request made (then withdrawn)", async () => {
    // orders fault model, scenario j: sent again under the kept key, the server answered the first
    // request again (withdrawn since) and the store said the new one was made
    const ctx = setup({ cancelRefund: true, confirmReceipt: true })
    await withOrder(ctx, mk('o1', 'shipped', 'physical', { refunds: [] }))
    const first = ctx.orders.requestRefund('o1', ask)
    ctx.writes[0]!.reject(new TradeKitError('NETWORK'))
    await settle()
    ctx.gets[1]!.reject(new TradeKitError('NETWORK'))
    expect(await first).toMatchObject({ ok: false, unconfirmed: true })
    // confirm receipt is answered with the order as it is: the refund request was made
    const received = ctx.orders.confirmReceipt('o1')
    ctx.writes[1]!.resolve(mk('o1', 'refund_requested', 'physical', { refunds: [requested] }))
    await received
    const back = ctx.orders.cancelRefund('o1', 'r1')
    ctx.writes[2]!.resolve(
      mk('o1', 'shipped', 'physical', { refunds: [{ ...requested, status: 'withdrawn' }] }),
    )
    expect(await back).toMatchObject({ ok: true })
    void ctx.orders.requestRefund('o1', ask)
    const calls = vi.mocked(ctx.api.requestRefund).mock.calls
    expect(keyOf(calls[1])).toMatch(/\S{8,}/)
    expect(keyOf(calls[1])).not.toBe(keyOf(calls[0]))
  })

  it('tapped on a page without refund records, only an open request read again says it was made', async () => {
    // orders fault model, scenario l: the page's status was behind the server's, and a rejection
    // read again after a request that never left was taken as the new request made
    const ctx = setup()
    const loaded = ctx.orders.selectTab('all')
    ctx.lists[0]!.resolve({ orders: [mk('o1', 'delivered', 'physical', { refunds: undefined })] })
    await loaded
    const first = ctx.orders.requestRefund('o1', ask)
    ctx.writes[0]!.reject(new TradeKitError('NETWORK'))
    await settle()
    ctx.gets[0]!.resolve(
      mk('o1', 'refund_rejected', 'physical', { refunds: [{ ...requested, status: 'refund_rejected' }] }),
    )
    expect(await first).toMatchObject({ ok: false, unconfirmed: true })
    const again = ctx.orders.requestRefund('o1', ask)
    ctx.writes[1]!.reject(new TradeKitError('NETWORK'))
    await settle()
    // made this time: a new open request beside the rejected one
    const rejected = { ...requested, status: 'refund_rejected' as const }
    ctx.gets[1]!.resolve(
      mk('o1', 'refund_requested', 'physical', { refunds: [rejected, { ...requested, refundId: 'r2' }] }),
    )
    expect(await again).toMatchObject({ ok: true, order: { status: 'refund_requested' } })
  })

  it('a different refund of the same order is a different request', async () => {
    const ctx = setup()
    await withOrder(ctx, mk('o1', 'delivered'))
    const first = ctx.orders.requestRefund('o1', ask)
    ctx.writes[0]!.reject(new TradeKitError('TIMEOUT'))
    await settle()
    ctx.gets[1]!.resolve(mk('o1', 'delivered')) // not made
    await first
    void ctx.orders.requestRefund('o1', { ...ask, amount: money(500) })
    const calls = vi.mocked(ctx.api.requestRefund).mock.calls
    expect(keyOf(calls[1])).not.toBe(keyOf(calls[0]))
  })
})

describe('createOrders: dispose', () => {
  it('aborts every read, stops listening to show and tells no one', async () => {
    const ctx = setup()
    void ctx.orders.selectTab('all')
    const read = ctx.orders.getOrder('o1')
    const listener = vi.fn()
    ctx.orders.subscribe(listener)
    ctx.orders.dispose()
    expect(ctx.lists[0]!.query.signal.aborted).toBe(true)
    expect(ctx.gets[0]!.query.signal.aborted).toBe(true)
    expect(ctx.off).toHaveBeenCalled()
    expect(await read).toMatchObject({ ok: false, error: { code: 'ABORTED' } })
    ctx.lists[0]!.resolve({ orders: [mk('o1', 'paid')] })
    await settle()
    expect(listener).not.toHaveBeenCalled()
    expect(await ctx.orders.cancel('o1')).toMatchObject({ error: { code: 'ABORTED' } })
    expect(ctx.api.listOrders).toHaveBeenCalledTimes(1)
  })

  it('needs an API with the four required methods', () => {
    const { api } = manualApi()
    expect(() => createOrders({ api: { ...api, requestRefund: undefined } as unknown as OrdersApi })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    )
  })
})
