import { fireEvent, render, screen, within } from '@testing-library/react'
import { createCart, money, skuSelection } from '@tradekit/core'
import { enUS } from '@tradekit/core/locales/en-US'
import { TradeProvider } from '@tradekit/react'
import {
  ProductActionBar,
  ProductGallery,
  ProductPriceBlock,
  ServiceTags,
  SpecSummaryRow,
} from '@tradekit/taro'
import type { ReactNode } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { teeMatrix } from '../../stories/fixtures/skus'

function renderIn(ui: ReactNode, locale: 'zh-CN' | 'en-US' = 'zh-CN') {
  return render(
    <TradeProvider cart={createCart()} locale={locale} messages={locale === 'en-US' ? enUS : undefined}>
      {ui}
    </TradeProvider>,
  )
}

describe('ProductGallery', () => {
  it('is a named region with a slide per picture and a counter', () => {
    const { container } = renderIn(<ProductGallery images={['a.png', 'b.png', 'c.png']} />)
    const gallery = screen.getByRole('region', { name: '商品图片' })
    expect(gallery).toBeInTheDocument()
    expect(container.querySelectorAll('.tk-gallery__item')).toHaveLength(3)
    expect(within(gallery).getByText('第 1 张，共 3 张')).toBeInTheDocument()
    expect(within(gallery).getByText('1/3')).toBeInTheDocument()
  })

  it('shows a placeholder without pictures and for a picture that fails to load', () => {
    const { unmount } = renderIn(<ProductGallery images={[]} />)
    expect(screen.getByText('暂无图片')).toBeInTheDocument()
    expect(screen.queryByText(/\d\/\d/)).toBeNull()
    unmount()
    const second = renderIn(<ProductGallery images={['broken.png']} />)
    const img = second.container.querySelector('img')
    expect(img).not.toBeNull()
    fireEvent.error(img as HTMLImageElement)
    expect(screen.getByText('暂无图片')).toBeInTheDocument()
    expect(second.container.querySelector('img')).toBeNull()
  })
})

describe('ProductPriceBlock', () => {
  it('shows the range before a choice and the price, original and member price after', () => {
    const range = skuSelection(teeMatrix, {}).priceRange!
    const { rerender } = renderIn(<ProductPriceBlock price={range} />)
    expect(screen.getByText('¥39–59')).toBeInTheDocument()
    expect(screen.getByRole('img', { name: '现价 39 元 至 59 元' })).toBeInTheDocument()
    rerender(
      <TradeProvider cart={createCart()}>
        <ProductPriceBlock price={money(4500)} originalPrice={money(7500)} memberPrice={money(3900)} />
      </TradeProvider>,
    )
    expect(screen.getByRole('img', { name: '现价 45 元，原价 75 元' })).toBeInTheDocument()
    expect(screen.getByText('会员价')).toBeInTheDocument()
    expect(screen.getByText('¥39.00')).toBeInTheDocument()
  })

  it('shows no price in the hidden purchase mode', () => {
    const { container } = renderIn(
      <ProductPriceBlock price={money(4500)} memberPrice={money(3900)} purchaseMode="hidden" />,
    )
    expect(container.textContent).toBe('')
  })
})

describe('SpecSummaryRow', () => {
  it('asks for the missing groups, then shows the choice; pressing it opens the selector', () => {
    const onPress = vi.fn()
    const { rerender } = renderIn(<SpecSummaryRow matrix={teeMatrix} value={{}} onPress={onPress} />)
    fireEvent.click(screen.getByRole('button', { name: '请选择 颜色 尺码' }))
    expect(onPress).toHaveBeenCalledTimes(1)
    // the label beside it opens too, once
    fireEvent.click(screen.getByText('规格'))
    expect(onPress).toHaveBeenCalledTimes(2)
    rerender(
      <TradeProvider cart={createCart()}>
        <SpecSummaryRow matrix={teeMatrix} value={{ color: 'black', size: 'l' }} onPress={onPress} />
      </TradeProvider>,
    )
    expect(screen.getByRole('button', { name: '已选 黑色 L' })).toBeInTheDocument()
  })

  it('speaks English', () => {
    renderIn(<SpecSummaryRow matrix={teeMatrix} value={{ size: 'm' }} onPress={vi.fn()} />, 'en-US')
    expect(screen.getByRole('button', { name: 'Choose 颜色' })).toBeInTheDocument()
  })
})

describe('ServiceTags', () => {
  it('shows the promises in a row that opens their details, or as a list', () => {
    const onPress = vi.fn()
    const { rerender } = renderIn(<ServiceTags tags={['极速退款', '运费险']} onPress={onPress} />)
    fireEvent.click(screen.getByRole('button', { name: '服务，极速退款，运费险' }))
    expect(onPress).toHaveBeenCalled()
    rerender(
      <TradeProvider cart={createCart()}>
        <ServiceTags tags={['极速退款', '运费险']} layout="list" />
      </TradeProvider>,
    )
    const list = screen.getByRole('list', { name: '服务' })
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['✓极速退款', '✓运费险'])
  })

  it('renders nothing without tags', () => {
    const { container } = renderIn(<ServiceTags tags={[]} />)
    expect(container.textContent).toBe('')
  })
})

describe('ProductActionBar', () => {
  const handlers = () => ({
    onSupport: vi.fn(),
    onCart: vi.fn(),
    onAddToCart: vi.fn(),
    onBuyNow: vi.fn(),
    onContactSupport: vi.fn(),
  })

  it('offers support, the cart with its count, add to cart and buy now', () => {
    const on = handlers()
    renderIn(<ProductActionBar cartCount={3} {...on} />)
    const bar = screen.getByRole('region', { name: '商品操作' })
    fireEvent.click(within(bar).getByRole('button', { name: '客服' }))
    fireEvent.click(within(bar).getByRole('button', { name: '购物车，3 件商品' }))
    fireEvent.click(within(bar).getByRole('button', { name: '加入购物车' }))
    fireEvent.click(within(bar).getByRole('button', { name: '立即购买' }))
    expect(on.onSupport).toHaveBeenCalled()
    expect(on.onCart).toHaveBeenCalled()
    expect(on.onAddToCart).toHaveBeenCalled()
    expect(on.onBuyNow).toHaveBeenCalled()
    expect(within(bar).getByText('3')).toBeInTheDocument()
  })

  it('disables buying with the reason', () => {
    const on = handlers()
    renderIn(<ProductActionBar {...on} disabledReason="商品已售罄" />)
    expect(screen.getByText('商品已售罄')).toBeInTheDocument()
    const buy = screen.getByRole('button', { name: '立即购买' })
    expect(buy).toHaveAttribute('aria-disabled', 'true')
    fireEvent.click(buy)
    expect(on.onBuyNow).not.toHaveBeenCalled()
  })

  it('books a service and has no cart action for it', () => {
    renderIn(<ProductActionBar kind="service" {...handlers()} />)
    expect(screen.getByRole('button', { name: '立即预约' })).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: '加入购物车' })).toBeNull()
  })

  it('in im mode offers contacting support to buy instead', () => {
    const on = handlers()
    renderIn(<ProductActionBar kind="virtual" purchaseMode="im" {...on} />)
    expect(screen.queryByRole('button', { name: '立即开通' })).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: '联系客服购买' }))
    expect(on.onContactSupport).toHaveBeenCalled()
  })

  it('in hidden mode keeps support and cart, with no buy wording', () => {
    renderIn(<ProductActionBar kind="virtual" purchaseMode="hidden" {...handlers()} />)
    const bar = screen.getByRole('region', { name: '商品操作' })
    expect(
      within(bar)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['客服', '购物车'])
    expect(bar.textContent).not.toMatch(/购买|开通|¥/)
  })
})
