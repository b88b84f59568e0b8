/**
 * DESIGN.md rule 2: "confirmed once" means one *answer* from the server. A status request that
 * failed or timed out is no answer: the checkout asks again on the confirmation schedule (paused
 * while the app is hidden) and, when the budget ends without an answer, shows `unknown` — never
 * the cashier's word. Every confirmation path × which requests get no answer × visible or hidden.
 */
import {
  type CheckoutSnapshot,
  type CheckoutStatus,
  createCheckout,
  memoryStorage,
  TradeKitError,
} from '@tradekit/core'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fakeApi, fakeLifecycle, manualChannel, request } from './checkoutFakes'

type Path = 'cashier cancelled' | 'cashier failed' | 'cancel() after the cashier opened' | 'cashier submitted'
type Recheck = 're-check on show' | 'resume after a relaunch'
type Silence = 'first' | 'first three' | 'every one'
type Kind = 'network error' | 'timeout'

const PATHS: Path[] = [
  'cashier cancelled',
  'cashier failed',
  'cancel() after the cashier opened',
  'cashier submitted',
]
const RECHECKS: Recheck[] = ['re-check on show', 'resume after a relaunch']
const SILENCES: Silence[] = ['first', 'first three', 'every one']
const KINDS: Kind[] = ['network error', 'timeout']

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

/** Makes the next status requests get no answer: `count` of them, or all (`Infinity`); returns the undo. */
function silence(api: ReturnType<typeof fakeApi>, count: number, kind: Kind): () => void {
  let left = count
  const answer = api.getOrderStatus.getMockImplementation()!
  api.getOrderStatus.mockImplementation((orderId, ctx) => {
    if (left <= 0) return answer(orderId, ctx)
    left--
    if (kind === 'timeout') return new Promise(() => {})
    return Promise.reject(new TradeKitError('NETWORK', 'no answer'))
  })
  return () => api.getOrderStatus.mockImplementation(answer)
}

const countOf = (s: Silence) => (s === 'first' ? 1 : s === 'first three' ? 3 : Number.POSITIVE_INFINITY)

/** Records every snapshot, to check what the screen said on the way. */
function watch(checkout: { subscribe(fn: () => void): () => void; getSnapshot(): CheckoutSnapshot }) {
  const seen: CheckoutSnapshot[] = []
  checkout.subscribe(() => seen.push(checkout.getSnapshot()))
  return seen
}

/** Statuses shown as settled (not while re-checking): what the user was told. */
const told = (seen: CheckoutSnapshot[]): CheckoutStatus[] =>
  seen.filter((s) => !s.rechecking && s.status !== 'confirming').map((s) => s.status)

async function run(ms: number) {
  for (let t = 0; t < ms; t += 500) await vi.advanceTimersByTimeAsync(500)
}

describe.each(PATHS)('after "%s", the server holding the money', (path) => {
  describe.each(KINDS)('status requests that fail by %s', (kind) => {
    const cases: [Silence, 'visible' | 'hidden in between'][] = [
      ...SILENCES.map((s): [Silence, 'visible'] => [s, 'visible']),
      ['first three', 'hidden in between'],
    ]
    it.each(cases)('the %s getting no answer (%s)', async (which, visibility) => {
      const api = fakeApi()
      const channel = manualChannel()
      const lifecycle = fakeLifecycle()
      const checkout = createCheckout({ api, channel, lifecycle, storage: memoryStorage() })
      const seen = watch(checkout)
      void checkout.submit(request())
      await vi.advanceTimersByTimeAsync(0)
      api.markPaid('o1') // the money moved, whatever the cashier says
      silence(api, countOf(which), kind)
      if (path === 'cashier cancelled') channel.answer({ kind: 'cancelled' })
      else if (path === 'cashier failed') channel.answer({ kind: 'failed', retryable: true, code: '6002' })
      else if (path === 'cashier submitted') channel.answer({ kind: 'submitted' })
      else void checkout.cancel()
      if (visibility === 'hidden in between') {
        await run(1500)
        lifecycle.hide()
        const polls = api.getOrderStatus.mock.calls.length
        await run(30 * 60_000)
        expect(api.getOrderStatus.mock.calls.length).toBe(polls) // nothing asked while hidden
        expect(checkout.getSnapshot().status).toBe('confirming')
        lifecycle.show()
      }
      await run(70_000 + 11 * 10_000) // the budget, and poll timeouts that do not count as answers
      const expected: CheckoutStatus = which === 'every one' ? 'unknown' : 'paid'
      expect(checkout.getSnapshot().status).toBe(expected)
      expect(told(seen)).not.toContain('cancelled')
      expect(told(seen)).not.toContain('failed')
      if (expected === 'unknown')
        expect(checkout.getSnapshot()).toMatchObject({ pendingCount: 1, retry: 'same-order' })
    })
  })
})

describe.each(RECHECKS)('a shown cancel, then the money moved: %s', (recheck) => {
  it.each(SILENCES.flatMap((s) => KINDS.map((k) => [s, k] as const)))(
    'the %s status request getting no answer (%s)',
    async (which, kind) => {
      const api = fakeApi()
      const storage = memoryStorage()
      const lifecycle = fakeLifecycle()
      const first = createCheckout({ api, channel: manualChannel(), lifecycle, storage })
      void first.submit(request())
      await vi.advanceTimersByTimeAsync(0)
      void first.cancel()
      await vi.advanceTimersByTimeAsync(0)
      expect(first.getSnapshot().status).toBe('cancelled') // the server answered pending
      api.markPaid('o1') // a late payment
      const speak = silence(api, countOf(which), kind)
      let checkout = first
      if (recheck === 'resume after a relaunch') {
        first.dispose()
        checkout = createCheckout({ api, channel: manualChannel(), lifecycle: fakeLifecycle(), storage })
        void checkout.resume()
      } else {
        lifecycle.hide()
        lifecycle.show()
      }
      const seen = watch(checkout)
      await run(70_000 + 11 * 10_000)
      if (which === 'every one') {
        // no answer: the shown status stays (a settled status moves only to paid) and the order is kept
        expect(checkout.getSnapshot()).toMatchObject({
          status: 'cancelled',
          rechecking: false,
          pendingCount: 1,
        })
        speak() // the server answers again: the next show (or launch) finds the money
        lifecycle.hide()
        lifecycle.show()
        if (recheck === 'resume after a relaunch') void checkout.resume()
        await run(5000)
      }
      expect(checkout.getSnapshot()).toMatchObject({ status: 'paid', pendingCount: 0 })
      // while the server has not answered, the cancel is only ever shown as being re-checked
      if (which !== 'every one') expect(told(seen)).not.toContain('cancelled')
    },
  )
})
