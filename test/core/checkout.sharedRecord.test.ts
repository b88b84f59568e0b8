/**
 * Several checkouts over one storage and key: two providers of one user, or the checkout of a killed
 * app whose promises still settle beside the relaunched one (a killed app runs no `dispose()`). Each
 * wrote its own pending orders over the other's, so a relaunch could lose an order paid in the other
 * (DESIGN.md rule 3: nothing paid is lost). Now they share the record.
 */
import {
  type Checkout,
  type CheckoutSnapshot,
  createCheckout,
  memoryStorage,
  storageKey,
} from '@tradekit/core'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fakeApi, manualChannel, request, settle } from './checkoutFakes'

const KEY = storageKey('checkout', {})

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

const stored = (storage: ReturnType<typeof memoryStorage>) =>
  (JSON.parse(storage.dump()[KEY] ?? '{"orders":[]}').orders as { orderId: string }[])
    .map((order) => order.orderId)
    .sort()

/** The orders a settled snapshot tells the user were paid: the one shown, and those in `latePaid`. */
const told = (snapshot: CheckoutSnapshot) => [
  snapshot.order?.orderId,
  ...snapshot.latePaid.map((order) => order.orderId),
]

/** A checkout whose cashier opens for `amount` and stays open (the order pending on the server). */
async function paying(checkout: Checkout, amount: number) {
  void checkout.submit(request(amount))
  await vi.advanceTimersByTimeAsync(0)
  expect(checkout.getSnapshot().status).toBe('paying')
}

describe('checkouts sharing one pending-order record', () => {
  it('two live checkouts: the record holds the orders of both, and a relaunch re-checks both', async () => {
    const api = fakeApi()
    const storage = memoryStorage()
    const first = createCheckout({ api, channel: manualChannel(), storage })
    const second = createCheckout({ api, channel: manualChannel(), storage })
    await paying(first, 1200) // o1
    await paying(second, 3400) // o2: written after o1, it used to write o1 out of the record
    expect(stored(storage)).toEqual(['o1', 'o2'])
    // the app is killed (no dispose runs) while both cashiers are open; o1 was paid
    api.markPaid('o1')
    const relaunched = createCheckout({ api, channel: manualChannel(), storage })
    const resumed = await settle(relaunched.resume())
    expect(api.getOrderStatus).toHaveBeenCalledWith('o1', expect.anything())
    expect(api.getOrderStatus).toHaveBeenCalledWith('o2', expect.anything())
    expect(told(resumed)).toContain('o1')
  })

  it("a killed app's checkout that still settles does not write the relaunched one's new order out", async () => {
    const api = fakeApi()
    const storage = memoryStorage()
    const killedCashier = manualChannel()
    const killed = createCheckout({ api, channel: killedCashier, storage })
    await paying(killed, 1200) // o1; then the app is killed: nothing disposes it
    const relaunched = createCheckout({ api, channel: manualChannel(), storage })
    await settle(relaunched.resume())
    relaunched.reset()
    await paying(relaunched, 3400) // o2
    expect(stored(storage)).toEqual(['o1', 'o2'])
    // the killed app's cashier answers after all: its checkout confirms o1 (pending) and writes
    killedCashier.answer({ kind: 'cancelled' })
    await settle(killed.cancel())
    expect(killed.getSnapshot().status).toBe('cancelled')
    expect(stored(storage)).toContain('o2')
    // killed once more: o2, paid meanwhile, is re-checked and found paid
    api.markPaid('o2')
    const third = createCheckout({ api, channel: manualChannel(), storage })
    const resumed = await settle(third.resume())
    expect(told(resumed)).toContain('o2')
  })

  it('a disposed checkout leaves its pending order in the record the others write', async () => {
    const api = fakeApi()
    const storage = memoryStorage()
    const page = createCheckout({ api, channel: manualChannel(), storage })
    const app = createCheckout({ api, channel: manualChannel(), storage })
    await paying(page, 1200) // o1
    page.dispose() // its page closed while the cashier was open
    await paying(app, 3400) // o2
    expect(stored(storage)).toEqual(['o1', 'o2'])
  })

  it('an order a checkout saw end is not kept for a checkout that never wrote it', async () => {
    const api = fakeApi()
    const storage = memoryStorage()
    const first = createCheckout({ api, channel: manualChannel(), storage })
    const firstCashier = manualChannel()
    const again = createCheckout({ api, channel: firstCashier, storage })
    await paying(again, 1200) // o1
    await paying(first, 3400) // o2
    expect(stored(storage)).toEqual(['o1', 'o2'])
    api.markPaid('o1')
    firstCashier.answer({ kind: 'submitted' })
    await vi.advanceTimersByTimeAsync(5000)
    expect(again.getSnapshot().status).toBe('paid')
    expect(stored(storage)).toEqual(['o2'])
  })

  it('what a disposed checkout held, once another ended it, is not written back by a third', async () => {
    const api = fakeApi()
    const storage = memoryStorage()
    const page = createCheckout({ api, channel: manualChannel(), storage })
    await paying(page, 1200) // o1
    const app = createCheckout({ api, channel: manualChannel(), storage })
    page.dispose() // its page closed while the cashier was open; the user paid
    api.markPaid('o1')
    expect(await settle(app.resume())).toMatchObject({ status: 'paid', order: { orderId: 'o1' } })
    expect(stored(storage)).toEqual([])
    // a checkout that never held o1 (made after it ended) must not write it back from the page's
    const third = createCheckout({ api, channel: manualChannel(), storage })
    await paying(third, 3400) // o2
    expect(stored(storage)).toEqual(['o2'])
  })

  it('one checkout alone writes exactly its own orders (as before)', async () => {
    const api = fakeApi()
    const storage = memoryStorage()
    const cashier = manualChannel()
    const checkout = createCheckout({ api, channel: cashier, storage })
    await paying(checkout, 1200)
    expect(stored(storage)).toEqual(['o1'])
    api.markPaid('o1')
    cashier.answer({ kind: 'submitted' })
    expect(await settle(checkout.cancel())).toMatchObject({ status: 'paid' })
    expect(storage.dump()[KEY]).toBeUndefined()
  })
})

describe('a checkout made and never used', () => {
  it('(a render React threw away) keeps no order in the record once the live one ended it', async () => {
    const api = fakeApi()
    const storage = memoryStorage()
    const first = createCheckout({ api, channel: manualChannel(), storage })
    await paying(first, 1200) // o1
    first.dispose() // killed with the cashier open; the user paid
    api.markPaid('o1')
    // next launch: a render React throws away made a checkout too; it reads the record and is never
    // resumed, subscribed or disposed
    const next = memoryStorage(storage.dump())
    createCheckout({ api, channel: manualChannel(), storage: next })
    const live = createCheckout({ api, channel: manualChannel(), storage: next })
    expect(await settle(live.resume())).toMatchObject({ status: 'paid', order: { orderId: 'o1' } })
    expect(JSON.parse(next.dump()[KEY] ?? '{"orders":[]}').orders).toEqual([])
    // and the launch after it does not report o1 again
    const after = createCheckout({ api, channel: manualChannel(), storage: memoryStorage(next.dump()) })
    expect((await settle(after.resume())).latePaid).toEqual([])
  })
})

/** A storage port of its own over `backing`: another object for the same storage (an H5 tab). */
const over = (backing: ReturnType<typeof memoryStorage>) => ({
  getItem: (key: string) => backing.getItem(key),
  setItem: (key: string, value: string) => backing.setItem(key, value),
  removeItem: (key: string) => backing.removeItem(key),
})

describe('checkouts over two storage objects for one storage (two H5 tabs, a port made twice)', () => {
  it('a write keeps the orders the other wrote, and a relaunch re-checks the paid one', async () => {
    const api = fakeApi()
    const backing = memoryStorage()
    // both tabs open before either pays: neither read the other's order at launch
    const first = createCheckout({ api, channel: manualChannel(), storage: over(backing) })
    const second = createCheckout({ api, channel: manualChannel(), storage: over(backing) })
    await paying(first, 1200) // o1, written by the first tab
    await paying(second, 3400) // o2, written after the first tab's o1: it used to write o1 out
    expect(stored(backing)).toEqual(['o1', 'o2'])
    // both tabs are closed with their cashiers open; o1 was paid
    api.markPaid('o1')
    const relaunched = createCheckout({ api, channel: manualChannel(), storage: over(backing) })
    const resumed = await settle(relaunched.resume())
    expect(told(resumed)).toContain('o1')
  })

  it('an order the other tab ended is not written back', async () => {
    const api = fakeApi()
    const backing = memoryStorage()
    const cashier = manualChannel()
    const first = createCheckout({ api, channel: cashier, storage: over(backing) })
    const second = createCheckout({ api, channel: manualChannel(), storage: over(backing) })
    await paying(first, 1200) // o1
    await paying(second, 3400) // o2 (keeps o1, the first tab's)
    api.markPaid('o1')
    cashier.answer({ kind: 'submitted' })
    await vi.advanceTimersByTimeAsync(5000)
    expect(first.getSnapshot().status).toBe('paid')
    expect(stored(backing)).toEqual(['o2']) // the first tab's write used to remove the record, o2 too
    // the second tab writes again (its cashier is cancelled): o1, ended in the first, stays out
    await settle(second.cancel())
    expect(stored(backing)).not.toContain('o1')
  })

  it('an asynchronous port is read once, at launch: its writes are not held back by reads', async () => {
    const api = fakeApi()
    const backing = memoryStorage()
    const getItem = vi.fn(async (key: string) => backing.getItem(key))
    const storage = { ...over(backing), getItem }
    const checkout = createCheckout({ api, channel: manualChannel(), storage })
    await paying(checkout, 1200)
    expect(stored(backing)).toEqual(['o1'])
    expect(getItem).toHaveBeenCalledTimes(1)
  })
})
