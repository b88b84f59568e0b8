import type { Meta, StoryObj } from '@storybook/react-vite'
import { BenefitList } from '@tradekit/taro'
import { expect, within } from 'storybook/test'
import { plans } from './fixtures/trade'

const meta = {
  title: 'Membership/BenefitList',
  parameters: { phone: { padded: true } },
  component: BenefitList,
  args: { benefits: plans[2]?.benefits ?? [] },
} satisfies Meta<typeof BenefitList>

export default meta
type Story = StoryObj<typeof meta>

/** What a plan unlocks. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const list = within(canvasElement).getByRole('list', { name: '会员权益' })
    await expect(within(list).getAllByRole('listitem')).toHaveLength(5)
  },
}

/** With the team's own heading. */
export const CustomTitle: Story = {
  args: { title: '年卡专享' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('list', { name: '年卡专享' })).toBeVisible()
  },
}

/** In English. */
export const DefaultEnglish: Story = {
  ...Default,
  globals: { locale: 'en-US' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('list', { name: 'Member benefits' })).toBeVisible()
  },
}

/** Custom heading, in English. */
export const CustomTitleEnglish: Story = { ...CustomTitle, globals: { locale: 'en-US' } }
