import type { Meta, StoryObj } from '@storybook/react-vite'
import {
  type CartItem,
  formatPriceRange,
  type PurchaseMode,
  type QuantityResult,
  type SkuChoice,
  type SkuSelection,
  skuSelection,
} from '@tradekit/core'
import { ConnectedSkuSelector, SkuSelector } from '@tradekit/taro'
import { useState } from 'react'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { expectPhoneFit, SKU_FIXTURES as fixtures, teeMatrix, teeProduct } from './fixtures/skus'
import { textOf } from './fixtures/text'
import { en } from './fixtures/trade'

interface SkuSelectorStoryProps {
  /** Which product the sheet sells. */
  fixture: keyof typeof fixtures
  /** The choice the page holds at first. */
  initial: SkuChoice
  /** The quantity the page holds at first. */
  initialQuantity: number
  purchaseMode?: PurchaseMode
  actions?: 'both' | 'cart' | 'buy'
  /** Units of the chosen SKU already in the cart. */
  inCart?: number
  onChange: (choice: SkuChoice) => void
  onClose: () => void
  onAddToCart: (item: CartItem, quantity: number) => void
  onBuyNow: (item: CartItem, quantity: number) => void
  onContactSupport: (selection: SkuSelection) => void
}

/** The controlled selector with the choice and quantity held as a product page holds them. */
function ControlledSkuSelector({
  fixture,
  initial,
  initialQuantity,
  onChange,
  ...props
}: SkuSelectorStoryProps) {
  const [choice, setChoice] = useState<SkuChoice>(initial)
  const [quantity, setQuantity] = useState(initialQuantity)
  return (
    <SkuSelector
      open
      {...fixtures[fixture]}
      {...props}
      value={choice}
      onChange={(next) => {
        setChoice(next)
        onChange(next)
      }}
      quantity={quantity}
      onQuantityChange={setQuantity}
    />
  )
}

const meta = {
  title: 'Product/SkuSelector',
  component: ControlledSkuSelector,
  args: {
    fixture: 'tee',
    initial: {},
    initialQuantity: 1,
    onChange: fn(),
    onClose: fn(),
    onAddToCart: fn(),
    onBuyNow: fn(),
    onContactSupport: fn(),
  },
  argTypes: {
    fixture: { control: 'inline-radio', options: Object.keys(fixtures) },
    purchaseMode: { control: 'inline-radio', options: ['buy', 'im', 'hidden'] },
    actions: { control: 'inline-radio', options: ['both', 'cart', 'buy'] },
    inCart: { control: { type: 'number', min: 0 } },
  },
} satisfies Meta<typeof ControlledSkuSelector>

export default meta
type Story = StoryObj<typeof meta>

const sheet = (canvasElement: HTMLElement) => within(canvasElement).getByRole('dialog')
const radio = (canvasElement: HTMLElement, group: string, name: string) =>
  within(within(sheet(canvasElement)).getByRole('radiogroup', { name })).getByRole('radio', { name: group })
/** The T-shirt's price range for a choice, as the sheet writes it in the story's locale. */
const rangeOf = (choice: SkuChoice, globals: Record<string, unknown>) =>
  formatPriceRange(skuSelection(teeMatrix, choice).priceRange!, {
    locale: textOf(globals).locale,
    trimZeros: true,
  })
const fits = async (canvasElement: HTMLElement) => {
  await expect(expectPhoneFit(sheet(canvasElement))).toEqual({ overflow: [], small: [] })
}

/** Nothing chosen yet: the whole price range, "请选择 颜色 尺码", the actions disabled with that reason. */
export const NothingChosen: Story = {
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const dialog = within(sheet(canvasElement))
    await expect(sheet(canvasElement)).toHaveAccessibleName(t('sku.title'))
    await expect(dialog.getByText(rangeOf({}, globals))).toBeVisible()
    await expect(
      dialog.getAllByText(t('sku.choose', { groups: t('sku.listJoin', { list: '颜色', item: '尺码' }) }))
        .length,
    ).toBeGreaterThan(0)
    await expect(dialog.getByRole('button', { name: t('product.addToCart') })).toHaveAttribute(
      'aria-disabled',
      'true',
    )
    await expect(dialog.getByRole('button', { name: t('product.buyNow') })).toHaveAttribute(
      'aria-disabled',
      'true',
    )
    await fits(canvasElement)
  },
}

/** One colour chosen: the range narrows to its SKUs (¥39–49) and its sold-out size is disabled. */
export const PartialWithRange: Story = {
  args: { initial: { color: 'black' } },
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const dialog = within(sheet(canvasElement))
    await expect(dialog.getByText(rangeOf({ color: 'black' }, globals))).toBeVisible()
    await expect(radio(canvasElement, '黑色', '颜色')).toHaveAttribute('aria-checked', 'true')
    await expect(dialog.getAllByText(t('sku.choose', { groups: '尺码' })).length).toBeGreaterThan(0)
    await fits(canvasElement)
  },
}

/**
 * A product without pictures: the sheet's thumbnail draws the placeholder the product card and the
 * cart line draw (a frame, no caption in so small a box), before and after a colour is chosen.
 */
export const NoPictures: Story = {
  args: { fixture: 'teeWithoutPictures', initial: { color: 'black' } },
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const dialog = within(sheet(canvasElement))
    await expect(dialog.getByText(rangeOf({ color: 'black' }, globals))).toBeVisible()
    await expect(dialog.queryByText(t('sku.noImage'))).toBeNull()
    await fits(canvasElement)
  },
}

/** A value disabled: black XL is sold out, so with black chosen XL cannot be picked (tapping it does nothing). */
export const ValueDisabled: Story = {
  args: { initial: { color: 'black' } },
  play: async ({ canvasElement, args }) => {
    const xl = radio(canvasElement, 'XL', '尺码')
    await expect(xl).toHaveAttribute('aria-disabled', 'true')
    await userEvent.click(xl)
    await expect(xl).toHaveAttribute('aria-checked', 'false')
    await expect(args.onChange).not.toHaveBeenCalled()
  },
}

/** A complete choice: the SKU's price with its original price, picture, stock, limit; the actions enabled. */
export const Complete: Story = {
  args: { initial: { color: 'black', size: 'l' } },
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const dialog = within(sheet(canvasElement))
    await expect(
      dialog.getByText(t('sku.chosen', { values: t('sku.listJoin', { list: '黑色', item: 'L' }) })),
    ).toBeVisible()
    await expect(dialog.getByText(t('sku.stock', { stock: 30 }))).toBeVisible()
    await expect(dialog.getByText(t('sku.limit', { limit: 3 }))).toBeVisible()
    await expect(dialog.getByRole('button', { name: t('product.addToCart') })).not.toHaveAttribute(
      'aria-disabled',
    )
    await fits(canvasElement)
  },
}

/** Few left of the chosen SKU: "仅剩 2 件". */
export const LowStock: Story = {
  args: { initial: { color: 'white', size: 'l' } },
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    await expect(within(sheet(canvasElement)).getByText(t('sku.lowStock', { stock: 2 }))).toBeVisible()
  },
}

/** At the per-user limit: the quantity is 3 of 3, "+" is disabled and the sheet says the limit is reached. */
export const AtLimit: Story = {
  args: { initial: { color: 'black', size: 'm' }, initialQuantity: 3 },
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const dialog = within(sheet(canvasElement))
    await expect(dialog.getByText(t('sku.atLimit'))).toBeVisible()
    await expect(dialog.getByRole('button', { name: t('stepper.increase') })).toHaveAttribute(
      'aria-disabled',
      'true',
    )
  },
}

/** The cart already holds 2 of the 3 a person may buy: the stepper offers 1 more. */
export const LimitPartlyInCart: Story = {
  args: { initial: { color: 'black', size: 'm' }, initialQuantity: 3, inCart: 2 },
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const dialog = within(sheet(canvasElement))
    await expect(dialog.getByRole('spinbutton', { name: t('sku.quantity') })).toHaveValue(1)
    await expect(dialog.getByText(t('sku.atLimit'))).toBeVisible()
    await expect(dialog.getByRole('button', { name: t('product.addToCart') })).not.toHaveAttribute(
      'aria-disabled',
    )
  },
}

/** The cart holds the whole limit: "加入购物车" is off and the sheet says why. */
export const LimitAllInCart: Story = {
  args: { initial: { color: 'black', size: 'm' }, initialQuantity: 1, inCart: 3, actions: 'cart' },
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const dialog = within(sheet(canvasElement))
    await expect(dialog.getByText(t('sku.atLimit'))).toBeVisible()
    await expect(dialog.getByRole('button', { name: t('product.addToCart') })).toHaveAttribute(
      'aria-disabled',
      'true',
    )
  },
}

/** Every SKU sold out: every value disabled, no price, the actions disabled with "商品已售罄". */
export const SoldOutEntirely: Story = {
  args: { fixture: 'soldOut' },
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const dialog = within(sheet(canvasElement))
    for (const value of dialog.getAllByRole('radio'))
      await expect(value).toHaveAttribute('aria-disabled', 'true')
    await expect(dialog.getByText(t('sku.allSoldOut'))).toBeVisible()
    await expect(sheet(canvasElement).textContent).not.toContain('¥')
  },
}

/** Three spec groups with long value names (a suitcase): they wrap on a 375 px phone; only "buy now". */
export const ThreeGroups: Story = {
  args: { fixture: 'suitcase', actions: 'buy', initial: { color: 'silver', size: '24' } },
  play: async ({ canvasElement }) => {
    await expect(within(sheet(canvasElement)).getAllByRole('radiogroup')).toHaveLength(3)
    await fits(canvasElement)
  },
}

/** Douyin on iOS, virtual goods: "contact support to buy" instead of buying. */
export const ContactSupportMode: Story = {
  args: { fixture: 'membership', purchaseMode: 'im', initial: { term: 'year' } },
  play: async ({ canvasElement, globals, args }) => {
    const { t } = textOf(globals)
    await userEvent.click(
      within(sheet(canvasElement)).getByRole('button', { name: t('product.contactToBuy') }),
    )
    await expect(args.onContactSupport).toHaveBeenCalledWith(
      expect.objectContaining({ choice: { term: 'year' } }),
    )
  },
}

/** WeChat on iOS, virtual goods: the specs can be chosen, but no price, limit, quantity or buy wording. */
export const HiddenPurchaseMode: Story = {
  args: { fixture: 'membership', purchaseMode: 'hidden', initial: { term: 'year' } },
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const dialog = sheet(canvasElement)
    await expect(within(dialog).getByText(t('sku.notAvailable'))).toBeVisible()
    await expect(dialog.textContent).not.toContain('¥')
    for (const wording of [
      t('product.buyNow'),
      t('product.getNow'),
      t('product.addToCart'),
      t('sku.limit', { limit: 1 }),
    ]) {
      await expect(dialog.textContent).not.toContain(wording)
    }
  },
}

/** Flow: choose black, then L → the price of black L and the actions enabled; "buy now" hands over the SKU. */
export const ChooseAndBuyFlow: Story = {
  play: async ({ canvasElement, globals, args }) => {
    const { t } = textOf(globals)
    await userEvent.click(radio(canvasElement, '黑色', '颜色'))
    await expect(radio(canvasElement, 'XL', '尺码')).toHaveAttribute('aria-disabled', 'true')
    await userEvent.click(radio(canvasElement, 'L', '尺码'))
    const buy = within(sheet(canvasElement)).getByRole('button', { name: t('product.buyNow') })
    await waitFor(() => expect(buy).not.toHaveAttribute('aria-disabled'))
    await userEvent.click(buy)
    await expect(args.onBuyNow).toHaveBeenCalledWith(
      expect.objectContaining({
        skuId: 'tee-black-l',
        attributes: [
          { name: '颜色', value: '黑色' },
          { name: '尺码', value: 'L' },
        ],
      }),
      1,
    )
  },
}

/**
 * Flow by keyboard: each spec is one stop of the Tab key; the arrow keys choose among the values
 * still possible, Enter or Space the first one.
 */
export const KeyboardFlow: Story = {
  play: async ({ canvasElement }) => {
    const group = (name: string) => within(sheet(canvasElement)).getByRole('radiogroup', { name })
    group('颜色').focus()
    await userEvent.keyboard('{ArrowRight}')
    await expect(radio(canvasElement, '白色', '颜色')).toHaveAttribute('aria-checked', 'true')
    await userEvent.tab()
    await expect(group('尺码')).toHaveFocus()
    await userEvent.keyboard(' ')
    await expect(radio(canvasElement, 'S', '尺码')).toHaveAttribute('aria-checked', 'true')
    await userEvent.keyboard('{ArrowRight}')
    await expect(radio(canvasElement, 'M', '尺码')).toHaveAttribute('aria-checked', 'true')
    await expect(group('尺码')).toHaveAttribute('aria-activedescendant', radio(canvasElement, 'M', '尺码').id)
  },
}

/** The sheet that adds to the provider's cart by itself (ConnectedSkuSelector). */
function CartSkuSelector(props: {
  onAddToCart: (result: QuantityResult, item: CartItem, quantity: number) => void
}) {
  return (
    <ConnectedSkuSelector
      open
      onClose={() => undefined}
      matrix={teeMatrix}
      product={teeProduct}
      onAddToCart={props.onAddToCart}
      onBuyNow={() => undefined}
    />
  )
}

/** Flow (connected): choose white M, two of them, add → the cart says "已加入购物车" and holds white M × 2. */
export const AddToCartFlow: Story = {
  render: (args) => <CartSkuSelector onAddToCart={args.onAddToCart as never} />,
  play: async ({ canvasElement, globals, args }) => {
    const { t } = textOf(globals)
    const dialog = within(sheet(canvasElement))
    await userEvent.click(radio(canvasElement, '白色', '颜色'))
    await userEvent.click(radio(canvasElement, 'M', '尺码'))
    await userEvent.click(dialog.getByRole('button', { name: t('stepper.increase') }))
    await userEvent.click(dialog.getByRole('button', { name: t('product.addToCart') }))
    await expect(dialog.getByRole('status')).toHaveTextContent(t('product.added'))
    await expect(args.onAddToCart).toHaveBeenCalledWith(
      { ok: true, quantity: 2 },
      expect.objectContaining({ skuId: 'tee-white-m' }),
      2,
    )
  },
}

/**
 * Flow, keyboard: the open sheet has focus; Tab goes round its controls — close, each spec group,
 * the stepper, the actions — and from the last back to the close button, never to the page behind.
 */
export const TabStaysInsideFlow: Story = {
  args: { initial: { color: 'white', size: 'm' } },
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const dialog = sheet(canvasElement)
    await waitFor(() => expect(dialog).toHaveFocus())
    const close = within(dialog).getByRole('button', { name: t('sku.close') })
    await userEvent.tab()
    await expect(close).toHaveFocus()
    const visited: string[] = []
    for (let i = 0; i < 20; i++) {
      await userEvent.tab()
      const focused = canvasElement.ownerDocument.activeElement
      await expect(dialog.contains(focused)).toBe(true)
      if (focused === close) break
      visited.push(focused?.getAttribute('aria-label') ?? focused?.textContent ?? '')
    }
    await expect(close).toHaveFocus()
    // both spec groups, the stepper's two buttons and the two actions: every control was on the way
    await expect(visited.length).toBeGreaterThanOrEqual(5)
    await expect(visited).toContain(t('product.buyNow'))
    await userEvent.tab({ shift: true })
    await expect(within(dialog).getByRole('button', { name: t('product.buyNow') })).toHaveFocus()
  },
}

/** Nothing chosen, in English. */
export const NothingChosenEnglish: Story = { ...NothingChosen, ...en }
/** Partial choice with the range, in English. */
export const PartialWithRangeEnglish: Story = { ...PartialWithRange, ...en }
/** A complete choice, in English. */
export const CompleteEnglish: Story = { ...Complete, ...en }
/** At the limit, in English. */
export const AtLimitEnglish: Story = { ...AtLimit, ...en }
/** Sold out entirely, in English. */
export const SoldOutEntirelyEnglish: Story = { ...SoldOutEntirely, ...en }
/** Hidden purchase mode, in English. */
export const HiddenPurchaseModeEnglish: Story = { ...HiddenPurchaseMode, ...en }
/** Tab staying inside the sheet, in English. */
export const TabStaysInsideFlowEnglish: Story = { ...TabStaysInsideFlow, ...en }
/** Adding to the cart, in English. */
export const AddToCartFlowEnglish: Story = { ...AddToCartFlow, ...en }
