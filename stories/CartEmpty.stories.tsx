import type { Meta, StoryObj } from '@storybook/react-vite'
import { CartEmpty } from '@tradekit/taro'
import { expect, fn, userEvent, within } from 'storybook/test'
import { textOf } from './fixtures/text'

const meta = {
  title: 'Cart/CartEmpty',
  component: CartEmpty,
  parameters: {
    docs: { description: { component: 'The empty cart: "购物车是空的" with a way back to shopping.' } },
  },
  args: { onShop: fn() },
} satisfies Meta<typeof CartEmpty>

export default meta
type Story = StoryObj<typeof meta>

/** The empty cart with its way back to shopping. */
export const Default: Story = {
  play: async ({ canvasElement, globals, args }) => {
    const { t } = textOf(globals)
    await userEvent.click(within(canvasElement).getByRole('button', { name: t('cart.empty.action') }))
    await expect(args.onShop).toHaveBeenCalled()
  },
}

/** Without a shop action. */
export const WithoutAction: Story = { args: { onShop: undefined } }

/** In English. */
export const DefaultEnglish: Story = { ...Default, globals: { locale: 'en-US' } }
