import type { Meta, StoryObj } from '@storybook/react-vite'
import { money } from '@tradekit/core'
import { CartLine } from '@tradekit/taro'
import { expect, userEvent, within } from 'storybook/test'
import { withCart } from './fixtures/cart'
import { consultation, mug, tee } from './fixtures/products'
import { textOf } from './fixtures/text'

const meta = {
  title: 'Cart/CartLine',
  component: CartLine,
  parameters: {
    docs: {
      description: {
        component:
          "One cart line: select, picture, title, attributes (颜色: 黑), unit price (and how it moved since it was added), a quantity stepper within the line's rules, issue badges and remove with confirmation. A sold-out or off-shelf line shows why and can only be removed. The line's state (stock, status, price changes) comes from the cart of the `TradeProvider` above it: each story prepares that cart.",
      },
    },
  },
  args: { lineId: tee.skuId },
} satisfies Meta<typeof CartLine>

export default meta
type Story = StoryObj<typeof meta>

/** A line with attributes, an original price and a stepper. */
export const Default: Story = {
  decorators: [withCart((cart) => cart.add(tee, 2))],
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await expect(canvas.getByText('颜色: 黑；尺码: M')).toBeVisible()
    await userEvent.click(canvas.getByRole('button', { name: t('stepper.increase') }))
    await expect(canvas.getByRole('spinbutton')).toHaveValue(3)
  },
}

/** Raising the quantity past the stock stops at the stock and says so. */
export const QuantityPastStock: Story = {
  args: { lineId: mug.skuId },
  decorators: [withCart((cart) => cart.add({ ...mug, perUserLimit: undefined }, 2))],
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    const input = canvas.getByRole('spinbutton', { name: t('stepper.label') })
    await userEvent.clear(input)
    await userEvent.type(input, '9')
    await userEvent.tab()
    await expect(input).toHaveValue(3)
    await expect(canvas.getByRole('status')).toHaveTextContent(t('stepper.exceedsStock', { stock: 3 }))
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
  play: async ({ canvasElement, globals }) => {
    const { t, price } = textOf(globals)
    await expect(
      within(canvasElement).getByText(t('cart.priceUp', { amount: price(money(1000)) })),
    ).toBeVisible()
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
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await expect(canvas.getByText(t('cart.issue.sold_out'))).toBeVisible()
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

/** Removing asks first: the confirmation, waiting for an answer. */
export const RemoveWithConfirmation: Story = {
  decorators: [withCart((cart) => cart.add(tee))],
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: t('cart.removeNamed', { title: tee.title }) }))
    await expect(canvas.getByRole('alert')).toHaveTextContent(t('cart.removeConfirm', { title: tee.title }))
  },
}

/** Flow: remove → confirm → the line is gone (the list shows the rest; see Cart/CartList). */
export const RemoveConfirmedFlow: Story = {
  ...RemoveWithConfirmation,
  name: 'Flow: remove, confirm → the line is gone',
  play: async (context) => {
    await RemoveWithConfirmation.play?.(context)
    const { t } = textOf(context.globals)
    const canvas = within(context.canvasElement)
    const confirm = within(canvas.getByRole('alert'))
    await userEvent.click(confirm.getByRole('button', { name: t('cart.removeNamed', { title: tee.title }) }))
    await expect(canvas.queryByRole('group')).toBeNull()
  },
}

/** In English. */
export const DefaultEnglish: Story = {
  ...Default,
  globals: { locale: 'en-US' },
}

/** Price changed, in English. */
export const PriceChangedEnglish: Story = {
  ...PriceChanged,
  globals: { locale: 'en-US' },
}

/** Sold out, in English. */
export const SoldOutEnglish: Story = {
  ...SoldOut,
  globals: { locale: 'en-US' },
}
