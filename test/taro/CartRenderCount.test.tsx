import { act, fireEvent, render, screen } from '@testing-library/react'
import { type CartItem, createCart, money } from '@tradekit/core'
import { TradeProvider } from '@tradekit/react'
import { CartBar, CartList } from '@tradekit/taro'
import { Profiler } from 'react'
import { describe, expect, it } from 'vitest'
import { countRenders, markCommit } from '../../bench/render/renderCounter'

// What one quantity change costs in a 200-line cart, counted the way `pnpm bench:render` counts it
// (React's development build: every function component's render, Taro's View/Text wrappers
// included). A count, not a time: it is the same on any machine. The goal of the performance
// issue: 109 renders or fewer, and only the changed line and the bar wake up.
const GOAL = 109

function fullCart() {
  const cart = createCart()
  for (let i = 0; i < 200; i++) {
    const item: CartItem = {
      skuId: `sku-${i}`,
      title: `商品 ${i}`,
      price: money(1000 + ((i * 37) % 9000)),
      image: `https://img.example.com/${i}.png`,
      stock: 99,
      attributes: [{ name: '颜色', value: i % 2 ? '黑' : '白' }],
    }
    cart.add(item, 1)
  }
  return cart
}

describe('one quantity change in a 200-line cart', () => {
  // rendering 200 lines in jsdom takes seconds on a busy 2-core machine
  it(`renders the changed line and the bar only, ${GOAL} renders or fewer`, { timeout: 60_000 }, async () => {
    render(
      <Profiler id="cart" onRender={() => markCommit()}>
        <TradeProvider cart={fullCart()}>
          <CartList batchSize={200} />
          <CartBar />
        </TradeProvider>
      </Profiler>,
    )
    await act(async () => {})
    const plus = screen.getAllByRole('button', { name: '增加数量' })
    expect(plus).toHaveLength(200)
    const count = await countRenders(async () => {
      await act(async () => {
        fireEvent.click(plus[100]!)
      })
    })
    expect(count.roots).toEqual(['CartBar', 'CartLine'])
    expect(count.renders).toBeLessThanOrEqual(GOAL)
    // the check marks (the line's and "select all") did not change: memoised, they stay put
    expect(count.byName.get('Check')).toBeUndefined()
  })
})
