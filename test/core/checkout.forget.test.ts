/**
 * DESIGN.md rule 3, "nothing paid is lost", against time: a pending order is forgotten once it is
 * past `expiresAt` plus a grace period (`forgetAfterExpiryMs`), measured on the phone's clock. Two
 * ways that lost a paid order before:
 * - the app, killed while its payment was being confirmed, comes back hours later: the order was
 *   dropped at launch without a word to the server, so a payment that went through was never told;
 * - the phone's clock runs far ahead of the server's (set by hand): the order being confirmed was
 *   dropped from storage as soon as the app came back from the cashier, so a kill then lost it.
 * Now an order past its time leaves the list only on the server's final answer: it is asked about
 * in the background on every launch and show (one found paid is reported as `latePaid`), and the
 * order the checkout is confirming or showing is re-checked as any other.
 */
import { type CreatedOrder, createCheckout, memoryStorage, money } from '@tradekit/core'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  fakeApi,
  fakeLifecycle,
  manualChannel,
  orderMadeElsewhere,
  request,
  settle,
  slowStorage,
} from './checkoutFakes'

const MINUTE = 60_000
const HOUR = 60 * MINUTE

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

/** A backend whose orders must be paid within 15 minutes (of the server's clock, `serverNow`). */
function expiringApi(serverNow: () => number) {
  const api = fakeApi()
  const create = api.createOrder.getMockImplementation()!
  api.createOrder.mockImplementation(async (req, ctx) => {
    const created: CreatedOrder = await create(req, ctx)
    return { ...created, expiresAt: serverNow() + 15 * MINUTE }
  })
  return api
}

function launch(api: ReturnType<typeof fakeApi>, storage: ReturnType<typeof memoryStorage>) {
  const channel = manualChannel()
  const lifecycle = fakeLifecycle()
  const checkout = createCheckout({ api, channel, storage, lifecycle })
  return { checkout, channel, lifecycle }
}

/** Submits and waits until the cashier is open. */
async function openCashier(app: ReturnType<typeof launch>) {
  void app.checkout.submit(request())
  for (let i = 0; i < 50 && app.channel.calls.length === 0; i++) await vi.advanceTimersByTimeAsync(10)
  expect(app.checkout.getSnapshot().status).toBe('paying')
}

/** A launched app with the cashier open for a 15-minute order. */
async function inPayment(api = expiringApi(() => Date.now())) {
  const storage = memoryStorage()
  const app = launch(api, storage)
  await settle(app.checkout.resume())
  await openCashier(app)
  return { api, storage, app, orderId: app.checkout.getSnapshot().order!.orderId }
}

/** The same, and the app is killed there (the money moved or not). */
async function killedInPayment(paid: boolean) {
  const payment = await inPayment()
  if (paid) payment.api.markPaid(payment.orderId)
  payment.app.checkout.dispose()
  return payment
}

describe('pending orders past their time', () => {
  it('asks about an order past its time: a payment made before a kill is reported hours later', async () => {
    // the money moves, then the app is killed before the cashier returns
    const { api, storage, orderId } = await killedInPayment(true)

    vi.setSystemTime(Date.now() + 3 * HOUR) // the user comes back long after the order's time
    const statusCalls = api.getOrderStatus.mock.calls.length
    const second = launch(api, storage)
    const snapshot = await settle(second.checkout.resume())
    expect(snapshot.latePaid).toEqual([{ orderId, amount: api.orders.get(orderId)!.amount }])
    expect(api.getOrderStatus.mock.calls.length).toBe(statusCalls + 1)
    // ... and it is forgotten after that answer
    expect(storage.dump()).toEqual({})
  })

  it('drops an order past its time when the server answers it closed, and says nothing', async () => {
    const { api, storage, orderId } = await killedInPayment(false)
    api.orders.get(orderId)!.status = 'closed' // the server closed it when its time ran out

    vi.setSystemTime(Date.now() + 3 * HOUR)
    const second = launch(api, storage)
    const snapshot = await settle(second.checkout.resume())
    expect(snapshot.status).toBe('idle')
    expect(snapshot.latePaid).toEqual([])
    expect(api.getOrderStatus).toHaveBeenCalledWith(orderId, expect.anything())
    expect(storage.dump()).toEqual({})
  })

  it('keeps an order past its time while the server cannot be reached, and reports it once it answers', async () => {
    const { api, storage, orderId } = await killedInPayment(false)

    vi.setSystemTime(Date.now() + 3 * HOUR)
    const status = api.getOrderStatus.getMockImplementation()!
    api.getOrderStatus.mockImplementation(async () => Promise.reject(new Error('request:fail')))
    const second = launch(api, storage)
    expect((await settle(second.checkout.resume())).latePaid).toEqual([])
    await settle(new Promise((resolve) => setTimeout(resolve, 120_000)))
    expect(Object.values(storage.dump()).join()).toContain(`"orderId":"${orderId}"`)
    second.checkout.dispose()

    api.getOrderStatus.mockImplementation(status)
    api.markPaid(orderId) // the payment notice reached the server meanwhile
    const third = launch(api, storage)
    expect((await settle(third.checkout.resume())).latePaid.map((o) => o.orderId)).toEqual([orderId])
  })

  it('keeps the order being confirmed when the phone clock runs hours ahead of the server', async () => {
    const clockAhead = 2 * HOUR
    vi.setSystemTime(Date.now() + clockAhead) // the phone's clock, set by hand
    const { api, storage, app: first, orderId } = await inPayment(expiringApi(() => Date.now() - clockAhead))
    api.markPaid(orderId)
    // the cashier app returns; the server has not seen the payment notice through yet
    const status = api.getOrderStatus.getMockImplementation()!
    api.getOrderStatus.mockImplementation(async () => 'pending')
    first.lifecycle.hide()
    first.channel.answer({ kind: 'submitted' })
    first.lifecycle.show()
    await vi.advanceTimersByTimeAsync(1500)
    expect(first.checkout.getSnapshot().status).toBe('confirming')
    expect(Object.values(storage.dump()).join()).toContain(`"orderId":"${orderId}"`)

    first.checkout.dispose() // killed while confirming
    api.getOrderStatus.mockImplementation(status)
    const second = launch(api, storage)
    const snapshot = await settle(second.checkout.resume())
    const told = snapshot.status === 'paid' ? snapshot.order?.orderId : snapshot.latePaid[0]?.orderId
    expect(told).toBe(orderId)
  })

  it('re-checks the order on screen even past its time, and shows it paid', async () => {
    const { api, app, orderId } = await inPayment()
    const status = api.getOrderStatus.getMockImplementation()!
    api.getOrderStatus.mockImplementation(async () => 'pending')
    app.channel.answer({ kind: 'submitted' })
    // the budget ends with the server still saying pending: unknown, kept on screen
    for (let i = 0; i < 100 && app.checkout.getSnapshot().status !== 'unknown'; i++) {
      await vi.advanceTimersByTimeAsync(1000)
    }
    expect(app.checkout.getSnapshot().status).toBe('unknown')

    app.lifecycle.hide()
    api.getOrderStatus.mockImplementation(status)
    api.markPaid(orderId)
    vi.setSystemTime(Date.now() + 3 * HOUR)
    app.lifecycle.show()
    for (let i = 0; i < 100 && app.checkout.getSnapshot().status !== 'paid'; i++) {
      await vi.advanceTimersByTimeAsync(500)
    }
    expect(app.checkout.getSnapshot()).toMatchObject({ status: 'paid', order: { orderId } })
  })

  it('a launch whose read of storage failed never writes over the orders of an earlier session', async () => {
    const { api, storage, orderId } = await killedInPayment(true)
    // the next launch cannot read its storage once (a platform hiccup), then can
    let failReads = 1
    const flaky = {
      getItem: (key: string) => {
        if (failReads-- > 0) throw new Error('getStorage:fail')
        return storage.getItem(key)
      },
      setItem: (key: string, value: string) => storage.setItem(key, value),
      removeItem: (key: string) => storage.removeItem(key),
    }
    const channel = manualChannel()
    const second = createCheckout({ api, channel, storage: flaky, lifecycle: fakeLifecycle() })
    expect((await settle(second.resume())).storageIssue).toBe('storage_failed')
    // a new purchase writes the record: the earlier order is read again, kept (never written over)
    // and asked about at once: the server has it paid, so it is reported without waiting for a show
    const written: string[] = []
    const setItem = flaky.setItem
    flaky.setItem = (key, value) => {
      written.push(value)
      setItem(key, value)
    }
    void second.submit(request(2400))
    await vi.advanceTimersByTimeAsync(100)
    expect(written[0]).toContain(`"orderId":"${orderId}"`)
    expect(second.getSnapshot().latePaid.map((o) => o.orderId)).toEqual([orderId])
    const snapshot = await settle(second.resume())
    expect(snapshot.latePaid.map((o) => o.orderId)).toEqual([orderId])
  })

  it('a write whose second read fails too writes nothing over the stored orders', async () => {
    const { api, storage, orderId } = await killedInPayment(false)
    const before = storage.dump()
    const broken = {
      getItem: () => {
        throw new Error('getStorage:fail')
      },
      setItem: (key: string, value: string) => storage.setItem(key, value),
      removeItem: (key: string) => storage.removeItem(key),
    }
    const second = createCheckout({
      api,
      channel: manualChannel(),
      storage: broken,
      lifecycle: fakeLifecycle(),
    })
    await settle(second.resume())
    void second.submit(request(2400))
    await vi.advanceTimersByTimeAsync(100)
    expect(storage.dump()).toEqual(before)
    expect(Object.values(storage.dump()).join()).toContain(`"orderId":"${orderId}"`)
    expect(second.getSnapshot().storageIssue).toBe('storage_failed')
  })

  it('a write asked for before the launch read answered keeps the orders that read finds', async () => {
    const { api, storage, orderId } = await killedInPayment(true)
    await orderMadeElsewhere(api)
    // storage whose reads take 300 ms and writes 50 ms, and "pay now" on another order before the
    // launch's read has answered: a write landing first would leave that read nothing of o1
    const slow = slowStorage(storage, 300, 50)
    const second = createCheckout({
      api,
      channel: manualChannel(),
      storage: slow,
      lifecycle: fakeLifecycle(),
    })
    void second.continuePayment({ orderId: 'o2', amount: money(3900), payment: { orderId: 'o2' } })
    await vi.advanceTimersByTimeAsync(1000)
    const ids = Object.values(storage.dump()).join()
    expect(ids).toContain(`"orderId":"${orderId}"`)
    expect(ids).toContain('"orderId":"o2"')
    expect((await settle(second.resume())).latePaid.map((o) => o.orderId)).toEqual([orderId])
  })

  it('a write that answers after 5 s is never overtaken: the record ends with the order being paid', async () => {
    // the first write (the attempt's key, before the order is asked for) takes 7 s; the checkout
    // stops waiting for it at 5 s and goes on, but the next write, which holds the order, waits for
    // it: landing first, it would be written over and a kill would lose the order
    const disk = memoryStorage()
    const times = [7_000]
    const storage = {
      getItem: (key: string) => disk.getItem(key),
      setItem: (key: string, value: string) =>
        new Promise<void>((resolve) =>
          setTimeout(() => {
            disk.setItem(key, value)
            resolve()
          }, times.shift() ?? 10),
        ),
      removeItem: (key: string) => disk.removeItem(key),
    }
    const api = fakeApi()
    const channel = manualChannel()
    const checkout = createCheckout({ api, channel, storage, lifecycle: fakeLifecycle() })
    await settle(checkout.resume())
    void checkout.submit(request())
    await vi.advanceTimersByTimeAsync(6_000)
    expect(checkout.getSnapshot().storageIssue).toBe('storage_failed')
    await vi.advanceTimersByTimeAsync(14_000)
    // the writes after it landed: everything is saved, and the issue is over
    expect(checkout.getSnapshot()).toMatchObject({ status: 'paying' })
    expect(checkout.getSnapshot().storageIssue).toBeUndefined()
    const orderId = checkout.getSnapshot().order?.orderId
    expect(channel.calls).toHaveLength(1)
    expect(Object.values(disk.dump()).join()).toContain(`"orderId":"${orderId}"`)
  })

  it('an order found by a read that answered after 5 s is asked about at once, without a show', async () => {
    const { api, storage, orderId } = await killedInPayment(true)
    let first = true
    const slowFirstRead = {
      getItem: (key: string) => {
        const value = storage.getItem(key)
        if (!first) return value
        first = false
        return new Promise<string | null>((resolve) => setTimeout(() => resolve(value), 7_000))
      },
      setItem: (key: string, value: string) => storage.setItem(key, value),
      removeItem: (key: string) => storage.removeItem(key),
    }
    const second = createCheckout({
      api,
      channel: manualChannel(),
      storage: slowFirstRead,
      lifecycle: fakeLifecycle(),
    })
    // the launch waits 5 s for the read, then re-checks what it knows: nothing yet
    expect(await settle(second.resume())).toMatchObject({ storageIssue: 'storage_failed', latePaid: [] })
    await vi.advanceTimersByTimeAsync(10_000)
    expect(second.getSnapshot().latePaid.map((o) => o.orderId)).toEqual([orderId])
  })
})

describe("an order's time on the server's clock", () => {
  /** A backend on a clock `offset` ms from the phone's that says so: it answers `serverNow`. */
  function skewedApi(offset: number) {
    const api = fakeApi()
    const create = api.createOrder.getMockImplementation()!
    api.createOrder.mockImplementation(async (req, ctx) => {
      const created: CreatedOrder = await create(req, ctx)
      const serverNow = Date.now() + offset
      return { ...created, serverNow, expiresAt: serverNow + 15 * MINUTE }
    })
    return api
  }

  /** The cashier fails (a retryable failure) and the server says the order is still pending. */
  async function cashierFails(app: ReturnType<typeof launch>) {
    app.channel.answer({ kind: 'failed', retryable: true })
    for (let i = 0; i < 50 && app.checkout.getSnapshot().status !== 'failed'; i++) {
      await vi.advanceTimersByTimeAsync(100)
    }
    expect(app.checkout.getSnapshot().status).toBe('failed')
  }

  it('a phone clock hours ahead still pays the same order again within its 15 minutes', async () => {
    const { api, app } = await inPayment(skewedApi(-2 * HOUR))
    // read on the phone's clock: 15 minutes from its creation (a few timer steps ago), not 2 hours ago
    expect(app.checkout.getSnapshot().order!.expiresAt).toBeGreaterThan(Date.now() + 14 * MINUTE)
    expect(app.checkout.getSnapshot().order!.expiresAt).toBeLessThanOrEqual(Date.now() + 15 * MINUTE)
    await cashierFails(app)
    expect(app.checkout.getSnapshot().retry).toBe('same-order')
    void app.checkout.retry()
    for (let i = 0; i < 50 && app.channel.calls.length < 2; i++) await vi.advanceTimersByTimeAsync(10)
    expect(app.channel.calls).toHaveLength(2)
    expect(app.channel.calls[1]!.payment).toEqual(app.channel.calls[0]!.payment)
    expect(api.createOrder).toHaveBeenCalledTimes(1)
  })

  it('a phone clock hours behind does not reopen the cashier for an order whose time ran out', async () => {
    const { api, app } = await inPayment(skewedApi(2 * HOUR))
    vi.setSystemTime(Date.now() + 20 * MINUTE) // the user stays in the cashier past the order's time
    await cashierFails(app)
    // the server has not closed it yet (it still says pending), but it will refuse a payment
    expect(app.checkout.getSnapshot().retry).toBe('new-order')
    expect(api.createOrder).toHaveBeenCalledTimes(1)
  })

  it.each([
    ['no serverNow', undefined],
    ['a serverNow that is not a number', '2026-12-07T08:00:00Z'],
    ['a serverNow that is NaN', Number.NaN],
  ])('with %s, expiresAt is taken as the phone’s time', async (_, serverNow) => {
    const skew = 2 * HOUR
    const api = expiringApi(() => Date.now() + skew)
    const create = api.createOrder.getMockImplementation()!
    api.createOrder.mockImplementation(
      async (req, ctx) => ({ ...(await create(req, ctx)), serverNow }) as never,
    )
    const { app } = await inPayment(api)
    expect(app.checkout.getSnapshot().order!.expiresAt).toBeGreaterThan(Date.now() + skew + 14 * MINUTE)
    expect(app.checkout.getSnapshot().order!.expiresAt).toBeLessThanOrEqual(Date.now() + skew + 15 * MINUTE)
  })
})
