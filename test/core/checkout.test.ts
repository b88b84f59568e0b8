import {
  type CheckoutSnapshot,
  type CheckoutStatus,
  createCheckout,
  memoryStorage,
  money,
  type Quote,
  sandboxChannel,
  storageKey,
  TradeKitError,
} from '@tradekit/core'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fakeApi, fakeLifecycle, manualChannel, request, settle } from './checkoutFakes'

const KEY = storageKey('checkout', {})

function recordStatuses(checkout: {
  subscribe(fn: () => void): () => void
  getSnapshot(): CheckoutSnapshot
}) {
  const seen: CheckoutStatus[] = [checkout.getSnapshot().status]
  checkout.subscribe(() => {
    const s = checkout.getSnapshot().status
    if (seen[seen.length - 1] !== s) seen.push(s)
  })
  return seen
}

function setup(opts: { channel?: ReturnType<typeof manualChannel>; api?: ReturnType<typeof fakeApi> } = {}) {
  const api = opts.api ?? fakeApi()
  const channel = opts.channel ?? manualChannel()
  const storage = memoryStorage()
  const lifecycle = fakeLifecycle()
  let k = 0
  const checkout = createCheckout({ api, channel, storage, lifecycle, createKey: () => `key-${++k}` })
  const statuses = recordStatuses(checkout)
  return { api, channel, storage, lifecycle, checkout, statuses }
}

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('createCheckout — the happy path', () => {
  it('goes idle → creating → paying → confirming → paid only once the server says paid', async () => {
    const { api, channel, checkout, statuses, storage } = setup()
    const done = checkout.submit(request(1200))
    await vi.advanceTimersByTimeAsync(0)
    expect(api.createOrder).toHaveBeenCalledWith(
      expect.objectContaining({ expectedPayable: money(1200) }),
      expect.objectContaining({ idempotencyKey: 'key-1' }),
    )
    expect(checkout.getSnapshot()).toMatchObject({ status: 'paying', attempt: 1, order: { orderId: 'o1' } })
    // the pending order is persisted before the cashier opens
    expect(JSON.parse(storage.dump()[KEY] ?? '{}').orders[0]).toMatchObject({
      orderId: 'o1',
      idempotencyKey: 'key-1',
    })
    channel.answer({ kind: 'submitted' })
    await vi.advanceTimersByTimeAsync(5000)
    // the cashier said submitted, the server still says pending
    expect(checkout.getSnapshot().status).toBe('confirming')
    expect(checkout.getSnapshot().confirm).toMatchObject({ budgetMs: 60_000, paused: false })
    expect(checkout.getSnapshot().confirm!.polls).toBeGreaterThan(0)
    api.markPaid('o1')
    const final = await settle(done)
    expect(final).toMatchObject({ status: 'paid', refunded: false, attempt: 1, pendingCount: 0 })
    expect(statuses).toEqual(['idle', 'creating', 'paying', 'confirming', 'paid'])
    expect(storage.dump()[KEY]).toBeUndefined()
  })

  it('returns the same snapshot object until something changes, and unsubscribes', async () => {
    const { checkout, channel } = setup()
    const first = checkout.getSnapshot()
    expect(checkout.getSnapshot()).toBe(first)
    const listener = vi.fn()
    const off = checkout.subscribe(listener)
    void checkout.submit(request())
    await vi.advanceTimersByTimeAsync(0)
    expect(listener).toHaveBeenCalled()
    const paying = checkout.getSnapshot()
    expect(checkout.getSnapshot()).toBe(paying)
    off()
    listener.mockClear()
    channel.answer({ kind: 'submitted' })
    await vi.advanceTimersByTimeAsync(2000)
    expect(listener).not.toHaveBeenCalled()
  })

  it('maps refunded to paid with refunded: true, and closed to expired', async () => {
    const a = setup()
    const done = a.checkout.submit(request())
    await vi.advanceTimersByTimeAsync(0)
    a.api.orders.get('o1')!.status = 'refunded'
    a.channel.answer({ kind: 'submitted' })
    expect(await settle(done)).toMatchObject({ status: 'paid', refunded: true })

    const b = setup()
    const done2 = b.checkout.submit(request())
    await vi.advanceTimersByTimeAsync(0)
    b.api.orders.get('o1')!.status = 'closed'
    b.channel.answer({ kind: 'unknown' })
    const final = await settle(done2)
    expect(final.status).toBe('expired')
    expect(final.error?.code).toBe('ORDER_EXPIRED')
    expect(final.retry).toBe('new-order')
  })
})

describe('rule 1 — one order per attempt', () => {
  it('returns the running attempt to a double tap', async () => {
    const { api, checkout } = setup()
    const a = checkout.submit(request())
    const b = checkout.submit(request())
    await vi.advanceTimersByTimeAsync(0)
    expect(api.createOrder).toHaveBeenCalledTimes(1)
    expect(checkout.getSnapshot().attempt).toBe(1)
    void checkout.cancel()
    expect((await settle(a)).status).toBe((await settle(b)).status)
  })

  it('retries createOrder on network errors with the same key, then gives up with the error', async () => {
    const { api, checkout } = setup()
    api.createOrder.mockRejectedValue(new TradeKitError('NETWORK'))
    const done = checkout.submit(request())
    await vi.advanceTimersByTimeAsync(499)
    expect(api.createOrder).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(1 + 1000 + 2000 + 4000)
    const final = await settle(done)
    expect(api.createOrder).toHaveBeenCalledTimes(5)
    const keys = api.createOrder.mock.calls.map(([, ctx]) => ctx.idempotencyKey)
    expect(new Set(keys)).toEqual(new Set(['key-1']))
    expect(final).toMatchObject({ status: 'failed', error: { code: 'NETWORK' }, retry: 'new-order' })
  })

  it('treats request:fail, a fetch TypeError and its own timeout as network errors', async () => {
    const { api, checkout } = setup()
    api.createOrder
      .mockRejectedValueOnce({ errMsg: 'request:fail timeout' })
      .mockRejectedValueOnce(new TypeError('Failed to fetch'))
      .mockImplementationOnce(() => new Promise(() => {}))
    const done = checkout.submit(request())
    await vi.advanceTimersByTimeAsync(500 + 1000 + 15_000 + 2000)
    expect(api.createOrder).toHaveBeenCalledTimes(4)
    expect(new Set(api.createOrder.mock.calls.map(([, c]) => c.idempotencyKey)).size).toBe(1)
    expect(api.createOrder.mock.calls[2]![1].signal.aborted).toBe(true)
    expect(checkout.getSnapshot().status).toBe('paying')
    void checkout.cancel()
    await settle(done)
  })

  it('keeps an unanswered key for the same request and makes a new one for another request', async () => {
    const { api, checkout } = setup()
    api.createOrder.mockRejectedValue(new TradeKitError('TIMEOUT'))
    await vi.runAllTimersAsync()
    const first = checkout.submit(request(1200))
    await vi.runAllTimersAsync()
    expect((await settle(first)).error?.code).toBe('TIMEOUT')
    const second = checkout.submit(request(1200))
    await vi.runAllTimersAsync()
    await settle(second)
    const third = checkout.submit(request(1500))
    await vi.runAllTimersAsync()
    await settle(third)
    const keys = api.createOrder.mock.calls.map(([, c]) => c.idempotencyKey)
    expect(keys.slice(0, 10)).toEqual(Array(10).fill('key-1'))
    expect(keys.slice(10)).toEqual(Array(5).fill('key-2'))
    expect(checkout.getSnapshot().attempt).toBe(3)
  })

  it('ends any other createOrder error failed with it, and the next submit uses a new key', async () => {
    const { api, checkout, channel } = setup()
    api.createOrder.mockRejectedValueOnce(new TradeKitError('OUT_OF_STOCK', undefined, { skuIds: ['sku-1'] }))
    const final = await checkout.submit(request())
    expect(final).toMatchObject({ status: 'failed', error: { code: 'OUT_OF_STOCK', skuIds: ['sku-1'] } })
    expect(api.createOrder).toHaveBeenCalledTimes(1)
    expect(channel.pay).not.toHaveBeenCalled()
    api.createOrder.mockRejectedValueOnce(new Error('boom'))
    const next = await checkout.submit(request())
    expect(next.error).toBeInstanceOf(TradeKitError)
    expect(next.error?.code).toBe('ORDER_REJECTED')
    expect(api.createOrder.mock.calls.map(([, c]) => c.idempotencyKey)).toEqual(['key-1', 'key-2'])
  })

  it('fails a malformed request with INVALID_ARGUMENT without calling the API', async () => {
    const { api, checkout } = setup()
    const final = await checkout.submit({ lines: [], expectedPayable: money(1) })
    expect(final).toMatchObject({ status: 'failed', error: { code: 'INVALID_ARGUMENT' } })
    expect(api.createOrder).not.toHaveBeenCalled()
  })
})

describe('rule 1 — across a relaunch', () => {
  it('reuses the key of an attempt killed before it got an answer, so the server returns its order', async () => {
    const api = fakeApi()
    const storage = memoryStorage()
    let n = 0
    const createKey = () => `key-${++n}`
    api.createOrder.mockImplementationOnce(() => new Promise(() => {}))
    const first = createCheckout({ api, channel: manualChannel(), storage, createKey })
    void first.submit(request(1200))
    await vi.advanceTimersByTimeAsync(100)
    first.dispose() // killed while createOrder was in flight
    const channel = manualChannel()
    const second = createCheckout({ api, channel, storage, createKey })
    void second.submit(request(1200))
    await vi.advanceTimersByTimeAsync(0)
    expect(api.createOrder.mock.calls.map(([, c]) => c.idempotencyKey)).toEqual(['key-1', 'key-1'])
    expect(channel.pay).toHaveBeenCalledTimes(1)
    // answered: the key is spent, a new purchase gets a new one
    void second.cancel()
    await vi.runOnlyPendingTimersAsync()
    second.reset()
    void second.submit(request(1200))
    await vi.advanceTimersByTimeAsync(0)
    expect(api.createOrder.mock.calls.at(-1)![1].idempotencyKey).toBe('key-2')
  })

  it('cancel() while creating keeps the key for the same request', async () => {
    const { api, checkout } = setup()
    api.createOrder.mockImplementationOnce(() => new Promise(() => {}))
    void checkout.submit(request())
    await vi.advanceTimersByTimeAsync(100)
    await checkout.cancel()
    void checkout.submit(request())
    await vi.advanceTimersByTimeAsync(0)
    expect(api.createOrder.mock.calls.map(([, c]) => c.idempotencyKey)).toEqual(['key-1', 'key-1'])
  })
})

describe('PRICE_CHANGED — the cashier never opens for an amount the user did not see', () => {
  it('ends failed with the server quote when createOrder rejects PRICE_CHANGED', async () => {
    const { api, checkout, channel } = setup()
    const quote = { payable: money(1300) } as unknown as Quote
    api.createOrder.mockRejectedValueOnce(new TradeKitError('PRICE_CHANGED', 'moved', { quote }))
    const final = await checkout.submit(request(1200))
    expect(final.status).toBe('failed')
    expect(final.error).toMatchObject({ code: 'PRICE_CHANGED', quote })
    expect(channel.pay).not.toHaveBeenCalled()
    // accepting resubmits with the new total and a new key
    const accepted = checkout.submit(request(1300))
    await vi.advanceTimersByTimeAsync(0)
    expect(api.createOrder.mock.calls[1]).toEqual([
      expect.objectContaining({ expectedPayable: money(1300) }),
      expect.objectContaining({ idempotencyKey: 'key-2' }),
    ])
    expect(channel.pay).toHaveBeenCalledTimes(1)
    void checkout.cancel()
    await settle(accepted)
  })

  it('treats a created order whose amount differs as PRICE_CHANGED and closes it', async () => {
    const api = fakeApi({ payable: () => money(1500) })
    const { checkout, channel } = setup({ api })
    const final = await checkout.submit(request(1200))
    expect(final.status).toBe('failed')
    expect(final.error).toMatchObject({
      code: 'PRICE_CHANGED',
      amount: money(1500),
      expectedPayable: money(1200),
    })
    expect(channel.pay).not.toHaveBeenCalled()
    expect(api.cancelOrder).toHaveBeenCalledWith('o1')
  })
})

describe('rule 2 — the client result is never proof', () => {
  it('confirms a cashier cancel once, and the server saying paid wins', async () => {
    const { api, checkout, channel, statuses } = setup()
    const done = checkout.submit(request())
    await vi.advanceTimersByTimeAsync(0)
    api.markPaid('o1')
    channel.answer({ kind: 'cancelled' })
    expect(await settle(done)).toMatchObject({ status: 'paid' })
    expect(statuses).not.toContain('cancelled')
  })

  it('shows a cancel only after the server confirmed the order is unpaid', async () => {
    const { api, checkout, channel } = setup()
    const done = checkout.submit(request())
    await vi.advanceTimersByTimeAsync(0)
    const before = api.getOrderStatus.mock.calls.length
    channel.answer({ kind: 'cancelled' })
    const final = await settle(done)
    expect(api.getOrderStatus.mock.calls.length).toBe(before + 1)
    expect(final).toMatchObject({ status: 'cancelled', retry: 'same-order', pendingCount: 1 })
  })

  it("never shows the cashier's cancel on a status request that got no answer: it asks again", async () => {
    const { api, checkout, channel, statuses } = setup()
    const done = checkout.submit(request())
    await vi.advanceTimersByTimeAsync(0)
    api.markPaid('o1') // the money moved behind the cashier's "cancelled"
    api.getOrderStatus.mockRejectedValueOnce(new TradeKitError('NETWORK', 'lost'))
    channel.answer({ kind: 'cancelled' })
    const final = await settle(done)
    expect(final.status).toBe('paid')
    expect(statuses).not.toContain('cancelled')
    expect(api.getOrderStatus).toHaveBeenCalledTimes(2)
  })

  it('a status request that times out is no answer either', async () => {
    const { api, checkout, channel, statuses } = setup()
    const done = checkout.submit(request())
    await vi.advanceTimersByTimeAsync(0)
    api.getOrderStatus.mockImplementationOnce(() => new Promise(() => {}))
    channel.answer({ kind: 'failed', retryable: true })
    await vi.advanceTimersByTimeAsync(10_000) // the poll timeout
    expect(checkout.getSnapshot().status).toBe('confirming')
    api.markPaid('o1')
    expect((await settle(done)).status).toBe('paid')
    expect(statuses).not.toContain('failed')
  })

  it("shows unknown, not the cashier's word, when the budget ends without any answer", async () => {
    const { api, checkout, channel, lifecycle } = setup()
    const done = checkout.submit(request())
    await vi.advanceTimersByTimeAsync(0)
    api.getOrderStatus.mockRejectedValue(new TradeKitError('NETWORK', 'down'))
    channel.answer({ kind: 'cancelled' })
    await vi.advanceTimersByTimeAsync(3000)
    lifecycle.hide() // hidden time does not count against the budget
    const polls = api.getOrderStatus.mock.calls.length
    await vi.advanceTimersByTimeAsync(10 * 60_000)
    expect(api.getOrderStatus.mock.calls.length).toBe(polls)
    expect(checkout.getSnapshot().status).toBe('confirming')
    lifecycle.show()
    const final = await settle(done)
    expect(final).toMatchObject({ status: 'unknown', retry: 'same-order', pendingCount: 1 })
    expect(api.getOrderStatus.mock.calls.length).toBeGreaterThan(polls + 5)
  })

  it('cancel() after the cashier opened waits for one answer, not one request', async () => {
    const { api, checkout, statuses } = setup()
    void checkout.submit(request())
    await vi.advanceTimersByTimeAsync(0)
    api.markPaid('o1')
    api.getOrderStatus.mockRejectedValueOnce(new TradeKitError('TIMEOUT', 'slow'))
    const after = await settle(checkout.cancel())
    expect(after.status).toBe('paid')
    expect(statuses).not.toContain('cancelled')
    expect(api.cancelOrder).not.toHaveBeenCalled()
  })

  it('shows a cashier failure with its typed error after one confirmation', async () => {
    const { checkout, channel } = setup()
    const done = checkout.submit(request())
    await vi.advanceTimersByTimeAsync(0)
    channel.answer({ kind: 'failed', retryable: false, code: '4000' })
    const final = await settle(done)
    expect(final.status).toBe('failed')
    expect(final.error).toMatchObject({ code: 'PAYMENT_FAILED', platformCode: '4000', retryable: false })
    expect(final.retry).toBe('new-order')
  })

  it('polls about 1, 2, 3, 5 s… for 60 s of visible time, then shows unknown', async () => {
    const { api, checkout, channel } = setup()
    const done = checkout.submit(request())
    await vi.advanceTimersByTimeAsync(0)
    channel.answer({ kind: 'submitted' })
    await vi.advanceTimersByTimeAsync(999)
    expect(api.getOrderStatus).toHaveBeenCalledTimes(0)
    await vi.advanceTimersByTimeAsync(1)
    expect(api.getOrderStatus).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(2000)
    expect(api.getOrderStatus).toHaveBeenCalledTimes(2)
    await vi.advanceTimersByTimeAsync(3000)
    expect(api.getOrderStatus).toHaveBeenCalledTimes(3)
    await vi.advanceTimersByTimeAsync(5000)
    expect(api.getOrderStatus).toHaveBeenCalledTimes(4)
    await vi.advanceTimersByTimeAsync(60_000)
    const final = await settle(done)
    expect(final).toMatchObject({ status: 'unknown', retry: 'same-order', pendingCount: 1 })
    expect(final.confirm).toBeUndefined()
  })

  it('pauses polling while the app is hidden and resumes on show', async () => {
    const { api, checkout, channel, lifecycle } = setup()
    void checkout.submit(request())
    await vi.advanceTimersByTimeAsync(0)
    channel.answer({ kind: 'submitted' })
    await vi.advanceTimersByTimeAsync(1000)
    lifecycle.hide()
    expect(checkout.getSnapshot().confirm?.paused).toBe(true)
    const polls = api.getOrderStatus.mock.calls.length
    await vi.advanceTimersByTimeAsync(10 * 60_000)
    expect(api.getOrderStatus.mock.calls.length).toBe(polls)
    expect(checkout.getSnapshot().status).toBe('confirming')
    api.markPaid('o1')
    lifecycle.show()
    await vi.advanceTimersByTimeAsync(2000)
    expect(checkout.getSnapshot().status).toBe('paid')
  })

  it('asks the server when the cashier never answers within the pay timeout', async () => {
    const { api, checkout, channel } = setup()
    const done = checkout.submit(request())
    await vi.advanceTimersByTimeAsync(120_000)
    expect(channel.calls[0]!.signal.aborted).toBe(true)
    expect(checkout.getSnapshot().status).toBe('confirming')
    api.markPaid('o1')
    expect((await settle(done)).status).toBe('paid')
  })
})

describe('rule 3 — nothing paid is lost', () => {
  it('re-checks a shown unknown on the next show, keeping it meanwhile with rechecking: true', async () => {
    const { api, checkout, channel, lifecycle } = setup()
    const done = checkout.submit(request())
    await vi.advanceTimersByTimeAsync(0)
    channel.answer({ kind: 'unknown' })
    await vi.advanceTimersByTimeAsync(120_000)
    expect((await settle(done)).status).toBe('unknown')
    lifecycle.hide()
    lifecycle.show()
    await vi.advanceTimersByTimeAsync(0)
    expect(checkout.getSnapshot()).toMatchObject({ status: 'unknown', rechecking: true })
    api.markPaid('o1')
    await vi.advanceTimersByTimeAsync(1000)
    expect(checkout.getSnapshot()).toMatchObject({ status: 'paid', rechecking: false })
  })

  it('moves a shown unknown to what the server answers final on a re-check: expired or failed, never "confirming" for good', async () => {
    for (const [final, shown, code] of [
      ['closed', 'expired', 'ORDER_EXPIRED'],
      ['failed', 'failed', 'PAYMENT_FAILED'],
    ] as const) {
      const { api, checkout, channel } = setup()
      const done = checkout.submit(request())
      await vi.advanceTimersByTimeAsync(0)
      channel.answer({ kind: 'unknown' })
      await vi.advanceTimersByTimeAsync(120_000)
      expect((await settle(done)).status).toBe('unknown')
      api.orders.get('o1')!.status = final
      // "check again": the server's final answer replaces "we are confirming, we'll let you know"
      const rechecked = await settle(checkout.resume())
      expect(rechecked).toMatchObject({
        status: shown,
        rechecking: false,
        retry: 'new-order',
        pendingCount: 0,
      })
      expect(rechecked.error?.code).toBe(code)
      checkout.dispose()
    }
  })

  it('keeps a shown cancel or failure when a re-check finds the order closed: both stay true', async () => {
    const { api, checkout, channel } = setup()
    const done = checkout.submit(request())
    await vi.advanceTimersByTimeAsync(0)
    channel.answer({ kind: 'cancelled' })
    expect((await settle(done)).status).toBe('cancelled')
    api.orders.get('o1')!.status = 'closed'
    expect(await settle(checkout.resume())).toMatchObject({
      status: 'cancelled',
      retry: 'new-order',
      pendingCount: 0,
    })
  })

  it('on relaunch, shows nothing for an order whose cashier never opened, and asks about it in the background', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    for (const paidMeanwhile of [false, true]) {
      const api = fakeApi()
      const disk = memoryStorage()
      let writes = 0
      // the attempt's key and the order's first write land; the next (the cashier opening) fails, and
      // the app is killed
      const storage = {
        getItem: disk.getItem,
        setItem: (key: string, value: string) => {
          if (++writes > 2) throw new Error('quota')
          disk.setItem(key, value)
        },
        removeItem: disk.removeItem,
      }
      const first = createCheckout({ api, channel: manualChannel(), storage })
      void first.submit(request())
      await vi.advanceTimersByTimeAsync(0)
      first.dispose()
      expect(JSON.parse(disk.dump()[KEY] ?? '{}').orders[0]).toMatchObject({
        orderId: 'o1',
        payStarted: false,
      })
      if (paidMeanwhile) api.markPaid('o1') // the cashier had opened after all (its write failed)
      const second = createCheckout({ api, channel: manualChannel(), storage: disk })
      const statuses = recordStatuses(second)
      const resumed = await settle(second.resume())
      // never "we are confirming your payment" for a payment the user may never have seen
      expect(statuses).not.toContain('unknown')
      expect(resumed.status).toBe('idle')
      if (paidMeanwhile) expect(resumed.latePaid.map((o) => o.orderId)).toEqual(['o1'])
      else expect(resumed).toMatchObject({ latePaid: [], pendingCount: 1 })
      expect(api.getOrderStatus).toHaveBeenCalledWith('o1', expect.anything())
      second.dispose()
    }
    warn.mockRestore()
  })

  it('resumes a pending order after the app was killed, with the channel state', async () => {
    const api = fakeApi()
    const storage = memoryStorage()
    const first = createCheckout({ api, channel: manualChannel(), storage })
    void first.submit(request())
    await vi.advanceTimersByTimeAsync(0)
    first.dispose() // killed while the cashier was open
    api.markPaid('o1')
    const channel = manualChannel()
    const second = createCheckout({ api, channel, storage })
    const statuses = recordStatuses(second)
    const resumed = await settle(second.resume())
    expect(resumed).toMatchObject({ status: 'paid', order: { orderId: 'o1' }, pendingCount: 0 })
    expect(statuses).toEqual(['idle', 'unknown', 'paid'])
    expect(channel.pay).not.toHaveBeenCalled()
  })

  it('on relaunch, a shown cancel is re-checked until the server answers; its status requests may fail first', async () => {
    const api = fakeApi()
    const storage = memoryStorage()
    const first = createCheckout({ api, channel: manualChannel(), storage })
    void first.submit(request())
    await vi.advanceTimersByTimeAsync(0)
    void first.cancel() // the user closed the cashier: confirmed pending, shown cancelled
    await vi.advanceTimersByTimeAsync(0)
    expect(first.getSnapshot().status).toBe('cancelled')
    first.dispose()
    api.markPaid('o1') // the money moved after all
    api.getOrderStatus.mockRejectedValueOnce(new TradeKitError('NETWORK', 'lost'))
    api.getOrderStatus.mockImplementationOnce(() => new Promise(() => {})) // and one that hangs
    const second = createCheckout({ api, channel: manualChannel(), storage })
    const seen: Array<[CheckoutStatus, boolean]> = []
    second.subscribe(() => seen.push([second.getSnapshot().status, second.getSnapshot().rechecking]))
    const resumed = await settle(second.resume())
    expect(resumed).toMatchObject({ status: 'paid', rechecking: false, pendingCount: 0 })
    // the restored cancel is only ever shown as being re-checked
    expect(seen.filter(([status]) => status === 'cancelled').every(([, rechecking]) => rechecking)).toBe(true)
    expect(api.getOrderStatus.mock.calls.length).toBeGreaterThanOrEqual(4)
  })

  it('resume re-pays nothing but keeps a still-pending order, which retry() re-pays with its saved state', async () => {
    const api = fakeApi()
    const storage = memoryStorage()
    const first = createCheckout({ api, channel: manualChannel(), storage })
    void first.submit(request())
    await vi.advanceTimersByTimeAsync(0)
    first.dispose()
    const channel = manualChannel()
    const second = createCheckout({ api, channel, storage })
    const resumed = second.resume()
    await vi.advanceTimersByTimeAsync(60_000)
    expect(await settle(resumed)).toMatchObject({ status: 'unknown', rechecking: false, retry: 'same-order' })
    void second.retry()
    await vi.advanceTimersByTimeAsync(0)
    expect(api.createOrder).toHaveBeenCalledTimes(1)
    expect(channel.calls[0]).toMatchObject({ payment: { orderId: 'o1' }, state: { opened: 1 } })
  })

  it('keeps an older pending order and reports it as latePaid when the server says paid', async () => {
    const { api, checkout, channel, lifecycle } = setup()
    const one = checkout.submit(request())
    await vi.advanceTimersByTimeAsync(0)
    channel.answer({ kind: 'failed', retryable: false })
    await settle(one)
    const two = checkout.retry()
    await vi.advanceTimersByTimeAsync(0)
    expect(api.cancelOrder).toHaveBeenCalledWith('o1')
    api.orders.get('o1')!.status = 'pending' // the close did not go through
    expect(checkout.getSnapshot()).toMatchObject({ status: 'paying', attempt: 2, pendingCount: 2 })
    api.markPaid('o2')
    channel.answer({ kind: 'submitted' })
    await settle(two)
    api.markPaid('o1')
    lifecycle.hide()
    lifecycle.show()
    await vi.advanceTimersByTimeAsync(0)
    expect(checkout.getSnapshot()).toMatchObject({
      status: 'paid',
      order: { orderId: 'o2' },
      latePaid: [{ orderId: 'o1', amount: money(1200) }],
      pendingCount: 0,
    })
  })

  it('discards corrupt persisted data with a reported issue, never a crash', async () => {
    const storage = memoryStorage({ [KEY]: '{"version":1,"orders":[{"orderId":3}]' })
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const checkout = createCheckout({ api: fakeApi(), channel: manualChannel(), storage })
    const s = await checkout.resume()
    expect(s).toMatchObject({ status: 'idle', storageIssue: 'storage_corrupt', pendingCount: 0 })
    expect(storage.dump()[KEY]).toBeUndefined()
    warn.mockRestore()
  })

  it('falls back to memory storage with a warning', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    createCheckout({ api: fakeApi(), channel: manualChannel() })
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('memoryStorage'))
    warn.mockRestore()
  })

  it('keeps pending orders per user', async () => {
    const api = fakeApi()
    const storage = memoryStorage()
    const alice = createCheckout({ api, channel: manualChannel(), storage, userId: 'alice' })
    void alice.submit(request())
    await vi.advanceTimersByTimeAsync(0)
    alice.dispose()
    const bob = createCheckout({ api, channel: manualChannel(), storage, userId: 'bob' })
    expect((await bob.resume()).pendingCount).toBe(0)
    expect(Object.keys(storage.dump())).toEqual(['tradekit:default:alice:checkout'])
  })
})

describe('rule 4 — nothing hangs', () => {
  it('gives up a hanging createOrder after its timeouts and retries', async () => {
    const { api, checkout } = setup()
    api.createOrder.mockImplementation(() => new Promise(() => {}))
    const done = checkout.submit(request())
    await vi.advanceTimersByTimeAsync(5 * 15_000 + 500 + 1000 + 2000 + 4000)
    expect(await settle(done)).toMatchObject({ status: 'failed', error: { code: 'TIMEOUT' } })
  })

  it('shows unknown when every status poll hangs', async () => {
    const { api, checkout, channel } = setup()
    api.getOrderStatus.mockImplementation(() => new Promise(() => {}))
    const done = checkout.submit(request())
    await vi.advanceTimersByTimeAsync(0)
    channel.answer({ kind: 'submitted' })
    await vi.advanceTimersByTimeAsync(10 * 60_000)
    expect((await settle(done)).status).toBe('unknown')
  })
})

describe('rule 5 — retry and cancel', () => {
  it('retry() re-pays the same order after a cancel, with the channel state it saved', async () => {
    const { api, checkout, channel } = setup()
    const done = checkout.submit(request())
    await vi.advanceTimersByTimeAsync(0)
    channel.answer({ kind: 'cancelled' })
    await settle(done)
    const again = checkout.retry()
    await vi.advanceTimersByTimeAsync(0)
    expect(api.createOrder).toHaveBeenCalledTimes(1)
    expect(channel.pay).toHaveBeenCalledTimes(2)
    expect(channel.calls[1]).toMatchObject({ payment: { orderId: 'o1' }, state: { opened: 1 } })
    expect(checkout.getSnapshot()).toMatchObject({ status: 'paying', attempt: 1 })
    api.markPaid('o1')
    channel.answer({ kind: 'submitted' })
    expect((await settle(again)).status).toBe('paid')
  })

  it('retry() starts a new attempt for an expired order', async () => {
    const api = fakeApi()
    api.createOrder.mockImplementationOnce(async (req, ctx) => ({
      orderId: 'old',
      amount: req.expectedPayable,
      expiresAt: Date.now() + 30_000,
      payment: { ctx: ctx.idempotencyKey },
    }))
    api.getOrderStatus.mockResolvedValue('pending')
    const { checkout, channel } = setup({ api })
    const done = checkout.submit(request())
    await vi.advanceTimersByTimeAsync(0)
    channel.answer({ kind: 'cancelled' })
    await settle(done)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(checkout.getSnapshot().status).toBe('cancelled')
    void checkout.retry()
    await vi.advanceTimersByTimeAsync(0)
    expect(api.createOrder).toHaveBeenCalledTimes(2)
    expect(api.createOrder.mock.calls[1]![1].idempotencyKey).toBe('key-2')
    expect(api.cancelOrder).toHaveBeenCalledWith('old')
    expect(checkout.getSnapshot()).toMatchObject({ status: 'paying', attempt: 2, pendingCount: 2 })
  })

  it('cancel() while creating aborts and settles cancelled', async () => {
    const { api, checkout } = setup()
    api.createOrder.mockImplementation(() => new Promise(() => {}))
    const done = checkout.submit(request())
    await vi.advanceTimersByTimeAsync(100)
    const cancelled = await checkout.cancel()
    expect(cancelled.status).toBe('cancelled')
    expect(api.createOrder.mock.calls[0]![1].signal.aborted).toBe(true)
    expect((await settle(done)).status).toBe('cancelled')
  })

  it('cancel() before the cashier opened closes the order through cancelOrder', async () => {
    const api = fakeApi()
    const channel = manualChannel()
    const slow = memoryStorage()
    const storage = {
      getItem: slow.getItem,
      removeItem: slow.removeItem,
      setItem: (k: string, v: string) =>
        new Promise<void>((r) => setTimeout(() => r(slow.setItem(k, v)), 1000)),
    }
    const checkout = createCheckout({ api, channel, storage })
    void checkout.submit(request())
    await vi.advanceTimersByTimeAsync(1010) // the attempt's key is stored first, then the order is made
    expect(api.createOrder).toHaveBeenCalledTimes(1)
    expect(checkout.getSnapshot().status).toBe('creating')
    await checkout.cancel()
    await vi.advanceTimersByTimeAsync(2000)
    expect(api.cancelOrder).toHaveBeenCalledWith('o1')
    expect(channel.pay).not.toHaveBeenCalled()
    expect(checkout.getSnapshot().status).toBe('cancelled')
  })

  it('cancel() after the cashier opened never closes the order and confirms once (paid wins)', async () => {
    const { api, checkout, channel } = setup()
    void checkout.submit(request())
    await vi.advanceTimersByTimeAsync(0)
    api.markPaid('o1') // the money moved while the user tapped cancel
    const after = await checkout.cancel()
    expect(channel.calls[0]!.signal.aborted).toBe(true)
    expect(api.cancelOrder).not.toHaveBeenCalled()
    expect(after.status).toBe('paid')
  })

  it('cancel() after the cashier opened settles cancelled when the server says pending', async () => {
    const { api, checkout } = setup()
    void checkout.submit(request())
    await vi.advanceTimersByTimeAsync(0)
    const after = await checkout.cancel()
    expect(after).toMatchObject({ status: 'cancelled', retry: 'same-order', pendingCount: 1 })
    expect(api.cancelOrder).not.toHaveBeenCalled()
  })

  it('never leaves paid except through reset()', async () => {
    const { api, checkout, channel } = setup()
    const done = checkout.submit(request())
    await vi.advanceTimersByTimeAsync(0)
    api.markPaid('o1')
    channel.answer({ kind: 'submitted' })
    const paid = await settle(done)
    await checkout.cancel()
    await checkout.retry()
    await checkout.submit(request())
    expect(checkout.getSnapshot()).toBe(paid)
    checkout.reset()
    expect(checkout.getSnapshot()).toMatchObject({ status: 'idle', attempt: 1 })
    expect(checkout.getSnapshot().order).toBeUndefined()
  })
})

describe('channels and signing', () => {
  it('fails PAYMENT_UNAVAILABLE for an unknown channel id or a sign without sign()', async () => {
    const { checkout } = setup()
    expect((await checkout.submit(request(1200, { channel: 'nope' }))).error?.code).toBe(
      'PAYMENT_UNAVAILABLE',
    )
    expect((await checkout.submit(request(), { method: 'sign' })).error?.code).toBe('PAYMENT_UNAVAILABLE')
    expect(checkout.canSign()).toBe(false)
  })

  it('reads a channel whose isAvailable() throws as unavailable: submit and retry answer, never throw', async () => {
    const api = fakeApi()
    let broken = false
    const sandbox = sandboxChannel({ outcome: 'cancel' })
    const channel = {
      ...sandbox,
      isAvailable: () => {
        if (broken) throw new Error('the platform global is gone')
        return true
      },
    }
    const checkout = createCheckout({ api, channel, storage: memoryStorage() })
    const cancelled = checkout.submit(request())
    await vi.advanceTimersByTimeAsync(0)
    expect((await settle(cancelled)).status).toBe('cancelled')
    broken = true
    // "pay now" of the same order: its channel cannot say it is here, so it is not opened
    const again = await settle(checkout.retry())
    expect(again).toMatchObject({ status: 'failed', error: { code: 'PAYMENT_UNAVAILABLE' } })
    const next = await settle(checkout.submit(request()))
    expect(next).toMatchObject({ status: 'failed', error: { code: 'PAYMENT_UNAVAILABLE' } })
  })

  it('pays through sign() for auto-renew', async () => {
    const api = fakeApi()
    const channel = sandboxChannel({ outcome: 'success' }, { notify: (id) => api.markPaid(id) })
    const sign = vi.spyOn(channel, 'sign')
    const checkout = createCheckout({ api, channel, storage: memoryStorage() })
    expect(checkout.canSign()).toBe(true)
    const done = checkout.submit(request(), { method: 'sign' })
    await vi.advanceTimersByTimeAsync(1000)
    expect(sign).toHaveBeenCalledWith({ orderId: 'o1' }, expect.anything())
    expect((await settle(done)).status).toBe('paid')
  })
})

describe('setOptions — options replaced in place', () => {
  it('keeps the shown order and pending list; the next call goes through the new api and channel', async () => {
    const { api, checkout, channel, statuses } = setup()
    const done = checkout.submit(request())
    await vi.advanceTimersByTimeAsync(0)
    channel.answer({ kind: 'cancelled' })
    expect((await settle(done)).status).toBe('cancelled')
    const next = fakeApi()
    next.orders.set('o1', { ...api.orders.get('o1')!, status: 'paid' })
    const replacement = manualChannel()
    checkout.setOptions({ api: next, channel: replacement, timing: { pollDelaysMs: [100] } })
    expect(checkout.getSnapshot()).toMatchObject({
      status: 'cancelled',
      order: { orderId: 'o1' },
      pendingCount: 1,
    })
    const retried = checkout.retry()
    await vi.advanceTimersByTimeAsync(0)
    expect(replacement.pay).toHaveBeenCalledTimes(1)
    expect(channel.pay).toHaveBeenCalledTimes(1)
    replacement.answer({ kind: 'submitted' })
    expect((await settle(retried)).status).toBe('paid')
    expect(next.getOrderStatus).toHaveBeenCalled()
    expect(statuses.at(-1)).toBe('paid')
  })
})

describe('environment', () => {
  it('works where the engine has no AbortController', async () => {
    vi.stubGlobal('AbortController', undefined)
    try {
      const { api, checkout, channel } = setup()
      void checkout.submit(request())
      await vi.advanceTimersByTimeAsync(0)
      expect(channel.calls[0]!.signal.aborted).toBe(false)
      const after = await settle(checkout.cancel())
      expect(channel.calls[0]!.signal.aborted).toBe(true)
      expect(after.status).toBe('cancelled')
      api.markPaid('o1')
      expect((await settle(checkout.retry())).status).toBe('paid')
    } finally {
      vi.unstubAllGlobals()
    }
  })

  it('keeps paying when storage writes fail, and reports it', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const api = fakeApi()
    const channel = manualChannel()
    const storage = {
      getItem: () => null,
      setItem: () => {
        throw new Error('quota')
      },
      removeItem: () => {},
    }
    const checkout = createCheckout({ api, channel, storage })
    const done = checkout.submit(request())
    await vi.advanceTimersByTimeAsync(0)
    expect(checkout.getSnapshot()).toMatchObject({ status: 'paying', storageIssue: 'storage_failed' })
    api.markPaid('o1')
    channel.answer({ kind: 'submitted' })
    expect((await settle(done)).status).toBe('paid')
    warn.mockRestore()
  })

  it('clears storage_failed once a later write reaches the storage, and keeps storage_corrupt', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const api = fakeApi()
    const channel = manualChannel()
    const disk = memoryStorage()
    let broken = true
    const storage = {
      getItem: disk.getItem,
      setItem: (key: string, value: string) => {
        if (broken) throw new Error('quota')
        disk.setItem(key, value)
      },
      removeItem: disk.removeItem,
    }
    const checkout = createCheckout({ api, channel, storage })
    const done = checkout.submit(request())
    await vi.advanceTimersByTimeAsync(0)
    // the order's writes failed: a kill now would lose it
    expect(checkout.getSnapshot()).toMatchObject({ status: 'paying', storageIssue: 'storage_failed' })
    expect(disk.dump()[KEY]).toBeUndefined()
    broken = false
    channel.answer({ kind: 'submitted' })
    await vi.advanceTimersByTimeAsync(0)
    // the next write (the order now confirming) saved the whole list
    expect(checkout.getSnapshot().storageIssue).toBeUndefined()
    expect(JSON.parse(disk.dump()[KEY] ?? '{}').orders).toHaveLength(1)
    api.markPaid('o1')
    expect((await settle(done)).status).toBe('paid')

    const corrupt = memoryStorage()
    corrupt.setItem(KEY, '{oops')
    const second = createCheckout({ api, channel: manualChannel(), storage: corrupt })
    await settle(second.resume())
    void second.submit(request())
    await vi.advanceTimersByTimeAsync(0)
    expect(second.getSnapshot()).toMatchObject({ status: 'paying', storageIssue: 'storage_corrupt' })
    warn.mockRestore()
  })

  it('does not write over orders a slow storage answers late', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const api = fakeApi()
    const first = createCheckout({ api, channel: manualChannel(), storage: memoryStorage() })
    void first.submit(request())
    await vi.advanceTimersByTimeAsync(0)
    const stored = memoryStorage()
    // an order o1 left pending by an earlier session, behind a storage that takes 8 s to read
    const seed = createCheckout({ api, channel: manualChannel(), storage: stored })
    void seed.submit(request())
    await vi.advanceTimersByTimeAsync(0)
    seed.dispose()
    first.dispose()
    const slow = {
      getItem: (k: string) => {
        const value = stored.getItem(k) as string | null
        return new Promise<string | null>((r) => setTimeout(() => r(value), 8000))
      },
      setItem: stored.setItem,
      removeItem: stored.removeItem,
    }
    const checkout = createCheckout({ api, channel: manualChannel(), storage: slow })
    await vi.advanceTimersByTimeAsync(5000) // the read timed out
    expect(checkout.getSnapshot().storageIssue).toBe('storage_failed')
    void checkout.submit(request(1500))
    // the record is still unread: the attempt's first write reads it again instead of writing over
    // it; the late answer of the first read merges o2 meanwhile. Storage calls are made one at a
    // time, so that read waits for the first (8 s), takes 8 s itself, and the writes follow it
    await vi.advanceTimersByTimeAsync(20_000)
    expect(checkout.getSnapshot().pendingCount).toBe(2)
    const kept = JSON.parse(stored.dump()[KEY] ?? '{}').orders.map((o: { orderId: string }) => o.orderId)
    expect(kept).toEqual(['o3', 'o2'])
    warn.mockRestore()
  })

  it('keeps the snapshot object when an action changes nothing', async () => {
    const { checkout } = setup()
    const idle = checkout.getSnapshot()
    await checkout.cancel()
    await checkout.retry()
    expect(checkout.getSnapshot()).toBe(idle)
  })

  it('gives an evicted order whose cashier opened one last round with the server', async () => {
    const { api, checkout, channel } = setup()
    for (let i = 0; i < 6; i++) {
      const done = checkout.submit(request(1000 + i))
      await vi.advanceTimersByTimeAsync(0)
      channel.answer({ kind: 'cancelled' })
      await settle(done)
      if (i === 0) api.markPaid('o1') // the money moved late, behind the cashier's cancel
    }
    await vi.advanceTimersByTimeAsync(1000)
    expect(checkout.getSnapshot()).toMatchObject({ pendingCount: 5, latePaid: [{ orderId: 'o1' }] })
  })
})
