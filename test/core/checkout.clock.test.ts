/**
 * The phone's clock is not the checkout's timer. The confirmation budget (about 60 s of visible
 * time, then `unknown`) is counted with timers; `Date.now()` only measures how long a status request
 * took and how much of a wait had passed when the app was hidden. A clock set back by hand during a
 * payment made those measures negative, which gave the budget back hours: the checkout kept saying
 * "confirming" for as long as the clock had been set back.
 */
import { createCheckout, memoryStorage } from '@tradekit/core'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fakeApi, fakeLifecycle, manualChannel, request } from './checkoutFakes'

const DAY = 24 * 60 * 60_000

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

async function confirmingForever() {
  const api = fakeApi()
  const channel = manualChannel()
  const lifecycle = fakeLifecycle()
  const checkout = createCheckout({ api, channel, storage: memoryStorage(), lifecycle })
  void checkout.submit(request())
  for (let i = 0; i < 50 && channel.calls.length === 0; i++) await vi.advanceTimersByTimeAsync(10)
  channel.answer({ kind: 'submitted' }) // the server keeps saying pending
  await vi.advanceTimersByTimeAsync(0)
  expect(checkout.getSnapshot().status).toBe('confirming')
  return { api, checkout, lifecycle }
}

/** Runs fake time until the checkout leaves confirming; the visible time it took. */
async function timeToSettle(checkout: { getSnapshot(): { status: string } }) {
  let ms = 0
  while (checkout.getSnapshot().status === 'confirming' && ms < 10 * 60_000) {
    await vi.advanceTimersByTimeAsync(1000)
    ms += 1000
  }
  return ms
}

describe('a clock set back during a payment', () => {
  it('does not stretch the confirmation budget when it moves during a status request', async () => {
    const { api, checkout } = await confirmingForever()
    const answer = api.getOrderStatus.getMockImplementation()!
    let jumped = false
    api.getOrderStatus.mockImplementation(async (orderId, ctx) => {
      if (!jumped) {
        jumped = true
        vi.setSystemTime(Date.now() - DAY) // set back a day while the request is out
      }
      return answer(orderId, ctx)
    })
    const ms = await timeToSettle(checkout)
    expect(checkout.getSnapshot().status).toBe('unknown')
    expect(ms).toBeLessThanOrEqual(70_000)
  })

  it('does not stretch a wait that the app was hidden in', async () => {
    const { checkout, lifecycle } = await confirmingForever()
    await vi.advanceTimersByTimeAsync(1500) // inside a wait between two requests
    vi.setSystemTime(Date.now() - DAY)
    lifecycle.hide()
    await vi.advanceTimersByTimeAsync(30_000)
    lifecycle.show()
    const ms = await timeToSettle(checkout)
    expect(checkout.getSnapshot().status).toBe('unknown')
    expect(ms).toBeLessThanOrEqual(70_000)
  })
})
