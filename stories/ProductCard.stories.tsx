import type { Meta, StoryObj } from '@storybook/react-vite'
import { ProductCard } from '@tradekit/taro'
import { expect, fn, userEvent, within } from 'storybook/test'
import { consultation, membership, mug, tee } from './fixtures/products'

const meta = {
  title: 'Product/ProductCard',
  parameters: { phone: { padded: true } },
  component: ProductCard,
  args: { product: tee, onBuyNow: fn(), onAddToCart: fn(), onContactSupport: fn() },
  argTypes: {
    layout: { control: 'inline-radio', options: ['vertical', 'horizontal'] },
    purchaseMode: { control: 'inline-radio', options: ['buy', 'im', 'hidden'] },
  },
  decorators: [
    (Story, { args }) => (
      <div style={{ width: args.layout === 'horizontal' ? 351 : 172 }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof ProductCard>

export default meta
type Story = StoryObj<typeof meta>

/** A grid tile: image, two-line title, price with the original price, add to cart and buy now. */
export const Vertical: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: /^加入购物车：纯棉圆领 T 恤/ }))
    await expect(canvas.getByRole('status')).toHaveTextContent('已加入购物车')
    await expect(args.onAddToCart).toHaveBeenCalledWith({ ok: true, quantity: 1 }, tee)
  },
}

/** A list row. */
export const Horizontal: Story = { args: { layout: 'horizontal' } }

/** A member price beside the price. */
export const MemberPrice: Story = { args: { product: { ...mug, stock: 50, perUserLimit: undefined } } }

/** Low stock and a purchase limit; adding past the stock says so. */
export const LowStockAndLimit: Story = {
  args: { product: mug },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByText('仅剩 3 件')).toBeVisible()
    await expect(canvas.getByText('限购 2 件')).toBeVisible()
    const add = canvas.getByRole('button', { name: '加入购物车：陶瓷马克杯 350ml' })
    await userEvent.click(add)
    await userEvent.click(add)
    await userEvent.click(add)
    await expect(canvas.getByRole('status')).toHaveTextContent('已达限购，购物车里有 2 件')
  },
}

/** Sold out: the picture says so and the actions are disabled. */
export const SoldOut: Story = {
  args: { product: { ...tee, stock: 0 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByText('已售罄')).toBeVisible()
    await expect(canvas.getByRole('button', { name: /^立即购买/ })).toHaveAttribute('aria-disabled', 'true')
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
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: '联系客服购买：年度会员' }))
    await expect(args.onContactSupport).toHaveBeenCalled()
  },
}

/** WeChat on iOS: no price and no buy wording for virtual goods. */
export const HiddenMode: Story = {
  args: { product: membership, purchaseMode: 'hidden' },
  play: async ({ canvasElement }) => {
    const card = within(canvasElement).getByRole('group', { name: '年度会员' })
    await expect(within(card).queryByRole('button')).toBeNull()
    await expect(card.textContent).not.toMatch(/¥|购|开通/)
  },
}

/** A picture that fails to load leaves a neutral placeholder. */
export const BrokenImage: Story = { args: { product: { ...tee, image: 'data:image/png;base64,broken' } } }

/** The grid tile, in English. */
export const VerticalEnglish: Story = {
  globals: { locale: 'en-US' },
  args: { product: { ...tee, stock: 4 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByText('Only 4 left')).toBeVisible()
    await userEvent.click(canvas.getByRole('button', { name: /^Add to cart: / }))
    await expect(canvas.getByRole('status')).toHaveTextContent('Added to cart')
  },
}

/** Sold out, in English. */
export const SoldOutEnglish: Story = {
  ...SoldOut,
  globals: { locale: 'en-US' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('Sold out')).toBeVisible()
  },
}

/** A service, in English. */
export const ServiceEnglish: Story = {
  ...Service,
  globals: { locale: 'en-US' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('button', { name: /^Book now: / })).toBeVisible()
  },
}

/** Contact-support mode, in English. */
export const ContactSupportModeEnglish: Story = {
  ...ContactSupportMode,
  globals: { locale: 'en-US' },
  play: async ({ canvasElement }) => {
    await expect(
      within(canvasElement).getByRole('button', { name: /^Contact support to buy: / }),
    ).toBeVisible()
  },
}

/** Loading, in English. */
export const LoadingEnglish: Story = {
  ...Loading,
  globals: { locale: 'en-US' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('status', { name: 'Loading' })).toBeVisible()
  },
}
