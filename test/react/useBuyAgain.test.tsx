import { act, renderHook } from '@testing-library/react'
import { type CartItem, createCart, money, type Order, TradeKitError } from '@tradekit/core'
import { TradeProvider, useBuyAgain } from '@tradekit/react'
import type { ReactNode } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { orderLine } from '../core/orderFakes'

const line = (skuId: string, quantity: number) =>
  orderLine(skuId, quantity, { lineId: `${skuId}-${quantity}` })

// the same sku twice (two option choices of one sku), and a sku today's catalogue no longer has
const order: Order = {
  orderId: 'B1',
  status: 'completed',
  kind: 'physical',
  lines: [line('tee', 1), line('tee', 2), line('mug', 1), line('gone', 1)],
  amount: money(5000),
  refunded: money(0),
  createdAt: 1,
}

const today: CartItem[] = [
  { skuId: 'tee', title: 'T 恤', price: money(10900) },
  { skuId: 'mug', title: '马克杯', price: money(4500) },
]

function setup(getItems: (skuIds: readonly string[]) => Promise<readonly CartItem[]>) {
  const cart = createCart()
  const wrapper = ({ children }: { children: ReactNode }) => (
    <TradeProvider cart={cart}>{children}</TradeProvider>
  )
  const hook = renderHook(() => useBuyAgain(getItems), { wrapper })
  return { cart, hook }
}

describe('useBuyAgain', () => {
  it("asks for each sku once and puts the lines back at today's price, reporting the sku left out", async () => {
    const getItems = vi.fn(async () => today)
    const { cart, hook } = setup(getItems)
    expect(hook.result.current.state).toEqual({ status: 'idle' })
    let ended: Awaited<ReturnType<typeof hook.result.current.buyAgain>> | undefined
    await act(async () => {
      ended = await hook.result.current.buyAgain(order)
    })
    expect(getItems).toHaveBeenCalledTimes(1)
    expect(getItems).toHaveBeenCalledWith(['tee', 'mug', 'gone'])
    const lines = cart.getSnapshot().lines.map((l) => [l.skuId, l.quantity, l.price.amount])
    expect(lines).toEqual([
      ['mug', 1, 4500],
      ['tee', 3, 10900],
    ])
    if (ended?.status !== 'done') throw new Error(`ended ${ended?.status}`)
    expect(ended.result.unavailable.map((u) => [u.line.skuId, u.reason])).toEqual([['gone', 'gone']])
    expect(hook.result.current.state).toEqual(ended)
  })

  it('is failed and leaves the cart untouched when the products cannot be read, never "gone"', async () => {
    const offline = new TradeKitError('NETWORK', 'request:fail')
    const { cart, hook } = setup(async () => {
      throw offline
    })
    let ended: unknown
    await act(async () => {
      ended = await hook.result.current.buyAgain(order)
    })
    expect(ended).toEqual({ status: 'failed', error: offline })
    expect(hook.result.current.state).toEqual({ status: 'failed', error: offline })
    expect(cart.getSnapshot().lines).toEqual([])
  })

  it('ignores a second tap while the products are read, and can run again after', async () => {
    let answer: (items: readonly CartItem[]) => void = () => {}
    const getItems = vi.fn(() => new Promise<readonly CartItem[]>((resolve) => (answer = resolve)))
    const { cart, hook } = setup(getItems)
    let first: Promise<unknown> = Promise.resolve()
    let second: unknown
    await act(async () => {
      first = hook.result.current.buyAgain(order)
      second = await hook.result.current.buyAgain(order)
    })
    expect(hook.result.current.state).toEqual({ status: 'loading' })
    expect(second).toEqual({ status: 'loading' })
    expect(getItems).toHaveBeenCalledTimes(1)
    await act(async () => {
      answer(today)
      await first
    })
    expect(cart.getSnapshot().count).toBe(4)
    getItems.mockImplementation(async () => today)
    await act(async () => {
      await hook.result.current.buyAgain(order)
    })
    expect(getItems).toHaveBeenCalledTimes(2)
    expect(cart.getSnapshot().count).toBe(8)
  })
})
