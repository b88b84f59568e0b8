import type { Meta, StoryObj } from '@storybook/react-vite'
import { Empty } from '@tradekit/taro'
import { expect, within } from 'storybook/test'
import { textOf } from './fixtures/text'

const meta = {
  title: 'Primitives/Empty',
  component: Empty,
  parameters: {
    docs: { description: { component: 'An empty state: nothing in the cart, no coupons, no orders.' } },
  },
} satisfies Meta<typeof Empty>

export default meta
type Story = StoryObj<typeof meta>

/** The catalogue's default text. */
export const Default: Story = {
  play: async ({ canvasElement, globals }) => {
    await expect(within(canvasElement).getByText(textOf(globals).t('empty.title'))).toBeVisible()
  },
}

/** With a description and an action. */
export const WithAction: Story = {
  args: {
    title: '还没有订单',
    description: '买过的东西会出现在这里',
    children: (
      <button type="button" className="tk-story-button">
        去逛逛
      </button>
    ),
  },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('button', { name: '去逛逛' })).toBeVisible()
  },
}

/** The default text in English. */
export const DefaultEnglish: Story = { ...Default, globals: { locale: 'en-US' } }
