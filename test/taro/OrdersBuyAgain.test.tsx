import { fireEvent, render, screen, within } from '@testing-library/react'
import { type CartItem, createCart, money, type Order } from '@tradekit/core'
import { enUS } from '@tradekit/core/locales/en-US'
import { TradeProvider } from '@tradekit/react'
import { BuyAgainButton } from '@tradekit/taro'
import { describe, expect, it, vi } from 'vitest'
import { orderLine } from '../core/orderFakes'

const line = (skuId: string, title: string, quantity: number) => orderLine(skuId, quantity, { title })

const order: Order = {
  orderId: 'B1',
  status: 'completed',
  kind: 'physical',
  lines: [
    line('tee', 'T 恤', 2),
    line('mug', '马克杯', 3),
    line('law', '法律咨询', 1),
    line('vip', '年度会员', 1),
  ],
  amount: money(7000),
  refunded: money(0),
  createdAt: 1,
}

const today: CartItem[] = [
  { skuId: 'tee', title: 'T 恤', price: money(10900) },
  { skuId: 'mug', title: '马克杯', price: money(4500), perUserLimit: 2 },
  { skuId: 'vip', title: '年度会员', price: money(19800), status: 'sold_out' },
]

describe('BuyAgainButton', () => {
  it("puts the lines back in the cart at today's price and reports every line it could not", async () => {
    const cart = createCart()
    const getItems = vi.fn(async () => today)
    const onDone = vi.fn()
    render(
      <TradeProvider cart={cart}>
        <BuyAgainButton order={order} getItems={getItems} onDone={onDone} />
      </TradeProvider>,
    )
    fireEvent.click(screen.getByRole('button', { name: '再次购买' }))
    const report = await screen.findByRole('status')
    expect(getItems).toHaveBeenCalledWith(['tee', 'mug', 'law', 'vip'])
    // (the cart lists the newest line first)
    expect(cart.getSnapshot().lines.map((l) => [l.skuId, l.quantity, l.price.amount])).toEqual([
      ['mug', 2, 4500],
      ['tee', 2, 10900],
    ])
    expect(report).toHaveTextContent('已将 4 件商品加入购物车')
    expect(report).toHaveTextContent('马克杯 的数量已调整为 2')
    const unavailable = within(report).getByRole('list', { name: '2 件商品无法再次购买' })
    expect(
      within(unavailable)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['法律咨询：已不再销售', '年度会员：已售罄'])
    expect(onDone).toHaveBeenCalledWith(
      expect.objectContaining({
        unavailable: [
          expect.objectContaining({ reason: 'gone' }),
          expect.objectContaining({ reason: 'sold_out' }),
        ],
      }),
    )
  })

  it('reports a product the cart does not accept, and puts the others in', async () => {
    const warned = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const cart = createCart()
    const malformed = [today[0]!, { skuId: 'mug', title: '马克杯', price: { amount: 45.5, currency: 'CNY' } }]
    render(
      <TradeProvider cart={cart}>
        <BuyAgainButton order={order} getItems={async () => malformed as CartItem[]} />
      </TradeProvider>,
    )
    fireEvent.click(screen.getByRole('button', { name: '再次购买' }))
    const report = await screen.findByRole('status')
    expect(screen.queryByRole('alert')).toBeNull()
    expect(cart.getSnapshot().lines.map((l) => [l.skuId, l.quantity])).toEqual([['tee', 2]])
    expect(report).toHaveTextContent('已将 2 件商品加入购物车')
    expect(
      within(within(report).getByRole('list'))
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['马克杯：暂时无法购买', '法律咨询：已不再销售', '年度会员：已不再销售'])
    // the developer is told which product the cart refused
    expect(warned).toHaveBeenCalledTimes(1)
    warned.mockRestore()
  })

  it('reports a line the cart refuses, never a "failed" after half the lines went in', async () => {
    const cart = createCart()
    // a cart whose total is near the largest safe amount: the tees fit, the mugs would overflow it
    cart.add({ skuId: 'gold', title: '金条', price: money(Number.MAX_SAFE_INTEGER - 30000) })
    render(
      <TradeProvider cart={cart} locale="en-US" messages={enUS}>
        <BuyAgainButton order={order} getItems={async () => today} />
      </TradeProvider>,
    )
    fireEvent.click(screen.getByRole('button', { name: 'Buy again' }))
    const report = await screen.findByRole('status')
    expect(screen.queryByRole('alert')).toBeNull()
    expect(cart.getSnapshot().lines.map((l) => [l.skuId, l.quantity])).toEqual([
      ['tee', 2],
      ['gold', 1],
    ])
    expect(report).toHaveTextContent('2 items added to the cart')
    expect(
      within(within(report).getByRole('list'))
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toContain('马克杯: Cannot be bought right now')
  })

  it("says so when today's products could not be read, and adds nothing", async () => {
    const cart = createCart()
    render(
      <TradeProvider cart={cart} locale="en-US" messages={enUS}>
        <BuyAgainButton order={order} getItems={vi.fn().mockRejectedValue(new Error('offline'))} />
      </TradeProvider>,
    )
    fireEvent.click(screen.getByRole('button', { name: 'Buy again' }))
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Products could not be loaded. Please try again',
    )
    expect(cart.getSnapshot().lines).toHaveLength(0)
  })
})
