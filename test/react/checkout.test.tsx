import { act, render, renderHook, waitFor } from '@testing-library/react'
import {
  type CheckoutApi,
  memoryStorage,
  money,
  type OrderRequest,
  type PaymentChannel,
  type SandboxStep,
  type StoragePort,
  sandboxChannel,
} from '@tradekit/core'
import { TradeProvider, type TradeProviderProps, type UseCheckoutResult, useCheckout } from '@tradekit/react'
import { type ReactNode, StrictMode } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { createMemoryApi } from '../../stories/fixtures/memoryApi'
import { fakeLifecycle } from './fixtures'

const FAST = {
  createRetryDelaysMs: [5, 5],
  pollDelaysMs: [10, 20],
  confirmBudgetMs: 300,
  payTimeoutMs: 2000,
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
      () => useCheckout({ api: merchant.api, channel, storage, lifecycle: lifecycle, timing: FAST }),
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

  it('resume() asks the server again about a shown unknown, and shows it paid', async () => {
    const { merchant, hook } = setup({ outcome: 'unknown', delayMs: 5 })
    await act(async () => {
      await hook.result.current.submit(request(9600))
    })
    await waitFor(() => expect(hook.result.current.status).toBe('unknown'), { timeout: 3000 })
    const [order] = [...merchant.orders.values()]
    merchant.markPaid(order!.orderId)
    const asked = merchant.calls.getOrderStatus
    let resumed: string | undefined
    await act(async () => {
      resumed = (await hook.result.current.resume()).status
    })
    expect(resumed).toBe('paid')
    expect(hook.result.current.status).toBe('paid')
    expect(hook.result.current.order?.orderId).toBe(order!.orderId)
    expect(merchant.calls.getOrderStatus).toBeGreaterThan(asked)
    expect(merchant.calls.createOrder).toBe(1)
  })

  it('continuePayment() pays a kept order again through the same order, never a second one', async () => {
    const { merchant, hook } = setup([
      { outcome: 'cancel', delayMs: 5 },
      { outcome: 'success', delayMs: 5 },
    ])
    await act(async () => {
      await hook.result.current.submit(request(9600))
    })
    await waitFor(() => expect(hook.result.current.status).toBe('cancelled'), { timeout: 3000 })
    const [order] = [...merchant.orders.values()]
    act(() => hook.result.current.reset())
    let final: string | undefined
    await act(async () => {
      final = (
        await hook.result.current.continuePayment({
          orderId: order!.orderId,
          amount: order!.amount,
          payment: { orderId: order!.orderId },
        })
      ).status
    })
    expect(final).toBe('paid')
    expect(merchant.calls.createOrder).toBe(1)
    expect([...merchant.orders.values()].map((o) => o.status)).toEqual(['paid'])
  })

  it('refuses a moved price, then pays the new total once accepted', async () => {
    const { merchant, hook } = setup({ outcome: 'success', delayMs: 5 })
    merchant.setPrice('tea', money(5000))
    await act(async () => {
      await hook.result.current.submit(request(9600))
    })
    expect(hook.result.current.status).toBe('failed')
    expect(hook.result.current.error?.code).toBe('PRICE_CHANGED')
    const error = hook.result.current.error
    const newTotal = error?.code === 'PRICE_CHANGED' ? error.quote?.payable.amount : undefined
    expect(newTotal).toBe(10000)
    expect(merchant.orders.size).toBe(0)
    await act(async () => {
      await hook.result.current.submit(request(newTotal!))
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
          lifecycle: lifecycle,
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
        <TradeProvider api={merchant.api} channel={sandboxChannel()} storage={storage} lifecycle={lifecycle}>
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

/** An api that counts its own calls and forwards them to the in-memory merchant. */
function spiedApi(target: CheckoutApi) {
  return {
    createOrder: vi.fn((req: OrderRequest, ctx: Parameters<CheckoutApi['createOrder']>[1]) =>
      target.createOrder(req, ctx),
    ),
    getOrderStatus: vi.fn((orderId: string, ctx: { signal: AbortSignal }) =>
      target.getOrderStatus(orderId, ctx),
    ),
  } satisfies CheckoutApi
}

/** The same cashier under another id: the channel list changes, not how it pays. */
const renamed = (channel: PaymentChannel, id: string): PaymentChannel => ({
  id,
  isAvailable: () => true,
  pay: (payment, ctx) => channel.pay(payment, ctx),
})

describe.each([
  ['plain', false],
  ['StrictMode', true],
])('TradeProvider checkout, options changed (%s)', (_name, strict) => {
  function renderProvider(props: Partial<TradeProviderProps>) {
    const seen = { current: undefined as unknown as UseCheckoutResult }
    function Probe() {
      seen.current = useCheckout()
      return null
    }
    const ui = (next: Partial<TradeProviderProps>) => {
      const tree = (
        <TradeProvider {...next}>
          <Probe />
        </TradeProvider>
      )
      return strict ? <StrictMode>{tree}</StrictMode> : tree
    }
    const view = render(ui(props))
    return { seen, rerender: (next: Partial<TradeProviderProps>) => view.rerender(ui(next)), view }
  }

  const settle = () => act(async () => new Promise((r) => setTimeout(r, 20)))

  it('keeps the same checkout and its pending order when the api, channels and timing change, and calls the new api', async () => {
    const merchant = createMemoryApi({ catalog: { tea: { price: money(4800) } } })
    const lifecycle = fakeLifecycle()
    const storage = memoryStorage()
    const first = spiedApi(merchant.api)
    const cashier = sandboxChannel({ outcome: 'unknown', delayMs: 5 }, { notify: merchant.markPaid })
    const base = { storage, lifecycle: lifecycle, userId: 'u1' }
    const { seen, rerender } = renderProvider({ ...base, api: first, channel: cashier, timing: FAST })
    await act(async () => {
      await seen.current.submit(request(9600))
    })
    await waitFor(() => expect(seen.current.status).toBe('unknown'), { timeout: 3000 })
    const checkout = seen.current.checkout
    const orderId = seen.current.order?.orderId
    expect(orderId).toBeDefined()

    const second = spiedApi(merchant.api)
    rerender({
      ...base,
      api: second,
      channels: [renamed(cashier, 'sandbox-a'), renamed(cashier, 'sandbox-b')],
      timing: { ...FAST, pollDelaysMs: [15] },
    })
    await settle()
    expect(seen.current.checkout).toBe(checkout)
    expect(seen.current.status).toBe('unknown')
    expect(seen.current.order?.orderId).toBe(orderId)
    expect(seen.current.pendingCount).toBe(1)
    expect(lifecycle.listeners()).toBe(2)

    merchant.markPaid(orderId!)
    const askedBefore = first.getOrderStatus.mock.calls.length
    await act(async () => {
      await seen.current.resume()
    })
    expect(seen.current.status).toBe('paid')
    expect(second.getOrderStatus).toHaveBeenCalledWith(orderId, expect.anything())
    expect(first.getOrderStatus).toHaveBeenCalledTimes(askedBefore)
    expect(first.createOrder).toHaveBeenCalledTimes(1)
  })

  it('moves show/hide to a new lifecycle port without a new checkout', async () => {
    const merchant = createMemoryApi({ catalog: { tea: { price: money(4800) } } })
    const before = fakeLifecycle()
    const after = fakeLifecycle()
    const base = { api: merchant.api, channel: sandboxChannel(), storage: memoryStorage() }
    const { seen, rerender } = renderProvider({ ...base, lifecycle: before })
    await settle()
    const checkout = seen.current.checkout
    expect(before.listeners()).toBe(2)
    rerender({ ...base, lifecycle: after })
    await settle()
    expect(seen.current.checkout).toBe(checkout)
    expect(before.listeners()).toBe(0)
    expect(after.listeners()).toBe(2)
  })

  it('makes a new checkout for a new user; the previous user finds their pending order on return', async () => {
    const merchant = createMemoryApi({ catalog: { tea: { price: money(4800) } } })
    const lifecycle = fakeLifecycle()
    const storage = memoryStorage()
    const base = {
      api: merchant.api,
      channel: sandboxChannel({ outcome: 'unknown', delayMs: 5 }),
      storage,
      lifecycle: lifecycle,
      timing: FAST,
    }
    const { seen, rerender } = renderProvider({ ...base, userId: 'u1' })
    await act(async () => {
      await seen.current.submit(request(9600))
    })
    await waitFor(() => expect(seen.current.status).toBe('unknown'), { timeout: 3000 })
    const first = seen.current.checkout
    const orderId = seen.current.order?.orderId

    rerender({ ...base, userId: 'u2' })
    await settle()
    expect(seen.current.checkout).not.toBe(first)
    expect(seen.current.status).toBe('idle')
    expect(seen.current.pendingCount).toBe(0)
    expect(lifecycle.listeners()).toBe(2) // one live checkout

    rerender({ ...base, userId: 'u1' })
    await waitFor(() => expect(seen.current.order?.orderId).toBe(orderId))
    expect(seen.current.pendingCount).toBe(1)
    expect(lifecycle.listeners()).toBe(2)
  })
})

describe('useCheckout, standalone, options changed', () => {
  it('keeps one checkout for inline options and pays through the api and channel of the last render', async () => {
    const merchant = createMemoryApi({ catalog: { tea: { price: money(4800) } } })
    const storage = memoryStorage()
    const first = spiedApi(merchant.api)
    const second = spiedApi(merchant.api)
    const oldCashier = sandboxChannel({ outcome: 'success', delayMs: 5 }, { notify: merchant.markPaid })
    const newCashier = sandboxChannel({ outcome: 'success', delayMs: 5 }, { notify: merchant.markPaid })
    const pays = vi.spyOn(newCashier, 'pay')
    const hook = renderHook(
      ({ api, channel }: { api: CheckoutApi; channel: PaymentChannel }) =>
        useCheckout({ api, channel, storage, timing: { ...FAST } }),
      { initialProps: { api: first as CheckoutApi, channel: oldCashier } },
    )
    const checkout = hook.result.current.checkout
    hook.rerender({ api: second, channel: newCashier })
    await act(async () => {})
    expect(hook.result.current.checkout).toBe(checkout)
    await act(async () => {
      await hook.result.current.submit(request(9600))
    })
    await waitFor(() => expect(hook.result.current.status).toBe('paid'))
    expect(first.createOrder).not.toHaveBeenCalled()
    expect(second.createOrder).toHaveBeenCalledTimes(1)
    expect(pays).toHaveBeenCalledTimes(1)
  })

  it('warns in development when a new storage object makes the checkout again, and not for a kept one', async () => {
    const merchant = createMemoryApi({ catalog: { tea: { price: money(4800) } } })
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const kept = memoryStorage()
    const hook = renderHook(
      ({ storage }: { storage: StoragePort }) =>
        useCheckout({ api: merchant.api, channel: sandboxChannel(), storage }),
      { initialProps: { storage: kept } },
    )
    const checkout = hook.result.current.checkout
    hook.rerender({ storage: kept })
    await act(async () => {})
    expect(hook.result.current.checkout).toBe(checkout)
    expect(warn).not.toHaveBeenCalledWith(expect.stringContaining('storage is a new object'))
    hook.rerender({ storage: memoryStorage() }) // a port written inline: a new object
    await act(async () => {})
    expect(hook.result.current.checkout).not.toBe(checkout)
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('storage is a new object'))
    hook.unmount()
    warn.mockRestore()
  })
})
