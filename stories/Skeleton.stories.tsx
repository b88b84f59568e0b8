import type { Meta, StoryObj } from '@storybook/react-vite'
import { Skeleton } from '@tradekit/taro'
import { expect, within } from 'storybook/test'
import { textOf } from './fixtures/text'

const meta = {
  title: 'Primitives/Skeleton',
  parameters: {
    phone: { padded: true },
    docs: {
      description: {
        component: 'A grey placeholder while content loads. Screen readers hear "加载中" once, not the bars.',
      },
    },
  },
  component: Skeleton,
  args: { rows: 2, title: true, image: 'none', animated: true },
  argTypes: { image: { control: 'inline-radio', options: ['none', 'side', 'top'] } },
} satisfies Meta<typeof Skeleton>

export default meta
type Story = StoryObj<typeof meta>

/** Text rows while loading. */
export const Loading: Story = {
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    await expect(within(canvasElement).getByRole('status', { name: t('common.loading') })).toBeVisible()
  },
}

/** The shape of a horizontal product card. */
export const ProductRow: Story = { args: { image: 'side', rows: 2 } }

/** The shape of a vertical product card. */
export const ProductTile: Story = { args: { image: 'top', rows: 1 } }

/** Loaded: the content replaces the placeholder. */
export const Loaded: Story = {
  args: { loading: false, children: <p>商品已加载</p> },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByText('商品已加载')).toBeVisible()
    await expect(canvas.queryByRole('status')).toBeNull()
  },
}

/** Loading, in English. */
export const LoadingEnglish: Story = { ...Loading, globals: { locale: 'en-US' } }
