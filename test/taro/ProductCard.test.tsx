import { fireEvent, render, screen, within } from '@testing-library/react'
import { createCart, money } from '@tradekit/core'
import { enUS } from '@tradekit/core/locales/en-US'
import { TradeProvider } from '@tradekit/react'
import { ConnectedSkuSelector, ProductCard, type ProductCardProduct } from '@tradekit/taro'
import type { ReactNode } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { teeMatrix, teeProduct } from '../../stories/fixtures/skus'

const tee: ProductCardProduct = {
  skuId: 'tee',
  title: '纯棉 T 恤',
  subtitle: '透气 · 三色可选',
  price: money(9900),
  originalPrice: money(12900),
  image: 'https://example.invalid/tee.png',
  stock: 20,
  tags: ['包邮'],
}

function renderWithCart(ui: ReactNode, cart = createCart(), locale: 'zh-CN' | 'en-US' = 'zh-CN') {
  render(
    <TradeProvider cart={cart} locale={locale} messages={locale === 'en-US' ? enUS : undefined}>
      {ui}
    </TradeProvider>,
  )
  return cart
}

describe('ProductCard', () => {
  it('shows title, subtitle, tags and the price phrase', () => {
    renderWithCart(<ProductCard product={tee} />)
    const card = screen.getByRole('group', { name: '纯棉 T 恤' })
    expect(within(card).getByText('透气 · 三色可选')).toBeInTheDocument()
    expect(within(card).getByText('包邮')).toBeInTheDocument()
    expect(within(card).getByRole('img', { name: '现价 99 元，原价 129 元' })).toBeInTheDocument()
  })

  it('adds one unit to the cart and says so', () => {
    const onAddToCart = vi.fn()
    const cart = renderWithCart(<ProductCard product={tee} onAddToCart={onAddToCart} />)
    fireEvent.click(screen.getByRole('button', { name: '加入购物车：纯棉 T 恤' }))
    expect(cart.getSnapshot().lines.map((l) => [l.skuId, l.quantity])).toEqual([['tee', 1]])
    expect(cart.getSnapshot().lines[0]).not.toHaveProperty('subtitle')
    expect(onAddToCart).toHaveBeenCalledWith({ ok: true, quantity: 1 }, tee)
    expect(screen.getByRole('status')).toHaveTextContent('已加入购物车')
  })

  it('says what the add did in the locale shown now, after a change of locale', () => {
    const cart = createCart()
    const page = (locale: 'zh-CN' | 'en-US') => (
      <TradeProvider cart={cart} locale={locale} messages={locale === 'en-US' ? enUS : undefined}>
        <ProductCard product={tee} />
      </TradeProvider>
    )
    const { rerender } = render(page('zh-CN'))
    fireEvent.click(screen.getByRole('button', { name: '加入购物车：纯棉 T 恤' }))
    expect(screen.getByRole('status')).toHaveTextContent('已加入购物车')
    rerender(page('en-US'))
    expect(screen.getByRole('status')).toHaveTextContent(enUS['product.added'])
  })

  it('tells when the stock stops an add', () => {
    const cart = renderWithCart(<ProductCard product={{ ...tee, stock: 1 }} />)
    const add = screen.getByRole('button', { name: '加入购物车：纯棉 T 恤' })
    fireEvent.click(add)
    fireEvent.click(add)
    expect(cart.getSnapshot().lines[0]?.quantity).toBe(1)
    expect(screen.getByRole('status')).toHaveTextContent('库存不足，购物车里有 1 件')
  })

  it('shows low stock and the purchase limit', () => {
    renderWithCart(<ProductCard product={{ ...tee, stock: 3, perUserLimit: 2 }} />)
    expect(screen.getByText('仅剩 3 件')).toBeInTheDocument()
    expect(screen.getByText('限购 2 件')).toBeInTheDocument()
  })

  it('disables buying a sold-out product and says why', () => {
    const onBuyNow = vi.fn()
    const cart = renderWithCart(<ProductCard product={{ ...tee, stock: 0 }} onBuyNow={onBuyNow} />)
    expect(screen.getByText('已售罄')).toBeInTheDocument()
    const buy = screen.getByRole('button', { name: '立即购买：纯棉 T 恤' })
    expect(buy).toHaveAttribute('aria-disabled', 'true')
    fireEvent.click(buy)
    fireEvent.click(screen.getByRole('button', { name: '加入购物车：纯棉 T 恤' }))
    expect(onBuyNow).not.toHaveBeenCalled()
    expect(cart.getSnapshot().lines).toHaveLength(0)
  })

  it('marks an off-shelf product', () => {
    renderWithCart(<ProductCard product={{ ...tee, status: 'off_shelf' }} />)
    expect(screen.getByText('已下架')).toBeInTheDocument()
  })

  it('offers a consultation as a service: booking, no cart, no stock', () => {
    const onBuyNow = vi.fn()
    const consult: ProductCardProduct = {
      skuId: 'law-30',
      title: '律师咨询 30 分钟',
      price: money(19900),
      kind: 'service',
    }
    renderWithCart(<ProductCard product={consult} onBuyNow={onBuyNow} layout="horizontal" />)
    expect(screen.getByText('服务')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: /加入购物车/ })).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: '立即预约：律师咨询 30 分钟' }))
    expect(onBuyNow).toHaveBeenCalledWith(consult)
  })

  it('buys once for a double tap on "buy now", while "add to cart" counts every tap', () => {
    vi.useFakeTimers()
    try {
      const onBuyNow = vi.fn()
      const cart = renderWithCart(<ProductCard product={tee} onBuyNow={onBuyNow} />)
      const buy = screen.getByRole('button', { name: '立即购买：纯棉 T 恤' })
      fireEvent.click(buy)
      fireEvent.click(buy)
      expect(onBuyNow).toHaveBeenCalledTimes(1)
      vi.advanceTimersByTime(1000)
      fireEvent.click(buy)
      expect(onBuyNow).toHaveBeenCalledTimes(2)
      const add = screen.getByRole('button', { name: '加入购物车：纯棉 T 恤' })
      fireEvent.click(add)
      fireEvent.click(add)
      expect(cart.getSnapshot().count).toBe(2)
    } finally {
      vi.useRealTimers()
    }
  })

  it('in im mode turns the action into contacting support', () => {
    const onContactSupport = vi.fn()
    const vip: ProductCardProduct = { skuId: 'vip', title: '年度会员', price: money(19800), kind: 'virtual' }
    renderWithCart(
      <ProductCard product={vip} purchaseMode="im" onBuyNow={vi.fn()} onContactSupport={onContactSupport} />,
    )
    expect(screen.queryByRole('button', { name: /立即开通/ })).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: '联系客服购买：年度会员' }))
    expect(onContactSupport).toHaveBeenCalledWith(vip)
  })

  it('in hidden mode shows no price and no buy wording', () => {
    const vip: ProductCardProduct = {
      skuId: 'vip',
      title: '年度会员',
      price: money(19800),
      kind: 'virtual',
      perUserLimit: 1,
    }
    renderWithCart(<ProductCard product={vip} purchaseMode="hidden" onBuyNow={vi.fn()} />)
    const card = screen.getByRole('group', { name: '年度会员' })
    expect(within(card).queryByRole('img')).toBeNull()
    expect(within(card).queryByRole('button')).toBeNull()
    expect(card.textContent).not.toMatch(/¥|购|买|开通|限/)
  })

  it('shows a skeleton while loading', () => {
    renderWithCart(<ProductCard loading />)
    expect(screen.getByRole('status', { name: '加载中' })).toBeInTheDocument()
  })

  it('speaks English', () => {
    renderWithCart(<ProductCard product={{ ...tee, stock: 2 }} onBuyNow={vi.fn()} />, createCart(), 'en-US')
    expect(screen.getByText('Only 2 left')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Add to cart: 纯棉 T 恤' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Buy now: 纯棉 T 恤' })).toBeInTheDocument()
  })

  describe('with specs', () => {
    const withSpecs: ProductCardProduct = { ...tee, skuId: 'tee-black-s', price: teeMatrix.skus[0]!.price }

    it('opens the spec selector from "add to cart" instead of adding, and the selector adds the chosen SKU', () => {
      const onBuyNow = vi.fn()
      const cart = renderWithCart(
        <ProductCard
          product={withSpecs}
          onBuyNow={vi.fn()}
          renderSpecSelector={({ open, close, intent }) => (
            <ConnectedSkuSelector
              open={open}
              onClose={close}
              actions={intent}
              matrix={teeMatrix}
              product={teeProduct}
              onBuyNow={onBuyNow}
            />
          )}
        />,
      )
      expect(screen.queryByRole('dialog')).toBeNull()
      fireEvent.click(screen.getByRole('button', { name: `加入购物车：${tee.title}` }))
      expect(cart.getSnapshot().lines).toHaveLength(0)
      const dialog = screen.getByRole('dialog', { name: '选择规格' })
      // opened for the cart: the sheet offers only adding
      expect(within(dialog).queryByRole('button', { name: '立即购买' })).toBeNull()
      fireEvent.click(within(dialog).getByRole('radio', { name: '白色' }))
      fireEvent.click(within(dialog).getByRole('radio', { name: 'XL' }))
      fireEvent.click(within(dialog).getByRole('button', { name: '加入购物车' }))
      expect(cart.getSnapshot().lines.map((l) => [l.skuId, l.attributes])).toEqual([
        [
          'tee-white-xl',
          [
            { name: '颜色', value: '白色' },
            { name: '尺码', value: 'XL' },
          ],
        ],
      ])
      fireEvent.click(within(dialog).getByRole('button', { name: '关闭' }))
      expect(screen.queryByRole('dialog')).toBeNull()
    })

    it('opens the selector for buying from "buy now"; the card never buys its own SKU', () => {
      const onBuyNow = vi.fn()
      const onSheetBuy = vi.fn()
      renderWithCart(
        <ProductCard
          product={withSpecs}
          onBuyNow={onBuyNow}
          renderSpecSelector={({ open, close, intent }) => (
            <ConnectedSkuSelector
              open={open}
              onClose={close}
              actions={intent}
              matrix={teeMatrix}
              product={teeProduct}
              onBuyNow={onSheetBuy}
              defaultValue={{ color: 'black', size: 'm' }}
            />
          )}
        />,
      )
      fireEvent.click(screen.getByRole('button', { name: `立即购买：${tee.title}` }))
      const dialog = screen.getByRole('dialog')
      expect(within(dialog).queryByRole('button', { name: '加入购物车' })).toBeNull()
      fireEvent.click(within(dialog).getByRole('button', { name: '立即购买' }))
      expect(onSheetBuy).toHaveBeenCalledWith(expect.objectContaining({ skuId: 'tee-black-m' }), 1)
      expect(onBuyNow).not.toHaveBeenCalled()
    })

    it('hands the choice to the page instead, with the action pressed', () => {
      const onChooseSpecs = vi.fn()
      const cart = renderWithCart(<ProductCard product={withSpecs} onChooseSpecs={onChooseSpecs} />)
      fireEvent.click(screen.getByRole('button', { name: `加入购物车：${tee.title}` }))
      expect(onChooseSpecs).toHaveBeenCalledWith(withSpecs, 'cart')
      expect(cart.getSnapshot().lines).toHaveLength(0)
      expect(screen.queryByRole('status')).toBeNull()
    })
  })
})
