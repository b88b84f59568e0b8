/**
 * "Continue to pay" from the order centre (DESIGN.md, Wave 2): the checkout's retry/resume of that
 * order with the channel's saved state — never a second platform order.
 */
import {
  type CheckoutStatus,
  createCheckout,
  douyinTradeChannel,
  memoryStorage,
  money,
  sandboxChannel,
} from '@tradekit/core'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { installGlobal, platformMethod } from './channelFakes'
import {
  fakeApi,
  fakeLifecycle,
  manualChannel,
  orderMadeElsewhere,
  request,
  settle,
  slowStorage,
  submitCancelled,
} from './checkoutFakes'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

function statusesOf(checkout: {
  subscribe(fn: () => void): () => void
  getSnapshot(): { status: CheckoutStatus }
}) {
  const seen: CheckoutStatus[] = [checkout.getSnapshot().status]
  checkout.subscribe(() => {
    const s = checkout.getSnapshot().status
    if (seen.at(-1) !== s) seen.push(s)
  })
  return seen
}

describe('checkout.continuePayment', () => {
  it('pays an order this checkout kept through the same order and its saved state', async () => {
    const api = fakeApi()
    const channel = manualChannel()
    const checkout = createCheckout({ api, channel, storage: memoryStorage() })
    expect((await submitCancelled(checkout, channel)).status).toBe('cancelled')
    checkout.reset() // the user left the checkout; later, the order centre offers "continue to pay"
    const done = checkout.continuePayment({ orderId: 'o1', amount: money(1200), payment: { orderId: 'o1' } })
    await vi.advanceTimersByTimeAsync(0)
    expect(checkout.getSnapshot()).toMatchObject({ status: 'paying', order: { orderId: 'o1' } })
    expect(channel.calls[1]).toMatchObject({ payment: { orderId: 'o1' }, state: { opened: 1 } })
    api.markPaid('o1')
    channel.answer({ kind: 'submitted' })
    expect(await settle(done)).toMatchObject({ status: 'paid', pendingCount: 0 })
    expect(api.createOrder).toHaveBeenCalledTimes(1)
  })

  it('pays an order made elsewhere with the state the server kept, and confirms with the server', async () => {
    const api = fakeApi()
    await orderMadeElsewhere(api)
    const channel = manualChannel()
    const checkout = createCheckout({ api, channel, storage: memoryStorage() })
    const statuses = statusesOf(checkout)
    const done = checkout.continuePayment({
      orderId: 'o1',
      amount: money(3900),
      payment: { orderId: 'o1' },
      channelState: { opened: 7 },
      expiresAt: Date.now() + 15 * 60_000,
    })
    await vi.advanceTimersByTimeAsync(0)
    expect(channel.calls[0]).toMatchObject({ payment: { orderId: 'o1' }, state: { opened: 7 } })
    expect(checkout.getSnapshot().pendingCount).toBe(1) // kept until the server says it is final
    channel.answer({ kind: 'cancelled' })
    expect(await settle(done)).toMatchObject({ status: 'cancelled', retry: 'same-order', pendingCount: 1 })
    api.markPaid('o1')
    const again = checkout.retry()
    await vi.advanceTimersByTimeAsync(0)
    channel.answer({ kind: 'submitted' })
    expect((await settle(again)).status).toBe('paid')
    expect(statuses).toEqual(['idle', 'paying', 'confirming', 'cancelled', 'paying', 'confirming', 'paid'])
  })

  it('never makes a second Douyin order: with the Douyin order id it only calls getOrderPayment', async () => {
    const requestOrder = platformMethod({ success: { orderId: 'second' } })
    const getOrderPayment = platformMethod({ success: {} })
    const remove = installGlobal('tt', { requestOrder, getOrderPayment, canIUse: vi.fn(() => true) })
    try {
      const api = fakeApi()
      await api.createOrder(request(), { idempotencyKey: 'k', signal: new AbortController().signal })
      api.markPaid('o1')
      const checkout = createCheckout({ api, channel: douyinTradeChannel(), storage: memoryStorage() })
      const payment = { data: '{"skuList":[]}', byteAuthorization: 'SHA256-RSA2048 appid=tt1' }
      const done = checkout.continuePayment({
        orderId: 'o1',
        amount: money(1200),
        payment,
        channelState: { douyinOrderId: 'motb-first' },
      })
      expect((await settle(done)).status).toBe('paid')
      expect(requestOrder).not.toHaveBeenCalled()
      expect(getOrderPayment).toHaveBeenCalledWith(expect.objectContaining({ orderId: 'motb-first' }))
    } finally {
      remove()
    }
  })

  it('an order past its time ends expired without opening the cashier', async () => {
    const api = fakeApi()
    const channel = manualChannel()
    const checkout = createCheckout({ api, channel, storage: memoryStorage() })
    const final = await checkout.continuePayment({
      orderId: 'o9',
      amount: money(1200),
      payment: { orderId: 'o9' },
      expiresAt: Date.now() - 1,
    })
    // this checkout never had the order's lines: there is nothing to order again here (the order
    // centre's "buy again" has them), so no retry is offered and retry() orders nothing
    expect(final).toMatchObject({ status: 'expired', error: { code: 'ORDER_EXPIRED' }, retry: null })
    expect(channel.pay).not.toHaveBeenCalled()
    expect(final.pendingCount).toBe(0)
    expect(await checkout.retry()).toBe(final)
    expect(api.createOrder).not.toHaveBeenCalled()
  })

  it("an order's time given on the server's clock (with serverNow) is read on the phone's", async () => {
    const api = fakeApi()
    const channel = manualChannel()
    const checkout = createCheckout({ api, channel, storage: memoryStorage() })
    const serverNow = Date.now() + 2 * 60 * 60_000 // the phone's clock runs two hours behind
    const final = await checkout.continuePayment({
      orderId: 'o9',
      amount: money(1200),
      payment: { orderId: 'o9' },
      expiresAt: serverNow - 1, // its time ran out on the server
      serverNow,
    })
    expect(final).toMatchObject({ status: 'expired', error: { code: 'ORDER_EXPIRED' } })
    expect(channel.pay).not.toHaveBeenCalled()
  })

  it("after a purchase of its own, retry() on a continued order never orders that earlier purchase's lines", async () => {
    const api = fakeApi()
    const channel = manualChannel()
    const checkout = createCheckout({ api, channel, storage: memoryStorage() })
    const own = checkout.submit(request(1200))
    await vi.advanceTimersByTimeAsync(0)
    api.markPaid('o1')
    channel.answer({ kind: 'submitted' })
    expect((await settle(own)).status).toBe('paid')
    await orderMadeElsewhere(api)
    // the order centre's "pay now" on an order made on another device; the user cancels and the
    // server closes it
    const continued = checkout.continuePayment({
      orderId: 'o2',
      amount: money(3900),
      payment: { orderId: 'o2' },
    })
    await vi.advanceTimersByTimeAsync(0)
    api.orders.get('o2')!.status = 'closed'
    channel.answer({ kind: 'cancelled' })
    const shown = await settle(continued)
    expect(shown).toMatchObject({ status: 'expired', order: { orderId: 'o2' }, retry: null })
    await checkout.retry()
    expect(api.createOrder).toHaveBeenCalledTimes(2) // the first purchase and the other device's order
  })

  it('a refused submit shows no order: the one shown before may since have been paid', async () => {
    const api = fakeApi()
    const channel = manualChannel()
    const checkout = createCheckout({ api, channel, storage: memoryStorage() })
    expect((await submitCancelled(checkout, channel)).order?.orderId).toBe('o1')
    const refused = await checkout.submit({ lines: [], expectedPayable: money(1200) })
    expect(refused).toMatchObject({ status: 'failed', error: { code: 'INVALID_ARGUMENT' } })
    expect(refused.order).toBeUndefined()
  })

  it('refuses with a typed error: an unknown channel, an unavailable one, a malformed order', async () => {
    const api = fakeApi()
    const checkout = createCheckout({ api, channel: manualChannel(), storage: memoryStorage() })
    const order = { orderId: 'o1', amount: money(1200), payment: {} }
    expect((await checkout.continuePayment({ ...order, channel: 'nope' })).error?.code).toBe(
      'PAYMENT_UNAVAILABLE',
    )
    const offline = { ...manualChannel('offline'), isAvailable: () => false }
    const other = createCheckout({ api, channel: offline, storage: memoryStorage() })
    expect((await other.continuePayment(order)).error?.code).toBe('PAYMENT_UNAVAILABLE')
    const bad = await checkout.continuePayment({
      orderId: '',
      amount: { amount: 1.5, currency: 'CNY' },
      payment: {},
    })
    expect(bad).toMatchObject({ status: 'failed', error: { code: 'INVALID_ARGUMENT' } })
  })

  it('after a paid order is shown, continuing another one starts from idle', async () => {
    const api = fakeApi()
    const channel = sandboxChannel({ outcome: 'success' }, { notify: (id) => api.markPaid(id) })
    const checkout = createCheckout({ api, channel, storage: memoryStorage() })
    expect((await settle(checkout.submit(request()))).status).toBe('paid')
    await api.createOrder(request(500), { idempotencyKey: 'x', signal: new AbortController().signal })
    const next = await settle(
      checkout.continuePayment({ orderId: 'o2', amount: money(500), payment: { orderId: 'o2' } }),
    )
    expect(next).toMatchObject({ status: 'paid', order: { orderId: 'o2' } })
  })

  it('opens the cashier only once the order is on disk, so a kill right after loses nothing (rule 3)', async () => {
    const api = fakeApi()
    await orderMadeElsewhere(api)
    // storage that answers 50 ms late, as the platform's async storage does
    const disk = memoryStorage()
    const slow = slowStorage(disk, 50)
    const channel = manualChannel()
    const checkout = createCheckout({ api, channel, storage: slow })
    await settle(checkout.resume())
    const onDisk = () => Object.values(disk.dump()).join().includes('"orderId":"o1"')
    let storedWhenOpened: boolean | undefined
    vi.mocked(channel.pay).mockImplementationOnce(() => {
      storedWhenOpened = onDisk()
      return new Promise(() => {})
    })
    void checkout.continuePayment({ orderId: 'o1', amount: money(3900), payment: { orderId: 'o1' } })
    await vi.advanceTimersByTimeAsync(200)
    expect(channel.pay).toHaveBeenCalledTimes(1)
    expect(storedWhenOpened).toBe(true)
  })

  it('continuing an order that a background check then finds paid shows it paid once, and never hangs in paying', async () => {
    const api = fakeApi()
    const channel = manualChannel()
    const lifecycle = fakeLifecycle()
    const disk = memoryStorage()
    const storage = slowStorage(disk, 300)
    const checkout = createCheckout({ api, channel, storage, lifecycle })
    await settle(checkout.resume())
    // o1: the user leaves the cashier, the server says pending: cancelled, kept pending
    const first = checkout.submit(request())
    await settle(new Promise((r) => setTimeout(r, 1000)))
    channel.answer({ kind: 'cancelled' })
    expect((await settle(first)).status).toBe('cancelled')
    // o2: a new purchase, paid
    const second = checkout.submit(request(2400))
    await settle(new Promise((r) => setTimeout(r, 1000)))
    // while it is open the app comes back to view: o1 is asked about in the background, slowly
    const answer = api.getOrderStatus.getMockImplementation()!
    let release: (() => void) | undefined
    api.getOrderStatus.mockImplementation((orderId, ctx) =>
      orderId === 'o1' && !release
        ? new Promise((resolve) => {
            release = () => resolve(answer(orderId, ctx))
          })
        : answer(orderId, ctx),
    )
    lifecycle.show()
    api.markPaid('o2')
    channel.answer({ kind: 'submitted' })
    expect((await settle(second)).status).toBe('paid')
    // the order centre's "pay now" on o1; the background answer arrives before the cashier opens
    const continued = checkout.continuePayment({
      orderId: 'o1',
      amount: money(1200),
      payment: { orderId: 'o1' },
    })
    await vi.advanceTimersByTimeAsync(0)
    api.markPaid('o1') // paid on another device meanwhile
    release!()
    await vi.advanceTimersByTimeAsync(400)
    expect(checkout.getSnapshot()).toMatchObject({ status: 'paying', order: { orderId: 'o1' } })
    channel.answer({ kind: 'failed', retryable: false }) // the platform: this order is already paid
    const final = await settle(continued)
    expect(final).toMatchObject({ status: 'paid', order: { orderId: 'o1' } })
    expect(final.latePaid.map((o) => o.orderId)).not.toContain('o1')
  })
})
