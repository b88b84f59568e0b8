import { act, render, renderHook, screen } from '@testing-library/react'
import { type CartItem, createCart, goodsMessages, memoryStorage, money } from '@tradekit/core'
import { enUS } from '@tradekit/core/locales/en-US'
import {
  CartProvider,
  shallowEqual,
  TradeProvider,
  useCart,
  useCartActions,
  useCartLine,
  useCartLineIds,
  useCheckout,
  useFormatMoney,
  useTranslate,
} from '@tradekit/react'
import { type ReactNode, StrictMode } from 'react'
import { describe, expect, it, vi } from 'vitest'

const tee: CartItem = { skuId: 'tee', title: 'T 恤', price: money(9900), stock: 5 }
const mug: CartItem = { skuId: 'mug', title: '马克杯', price: money(4500) }

describe.each([
  ['TradeProvider', TradeProvider, false],
  ['TradeProvider, StrictMode', TradeProvider, true],
  ['CartProvider', CartProvider, false],
  ['CartProvider, StrictMode', CartProvider, true],
] as const)('cart hooks (%s)', (_name, Provider, strict) => {
  function wrapperWith(props: Omit<Parameters<typeof CartProvider>[0], 'children'> = {}) {
    return ({ children }: { children: ReactNode }) => {
      const tree = <Provider {...props}>{children}</Provider>
      return strict ? <StrictMode>{tree}</StrictMode> : tree
    }
  }

  it('reads the snapshot and re-renders after actions', () => {
    const { result } = renderHook(() => ({ cart: useCart(), actions: useCartActions() }), {
      wrapper: wrapperWith(),
    })
    expect(result.current.cart.count).toBe(0)
    act(() => {
      result.current.actions.add(tee, 2)
      result.current.actions.add(mug)
    })
    expect(result.current.cart.count).toBe(3)
    expect(result.current.cart.subtotal).toEqual(money(24300))
  })

  it('reports a clamped quantity from the core store unchanged', () => {
    const { result } = renderHook(() => ({ line: useCartLine('tee'), actions: useCartActions() }), {
      wrapper: wrapperWith(),
    })
    let outcome: unknown
    act(() => {
      result.current.actions.add(tee)
      outcome = result.current.actions.setQuantity('tee', 9)
    })
    expect(outcome).toEqual({ ok: false, quantity: 5, issue: 'exceeds_stock' })
    expect(result.current.line?.quantity).toBe(5)
  })

  it('selects a value and skips renders when it is equal', () => {
    let renders = 0
    const { result } = renderHook(
      () => {
        renders++
        return { ids: useCartLineIds(), actions: useCartActions() }
      },
      { wrapper: wrapperWith() },
    )
    act(() => {
      result.current.actions.add(tee)
    })
    const before = renders
    const ids = result.current.ids
    act(() => {
      result.current.actions.setQuantity('tee', 2)
    })
    expect(renders).toBe(before)
    expect(result.current.ids).toBe(ids)
  })

  it('restores the stored cart of the same user and keeps users apart', async () => {
    const storage = memoryStorage()
    const seed = createCart({ storage, userId: 'alice' })
    seed.add(tee, 2)
    await seed.flush()

    const alice = renderHook(() => useCart((c) => c.count), {
      wrapper: wrapperWith({ storage, userId: 'alice' }),
    })
    await act(async () => {})
    expect(alice.result.current).toBe(2)

    const bob = renderHook(() => useCart((c) => c.count), {
      wrapper: wrapperWith({ storage, userId: 'bob' }),
    })
    await act(async () => {})
    expect(bob.result.current).toBe(0)
  })

  it('makes a new cart when the user changes', async () => {
    const storage = memoryStorage()
    let userId = 'alice'
    const { result, rerender } = renderHook(
      () => ({ count: useCart((c) => c.count), actions: useCartActions() }),
      {
        wrapper: ({ children }) => {
          const tree = (
            <Provider storage={storage} userId={userId}>
              {children}
            </Provider>
          )
          return strict ? <StrictMode>{tree}</StrictMode> : tree
        },
      },
    )
    await act(async () => {})
    act(() => {
      result.current.actions.add(mug, 3)
    })
    expect(result.current.count).toBe(3)
    userId = 'bob'
    rerender()
    await act(async () => {})
    expect(result.current.count).toBe(0)
    userId = 'alice'
    rerender()
    await act(async () => {})
    expect(result.current.count).toBe(3)
  })

  it('formats money in the provider locale', () => {
    const { result } = renderHook(() => useFormatMoney(), { wrapper: wrapperWith({ locale: 'en-US' }) })
    expect(result.current(money(123450))).toBe('¥1,234.50')
    expect(result.current(money(1200), { trimZeros: true })).toBe('¥12')
  })

  it('uses a cart made outside React', () => {
    const cart = createCart()
    cart.add(mug, 4)
    const { result } = renderHook(() => useCart((c) => c.count), { wrapper: wrapperWith({ cart }) })
    expect(result.current).toBe(4)
  })
})

describe('CartProvider', () => {
  it('has a cart and no checkout: useCheckout says how to get one', () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    const wrapper = ({ children }: { children: ReactNode }) => <CartProvider>{children}</CartProvider>
    expect(renderHook(() => useCart((c) => c.count), { wrapper }).result.current).toBe(0)
    expect(() => renderHook(() => useCheckout(), { wrapper })).toThrow(/a <CartProvider> has none/)
    logged.mockRestore()
  })

  it('takes the locale and message overrides', () => {
    const { result } = renderHook(() => useTranslate(goodsMessages), {
      wrapper: ({ children }) => (
        <CartProvider locale="en-US" messages={{ ...enUS, 'cart.total': 'Sum' }}>
          {children}
        </CartProvider>
      ),
    })
    expect(result.current.locale).toBe('en-US')
    expect(result.current.t('cart.total')).toBe('Sum')
    expect(result.current.t('cart.selectAll')).toBe('Select all')
  })
})

describe('outside the provider', () => {
  it('throws a clear error', () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(() => renderHook(() => useCart())).toThrow(/useCart must be used inside <TradeProvider>/)
    expect(() => renderHook(() => useCartLine('x'))).toThrow(
      /useCartLine must be used inside <TradeProvider>/,
    )
    logged.mockRestore()
  })
})

describe('shallowEqual', () => {
  it('compares arrays and objects one level deep', () => {
    expect(shallowEqual(['a', 'b'], ['a', 'b'])).toBe(true)
    expect(shallowEqual(['a'], ['a', 'b'])).toBe(false)
    expect(shallowEqual({ a: 1 }, { a: 1 })).toBe(true)
    expect(shallowEqual({ a: {} }, { a: {} })).toBe(false)
    expect(shallowEqual([1], { 0: 1 })).toBe(false)
  })
})

describe('render cost', () => {
  it('in a 200-line cart, one quantity change re-renders that line and the summary only', () => {
    const items: CartItem[] = Array.from({ length: 200 }, (_, i) => ({
      skuId: `sku-${i}`,
      title: `商品 ${i}`,
      price: money(100 + i),
    }))
    const cart = createCart()
    for (const item of items) cart.add(item)
    const renders = new Map<string, number>()
    const count = (name: string) => renders.set(name, (renders.get(name) ?? 0) + 1)

    function Row({ lineId }: { lineId: string }) {
      const line = useCartLine(lineId)
      count(`row:${lineId}`)
      return <li>{line ? `${line.title} × ${line.quantity}` : null}</li>
    }
    function List() {
      const ids = useCartLineIds()
      count('list')
      return (
        <ul>
          {ids.map((id) => (
            <Row key={id} lineId={id} />
          ))}
        </ul>
      )
    }
    function Summary() {
      const subtotal = useCart((c) => c.subtotal.amount)
      count('summary')
      return <p>subtotal {subtotal}</p>
    }

    render(
      <TradeProvider cart={cart}>
        <List />
        <Summary />
      </TradeProvider>,
    )
    expect(renders.get('row:sku-7')).toBe(1)
    renders.clear()
    act(() => {
      cart.setQuantity('sku-7', 3)
    })
    expect(screen.getByText('商品 7 × 3')).toBeInTheDocument()
    expect(Object.fromEntries(renders)).toEqual({ 'row:sku-7': 1, summary: 1 })
  })
})
