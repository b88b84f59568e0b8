import type { Meta, StoryObj } from '@storybook/react-vite'
import { AutoRenewNotice, type AutoRenewNoticeProps } from '@tradekit/taro'
import { expect, fn, userEvent, within } from 'storybook/test'
import { stateful } from './fixtures/stateful'
import { plans } from './fixtures/trade'

const monthly = plans[0]
if (!monthly) throw new Error('fixture plans are empty')

const Controlled = stateful<boolean, AutoRenewNoticeProps>(AutoRenewNotice, 'checked')

const meta = {
  title: 'Membership/AutoRenewNotice',
  parameters: { phone: { padded: true } },
  component: AutoRenewNotice,
  args: {
    plan: monthly,
    checked: false,
    cancelRoute: '我的 › 设置 › 自动续费',
    purchaseMode: 'buy',
    onChange: fn(),
  },
  render: (args) => <Controlled {...args} />,
} satisfies Meta<typeof AutoRenewNotice>

export default meta
type Story = StoryObj<typeof meta>

/** Terms (amount, period, trial, how to cancel) and the consent, not yet given. */
export const Terms: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    await expect(
      canvas.getByText('开通后每月自动续费 ¥12，于每期到期前 24 小时扣费，可随时取消。'),
    ).toBeVisible()
    await expect(canvas.getByText('取消方式：我的 › 设置 › 自动续费')).toBeVisible()
    const consent = canvas.getByRole('checkbox', { name: '我已阅读并同意《自动续费服务协议》' })
    await expect(consent).toHaveAttribute('aria-checked', 'false')
    await userEvent.click(consent)
    await expect(args.onChange).toHaveBeenLastCalledWith(true)
    await expect(consent).toHaveAttribute('aria-checked', 'true')
  },
}

/** Consent given. */
export const Consented: Story = {
  args: { checked: true },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('checkbox')).toHaveAttribute('aria-checked', 'true')
  },
}

/** The user tried to pay without consent. */
export const ConsentMissing: Story = {
  args: { showError: true },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('alert')).toHaveTextContent('请先阅读并同意自动续费协议')
  },
}

/** Purchase mode `im`: the same terms (the purchase is finished with customer service). */
export const ContactSupportMode: Story = {
  args: { purchaseMode: 'im' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText(/¥12/)).toBeVisible()
  },
}

/** Purchase mode `hidden`: the terms without an amount. */
export const HiddenMode: Story = {
  args: { purchaseMode: 'hidden' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByText('开通后按周期自动续费，可随时取消。')).toBeVisible()
    await expect(canvas.queryByText(/¥/)).toBeNull()
  },
}

/** Terms, in English. */
export const TermsEnglish: Story = {
  ...Terms,
  globals: { locale: 'en-US' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(
      canvas.getByText(
        'Renews automatically at ¥12 every month, charged 24 hours before each period ends; cancel at any time.',
      ),
    ).toBeVisible()
    await expect(
      canvas.getByRole('checkbox', { name: 'I have read and accept the auto-renewal terms' }),
    ).toBeVisible()
  },
}

/** Consented, in English. */
export const ConsentedEnglish: Story = { ...Consented, globals: { locale: 'en-US' } }

/** Consent missing, in English. */
export const ConsentMissingEnglish: Story = {
  ...ConsentMissing,
  globals: { locale: 'en-US' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('alert')).toHaveTextContent(
      'Please read and accept the auto-renewal terms first',
    )
  },
}

/** Contact-support mode, in English. */
export const ContactSupportModeEnglish: Story = { ...ContactSupportMode, globals: { locale: 'en-US' } }

/** Hidden mode, in English. */
export const HiddenModeEnglish: Story = {
  ...HiddenMode,
  globals: { locale: 'en-US' },
  play: async ({ canvasElement }) => {
    await expect(
      within(canvasElement).getByText('Renews automatically each period; cancel at any time.'),
    ).toBeVisible()
  },
}
