import { sandboxChannel, TradeKitError } from '@tradekit/core'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { payContext } from './channelFakes'

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

describe('sandboxChannel', () => {
  it('succeeds after a short delay with no script, notifying at once', async () => {
    const notify = vi.fn()
    const channel = sandboxChannel(undefined, { notify })
    const paying = channel.pay({ orderId: 'o1' }, payContext().ctx)
    expect(notify).toHaveBeenCalledWith('o1')
    await vi.advanceTimersByTimeAsync(300)
    expect(await paying).toEqual({ kind: 'submitted' })
  })

  it('plays its steps in turn, the last repeating', async () => {
    const channel = sandboxChannel([
      { outcome: 'cancel' },
      { outcome: 'fail', retryable: false },
      { outcome: 'unknown' },
    ])
    const outcomes = []
    for (let i = 0; i < 4; i++) {
      const p = channel.pay({ orderId: 'o1' }, payContext().ctx)
      await vi.advanceTimersByTimeAsync(0)
      outcomes.push(await p)
    }
    expect(outcomes).toEqual([
      { kind: 'cancelled' },
      { kind: 'failed', retryable: false, code: 'PAYMENT_FAILED' },
      { kind: 'unknown' },
      { kind: 'unknown' },
    ])
  })

  it('notifies a late success behind a cancel', async () => {
    const notify = vi.fn()
    const channel = sandboxChannel({ outcome: 'cancel', delayMs: 100, notifyAfterMs: 5000 }, { notify })
    const p = channel.pay({ orderId: 'o9' }, payContext().ctx)
    await vi.advanceTimersByTimeAsync(100)
    expect(await p).toEqual({ kind: 'cancelled' })
    expect(notify).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(4900)
    expect(notify).toHaveBeenCalledWith('o9')
  })

  it('hangs until aborted, then rejects ABORTED', async () => {
    const { ctx, controller } = payContext()
    const p = sandboxChannel({ outcome: 'hang' }).pay({ orderId: 'o1' }, ctx)
    await vi.advanceTimersByTimeAsync(60 * 60_000)
    controller.abort()
    await expect(p).rejects.toSatisfy((e) => e instanceof TradeKitError && e.code === 'ABORTED')
  })

  it('checks its { orderId } payload and implements sign', async () => {
    const channel = sandboxChannel({ outcome: 'success' })
    expect(await channel.pay({ id: 'x' }, payContext().ctx)).toMatchObject({ code: 'INVALID_PAYMENT' })
    const signing = channel.sign!({ orderId: 'o1' }, payContext().ctx)
    await vi.advanceTimersByTimeAsync(0)
    expect(await signing).toEqual({ kind: 'submitted' })
    expect(channel.isAvailable()).toBe(true)
  })
})
