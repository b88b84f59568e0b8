import type { Meta, StoryObj } from '@storybook/react-vite'
import { type Money, money, type ProductStatus } from '@tradekit/core'
import {
  ConnectedSkuSelector,
  ProductCard,
  type ProductCardProduct,
  type ProductCardProps,
  type ProductCardSpecControl,
} from '@tradekit/taro'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { consultation, membership, mug, tee } from './fixtures/products'
import { expectPhoneFit, teeMatrix, teeProduct } from './fixtures/skus'
import { textOf } from './fixtures/text'
import { purchaseModeControl } from './fixtures/trade'

/**
 * The card's props and, for the Controls panel, the commerce state of its product: each of these, when
 * set, replaces the product's own field (left unset, a story shows its product as it is).
 */
type CardArgs = ProductCardProps & {
  /** The product's stock: plenty, low (at or below the threshold of 5) or none. */
  stock?: number
  /** Whether the product can be bought. */
  status?: ProductStatus
  /** The price of one unit. */
  price?: Money
  /** The member price; `null` takes the product's away. */
  memberPrice?: Money | null
}

/** The card's product with the commerce state the Controls panel set. */
const withCommerce = (
  product: ProductCardProduct | undefined,
  { stock, status, price, memberPrice }: Pick<CardArgs, 'stock' | 'status' | 'price' | 'memberPrice'>,
): ProductCardProduct | undefined => {
  if (!product) return product
  const { memberPrice: ownMemberPrice, ...rest } = product
  const member = memberPrice === undefined ? ownMemberPrice : (memberPrice ?? undefined)
  return {
    ...rest,
    ...(member ? { memberPrice: member } : {}),
    ...(stock === undefined ? {} : { stock }),
    ...(status === undefined ? {} : { status }),
    ...(price === undefined ? {} : { price }),
  }
}

const meta = {
  title: 'Product/ProductCard',
  parameters: { phone: { padded: true } },
  component: ProductCard,
  args: { product: tee, onBuyNow: fn(), onAddToCart: fn(), onContactSupport: fn() },
  argTypes: {
    product: {
      control: 'select',
      options: ['T-shirt', 'Mug (member price, limit 2)', 'Consultation (service)', 'Membership (virtual)'],
      mapping: {
        'T-shirt': tee,
        'Mug (member price, limit 2)': mug,
        'Consultation (service)': consultation,
        'Membership (virtual)': membership,
      },
    },
    layout: { control: 'inline-radio', options: ['vertical', 'horizontal'] },
    purchaseMode: purchaseModeControl,
    stock: {
      description: "The product's stock (unset: the product's own)",
      control: 'inline-radio',
      options: ['in stock (120)', 'low (3)', 'sold out (0)'],
      mapping: { 'in stock (120)': 120, 'low (3)': 3, 'sold out (0)': 0 },
      table: { category: 'Commerce state' },
    },
    status: {
      description: "Whether it can be bought (unset: the product's own)",
      control: 'inline-radio',
      options: ['on_sale', 'sold_out', 'off_shelf'],
      table: { category: 'Commerce state' },
    },
    price: {
      description: "The price of one unit (unset: the product's own)",
      control: 'select',
      options: ['¥0.01', '¥9.90', '¥99.00', '¥1,299.00', '¥99,999.99'],
      mapping: {
        '¥0.01': money(1),
        '¥9.90': money(990),
        '¥99.00': money(9900),
        '¥1,299.00': money(129900),
        '¥99,999.99': money(9999999),
      },
      table: { category: 'Commerce state' },
    },
    memberPrice: {
      description: "The member price (unset: the product's own)",
      control: 'select',
      options: ['none', '¥0.01', '¥39.00', '¥89.00', '¥1,099.00'],
      mapping: {
        none: null,
        '¥0.01': money(1),
        '¥39.00': money(3900),
        '¥89.00': money(8900),
        '¥1,099.00': money(109900),
      },
      table: { category: 'Commerce state' },
    },
  },
  decorators: [
    (Story, { args }) => (
      <div style={{ width: args.layout === 'horizontal' ? 351 : 172 }}>
        <Story />
      </div>
    ),
  ],
  render: ({ stock, status, price, memberPrice, product, ...props }) => (
    <ProductCard {...props} product={withCommerce(product, { stock, status, price, memberPrice })} />
  ),
} satisfies Meta<CardArgs>

export default meta
type Story = StoryObj<typeof meta>

/** A grid tile: image, two-line title, price with the original price, add to cart and buy now. */
export const Vertical: Story = {}

/**
 * Flow: add to cart → "已加入购物车" for a moment → the card as it was (the cart holds the item). It
 * ends after the feedback is gone, so the story always ends in the same state, however slow the
 * machine.
 */
export const AddToCartFlow: Story = {
  name: 'Flow: add to cart → 已加入购物车 → back',
  play: async ({ canvasElement, globals, args }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await userEvent.click(
      canvas.getByRole('button', { name: t('product.addToCartNamed', { title: tee.title }) }),
    )
    await expect(canvas.getByRole('status')).toHaveTextContent(t('product.added'))
    await expect(args.onAddToCart).toHaveBeenCalledWith({ ok: true, quantity: 1 }, tee)
    await waitFor(() => expect(canvas.queryByText(t('product.added'))).toBeNull(), { timeout: 6000 })
  },
}

/** A list row. */
export const Horizontal: Story = { args: { layout: 'horizontal' } }

/** A member price beside the price. */
export const MemberPrice: Story = { args: { product: { ...mug, stock: 50, perUserLimit: undefined } } }

/** Low stock and a purchase limit; adding past the stock says so. */
export const LowStockAndLimit: Story = {
  args: { product: mug },
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await expect(canvas.getByText(t('product.lowStock', { stock: 3 }))).toBeVisible()
    await expect(canvas.getByText(t('product.limit', { limit: 2 }))).toBeVisible()
    const add = canvas.getByRole('button', { name: t('product.addToCartNamed', { title: mug.title }) })
    await userEvent.click(add)
    await userEvent.click(add)
    await userEvent.click(add)
    await expect(canvas.getByRole('status')).toHaveTextContent(t('product.addOverLimit', { quantity: 2 }))
  },
}

/** Sold out: the picture says so and the actions are disabled. */
export const SoldOut: Story = {
  args: { product: { ...tee, stock: 0 } },
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await expect(canvas.getByText(t('product.soldOut'))).toBeVisible()
    await expect(
      canvas.getByRole('button', {
        name: t('product.buyNamed', { action: t('product.buyNow'), title: tee.title }),
      }),
    ).toHaveAttribute('aria-disabled', 'true')
  },
}

/** Off shelf. */
export const OffShelf: Story = { args: { product: { ...tee, status: 'off_shelf' } } }

/** Loading: a skeleton of the card's shape. */
export const Loading: Story = { args: { product: undefined, loading: true } }

/** A consultation (a service): booking instead of a cart, no stock. */
export const Service: Story = { args: { product: consultation, layout: 'horizontal' } }

/** A membership (virtual goods), bought directly. */
export const Virtual: Story = { args: { product: membership } }

/** Douyin on iOS: virtual goods are bought through customer service. */
export const ContactSupportMode: Story = {
  args: { product: membership, purchaseMode: 'im' },
  play: async ({ canvasElement, globals, args }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await userEvent.click(
      canvas.getByRole('button', {
        name: t('product.buyNamed', { action: t('product.contactToBuy'), title: membership.title }),
      }),
    )
    await expect(args.onContactSupport).toHaveBeenCalled()
  },
}

/** WeChat on iOS: no price and no buy wording for virtual goods. */
export const HiddenMode: Story = {
  args: { product: membership, purchaseMode: 'hidden' },
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const card = within(canvasElement).getByRole('group', { name: membership.title })
    await expect(within(card).queryByRole('button')).toBeNull()
    await expect(card.textContent).not.toContain('¥')
    for (const wording of [
      t('product.buyNow'),
      t('product.getNow'),
      t('product.bookNow'),
      t('product.addToCart'),
      t('product.contactToBuy'),
    ]) {
      await expect(card.textContent).not.toContain(wording)
    }
  },
}

/** A picture that fails to load leaves a drawn placeholder (the one a cart line draws), as no picture does. */
export const BrokenImage: Story = { args: { product: { ...tee, image: 'data:image/png;base64,broken' } } }

/** The grid tile, in English. */
export const VerticalEnglish: Story = {
  globals: { locale: 'en-US' },
  args: { product: { ...tee, stock: 4 } },
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await expect(canvas.getByText(t('product.lowStock', { stock: 4 }))).toBeVisible()
    await userEvent.click(
      canvas.getByRole('button', { name: t('product.addToCartNamed', { title: tee.title }) }),
    )
    await expect(canvas.getByRole('status')).toHaveTextContent(t('product.added'))
  },
}

/** Sold out, in English. */
export const SoldOutEnglish: Story = { ...SoldOut, globals: { locale: 'en-US' } }

/** A service, in English. */
export const ServiceEnglish: Story = {
  ...Service,
  globals: { locale: 'en-US' },
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    await expect(
      within(canvasElement).getByRole('button', {
        name: t('product.buyNamed', { action: t('product.bookNow'), title: consultation.title }),
      }),
    ).toBeVisible()
  },
}

/** Contact-support mode, in English. */
export const ContactSupportModeEnglish: Story = { ...ContactSupportMode, globals: { locale: 'en-US' } }

/** Loading, in English. */
export const LoadingEnglish: Story = {
  ...Loading,
  globals: { locale: 'en-US' },
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    await expect(within(canvasElement).getByRole('status', { name: t('common.loading') })).toBeVisible()
  },
}

/** The T-shirt's spec selector, as a page draws it for a card (the page imports the selector, not the card). */
const teeSelector = ({ open, close, intent }: ProductCardSpecControl) => (
  <ConnectedSkuSelector
    open={open}
    onClose={close}
    actions={intent}
    matrix={teeMatrix}
    product={teeProduct}
    onBuyNow={() => undefined}
  />
)

/** A product with specs (colours × sizes): the card's actions open the spec selector instead of adding. */
export const WithSpecs: Story = {
  args: { product: { ...tee, skuId: 'tee-black-s' }, renderSpecSelector: teeSelector },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).queryByRole('dialog')).toBeNull()
  },
}

/** Flow: "加入购物车" on a card with specs opens the selector; choosing white XL and adding puts that SKU in the cart. */
export const WithSpecsAddToCartFlow: Story = {
  ...WithSpecs,
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await userEvent.click(
      canvas.getByRole('button', { name: t('product.addToCartNamed', { title: tee.title }) }),
    )
    const dialog = within(canvas.getByRole('dialog', { name: t('sku.title') }))
    await expect(dialog.queryByRole('button', { name: t('product.buyNow') })).toBeNull()
    await userEvent.click(dialog.getByRole('radio', { name: '白色' }))
    await userEvent.click(dialog.getByRole('radio', { name: 'XL' }))
    await userEvent.click(dialog.getByRole('button', { name: t('product.addToCart') }))
    await expect(dialog.getByRole('status')).toHaveTextContent(t('product.added'))
    await expect(expectPhoneFit(canvas.getByRole('dialog'))).toEqual({ overflow: [], small: [] })
  },
}

/** Flow with specs, in English. */
export const WithSpecsAddToCartFlowEnglish: Story = {
  ...WithSpecsAddToCartFlow,
  globals: { locale: 'en-US' },
}
