import type { Meta, StoryObj } from '@storybook/react-vite'
import { BenefitList } from '@tradekit/taro'
import { expect, within } from 'storybook/test'
import { textOf } from './fixtures/text'
import { plans } from './fixtures/trade'

const meta = {
  title: 'Membership/BenefitList',
  parameters: {
    phone: { padded: true },
    docs: { description: { component: 'What a membership unlocks, as a list with check marks.' } },
  },
  component: BenefitList,
  args: { benefits: plans[2]?.benefits ?? [] },
} satisfies Meta<typeof BenefitList>

export default meta
type Story = StoryObj<typeof meta>

/** What a plan unlocks. */
export const Default: Story = {
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const list = within(canvasElement).getByRole('list', { name: t('benefit.title') })
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
export const DefaultEnglish: Story = { ...Default, globals: { locale: 'en-US' } }

/** Custom heading, in English. */
export const CustomTitleEnglish: Story = { ...CustomTitle, globals: { locale: 'en-US' } }
