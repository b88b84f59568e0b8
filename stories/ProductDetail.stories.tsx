import type { Meta, StoryObj } from '@storybook/react-vite'
import { type PurchaseMode, type SkuChoice, skuMessages, skuSelection } from '@tradekit/core'
import { useCart, useTranslate } from '@tradekit/react'
import {
  ConnectedSkuSelector,
  ProductActionBar,
  ProductGallery,
  ProductPriceBlock,
  ServiceTags,
  SpecSummaryRow,
} from '@tradekit/taro'
import { useState } from 'react'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { images } from './fixtures/images'
import { expectPhoneFit, SKU_FIXTURES as fixtures, vipProduct } from './fixtures/skus'
import { textOf } from './fixtures/text'
import { en } from './fixtures/trade'

const services = ['7 天无理由退货', '极速退款', '运费险', '正品保障']
const gallery = [images.teeCharcoal, images.teeBlack, images.teeBlue]

interface ProductPageProps {
  fixture: keyof typeof fixtures
  /** The choice the page opens with. */
  initial: SkuChoice
  images: readonly string[]
  purchaseMode?: PurchaseMode
  onSupport: () => void
  onCart: () => void
  onBuyNow: () => void
  onContactSupport: () => void
}

/**
 * A product page from the blocks: gallery, price, title, the spec row, services and the action bar;
 * the spec row and the bar's actions open the selector, which adds to the story's cart.
 */
function ProductPage({ fixture, initial, images, purchaseMode, ...on }: ProductPageProps) {
  const { matrix, product } = fixtures[fixture]
  const { t } = useTranslate(skuMessages)
  const [choice, setChoice] = useState<SkuChoice>(initial)
  const [sheet, setSheet] = useState<{ open: boolean; actions: 'both' | 'cart' | 'buy' }>({
    open: false,
    actions: 'both',
  })
  const count = useCart((cart) => cart.count)
  const selection = skuSelection(matrix, choice)
  const sku = selection.sku
  const price = sku?.price ?? selection.priceRange
  const kind = product.kind ?? 'physical'
  const open = (actions: 'both' | 'cart' | 'buy') => setSheet({ open: true, actions })
  return (
    <div style={{ background: 'var(--tk-color-background)' }}>
      <ProductGallery images={images} />
      {price ? (
        <ProductPriceBlock
          price={price}
          originalPrice={sku?.originalPrice}
          memberPrice={sku?.memberPrice}
          kind={kind}
          purchaseMode={purchaseMode}
        />
      ) : null}
      <h1 style={{ margin: 0, padding: '0 12px 12px', fontSize: 16, background: 'var(--tk-color-surface)' }}>
        {product.title}
      </h1>
      <div style={{ height: 8 }} />
      <SpecSummaryRow matrix={matrix} value={choice} onPress={() => open('both')} />
      <ServiceTags tags={services} />
      <ProductActionBar
        kind={kind}
        purchaseMode={purchaseMode}
        cartCount={count}
        onSupport={on.onSupport}
        onCart={on.onCart}
        onAddToCart={() => open('cart')}
        onBuyNow={() => open('buy')}
        onContactSupport={on.onContactSupport}
        disabledReason={skuSelection(matrix, {}).priceRange ? undefined : t('sku.allSoldOut')}
      />
      <ConnectedSkuSelector
        open={sheet.open}
        actions={sheet.actions}
        onClose={() => setSheet((shown) => ({ ...shown, open: false }))}
        matrix={matrix}
        product={product}
        purchaseMode={purchaseMode}
        defaultValue={initial}
        onChange={setChoice}
        onBuyNow={on.onBuyNow}
        onContactSupport={on.onContactSupport}
      />
    </div>
  )
}

const meta = {
  title: 'Product/ProductDetail',
  component: ProductPage,
  args: {
    fixture: 'tee',
    initial: {},
    images: gallery,
    onSupport: fn(),
    onCart: fn(),
    onBuyNow: fn(),
    onContactSupport: fn(),
  },
  argTypes: {
    fixture: { control: 'inline-radio', options: Object.keys(fixtures) },
    purchaseMode: { control: 'inline-radio', options: ['buy', 'im', 'hidden'] },
  },
} satisfies Meta<typeof ProductPage>

export default meta
type Story = StoryObj<typeof meta>

const bar = (canvasElement: HTMLElement, t: ReturnType<typeof textOf>['t']) =>
  within(canvasElement).getByRole('region', { name: t('detail.actions') })

/** The spec row's button, found beside its label ("规格") in the story's locale. */
const specRow = (canvasElement: HTMLElement, t: ReturnType<typeof textOf>['t']) =>
  within(within(canvasElement).getByText(t('detail.specs')).parentElement as HTMLElement).getByRole('button')

/** Nothing chosen: the price range, "请选择 颜色 尺码" in the spec row, the action bar. */
export const NothingChosen: Story = {
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    const choose = t('sku.choose', { groups: t('sku.listJoin', { list: '颜色', item: '尺码' }) })
    await expect(canvas.getByRole('button', { name: choose })).toBeVisible()
    await expect(canvas.getByRole('region', { name: t('detail.gallery') })).toBeVisible()
    await expect(
      within(bar(canvasElement, t)).getByRole('button', { name: t('product.buyNow') }),
    ).toBeVisible()
    await expect(expectPhoneFit(bar(canvasElement, t))).toEqual({ overflow: [], small: [] })
    await expect(expectPhoneFit(specRow(canvasElement, t))).toEqual({ overflow: [], small: [] })
  },
}

/** A SKU chosen (blue M): its price, the member price and the spec row's "已选". */
export const Chosen: Story = {
  args: { initial: { color: 'blue', size: 'm' } },
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await expect(canvas.getByText(t('detail.memberPrice'))).toBeVisible()
    await expect(
      canvas.getByText(t('sku.chosen', { values: t('sku.listJoin', { list: '雾霾蓝', item: 'M' }) })),
    ).toBeVisible()
  },
}

/** Three spec groups (a suitcase), one chosen. */
export const ThreeGroups: Story = { args: { fixture: 'suitcase', initial: { color: 'silver' } } }

/** Everything sold out: no price, the bar's actions disabled with "商品已售罄". */
export const SoldOut: Story = {
  args: { fixture: 'soldOut' },
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const actions = within(bar(canvasElement, t))
    await expect(actions.getByText(t('sku.allSoldOut'))).toBeVisible()
    await expect(actions.getByRole('button', { name: t('product.addToCart') })).toHaveAttribute(
      'aria-disabled',
      'true',
    )
  },
}

/** No pictures: the gallery keeps its square with a placeholder. */
export const NoPictures: Story = {
  args: { images: [] },
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    await expect(within(canvasElement).getByText(t('sku.noImage'))).toBeVisible()
  },
}

/** Douyin on iOS, virtual goods: "联系客服购买" in the bar, prices shown. */
export const ContactSupportMode: Story = {
  args: { fixture: 'membership', purchaseMode: 'im', images: [vipProduct.image ?? ''] },
  play: async ({ canvasElement, globals, args }) => {
    const { t } = textOf(globals)
    const actions = within(bar(canvasElement, t))
    await expect(actions.queryByRole('button', { name: t('product.getNow') })).toBeNull()
    await userEvent.click(actions.getByRole('button', { name: t('product.contactToBuy') }))
    await expect(args.onContactSupport).toHaveBeenCalled()
  },
}

/** WeChat on iOS, virtual goods: no price, no buy action and no buy wording anywhere on the page. */
export const HiddenPurchaseMode: Story = {
  args: { fixture: 'membership', purchaseMode: 'hidden', images: [vipProduct.image ?? ''] },
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    await expect(canvasElement.textContent).not.toContain('¥')
    for (const wording of [
      t('product.getNow'),
      t('product.buyNow'),
      t('product.addToCart'),
      t('product.contactToBuy'),
    ]) {
      await expect(canvasElement.textContent).not.toContain(wording)
    }
    await expect(
      within(bar(canvasElement, t)).getByRole('button', { name: t('detail.support') }),
    ).toBeVisible()
  },
}

/** Flow: the spec row opens the selector; black, then L; closing it shows "已选 黑色 L" in the row. */
export const ChooseFromSpecRowFlow: Story = {
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await userEvent.click(specRow(canvasElement, t))
    const dialog = within(canvas.getByRole('dialog', { name: t('sku.title') }))
    await userEvent.click(dialog.getByRole('radio', { name: '黑色' }))
    await userEvent.click(dialog.getByRole('radio', { name: 'L' }))
    await userEvent.click(dialog.getByRole('button', { name: t('sku.close') }))
    await waitFor(() => expect(canvas.queryByRole('dialog')).toBeNull())
    const chosen = t('sku.chosen', { values: t('sku.listJoin', { list: '黑色', item: 'L' }) })
    await expect(canvas.getByRole('button', { name: chosen })).toBeVisible()
  },
}

/** Flow: the bar's "加入购物车" opens the selector for the cart; adding white M shows 1 on the cart. */
export const AddToCartFromBarFlow: Story = {
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await userEvent.click(within(bar(canvasElement, t)).getByRole('button', { name: t('product.addToCart') }))
    const dialog = within(canvas.getByRole('dialog', { name: t('sku.title') }))
    await expect(dialog.queryByRole('button', { name: t('product.buyNow') })).toBeNull()
    await userEvent.click(dialog.getByRole('radio', { name: '白色' }))
    await userEvent.click(dialog.getByRole('radio', { name: 'M' }))
    await userEvent.click(dialog.getByRole('button', { name: t('product.addToCart') }))
    await expect(dialog.getByRole('status')).toHaveTextContent(t('product.added'))
    await userEvent.click(dialog.getByRole('button', { name: t('sku.close') }))
    await waitFor(() =>
      expect(
        within(bar(canvasElement, t)).getByRole('button', { name: t('detail.cartCount', { count: 1 }) }),
      ).toBeVisible(),
    )
  },
}

/** Nothing chosen, in English. */
export const NothingChosenEnglish: Story = { ...NothingChosen, ...en }
/** A SKU chosen, in English. */
export const ChosenEnglish: Story = { ...Chosen, ...en }
/** Sold out, in English. */
export const SoldOutEnglish: Story = { ...SoldOut, ...en }
/** Hidden purchase mode, in English. */
export const HiddenPurchaseModeEnglish: Story = { ...HiddenPurchaseMode, ...en }
/** Adding from the bar, in English. */
export const AddToCartFromBarFlowEnglish: Story = { ...AddToCartFromBarFlow, ...en }
