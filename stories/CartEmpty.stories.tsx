import type { Meta, StoryObj } from '@storybook/react-vite'
import { CartEmpty } from '@tradekit/taro'
import { expect, fn, userEvent, within } from 'storybook/test'

const meta = {
  title: 'Cart/CartEmpty',
  component: CartEmpty,
  args: { onShop: fn() },
} satisfies Meta<typeof CartEmpty>

export default meta
type Story = StoryObj<typeof meta>

/** The empty cart with its way back to shopping. */
export const Default: Story = {
  play: async ({ canvasElement, args }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: '去逛逛' }))
    await expect(args.onShop).toHaveBeenCalled()
  },
}

/** Without a shop action. */
export const WithoutAction: Story = { args: { onShop: undefined } }

/** In English. */
export const DefaultEnglish: Story = {
  globals: { locale: 'en-US' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('button', { name: 'Start shopping' })).toBeVisible()
  },
}
