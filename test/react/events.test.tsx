import { act, renderHook, waitFor } from '@testing-library/react'
import {
  type CartItem,
  createCart,
  createEventHub,
  memoryStorage,
  money,
  type OrderRequest,
  repurchaseEvent,
  sandboxChannel,
  type TradeEvent,
  trackCart,
} from '@tradekit/core'
import {
  CartProvider,
  TradeProvider,
  useCartActions,
  useCheckout,
  useTradeEvents,
  useViewItem,
} from '@tradekit/react'
import { type ReactNode, StrictMode } from 'react'
import { describe, expect, it } from 'vitest'
import { createMemoryApi } from '../../stories/fixtures/memoryApi'
import { paidOrder } from './fixtures'

const FAST = { pollDelaysMs: [10], confirmBudgetMs: 300, createRetryDelaysMs: [5] }
const tea: CartItem = { skuId: 'tea', title: '龙井', price: money(4800) }
const request = (quantity: number): OrderRequest => ({
  lines: [{ skuId: 'tea', quantity }],
  expectedPayable: money(4800 * quantity),
})

describe.each([
  ['plain', false],
  ['StrictMode', true],
])('TradeProvider onEvent (%s)', (_name, strict) => {
  const wrap = (ui: ReactNode) => (strict ? <StrictMode>{ui}</StrictMode> : ui)

  it('reports cart changes, begin_checkout and one purchase once the server says paid', async () => {
    const events: TradeEvent[] = []
    const merchant = createMemoryApi({ catalog: { tea: { price: money(4800) } } })
    const channel = sandboxChannel({ outcome: 'success', delayMs: 5 }, { notify: merchant.markPaid })
    const hook = renderHook(() => ({ cart: useCartActions(), checkout: useCheckout() }), {
      wrapper: ({ children }) =>
        wrap(
          <TradeProvider
            storage={memoryStorage()}
            api={merchant.api}
            channel={channel}
            timing={FAST}
            onEvent={(event) => {
              events.push(event)
            }}
          >
            {children}
          </TradeProvider>,
        ),
    })
    act(() => {
      hook.result.current.cart.add(tea, 2)
    })
    await act(async () => {
      await hook.result.current.checkout.submit(request(2))
    })
    await waitFor(() => expect(hook.result.current.checkout.status).toBe('paid'))
    await waitFor(() => expect(events.map((e) => e.name)).toContain('purchase'))
    act(() => hook.result.current.checkout.reset())
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(events.map((e) => e.name)).toEqual(['add_to_cart', 'begin_checkout', 'purchase'])
    const [order] = [...merchant.orders.values()]
    expect(events[2]).toMatchObject({
      orderId: order!.orderId,
      value: money(9600),
      items: [{ skuId: 'tea', title: '龙井', quantity: 2, price: money(4800) }],
    })
  })

  it('lets the app emit its own events, and reports a product page once per sku', async () => {
    const events: TradeEvent[] = []
    const hook = renderHook(
      ({ item }) => {
        useViewItem(item)
        return useTradeEvents()
      },
      {
        initialProps: { item: tea },
        wrapper: ({ children }) =>
          wrap(
            <TradeProvider
              onEvent={(event) => {
                events.push(event)
              }}
            >
              {children}
            </TradeProvider>,
          ),
      },
    )
    hook.rerender({ item: { ...tea } }) // the same sku again: no second view
    hook.result.current.emit(() =>
      repurchaseEvent(
        { orderId: 'o1', amount: money(4800) },
        {
          items: [
            {
              item: tea,
              quantity: 1,
              line: paidOrder('o1').lines[0]!,
            },
          ],
          unavailable: [],
        },
      ),
    )
    await waitFor(() => expect(events.map((e) => e.name)).toEqual(['view_item', 'repurchase']))
  })

  it('lets a cart-only app track its cart under CartProvider with core trackCart', async () => {
    const events: TradeEvent[] = []
    const cart = trackCart(
      createCart(),
      createEventHub(() => (event) => {
        events.push(event)
      }),
    )
    const hook = renderHook(() => useCartActions(), {
      wrapper: ({ children }) => wrap(<CartProvider cart={cart}>{children}</CartProvider>),
    })
    act(() => {
      hook.result.current.add(tea, 3)
    })
    await waitFor(() => expect(events.map((e) => [e.name, e.value.amount])).toEqual([['add_to_cart', 14400]]))
  })

  it('keeps the cart untouched and reports nothing without onEvent', async () => {
    const hook = renderHook(() => useTradeEvents(), {
      wrapper: ({ children }) => wrap(<CartProvider>{children}</CartProvider>),
    })
    expect(() => hook.result.current.emit({ name: 'view_item', value: money(1), items: [] })).not.toThrow()
  })
})
