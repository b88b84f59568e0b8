import { act, renderHook, waitFor } from '@testing-library/react'
import {
  memoryStorage,
  money,
  type Order,
  type OrderRefund,
  type OrdersApi,
  sandboxChannel,
  type TradeEvent,
} from '@tradekit/core'
import {
  TradeProvider,
  type TradeProviderProps,
  useCart,
  useMembership,
  useOrder,
  useOrders,
} from '@tradekit/react'
import { type ReactNode, StrictMode } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { createMemoryApi } from '../../stories/fixtures/memoryApi'
import { fakeLifecycle, monthly, paidOrder } from './fixtures'

// The order centre and membership are made by their hooks on first use, not by TradeProvider: a page
// that never shows them runs none of their code (and a mini-program bundle whose pages with those
// hooks are in a subpackage keeps the code there).

const FAST = { pollDelaysMs: [10], confirmBudgetMs: 300, createRetryDelaysMs: [5] }
const order = (orderId: string, refunds?: OrderRefund[]) => paidOrder(orderId, refunds ? { refunds } : {})

function ordersApiOver(current: () => Order[]) {
  const api: OrdersApi = {
    listOrders: vi.fn(async () => ({ orders: current(), nextCursor: null })),
    getOrder: vi.fn(async (id: string) => current().find((o) => o.orderId === id) as Order),
    cancelOrder: vi.fn(async (id: string) => current().find((o) => o.orderId === id) as Order),
    requestRefund: vi.fn(async (id: string) => current().find((o) => o.orderId === id) as Order),
  }
  return api
}

const nextTick = () => act(async () => new Promise((resolve) => setTimeout(resolve, 5)))

describe.each([
  ['plain', false],
  ['StrictMode', true],
])('stores made on first use (%s)', (_name, strict) => {
  function wrapperOf(props: () => Partial<TradeProviderProps>) {
    return ({ children }: { children: ReactNode }) => {
      const tree = (
        <TradeProvider storage={memoryStorage()} {...props()}>
          {children}
        </TradeProvider>
      )
      return strict ? <StrictMode>{tree}</StrictMode> : tree
    }
  }

  it('makes no order centre and no membership for a page that shows neither', async () => {
    const merchant = createMemoryApi({ catalog: {}, plans: [monthly] })
    const getPlans = vi.spyOn(merchant.membershipApi, 'getPlans')
    const getEntitlement = vi.spyOn(merchant.membershipApi, 'getEntitlement')
    const withOrders = fakeLifecycle()
    const withoutOrders = fakeLifecycle()
    const api = ordersApiOver(() => [order('a')])
    const { result } = renderHook(() => useCart((cart) => cart.count), {
      wrapper: wrapperOf(() => ({
        api: merchant.api,
        membershipApi: merchant.membershipApi,
        ordersApi: api,
        lifecycle: withOrders,
      })),
    })
    renderHook(() => useCart((cart) => cart.count), {
      wrapper: wrapperOf(() => ({ api: merchant.api, lifecycle: withoutOrders })),
    })
    await nextTick()
    expect(result.current).toBe(0)
    act(() => withOrders.show())
    await nextTick()
    // no order centre fetching its tab on show, no membership reading plans or the entitlement
    expect(api.listOrders).not.toHaveBeenCalled()
    expect(getPlans).not.toHaveBeenCalled()
    expect(getEntitlement).not.toHaveBeenCalled()
    // the checkout is the only one listening to the app's show/hide, as without ordersApi
    expect(withOrders.listeners()).toBe(withoutOrders.listeners())
  })

  it('makes one order centre for the user, shared by every order hook, following the app', async () => {
    const lifecycle = fakeLifecycle()
    const listening = fakeLifecycle()
    renderHook(() => useCart((cart) => cart.count), {
      wrapper: wrapperOf(() => ({ lifecycle: listening })),
    })
    await nextTick()
    const api = ordersApiOver(() => [order('a')])
    const { result } = renderHook(
      () => ({ all: useOrders('all'), paid: useOrders('pending_payment'), one: useOrder('a') }),
      { wrapper: wrapperOf(() => ({ ordersApi: api, lifecycle: lifecycle })) },
    )
    await waitFor(() => expect(result.current.one.order?.orderId).toBe('a'))
    expect(result.current.all.store).toBe(result.current.paid.store)
    // one store listens to show/hide besides what the provider itself listens to
    expect(lifecycle.listeners()).toBeGreaterThan(listening.listeners())
    const listed = vi.mocked(api.listOrders).mock.calls.length
    act(() => lifecycle.show())
    await waitFor(() => expect(vi.mocked(api.listOrders).mock.calls.length).toBeGreaterThan(listed))
  })

  it('calls the latest ordersApi object and replaces the store for another user, disposing the old one', async () => {
    const lifecycle = fakeLifecycle()
    const first = ordersApiOver(() => [order('a')])
    const second = ordersApiOver(() => [order('a'), order('b')])
    let props: Partial<TradeProviderProps> = { ordersApi: first, lifecycle: lifecycle, userId: 'alice' }
    const { result, rerender, unmount } = renderHook(() => useOrders('all'), {
      wrapper: wrapperOf(() => props),
    })
    await waitFor(() => expect(result.current.orders.map((o) => o.orderId)).toEqual(['a']))
    const alices = result.current.store
    const listenersWithStore = lifecycle.listeners()

    props = { ...props, ordersApi: second }
    rerender()
    expect(result.current.store).toBe(alices)
    await act(async () => {
      await result.current.refresh()
    })
    expect(second.listOrders).toHaveBeenCalled()
    expect(result.current.orders.map((o) => o.orderId)).toEqual(['a', 'b'])

    props = { ...props, userId: 'bob' }
    rerender()
    await nextTick()
    expect(result.current.store).not.toBe(alices)
    // alice's store stopped listening: bob's took its place
    expect(lifecycle.listeners()).toBe(listenersWithStore)

    unmount()
    await nextTick()
    expect(lifecycle.listeners()).toBe(0)
  })

  it('reports a refund the order centre sees turn refunded to onEvent, once', async () => {
    const refund = (status: OrderRefund['status']): OrderRefund => ({
      refundId: 'r1',
      status,
      amount: money(4800),
      lines: [{ lineId: 'l1', amount: money(4800) }],
      reason: '不想要了',
    })
    let orders = [order('a', [refund('refunding')])]
    const api = ordersApiOver(() => orders)
    const events: TradeEvent[] = []
    const { result } = renderHook(() => useOrder('a'), {
      wrapper: wrapperOf(() => ({ ordersApi: api, onEvent: (event) => void events.push(event) })),
    })
    await waitFor(() => expect(result.current.order?.refunds?.[0]?.status).toBe('refunding'))
    orders = [order('a', [refund('refunded')])]
    await act(async () => {
      await result.current.reload()
    })
    await act(async () => {
      await result.current.reload()
    })
    await waitFor(() => expect(events.filter((e) => e.name === 'refund')).toHaveLength(1))
    expect(events.find((e) => e.name === 'refund')).toMatchObject({ orderId: 'a', value: money(4800) })
  })

  it('makes membership when a membership hook first renders, buying through the provider checkout', async () => {
    const merchant = createMemoryApi({ catalog: {}, plans: [monthly] })
    const getPlans = vi.spyOn(merchant.membershipApi, 'getPlans')
    const channel = sandboxChannel({ outcome: 'success', delayMs: 5 }, { notify: merchant.markPaid })
    const { result } = renderHook(() => useMembership(), {
      wrapper: wrapperOf(() => ({
        api: merchant.api,
        membershipApi: merchant.membershipApi,
        channel,
        timing: FAST,
      })),
    })
    await waitFor(() => expect(result.current.plans.map((p) => p.id)).toEqual(['vip-month']))
    expect(getPlans).toHaveBeenCalledTimes(1)
    await act(async () => {
      await result.current.unlock('vip-month')
    })
    expect(result.current.entitlement).toMatchObject({ active: true })
  })
})
