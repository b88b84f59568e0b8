import { fireEvent, render, screen, within } from '@testing-library/react'
import { type CartItem, createCart, type SkuChoice } from '@tradekit/core'
import { enUS } from '@tradekit/core/locales/en-US'
import { TradeProvider } from '@tradekit/react'
import { ConnectedSkuSelector, SkuSelector, type SkuSelectorProps } from '@tradekit/taro'
import { type ReactNode, useState } from 'react'
import { describe, expect, it, vi } from 'vitest'
import {
  luggageMatrix,
  luggageProduct,
  soldOutTeeMatrix,
  teeMatrix,
  teeProduct,
  vipMatrix,
  vipProduct,
} from '../../stories/fixtures/skus'

type HeldProps = Omit<SkuSelectorProps, 'value' | 'onChange' | 'quantity' | 'onQuantityChange'> & {
  initial?: SkuChoice
}

/** The controlled selector with its state held as a page holds it. */
function Held({ initial = {}, ...props }: HeldProps) {
  const [choice, setChoice] = useState<SkuChoice>(initial)
  const [quantity, setQuantity] = useState(1)
  return (
    <SkuSelector
      {...props}
      value={choice}
      onChange={setChoice}
      quantity={quantity}
      onQuantityChange={setQuantity}
    />
  )
}

function renderIn(ui: ReactNode, locale: 'zh-CN' | 'en-US' = 'zh-CN', cart = createCart()) {
  render(
    <TradeProvider cart={cart} locale={locale} messages={locale === 'en-US' ? enUS : undefined}>
      {ui}
    </TradeProvider>,
  )
  return cart
}

const tee = (props: Partial<HeldProps> = {}) => (
  <Held
    open
    onClose={vi.fn()}
    matrix={teeMatrix}
    product={teeProduct}
    onAddToCart={vi.fn()}
    onBuyNow={vi.fn()}
    {...props}
  />
)

const group = (name: string) => screen.getByRole('radiogroup', { name })
const value = (groupName: string, name: string) => within(group(groupName)).getByRole('radio', { name })

describe('SkuSelector', () => {
  it('is a dialog with a radio group per spec group and the price range before any choice', () => {
    renderIn(tee())
    const dialog = screen.getByRole('dialog', { name: '选择规格' })
    expect(
      within(dialog)
        .getAllByRole('radiogroup')
        .map((g) => g.getAttribute('aria-label')),
    ).toEqual(['颜色', '尺码'])
    expect(
      within(group('尺码'))
        .getAllByRole('radio')
        .map((r) => r.textContent),
    ).toEqual(['S', 'M', 'L', 'XL'])
    for (const radio of within(dialog).getAllByRole('radio')) {
      expect(radio).toHaveAttribute('aria-checked', 'false')
    }
    expect(screen.getByText('¥39–59')).toBeInTheDocument()
    expect(screen.getByRole('img', { name: '现价 39 元 至 59 元' })).toBeInTheDocument()
    expect(screen.getAllByText('请选择 颜色 尺码').length).toBeGreaterThan(0)
  })

  it('disables the values left without an in-stock SKU and narrows the range', () => {
    renderIn(tee())
    fireEvent.click(value('颜色', '黑色'))
    expect(value('颜色', '黑色')).toHaveAttribute('aria-checked', 'true')
    // black XL is sold out
    expect(value('尺码', 'XL')).toHaveAttribute('aria-disabled', 'true')
    expect(value('尺码', 'L')).not.toHaveAttribute('aria-disabled')
    // the other colours stay possible: the user may switch
    expect(value('颜色', '白色')).not.toHaveAttribute('aria-disabled')
    expect(screen.getByText('¥39–49')).toBeInTheDocument()
    expect(screen.getAllByText('请选择 尺码').length).toBeGreaterThan(0)
    // a disabled value cannot be chosen
    fireEvent.click(value('尺码', 'XL'))
    expect(value('尺码', 'XL')).toHaveAttribute('aria-checked', 'false')
  })

  it('disables a colour that has no SKU in the chosen size', () => {
    renderIn(tee())
    fireEvent.click(value('尺码', 'S'))
    expect(value('颜色', '雾霾蓝')).toHaveAttribute('aria-disabled', 'true')
    expect(value('颜色', '黑色')).not.toHaveAttribute('aria-disabled')
  })

  it('keeps the actions disabled with the reason until the choice is complete', () => {
    const onAddToCart = vi.fn()
    const onBuyNow = vi.fn()
    renderIn(tee({ onAddToCart, onBuyNow }))
    const add = screen.getByRole('button', { name: '加入购物车' })
    const buy = screen.getByRole('button', { name: '立即购买' })
    expect(add).toHaveAttribute('aria-disabled', 'true')
    expect(buy).toHaveAttribute('aria-disabled', 'true')
    fireEvent.click(add)
    fireEvent.click(buy)
    expect(onAddToCart).not.toHaveBeenCalled()
    expect(onBuyNow).not.toHaveBeenCalled()
    fireEvent.click(value('颜色', '白色'))
    expect(add).toHaveAttribute('aria-disabled', 'true')
    fireEvent.click(value('尺码', 'M'))
    expect(add).not.toHaveAttribute('aria-disabled')
    expect(buy).not.toHaveAttribute('aria-disabled')
    expect(screen.queryByText(/请选择/)).toBeNull()
  })

  it('completing a choice shows the SKU: its price, picture, stock, limit and spec text', () => {
    renderIn(tee())
    fireEvent.click(value('颜色', '黑色'))
    fireEvent.click(value('尺码', 'L'))
    expect(screen.getByRole('img', { name: '现价 49 元，原价 79 元' })).toBeInTheDocument()
    expect(screen.getByText('已选 黑色 L')).toBeInTheDocument()
    expect(screen.getByText('库存 30 件')).toBeInTheDocument()
    expect(screen.getByText('每人限购 3 件')).toBeInTheDocument()
    expect(screen.getByRole('group', { name: '购买数量' })).toBeInTheDocument()
  })

  it('says low stock for a SKU with few left', () => {
    renderIn(tee({ initial: { color: 'white', size: 'l' } }))
    expect(screen.getByText('仅剩 2 件')).toBeInTheDocument()
    expect(screen.queryByText(/库存/)).toBeNull()
  })

  it('hands the chosen SKU with its spec text and the quantity to the actions', () => {
    const onAddToCart = vi.fn()
    const onBuyNow = vi.fn()
    renderIn(tee({ onAddToCart, onBuyNow }))
    fireEvent.click(value('颜色', '雾霾蓝'))
    fireEvent.click(value('尺码', 'M'))
    fireEvent.click(screen.getByRole('button', { name: '增加数量' }))
    fireEvent.click(screen.getByRole('button', { name: '加入购物车' }))
    const item = onAddToCart.mock.calls[0]?.[0] as CartItem
    expect(onAddToCart).toHaveBeenCalledWith(expect.objectContaining({ skuId: 'tee-blue-m' }), 2)
    expect(item.title).toBe('纯棉圆领 T 恤')
    expect(item.attributes).toEqual([
      { name: '颜色', value: '雾霾蓝' },
      { name: '尺码', value: 'M' },
    ])
    expect(item.memberPrice?.amount).toBe(3900)
    fireEvent.click(screen.getByRole('button', { name: '立即购买' }))
    expect(onBuyNow).toHaveBeenCalledWith(expect.objectContaining({ skuId: 'tee-blue-m' }), 2)
  })

  it('stops the quantity at the per-user limit and says so', () => {
    renderIn(tee({ initial: { color: 'black', size: 'm' } }))
    const more = screen.getByRole('button', { name: '增加数量' })
    expect(screen.queryByText('已达每人限购数量')).toBeNull()
    fireEvent.click(more)
    fireEvent.click(more)
    expect(screen.getByRole('spinbutton', { name: '购买数量' })).toHaveValue(3)
    expect(more).toHaveAttribute('aria-disabled', 'true')
    expect(screen.getByText('已达每人限购数量')).toBeInTheDocument()
  })

  it('clamps the quantity to a newly chosen SKU with less stock', () => {
    const onAddToCart = vi.fn()
    renderIn(tee({ onAddToCart, initial: { color: 'white', size: 'm' } }))
    const more = screen.getByRole('button', { name: '增加数量' })
    fireEvent.click(more)
    fireEvent.click(more)
    fireEvent.click(value('尺码', 'L'))
    expect(screen.getByRole('spinbutton', { name: '购买数量' })).toHaveValue(2)
    fireEvent.click(screen.getByRole('button', { name: '加入购物车' }))
    expect(onAddToCart).toHaveBeenCalledWith(expect.objectContaining({ skuId: 'tee-white-l' }), 2)
  })

  it('works with the keyboard: each group is one Tab stop whose arrow keys choose among the possible values', () => {
    renderIn(tee())
    const colours = screen.getByRole('radiogroup', { name: '颜色' })
    const sizes = screen.getByRole('radiogroup', { name: '尺码' })
    expect(colours).toHaveAttribute('tabindex', '0')
    for (const radio of within(colours).getAllByRole('radio')) expect(radio).not.toHaveAttribute('tabindex')
    // nothing chosen yet: the first possible value is the active one
    expect(colours).toHaveAttribute('aria-activedescendant', value('颜色', '黑色').id)
    fireEvent.keyDown(colours, { key: 'ArrowRight' })
    expect(value('颜色', '白色')).toHaveAttribute('aria-checked', 'true')
    expect(colours).toHaveAttribute('aria-activedescendant', value('颜色', '白色').id)
    fireEvent.keyDown(sizes, { key: 'Enter' }) // Enter chooses the active one when none is chosen
    expect(value('尺码', 'S')).toHaveAttribute('aria-checked', 'true')
    fireEvent.keyDown(sizes, { key: 'End' })
    expect(value('尺码', 'XL')).toHaveAttribute('aria-checked', 'true')
    // black XL is sold out and blue has no XL: the arrows pass both by, and white stays chosen
    expect(value('颜色', '黑色')).toHaveAttribute('aria-disabled', 'true')
    fireEvent.keyDown(colours, { key: 'ArrowRight' })
    expect(value('颜色', '白色')).toHaveAttribute('aria-checked', 'true')
    expect(value('颜色', '雾霾蓝')).toHaveAttribute('aria-checked', 'false')
    fireEvent.keyDown(sizes, { key: 'ArrowLeft' })
    expect(value('尺码', 'L')).toHaveAttribute('aria-checked', 'true')
    fireEvent.keyDown(colours, { key: 'ArrowDown' })
    expect(value('颜色', '雾霾蓝')).toHaveAttribute('aria-checked', 'true')
  })

  it('says the whole product is sold out: every value disabled, no price, actions disabled', () => {
    renderIn(tee({ matrix: soldOutTeeMatrix }))
    for (const radio of screen.getAllByRole('radio')) expect(radio).toHaveAttribute('aria-disabled', 'true')
    expect(screen.getByText('商品已售罄')).toBeInTheDocument()
    expect(screen.queryByText(/¥/)).toBeNull()
    expect(screen.getByRole('button', { name: '加入购物车' })).toHaveAttribute('aria-disabled', 'true')
  })

  it('walks three groups, each narrowing the next', () => {
    renderIn(
      <Held open onClose={vi.fn()} matrix={luggageMatrix} product={luggageProduct} onBuyNow={vi.fn()} />,
    )
    expect(screen.getAllByRole('radiogroup')).toHaveLength(3)
    expect(screen.getByText('¥299–599')).toBeInTheDocument()
    fireEvent.click(value('颜色', '墨绿'))
    // green 20" comes only in the sold-out standard edition
    expect(value('尺寸', '20 英寸登机箱')).toHaveAttribute('aria-disabled', 'true')
    expect(screen.getByRole('img', { name: /^现价 599 元/ })).toBeInTheDocument()
    fireEvent.click(value('颜色', '银色'))
    fireEvent.click(value('尺寸', '24 英寸托运箱'))
    fireEvent.click(value('版本', '旗舰版（USB 充电口）'))
    expect(screen.getByRole('img', { name: '现价 599 元，会员价 549 元' })).toBeInTheDocument()
    expect(screen.getByText('仅剩 4 件')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: '加入购物车' })).toBeNull()
    expect(screen.getByRole('button', { name: '立即购买' })).not.toHaveAttribute('aria-disabled')
  })

  it('offers only the action it was opened for', () => {
    renderIn(tee({ actions: 'cart' }))
    expect(screen.getByRole('button', { name: '加入购物车' })).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: '立即购买' })).toBeNull()
  })

  it('in im mode offers contacting support with the choice so far', () => {
    const onContactSupport = vi.fn()
    renderIn(
      <Held
        open
        onClose={vi.fn()}
        matrix={vipMatrix}
        product={vipProduct}
        purchaseMode="im"
        onBuyNow={vi.fn()}
        onContactSupport={onContactSupport}
      />,
    )
    expect(screen.queryByRole('button', { name: /立即开通/ })).toBeNull()
    fireEvent.click(value('时长', '12 个月'))
    fireEvent.click(screen.getByRole('button', { name: '联系客服购买' }))
    expect(onContactSupport).toHaveBeenCalledWith(expect.objectContaining({ choice: { term: 'year' } }))
  })

  it('in hidden mode shows no price, no limit and no buy wording', () => {
    renderIn(
      <Held
        open
        onClose={vi.fn()}
        matrix={vipMatrix}
        product={vipProduct}
        purchaseMode="hidden"
        initial={{ term: 'year' }}
        onBuyNow={vi.fn()}
        onAddToCart={vi.fn()}
      />,
    )
    const dialog = screen.getByRole('dialog')
    expect(within(dialog).queryByRole('img')).toBeNull()
    expect(
      within(dialog)
        .getAllByRole('button')
        .map((b) => b.getAttribute('aria-label')),
    ).toEqual(['关闭'])
    expect(dialog.textContent).not.toMatch(/¥|购|买|开通|限/)
    expect(screen.getByText('当前设备暂不支持此功能')).toBeInTheDocument()
  })

  it('speaks English', () => {
    renderIn(tee({ initial: { color: 'black' } }), 'en-US')
    expect(screen.getByRole('dialog', { name: 'Choose options' })).toBeInTheDocument()
    expect(screen.getByText('¥39–¥49')).toBeInTheDocument()
    expect(screen.getAllByText('Choose 尺码').length).toBeGreaterThan(0)
    expect(screen.getByRole('button', { name: 'Add to cart' })).toHaveAttribute('aria-disabled', 'true')
    expect(screen.getByRole('button', { name: 'Close' })).toBeInTheDocument()
  })
})

describe('ConnectedSkuSelector', () => {
  it('adds the chosen SKU with its spec text to the provider cart and says so', () => {
    const onAddToCart = vi.fn()
    const cart = renderIn(
      <ConnectedSkuSelector
        open
        onClose={vi.fn()}
        matrix={teeMatrix}
        product={teeProduct}
        onAddToCart={onAddToCart}
      />,
    )
    fireEvent.click(value('颜色', '黑色'))
    fireEvent.click(value('尺码', 'L'))
    fireEvent.click(screen.getByRole('button', { name: '增加数量' }))
    fireEvent.click(screen.getByRole('button', { name: '加入购物车' }))
    const [line] = cart.getSnapshot().lines
    expect(cart.getSnapshot().lines).toHaveLength(1)
    expect(line).toMatchObject({
      skuId: 'tee-black-l',
      lineId: 'tee-black-l',
      quantity: 2,
      title: '纯棉圆领 T 恤',
      perUserLimit: 3,
      attributes: [
        { name: '颜色', value: '黑色' },
        { name: '尺码', value: 'L' },
      ],
    })
    expect(line?.price.amount).toBe(4900)
    expect(screen.getByRole('status')).toHaveTextContent('已加入购物车')
    expect(onAddToCart).toHaveBeenCalledWith(
      { ok: true, quantity: 2 },
      expect.objectContaining({ skuId: 'tee-black-l' }),
      2,
    )
  })

  it('counts what is already in the cart against the per-user limit of an add', () => {
    const cart = renderIn(
      <ConnectedSkuSelector
        open
        onClose={vi.fn()}
        matrix={teeMatrix}
        product={teeProduct}
        defaultValue={{ color: 'white', size: 'xl' }}
        defaultQuantity={2}
      />,
    )
    const add = () => screen.getByRole('button', { name: '加入购物车' })
    const quantity = () => screen.getByRole('spinbutton', { name: '购买数量' })
    expect(screen.getByText('每人限购 3 件')).toBeInTheDocument()
    fireEvent.click(add())
    expect(cart.getSnapshot().lines[0]?.quantity).toBe(2)
    // 1 of the 3 is left: the stepper offers 1 and no more
    expect(quantity()).toHaveValue(1)
    expect(screen.getByRole('button', { name: '增加数量' })).toHaveAttribute('aria-disabled', 'true')
    fireEvent.click(add())
    expect(cart.getSnapshot().lines[0]?.quantity).toBe(3)
    expect(screen.getByRole('status')).toHaveTextContent('已加入购物车')
    // the cart holds the limit: adding is off, and the sheet says why
    expect(add()).toHaveAttribute('aria-disabled', 'true')
    expect(screen.getByText('已达每人限购数量')).toBeInTheDocument()
    fireEvent.click(add())
    expect(cart.getSnapshot().lines[0]?.quantity).toBe(3)
    // another SKU has its own limit; a new choice clears the old answer
    fireEvent.click(value('尺码', 'S'))
    expect(screen.queryByRole('status')).toBeNull()
    expect(add()).not.toHaveAttribute('aria-disabled')
  })

  it('keeps two SKUs of one product as two lines', () => {
    const cart = renderIn(
      <ConnectedSkuSelector open onClose={vi.fn()} matrix={teeMatrix} product={teeProduct} />,
    )
    fireEvent.click(value('颜色', '黑色'))
    fireEvent.click(value('尺码', 'S'))
    fireEvent.click(screen.getByRole('button', { name: '加入购物车' }))
    fireEvent.click(value('尺码', 'M'))
    fireEvent.click(screen.getByRole('button', { name: '加入购物车' }))
    // the newest line first, as the cart keeps them
    expect(cart.getSnapshot().lines.map((l) => [l.skuId, l.attributes?.[1]?.value])).toEqual([
      ['tee-black-m', 'M'],
      ['tee-black-s', 'S'],
    ])
  })
})
