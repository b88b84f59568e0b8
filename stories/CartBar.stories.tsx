import type { Meta, StoryObj } from '@storybook/react-vite'
import { CartBar } from '@tradekit/taro'
import { expect, fn, userEvent, within } from 'storybook/test'
import { withCart } from './fixtures/cart'
import { mug, tee } from './fixtures/products'
import { textOf } from './fixtures/text'

const meta = {
  title: 'Cart/CartBar',
  parameters: {
    phone: { bottom: true },
    docs: {
      description: {
        component:
          'The bar under the cart: select all, the payable total of the selected lines with what the user saves, and the checkout button — disabled, with the reason shown, when nothing is selected. An empty cart shows no bar: the empty state of the list says it is empty. It reads the cart of the `TradeProvider` above it.',
      },
    },
  },
  component: CartBar,
  args: { onCheckout: fn() },
} satisfies Meta<typeof CartBar>

export default meta
type Story = StoryObj<typeof meta>

/** Everything selected: the total, the savings, checkout with the count. */
export const Selected: Story = {
  decorators: [
    withCart((cart) => {
      cart.add(tee, 2)
      cart.add(mug)
    }),
  ],
  play: async ({ canvasElement, globals, args }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: t('cart.checkoutCount', { count: 3 }) }))
    await expect(args.onCheckout).toHaveBeenCalled()
  },
}

/** Member prices applied to the total. */
export const MemberPricing: Story = {
  ...Selected,
  args: { pricing: { member: true } },
}

/** Nothing selected: checkout disabled, with the reason. */
export const NothingSelected: Story = {
  decorators: [
    withCart((cart) => {
      cart.add(tee)
      cart.selectAll(false)
    }),
  ],
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await expect(canvas.getByText(t('cart.disabled.none'))).toBeVisible()
    await expect(canvas.getByRole('button', { name: t('cart.checkout') })).toHaveAttribute(
      'aria-disabled',
      'true',
    )
  },
}

/**
 * `fixed={false}`: the bar where the page puts it (its own container, a sheet, a sticky footer), here
 * at the end of the page; no spacer and no inset of its own.
 */
export const Inline: Story = { ...Selected, args: { fixed: false } }

/** An empty cart: no bar (nothing to select or pay; the list's empty state speaks). */
export const EmptyCart: Story = {
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await expect(canvas.queryByRole('checkbox', { name: t('cart.selectAll') })).toBeNull()
    await expect(canvas.queryByRole('button', { name: t('cart.checkout') })).toBeNull()
  },
}

/** In English: the same play, through the catalogue. */
export const SelectedEnglish: Story = { ...Selected, globals: { locale: 'en-US' } }

/** Nothing selected, in English. */
export const NothingSelectedEnglish: Story = { ...NothingSelected, globals: { locale: 'en-US' } }
