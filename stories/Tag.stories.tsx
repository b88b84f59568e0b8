import type { Meta, StoryObj } from '@storybook/react-vite'
import { Tag } from '@tradekit/taro'
import { expect, within } from 'storybook/test'

const meta = {
  title: 'Primitives/Tag',
  parameters: {
    phone: { padded: true },
    docs: {
      description: {
        component: 'A short label on a product or a line: "限时折扣", "会员专享", "仅剩 3 件".',
      },
    },
  },
  component: Tag,
  args: { children: '限时折扣' },
  argTypes: {
    tone: { control: 'select', options: ['default', 'primary', 'success', 'warning', 'member'] },
    variant: { control: 'inline-radio', options: ['solid', 'light', 'outline'] },
  },
} satisfies Meta<typeof Tag>

export default meta
type Story = StoryObj<typeof meta>

/** A neutral, tinted tag. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('限时折扣')).toBeVisible()
  },
}

const tones = ['default', 'primary', 'success', 'warning', 'member'] as const
const variants = ['solid', 'light', 'outline'] as const

/** Every tone in every variant: the contrast of each is checked by axe. */
export const AllTones: Story = {
  render: () => (
    <div style={{ display: 'grid', gap: 8 }}>
      {variants.map((variant) => (
        <div key={variant} style={{ display: 'flex', gap: 6, flexWrap: 'wrap' }}>
          {tones.map((tone) => (
            <Tag key={tone} tone={tone} variant={variant}>
              {`${tone} ${variant}`}
            </Tag>
          ))}
        </div>
      ))}
    </div>
  ),
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getAllByText(/ (solid|light|outline)$/)).toHaveLength(15)
  },
}

/** Typical commerce labels. */
export const CommerceLabels: Story = {
  render: () => (
    <div style={{ display: 'flex', gap: 6 }}>
      <Tag tone="primary" variant="solid">
        新品
      </Tag>
      <Tag tone="member" variant="solid">
        会员专享
      </Tag>
      <Tag tone="warning">仅剩 3 件</Tag>
      <Tag tone="success" variant="outline">
        随时退
      </Tag>
    </div>
  ),
}

/** English labels. */
export const CommerceLabelsEnglish: Story = {
  globals: { locale: 'en-US' },
  render: () => (
    <div style={{ display: 'flex', gap: 6 }}>
      <Tag tone="primary" variant="solid">
        New
      </Tag>
      <Tag tone="member" variant="solid">
        Members only
      </Tag>
      <Tag tone="warning">Only 3 left</Tag>
    </div>
  ),
}
