import type { Meta, StoryObj } from '@storybook/react-vite'
import { AutoRenewNotice, type AutoRenewNoticeProps } from '@tradekit/taro'
import { expect, fn, userEvent, within } from 'storybook/test'
import { stateful } from './fixtures/stateful'
import { textOf } from './fixtures/text'
import { plans, purchaseModeControl } from './fixtures/trade'

const monthly = plans[0]
if (!monthly) throw new Error('fixture plans are empty')

const Controlled = stateful<boolean, AutoRenewNoticeProps>(AutoRenewNotice, 'checked')

const meta = {
  title: 'Membership/AutoRenewNotice',
  parameters: {
    phone: { padded: true },
    docs: {
      description: {
        component:
          'The renewal terms of an auto-renew plan — amount and period, when it is charged, the free trial, how to cancel — and the consent check the user must tick before paying.',
      },
    },
  },
  argTypes: { purchaseMode: purchaseModeControl },
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
  play: async ({ canvasElement, globals, args }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await expect(
      canvas.getByText(t('autoRenew.terms', { period: t('membership.period.month'), price: '¥12' })),
    ).toBeVisible()
    await expect(
      canvas.getByText(t('autoRenew.cancelRoute', { route: args.cancelRoute ?? '' })),
    ).toBeVisible()
    await expect(canvas.getByRole('checkbox', { name: t('autoRenew.consent') })).toHaveAttribute(
      'aria-checked',
      'false',
    )
  },
}

/** Flow: the terms → the user ticks the consent → consented. */
export const GiveConsentFlow: Story = {
  name: 'Flow: give consent → consented',
  play: async (context) => {
    await Terms.play?.(context)
    const { t } = textOf(context.globals)
    const consent = within(context.canvasElement).getByRole('checkbox', { name: t('autoRenew.consent') })
    await userEvent.click(consent)
    await expect(context.args.onChange).toHaveBeenLastCalledWith(true)
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
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    await expect(within(canvasElement).getByRole('alert')).toHaveTextContent(t('membership.consentRequired'))
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
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await expect(canvas.getByText(t('autoRenew.termsHidden'))).toBeVisible()
    await expect(canvas.queryByText(/¥/)).toBeNull()
  },
}

/** Terms, in English. */
export const TermsEnglish: Story = { ...Terms, globals: { locale: 'en-US' } }

/** Giving consent, in English. */
export const GiveConsentFlowEnglish: Story = { ...GiveConsentFlow, globals: { locale: 'en-US' } }

/** Consented, in English. */
export const ConsentedEnglish: Story = { ...Consented, globals: { locale: 'en-US' } }

/** Consent missing, in English. */
export const ConsentMissingEnglish: Story = { ...ConsentMissing, globals: { locale: 'en-US' } }

/** Contact-support mode, in English. */
export const ContactSupportModeEnglish: Story = { ...ContactSupportMode, globals: { locale: 'en-US' } }

/** Hidden mode, in English. */
export const HiddenModeEnglish: Story = { ...HiddenMode, globals: { locale: 'en-US' } }
