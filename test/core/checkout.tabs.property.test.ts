/**
 * Two H5 tabs of one shop over one `localStorage`: two checkouts, each over its own storage object,
 * both live and on screen, writing one pending-order record. Random interleavings of purchases,
 * cashier answers, payments, tab closes and reopenings; then every tab is closed and the shop opened
 * once more. DESIGN.md rule 3, nothing paid is lost: every order the server has paid was told to the
 * user — shown paid, or reported in `latePaid` — in some tab or in that last launch. (Told twice is
 * allowed: two tabs that both re-check one order may each tell of it.)
 */
import { type Checkout, type CheckoutSnapshot, createCheckout, memoryStorage } from '@tradekit/core'
import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fakeApi, manualChannel, request, settle } from './checkoutFakes'

const RUNS = Number(process.env.TRADEKIT_TABS_RUNS ?? 300)

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

type Op =
  | { kind: 'submit'; tab: number; amount: number }
  | { kind: 'answer'; tab: number; outcome: 'submitted' | 'cancelled' }
  | { kind: 'pay'; pick: number }
  | { kind: 'cancel' | 'retry' | 'reset' | 'close'; tab: number }
  | { kind: 'wait'; ms: number }

const tab = fc.integer({ min: 0, max: 1 })
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('submit' as const), tab, amount: fc.constantFrom(1200, 3400) }),
  fc.record({
    kind: fc.constant('answer' as const),
    tab,
    outcome: fc.constantFrom('submitted', 'cancelled'),
  }),
  fc.record({ kind: fc.constant('pay' as const), pick: fc.nat(20) }),
  fc.record({
    kind: fc.constantFrom('cancel' as const, 'retry' as const, 'reset' as const, 'close' as const),
    tab,
  }),
  fc.record({ kind: fc.constant('wait' as const), ms: fc.constantFrom(0, 300, 2000, 20_000) }),
)

/** A storage port of its own over `disk`: another object for the same storage (a tab's). */
const over = (disk: ReturnType<typeof memoryStorage>) => ({
  getItem: (key: string) => disk.getItem(key),
  setItem: (key: string, value: string) => disk.setItem(key, value),
  removeItem: (key: string) => disk.removeItem(key),
})

async function run(ops: readonly Op[], onePort = false) {
  const api = fakeApi()
  const disk = memoryStorage()
  const told = new Set<string>()
  const channels: ReturnType<typeof manualChannel>[] = []
  const port = over(disk)
  const hear = (snapshot: CheckoutSnapshot) => {
    if (snapshot.status === 'paid' && snapshot.order) told.add(snapshot.order.orderId)
    for (const order of snapshot.latePaid) told.add(order.orderId)
  }
  const open = () => {
    const channel = manualChannel()
    channels.push(channel)
    const checkout: Checkout = createCheckout({ api, channel, storage: onePort ? port : over(disk) })
    checkout.subscribe(() => hear(checkout.getSnapshot()))
    void checkout.resume() // the page loads
    return { checkout, channel }
  }
  const tabs = [open(), open()]
  for (const op of ops) {
    switch (op.kind) {
      case 'submit':
        void tabs[op.tab]!.checkout.submit(request(op.amount))
        break
      case 'answer':
        if (tabs[op.tab]!.channel.calls.length > 0) tabs[op.tab]!.channel.answer({ kind: op.outcome })
        break
      case 'pay': {
        // the user paid in a cashier that opened (or the payment of an earlier one lands)
        const opened = channels.flatMap(({ calls }) =>
          calls.map((call) => (call.payment as { orderId: string }).orderId),
        )
        const orderId = opened[op.pick % Math.max(1, opened.length)]
        if (orderId) api.markPaid(orderId)
        break
      }
      case 'cancel':
      case 'retry':
        void tabs[op.tab]!.checkout[op.kind]()
        break
      case 'reset':
        tabs[op.tab]!.checkout.reset()
        break
      case 'close':
        // the tab is closed (nothing of it runs again) and the shop opened in a new one
        tabs[op.tab]!.checkout.dispose()
        tabs[op.tab] = open()
        break
      case 'wait':
        await vi.advanceTimersByTimeAsync(op.ms)
        break
    }
    await vi.advanceTimersByTimeAsync(0)
  }
  for (const { checkout } of tabs) checkout.dispose()
  // the shop opened once more, after every tab was closed: it re-checks what the record holds
  const last = createCheckout({ api, channel: manualChannel(), storage: over(disk) })
  last.subscribe(() => hear(last.getSnapshot()))
  hear(await settle(last.resume()))
  await vi.advanceTimersByTimeAsync(120_000)
  hear(last.getSnapshot())
  last.dispose()
  const paid = [...api.orders.values()].filter((o) => o.status === 'paid').map((o) => o.orderId)
  return { paid, told }
}

// `onePort`: both over one storage object instead, as two providers of one user in one app are
describe('two tabs over one storage (rule 3: nothing paid is lost)', () => {
  it(`every paid order is told, in a tab or at the next launch, over ${RUNS} random runs`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(opArb, { minLength: 2, maxLength: 14 }),
        fc.boolean(),
        async (ops, onePort) => {
          const { paid, told } = await run(ops, onePort)
          expect(paid.filter((orderId) => !told.has(orderId))).toEqual([])
        },
      ),
      { numRuns: RUNS },
    )
  })

  it('the case the old record lost: the other tab wrote over an order being paid', async () => {
    const { paid, told } = await run([
      { kind: 'submit', tab: 0, amount: 1200 }, // o1, its cashier open in the first tab
      { kind: 'submit', tab: 1, amount: 3400 }, // o2, written by the second tab
      { kind: 'pay', pick: 0 }, // o1 paid; both tabs closed before the first confirms it
    ])
    expect(paid).toEqual(['o1'])
    expect([...told]).toEqual(['o1'])
  })
})
