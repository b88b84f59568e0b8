import type { Meta, StoryObj } from '@storybook/react-vite'
import { PlanPicker, type PlanPickerProps } from '@tradekit/taro'
import { expect, fn, userEvent, within } from 'storybook/test'
import { stateful } from './fixtures/stateful'
import { plans } from './fixtures/trade'

const Controlled = stateful<string, PlanPickerProps>(PlanPicker, 'value')

const meta = {
  title: 'Membership/PlanPicker',
  component: PlanPicker,
  args: {
    plans,
    value: 'vip-month-auto',
    badges: { 'vip-month-auto': '最受欢迎' },
    purchaseMode: 'buy',
    onChange: fn(),
  },
  render: (args) => <Controlled {...args} />,
} satisfies Meta<typeof PlanPicker>

export default meta
type Story = StoryObj<typeof meta>

/** Purchase mode `buy`: tiers with per-period price, original price, badge, trial and auto-renew. */
export const Buy: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByText('¥12/月')).toBeVisible()
    await expect(canvas.getByText('¥30/3个月')).toBeVisible()
    await expect(canvas.getByRole('radio', { name: /^连续包月/ })).toHaveAccessibleName(
      '连续包月，最受欢迎，现价 12 元/月，原价 25 元，约 ¥0.40/天，前 7 天免费，自动续费',
    )
    await userEvent.click(canvas.getByRole('radio', { name: /^年卡/ }))
    await expect(args.onChange).toHaveBeenLastCalledWith('vip-year')
    await expect(canvas.getByRole('radio', { name: /^年卡/ })).toHaveAttribute('aria-checked', 'true')
  },
}

/** Purchase mode `im`: prices show; buying goes through customer service elsewhere. */
export const ContactSupportMode: Story = {
  args: { purchaseMode: 'im' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('¥128/年')).toBeVisible()
  },
}

/** Purchase mode `hidden`: names only, no price and no subscribe wording. */
export const HiddenMode: Story = {
  args: { purchaseMode: 'hidden' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvas.queryByText(/¥/)).toBeNull()
    await expect(canvas.queryByText('自动续费')).toBeNull()
    await expect(canvas.getByRole('radio', { name: '连续包月，最受欢迎' })).toBeVisible()
  },
}

/** Buy, in English. */
export const BuyEnglish: Story = {
  ...Buy,
  globals: { locale: 'en-US' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByText('¥12/month')).toBeVisible()
    await expect(canvas.getByText('First 7 days free')).toBeVisible()
  },
}

/** Contact-support mode, in English. */
export const ContactSupportModeEnglish: Story = {
  ...ContactSupportMode,
  globals: { locale: 'en-US' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('¥128/year')).toBeVisible()
  },
}

/** Hidden mode, in English. */
export const HiddenModeEnglish: Story = {
  ...HiddenMode,
  globals: { locale: 'en-US' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).queryByText(/¥/)).toBeNull()
    await expect(within(canvasElement).getByRole('radiogroup', { name: 'Choose a plan' })).toBeVisible()
  },
}
