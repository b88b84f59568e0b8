import { act, renderHook, waitFor } from '@testing-library/react'
import {
  memoryStorage,
  money,
  type Order,
  type OrderPage,
  type OrdersApi,
  sandboxChannel,
  TradeKitError,
} from '@tradekit/core'
import { TradeProvider, useCheckout, useOrder, useOrderPayment, useOrders } from '@tradekit/react'
import { type ReactNode, StrictMode } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { createMemoryApi } from '../../stories/fixtures/memoryApi'
import { paidOrder } from './fixtures'

const FAST = { pollDelaysMs: [10], confirmBudgetMs: 300, createRetryDelaysMs: [5] }

const order = paidOrder

/** An in-memory order API over a list of orders; `live` answers getOrder from a function. */
function ordersApi(orders: Order[], live?: (id: string) => Order | undefined) {
  const api: OrdersApi = {
    listOrders: vi.fn(async ({ tab, cursor }): Promise<OrderPage> => {
      const list = tab === 'pending_payment' ? orders.filter((o) => o.status === 'pending_payment') : orders
      const start = cursor ? Number(cursor) : 0
      return {
        orders: list.slice(start, start + 2),
        nextCursor: start + 2 < list.length ? String(start + 2) : null,
      }
    }),
    getOrder: vi.fn(async (id) => {
      const found = live?.(id) ?? orders.find((o) => o.orderId === id)
      if (!found) throw new TradeKitError('ORDER_REJECTED', `no order ${id}`)
      return found
    }),
    cancelOrder: vi.fn(async () => {
      throw new TradeKitError('NETWORK', 'offline')
    }),
    requestRefund: vi.fn(async (id) => orders.find((o) => o.orderId === id)!),
  }
  return api
}

/**
 * An unpaid order the checkout's merchant made earlier (another device), and that order as the
 * order centre's server shows it: paid once the checkout's merchant has it paid.
 */
async function earlierOrder() {
  const merchant = createMemoryApi({ catalog: { tea: { price: money(4800) } } })
  const made = await merchant.api.createOrder(
    { lines: [{ skuId: 'tea', quantity: 1 }], expectedPayable: money(4800) },
    { idempotencyKey: 'earlier', signal: new AbortController().signal },
  )
  const serverOrder = (): Order =>
    order(made.orderId, {
      status: merchant.orders.get(made.orderId)!.status === 'paid' ? 'paid' : 'pending_payment',
      expiresAt: Date.now() + 15 * 60_000,
      payment: made.payment,
    })
  return { merchant, made, serverOrder }
}

describe.each([
  ['plain', false],
  ['StrictMode', true],
])('order centre hooks (%s)', (_name, strict) => {
  const wrap = (children: ReactNode, props: Partial<Parameters<typeof TradeProvider>[0]>) => {
    const tree = (
      <TradeProvider storage={memoryStorage()} {...props}>
        {children}
      </TradeProvider>
    )
    return strict ? <StrictMode>{tree}</StrictMode> : tree
  }

  it('lists a tab page by page, with loading and empty states', async () => {
    const api = ordersApi([order('a'), order('b'), order('c')])
    const { result } = renderHook(() => useOrders('all'), {
      wrapper: ({ children }) => wrap(children, { ordersApi: api }),
    })
    await waitFor(() => expect(result.current.orders.map((o) => o.orderId)).toEqual(['a', 'b']))
    expect(result.current).toMatchObject({ status: 'ready', hasMore: true, empty: false })
    await act(async () => {
      await result.current.loadMore()
    })
    expect(result.current.orders.map((o) => o.orderId)).toEqual(['a', 'b', 'c'])
    expect(result.current.hasMore).toBe(false)
    const empty = renderHook(() => useOrders('pending_payment'), {
      wrapper: ({ children }) => wrap(children, { ordersApi: ordersApi([order('a')]) }),
    })
    await waitFor(() => expect(empty.result.current).toMatchObject({ status: 'ready', empty: true }))
  })

  it('a cancel the server refuses is rolled back, with the error to show', async () => {
    const api = ordersApi([order('u1', { status: 'pending_payment', expiresAt: Date.now() + 60_000 })])
    const { result } = renderHook(() => useOrder('u1'), {
      wrapper: ({ children }) => wrap(children, { ordersApi: api }),
    })
    await waitFor(() => expect(result.current.order?.status).toBe('pending_payment'))
    expect(result.current.can).toMatchObject({ canCancel: true, canPay: true, canRefund: false })
    let outcome: unknown
    await act(async () => {
      outcome = await result.current.cancel()
    })
    expect(outcome).toMatchObject({ ok: false, error: { code: 'NETWORK' } })
    expect(result.current.order?.status).toBe('pending_payment')
    expect(result.current.action).toMatchObject({ action: 'cancel', status: 'failed' })
  })

  it('stops offering to pay or cancel once the time to pay runs out, with the page still open', async () => {
    const api = ordersApi([order('u2', { status: 'pending_payment', expiresAt: Date.now() + 300 })])
    const { result } = renderHook(() => useOrder('u2'), {
      wrapper: ({ children }) => wrap(children, { ordersApi: api }),
    })
    await waitFor(() => expect(result.current.can).toMatchObject({ canCancel: true, canPay: true }))
    const reads = vi.mocked(api.getOrder).mock.calls.length
    // nothing else changes: no new read of the order, no new props — only the clock
    await waitFor(() =>
      expect(result.current.can).toMatchObject({ canCancel: false, canPay: false, canBuyAgain: true }),
    )
    expect(api.getOrder).toHaveBeenCalledTimes(reads)
  })

  it('continues to pay an unpaid order through the checkout, never a second order, then reads it again', async () => {
    // the order was made earlier (another device): the server holds it pending
    const { merchant, made, serverOrder } = await earlierOrder()
    const api = ordersApi([], (id) => (id === made.orderId ? serverOrder() : undefined))
    const channel = sandboxChannel({ outcome: 'success', delayMs: 5 }, { notify: merchant.markPaid })
    const { result } = renderHook(() => useOrder(made.orderId), {
      wrapper: ({ children }) => wrap(children, { ordersApi: api, api: merchant.api, channel, timing: FAST }),
    })
    await waitFor(() => expect(result.current.can?.canPay).toBe(true))
    let paid: string | undefined
    await act(async () => {
      paid = (await result.current.continuePayment()).status
    })
    expect(paid).toBe('paid')
    expect(merchant.calls.createOrder).toBe(1)
    await waitFor(() => expect(result.current.order?.status).toBe('paid'))
  })

  it("gives the checkout's word on this order only, and reads the order again when the checkout finds it paid", async () => {
    const { merchant, made, serverOrder } = await earlierOrder()
    const other = order('other', { status: 'pending_payment', expiresAt: Date.now() + 60_000 })
    const api = ordersApi([other], (id) => (id === made.orderId ? serverOrder() : undefined))
    // the cashier says cancelled; the payment goes through a moment later
    const channel = sandboxChannel([{ outcome: 'cancel', delayMs: 5, notifyAfterMs: 50 }], {
      notify: merchant.markPaid,
    })
    const { result } = renderHook(
      () => ({
        mine: useOrder(made.orderId),
        theirs: useOrder('other'),
        any: useOrderPayment(),
        checkout: useCheckout(),
      }),
      {
        wrapper: ({ children }) =>
          wrap(children, { ordersApi: api, api: merchant.api, channel, timing: FAST }),
      },
    )
    await waitFor(() => expect(result.current.mine.can?.canPay).toBe(true))
    expect(result.current.mine.payment).toBeUndefined()
    expect(result.current.any).toBeUndefined()
    await act(async () => {
      await result.current.mine.continuePayment()
    })
    // a list asks for whichever order the checkout is on: this one
    expect(result.current.any).toBe(result.current.mine.payment)
    // the server answered pending: cancelled is the checkout's true word on this order, not on another
    expect(result.current.mine.payment).toMatchObject({
      status: 'cancelled',
      order: { orderId: made.orderId },
    })
    expect(result.current.theirs.payment).toBeUndefined()
    expect(result.current.mine.order?.status).toBe('pending_payment')
    await waitFor(() => expect(merchant.orders.get(made.orderId)!.status).toBe('paid'))
    const reads = vi.mocked(api.getOrder).mock.calls.filter(([id]) => id === made.orderId).length
    await act(async () => {
      await result.current.checkout.resume()
    })
    expect(result.current.mine.payment?.status).toBe('paid')
    await waitFor(() => expect(result.current.mine.order?.status).toBe('paid'))
    expect(vi.mocked(api.getOrder).mock.calls.filter(([id]) => id === made.orderId).length).toBeGreaterThan(
      reads,
    )
  })

  it('stops offering to continue to pay once the cashier refused the order for good', async () => {
    const { merchant, made, serverOrder } = await earlierOrder()
    const api = ordersApi([], (id) => (id === made.orderId ? serverOrder() : undefined))
    const channel = sandboxChannel({ outcome: 'fail', retryable: false })
    const { result } = renderHook(() => useOrder(made.orderId), {
      wrapper: ({ children }) => wrap(children, { ordersApi: api, api: merchant.api, channel, timing: FAST }),
    })
    await waitFor(() => expect(result.current.can?.canPay).toBe(true))
    await act(async () => {
      await result.current.continuePayment()
    })
    expect(result.current.payment?.status).toBe('failed')
    expect(result.current.order?.status).toBe('pending_payment')
    expect(result.current.can).toMatchObject({ canPay: false, canCancel: true })
  })

  it('says clearly when the provider has no order api', () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(() => renderHook(() => useOrders(), { wrapper: ({ children }) => wrap(children, {}) })).toThrow(
      /ordersApi/,
    )
    logged.mockRestore()
  })
})
