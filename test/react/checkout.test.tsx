import { act, renderHook, waitFor } from '@testing-library/react'
import {
  type LifecyclePort,
  memoryStorage,
  money,
  type OrderRequest,
  type SandboxStep,
  type StoragePort,
  sandboxChannel,
} from '@tradekit/core'
import { TradeProvider, useCheckout } from '@tradekit/react'
import { type ReactNode, StrictMode } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { createMemoryApi } from '../../stories/fixtures/memoryApi'

const FAST = {
  createRetryDelaysMs: [5, 5],
  pollDelaysMs: [10, 20],
  confirmBudgetMs: 300,
  payTimeoutMs: 2000,
}

function fakeLifecycle() {
  const shows = new Set<() => void>()
  const hides = new Set<() => void>()
  const port: LifecyclePort = {
    onShow(cb) {
      shows.add(cb)
      return () => shows.delete(cb)
    },
    onHide(cb) {
      hides.add(cb)
      return () => hides.delete(cb)
    },
  }
  return {
    port,
    listeners: () => shows.size + hides.size,
    hide: () => {
      for (const cb of [...hides]) cb()
    },
    show: () => {
      for (const cb of [...shows]) cb()
    },
  }
}

const request = (amount: number): OrderRequest => ({
  lines: [{ skuId: 'tea', quantity: 2 }],
  expectedPayable: money(amount),
})

describe.each([
  ['plain', false],
  ['StrictMode', true],
])('useCheckout, headless (%s)', (_name, strict) => {
  const wrap = (ui: ReactNode) => (strict ? <StrictMode>{ui}</StrictMode> : ui)

  function setup(script?: SandboxStep | SandboxStep[], storage: StoragePort = memoryStorage()) {
    const merchant = createMemoryApi({ catalog: { tea: { price: money(4800) } } })
    const lifecycle = fakeLifecycle()
    const channel = sandboxChannel(script, { notify: merchant.markPaid })
    const hook = renderHook(
      () => useCheckout({ api: merchant.api, channel, storage, lifecycle: lifecycle.port, timing: FAST }),
      { wrapper: ({ children }) => <>{wrap(children)}</> },
    )
    return { merchant, lifecycle, hook, storage }
  }

  it('goes from submit to paid, and the server says so', async () => {
    const { merchant, hook } = setup({ outcome: 'success', delayMs: 5 })
    const seen: string[] = []
    await act(async () => {
      const done = hook.result.current.submit(request(9600))
      seen.push(hook.result.current.status)
      await done
    })
    await waitFor(() => expect(hook.result.current.status).toBe('paid'))
    expect(merchant.calls.createOrder).toBe(1)
    expect([...merchant.orders.values()].map((o) => o.status)).toEqual(['paid'])
  })

  it('a double tap makes one order', async () => {
    const { merchant, hook } = setup({ outcome: 'success', delayMs: 5 })
    await act(async () => {
      const first = hook.result.current.submit(request(9600))
      const second = hook.result.current.submit(request(9600))
      await Promise.all([first, second])
    })
    await waitFor(() => expect(hook.result.current.status).toBe('paid'))
    expect(merchant.orders.size).toBe(1)
  })

  it('goes from unknown to paid when the app comes back', async () => {
    const { merchant, lifecycle, hook } = setup({ outcome: 'unknown', delayMs: 5 })
    await act(async () => {
      await hook.result.current.submit(request(9600))
    })
    await waitFor(() => expect(hook.result.current.status).toBe('unknown'), { timeout: 3000 })
    act(() => lifecycle.hide())
    const [order] = [...merchant.orders.values()]
    merchant.markPaid(order!.orderId)
    await act(async () => lifecycle.show())
    await waitFor(() => expect(hook.result.current.status).toBe('paid'), { timeout: 3000 })
    expect(lifecycle.listeners()).toBe(2)
  })

  it('refuses a moved price, then pays the new total once accepted', async () => {
    const { merchant, hook } = setup({ outcome: 'success', delayMs: 5 })
    merchant.setPrice('tea', money(5000))
    await act(async () => {
      await hook.result.current.submit(request(9600))
    })
    expect(hook.result.current.status).toBe('failed')
    expect(hook.result.current.error?.code).toBe('PRICE_CHANGED')
    const quote = hook.result.current.error?.quote as { payable: { amount: number } }
    expect(quote.payable.amount).toBe(10000)
    expect(merchant.orders.size).toBe(0)
    await act(async () => {
      await hook.result.current.submit(request(quote.payable.amount))
    })
    await waitFor(() => expect(hook.result.current.status).toBe('paid'))
    expect([...merchant.orders.values()].map((o) => o.amount.amount)).toEqual([10000])
  })

  it('reconciles an order paid while the app was killed, on the next launch', async () => {
    const storage = memoryStorage()
    const first = setup({ outcome: 'hang' }, storage)
    await act(async () => {
      void first.hook.result.current.submit(request(9600))
      await new Promise((r) => setTimeout(r, 30))
    })
    expect(first.hook.result.current.status).toBe('paying')
    const [order] = [...first.merchant.orders.values()]
    first.merchant.markPaid(order!.orderId)
    first.hook.unmount() // the app is killed while the cashier is open

    // Next launch: a new checkout over the same storage and the same server.
    const lifecycle = fakeLifecycle()
    const relaunch = renderHook(
      () =>
        useCheckout({
          api: first.merchant.api,
          channel: sandboxChannel(undefined, { notify: first.merchant.markPaid }),
          storage,
          lifecycle: lifecycle.port,
          timing: FAST,
        }),
      { wrapper: ({ children }) => <>{wrap(children)}</> },
    )
    await waitFor(() => {
      const snapshot = relaunch.result.current
      expect(snapshot.status === 'paid' || snapshot.latePaid.some((p) => p.orderId === order!.orderId)).toBe(
        true,
      )
    })
    expect(first.merchant.orders.size).toBe(1)
  })
})

describe('TradeProvider checkout', () => {
  it('keeps one live checkout under StrictMode: listeners attached once, resume once', async () => {
    const merchant = createMemoryApi({ catalog: { tea: { price: money(4800) } } })
    const lifecycle = fakeLifecycle()
    const storage = memoryStorage()
    const wrapper = ({ children }: { children: ReactNode }) => (
      <StrictMode>
        <TradeProvider
          api={merchant.api}
          channel={sandboxChannel()}
          storage={storage}
          lifecycle={lifecycle.port}
        >
          {children}
        </TradeProvider>
      </StrictMode>
    )
    const hook = renderHook(() => useCheckout(), { wrapper })
    await act(async () => {
      await new Promise((r) => setTimeout(r, 20))
    })
    expect(hook.result.current.status).toBe('idle')
    expect(lifecycle.listeners()).toBe(2)
    hook.unmount()
    await act(async () => {
      await new Promise((r) => setTimeout(r, 20))
    })
    expect(lifecycle.listeners()).toBe(0)
  })

  it('throws a clear error without an api', () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    const wrapper = ({ children }: { children: ReactNode }) => <TradeProvider>{children}</TradeProvider>
    expect(() => renderHook(() => useCheckout(), { wrapper })).toThrow(/pass `api`/)
    expect(() => renderHook(() => useCheckout())).toThrow(/must be used inside <TradeProvider/)
    logged.mockRestore()
  })
})
