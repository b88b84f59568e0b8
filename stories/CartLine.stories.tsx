import type { Meta, StoryObj } from '@storybook/react-vite'
import { money } from '@tradekit/core'
import { CartLine } from '@tradekit/taro'
import { expect, userEvent, within } from 'storybook/test'
import { withCart } from './fixtures/cart'
import { consultation, mug, tee } from './fixtures/products'

const meta = {
  title: 'Cart/CartLine',
  component: CartLine,
  args: { lineId: tee.skuId },
  decorators: [
    (Story) => (
      <div style={{ width: 351 }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof CartLine>

export default meta
type Story = StoryObj<typeof meta>

/** A line with attributes, an original price and a stepper. */
export const Default: Story = {
  decorators: [withCart((cart) => cart.add(tee, 2))],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByText('颜色: 黑；尺码: M')).toBeVisible()
    await userEvent.click(canvas.getByRole('button', { name: '增加数量' }))
    await expect(canvas.getByRole('spinbutton')).toHaveValue(3)
  },
}

/** Raising the quantity past the stock stops at the stock and says so. */
export const QuantityPastStock: Story = {
  args: { lineId: mug.skuId },
  decorators: [withCart((cart) => cart.add({ ...mug, perUserLimit: undefined }, 2))],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const input = canvas.getByRole('spinbutton', { name: '数量' })
    await userEvent.clear(input)
    await userEvent.type(input, '9')
    await userEvent.tab()
    await expect(input).toHaveValue(3)
    await expect(canvas.getByRole('status')).toHaveTextContent('库存仅剩 3 件')
  },
}

/** The price went up since the line was added. */
export const PriceChanged: Story = {
  decorators: [
    withCart((cart) => {
      cart.add(tee)
      cart.update([{ ...tee, price: money(10900) }])
    }),
  ],
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('比加入时贵了 ¥10.00')).toBeVisible()
  },
}

/** The stock fell below the quantity: clamped and marked. */
export const ExceedsStock: Story = {
  decorators: [
    withCart((cart) => {
      cart.add(tee, 5)
      cart.update([{ ...tee, stock: 2 }])
    }),
  ],
}

/** Sold out: no stepper, cannot be selected. */
export const SoldOut: Story = {
  decorators: [
    withCart((cart) => {
      cart.add(tee)
      cart.update([{ ...tee, status: 'sold_out' }])
    }),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByText('已售罄')).toBeVisible()
    await expect(canvas.getByRole('checkbox')).toHaveAttribute('aria-disabled', 'true')
  },
}

/** Off shelf. */
export const OffShelf: Story = {
  decorators: [
    withCart((cart) => {
      cart.add(tee)
      cart.update([{ ...tee, status: 'off_shelf' }])
    }),
  ],
}

/** A booked consultation (a service with a time slot). */
export const Service: Story = {
  args: { lineId: consultation.skuId },
  decorators: [
    withCart((cart) => cart.add({ ...consultation, attributes: [{ name: '时段', value: '5月1日 10:00' }] })),
  ],
}

/** Removing asks first. */
export const RemoveWithConfirmation: Story = {
  decorators: [withCart((cart) => cart.add(tee))],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: /^删除纯棉圆领/ }))
    const confirm = canvas.getByRole('alert')
    await expect(confirm).toHaveTextContent('确定从购物车删除')
    await userEvent.click(within(confirm).getByRole('button', { name: /^删除/ }))
    await expect(canvas.queryByRole('group')).toBeNull()
  },
}

/** In English. */
export const DefaultEnglish: Story = {
  ...Default,
  globals: { locale: 'en-US' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('button', { name: 'Increase quantity' })).toBeVisible()
  },
}

/** Price changed, in English. */
export const PriceChangedEnglish: Story = {
  ...PriceChanged,
  globals: { locale: 'en-US' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('¥10.00 more than when added')).toBeVisible()
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
