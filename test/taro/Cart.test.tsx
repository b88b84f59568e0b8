import { act, fireEvent, render, screen, within } from '@testing-library/react'
import { type CartItem, createCart, memoryStorage, money } from '@tradekit/core'
import { enUS } from '@tradekit/core/locales/en-US'
import { TradeProvider } from '@tradekit/react'
import { CartBar, CartEmpty, CartLine, CartList } from '@tradekit/taro'
import type { ReactNode } from 'react'
import { describe, expect, it, vi } from 'vitest'

const tee: CartItem = {
  skuId: 'tee',
  title: 'T 恤',
  price: money(9900),
  originalPrice: money(12900),
  stock: 5,
  attributes: [
    { name: '颜色', value: '黑' },
    { name: '尺码', value: 'M' },
  ],
}
const mug: CartItem = { skuId: 'mug', title: '马克杯', price: money(4500), memberPrice: money(3900) }

function setup(ui: ReactNode, cart = createCart(), locale: 'zh-CN' | 'en-US' = 'zh-CN') {
  render(
    <TradeProvider cart={cart} locale={locale} messages={locale === 'en-US' ? enUS : undefined}>
      {ui}
    </TradeProvider>,
  )
  return cart
}

describe('CartLine', () => {
  it('shows title, attributes and price, and changes the quantity in the cart', () => {
    const cart = createCart()
    cart.add(tee, 2)
    setup(<CartLine lineId="tee" />, cart)
    const line = screen.getByRole('group', { name: 'T 恤' })
    expect(within(line).getByText('颜色: 黑；尺码: M')).toBeInTheDocument()
    expect(within(line).getByRole('img', { name: '现价 99 元，原价 129 元' })).toBeInTheDocument()
    fireEvent.click(within(line).getByRole('button', { name: '增加数量' }))
    expect(cart.getSnapshot().lines[0]?.quantity).toBe(3)
  })

  it('selects and deselects the line', () => {
    const cart = createCart()
    cart.add(tee)
    setup(<CartLine lineId="tee" />, cart)
    const check = screen.getByRole('checkbox', { name: '选择T 恤' })
    expect(check).toHaveAttribute('aria-checked', 'true')
    fireEvent.click(check)
    expect(cart.getSnapshot().lines[0]?.selected).toBe(false)
    expect(check).toHaveAttribute('aria-checked', 'false')
  })

  it('removes only after confirmation', () => {
    const cart = createCart()
    cart.add(tee)
    const onRemoved = vi.fn()
    setup(<CartLine lineId="tee" onRemoved={onRemoved} />, cart)
    fireEvent.click(screen.getByRole('button', { name: '删除T 恤' }))
    expect(screen.getByRole('alert')).toHaveTextContent('确定从购物车删除T 恤吗？')
    fireEvent.click(screen.getByRole('button', { name: '取消' }))
    expect(cart.getSnapshot().lines).toHaveLength(1)
    fireEvent.click(screen.getByRole('button', { name: '删除T 恤' }))
    fireEvent.click(within(screen.getByRole('alert')).getByRole('button', { name: '删除T 恤' }))
    expect(cart.getSnapshot().lines).toHaveLength(0)
    expect(onRemoved).toHaveBeenCalledWith(expect.objectContaining({ lineId: 'tee' }))
  })

  it('says how the price moved since the line was added', () => {
    const cart = createCart()
    cart.add(tee)
    setup(<CartLine lineId="tee" />, cart)
    act(() => cart.update([{ ...tee, price: money(10900) }]))
    expect(screen.getByText('价格有变动')).toBeInTheDocument()
    expect(screen.getByText('比加入时贵了 ¥10.00')).toBeInTheDocument()
  })

  it('shows a sold-out line as blocked: no stepper, no selection', () => {
    const cart = createCart()
    cart.add(tee)
    act(() => cart.update([{ ...tee, status: 'sold_out' }]))
    setup(<CartLine lineId="tee" />, cart)
    expect(screen.getByText('已售罄')).toBeInTheDocument()
    expect(screen.queryByRole('spinbutton')).toBeNull()
    expect(screen.getByRole('checkbox', { name: '选择T 恤' })).toHaveAttribute('aria-disabled', 'true')
  })

  it('marks a quantity clamped by lower stock', () => {
    const cart = createCart()
    cart.add(tee, 5)
    act(() => cart.update([{ ...tee, stock: 2 }]))
    setup(<CartLine lineId="tee" />, cart)
    expect(screen.getByText('库存不足，已调整数量')).toBeInTheDocument()
    expect(screen.getByRole('spinbutton')).toHaveValue(2)
  })
})

describe('CartList', () => {
  it('shows the empty state when the cart has no line', () => {
    setup(<CartList empty={<CartEmpty onShop={() => {}} />} />)
    expect(screen.getByText('购物车是空的')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: '去逛逛' })).toBeInTheDocument()
  })

  it('groups unavailable lines and clears them', () => {
    const cart = createCart()
    cart.add(tee)
    cart.add(mug)
    act(() => cart.update([{ ...mug, status: 'off_shelf' }]))
    setup(<CartList />, cart)
    const invalid = screen.getByRole('list', { name: '失效商品 1 件' })
    expect(within(invalid).getByText('马克杯')).toBeInTheDocument()
    expect(within(screen.getByRole('list', { name: '购物车商品' })).getByText('T 恤')).toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: '清空失效商品' }))
    expect(cart.getSnapshot().lines.map((l) => l.skuId)).toEqual(['tee'])
    expect(screen.queryByRole('list', { name: /失效商品/ })).toBeNull()
  })

  it('renders a 200-line cart in batches until every line is shown', async () => {
    const cart = createCart()
    for (let i = 0; i < 200; i++) cart.add({ skuId: `sku-${i}`, title: `商品 ${i}`, price: money(100 + i) })
    setup(<CartList batchSize={50} />, cart)
    const list = screen.getByRole('list', { name: '购物车商品' })
    expect(within(list).getAllByRole('listitem').length).toBe(50)
    // batches render one after another: on a busy machine that takes seconds, so the test waits as long
    // as its own timeout allows, never longer
    expect(await within(list).findByText('商品 199', {}, { timeout: 20_000 })).toBeInTheDocument()
    await vi.waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(200), {
      timeout: 20_000,
    })
    expect(within(list).getByText('商品 0')).toBeInTheDocument()
  }, 45_000)

  it('shows a skeleton while the stored cart loads, then the lines', async () => {
    let release!: (value: string | null) => void
    const stored = new Promise<string | null>((resolve) => (release = resolve))
    const storage = { ...memoryStorage(), getItem: () => stored }
    const seed = createCart()
    seed.add(tee)
    const cart = createCart({ storage })
    setup(<CartList />, cart)
    expect(screen.getByRole('status', { name: '加载中' })).toBeInTheDocument()
    await act(async () => release(JSON.stringify({ v: 1, lines: [] })))
    expect(screen.queryByRole('status', { name: '加载中' })).toBeNull()
  })

  it('tells the user when the cart cannot be saved', async () => {
    const storage = {
      getItem: () => null,
      setItem: () => {
        throw new Error('quota')
      },
      removeItem: () => {},
    }
    const cart = createCart({ storage })
    setup(<CartList />, cart)
    await act(async () => {
      cart.add(tee)
      await cart.flush()
    })
    expect(screen.getByRole('status')).toHaveTextContent('购物车暂时无法保存')
  })
})

describe('CartBar', () => {
  it('totals the selected lines, shows savings and checks out with the quote', () => {
    const cart = createCart()
    cart.add(tee, 2)
    cart.add(mug)
    const onCheckout = vi.fn()
    setup(<CartBar onCheckout={onCheckout} pricing={{ member: true }} />, cart)
    // 2 × 99 + 39 (member) = 237; saved 2 × 30 (original) + 6 (member)
    expect(screen.getByRole('img', { name: '现价 237 元' })).toBeInTheDocument()
    expect(screen.getByText('已优惠 ¥66.00')).toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: '去结算（3）' }))
    const [lines, quote] = onCheckout.mock.calls[0] ?? []
    expect(lines.map((l: { skuId: string }) => l.skuId).sort()).toEqual(['mug', 'tee'])
    expect(quote.payable).toEqual(money(23700))
  })

  it('opens the checkout once for a double tap, and again after a moment', () => {
    vi.useFakeTimers()
    try {
      const cart = createCart()
      cart.add(tee)
      const onCheckout = vi.fn()
      setup(<CartBar onCheckout={onCheckout} />, cart)
      const checkout = screen.getByRole('button', { name: '去结算（1）' })
      fireEvent.click(checkout)
      fireEvent.click(checkout)
      expect(onCheckout).toHaveBeenCalledTimes(1)
      vi.advanceTimersByTime(1000) // the user came back from the checkout page
      fireEvent.click(checkout)
      expect(onCheckout).toHaveBeenCalledTimes(2)
    } finally {
      vi.useRealTimers()
    }
  })

  it('selects all and none, and disables checkout with the reason', () => {
    const cart = createCart()
    cart.add(tee)
    const onCheckout = vi.fn()
    setup(<CartBar onCheckout={onCheckout} />, cart)
    const all = screen.getByRole('checkbox', { name: '全选' })
    expect(all).toHaveAttribute('aria-checked', 'true')
    fireEvent.click(all)
    expect(cart.getSnapshot().selectedCount).toBe(0)
    expect(screen.getByText('请先选择商品')).toBeInTheDocument()
    const checkout = screen.getByRole('button', { name: '去结算' })
    expect(checkout).toHaveAttribute('aria-disabled', 'true')
    fireEvent.click(checkout)
    expect(onCheckout).not.toHaveBeenCalled()
    fireEvent.click(all)
    expect(cart.getSnapshot().selectedCount).toBe(1)
  })

  it('shows no bar under an empty cart, and comes back with the first line', () => {
    const cart = createCart()
    setup(<CartBar />, cart)
    expect(screen.queryByRole('checkbox', { name: '全选' })).toBeNull()
    expect(screen.queryByRole('button', { name: /去结算/ })).toBeNull()
    act(() => void cart.add(tee))
    expect(screen.getByRole('button', { name: '去结算（1）' })).toBeInTheDocument()
    act(() => cart.remove('tee'))
    expect(screen.queryByRole('button', { name: /去结算/ })).toBeNull()
  })

  it('shows the bar, held, while the stored cart loads', async () => {
    let answer: (value: string | null) => void = () => {}
    const storage = {
      getItem: () => new Promise<string | null>((resolve) => (answer = resolve)),
      setItem: () => {},
      removeItem: () => {},
    }
    setup(<CartBar />, createCart({ storage }))
    expect(screen.getByRole('button', { name: '去结算' })).toHaveAttribute('aria-disabled', 'true')
    await act(async () => answer(null))
    expect(screen.queryByRole('button', { name: /去结算/ })).toBeNull()
  })

  it('speaks English', () => {
    const cart = createCart()
    cart.add(mug)
    setup(<CartBar />, cart, 'en-US')
    expect(screen.getByRole('checkbox', { name: 'Select all' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Check out (1)' })).toBeInTheDocument()
  })
})
