import type { Meta, StoryObj } from '@storybook/react-vite'
import { MemberBadge } from '@tradekit/taro'
import { expect, within } from 'storybook/test'
import { textOf } from './fixtures/text'
import { wait, withTrade } from './fixtures/trade'

const meta = {
  title: 'Membership/MemberBadge',
  parameters: {
    phone: { padded: true },
    docs: {
      description: {
        component:
          'The member mark, shown while the entitlement is active (`useEntitlement()`), with its end date.',
      },
    },
  },
  component: MemberBadge,
  args: { fallback: <span>Not a member yet</span> },
} satisfies Meta<typeof MemberBadge>

export default meta
type Story = StoryObj<typeof meta>

/** A member, with the end date. */
export const Member: Story = {
  decorators: [
    withTrade({ entitlement: { active: true, planId: 'vip-year', expiresAt: Date.UTC(2027, 0, 31, 12) } }),
  ],
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await expect(await canvas.findByText(t('badge.member'), {}, wait)).toBeVisible()
    await expect(canvas.getByText(t('badge.until', { date: '2027-01-31' }))).toBeVisible()
  },
}

/** Not a member: the fallback. */
export const NotMember: Story = {
  decorators: [withTrade()],
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('Not a member yet', {}, wait)).toBeVisible()
  },
}

/** A member, in English. */
export const MemberEnglish: Story = { ...Member, globals: { locale: 'en-US' } }

/** Not a member, in English. */
export const NotMemberEnglish: Story = { ...NotMember, globals: { locale: 'en-US' } }
