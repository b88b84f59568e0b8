import type { Meta, StoryObj } from '@storybook/react-vite'
import { View } from '@tarojs/components'
import { formatMoney, type Plan, speakMoney } from '@tradekit/core'
import { MemberBadge, MembershipSheet, Paywall } from '@tradekit/taro'
import { useState } from 'react'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { ArticleContent, ArticlePreview, articleContentText } from './fixtures/article'
import { textOf } from './fixtures/text'
import { en, iosWith, plans, purchaseModeControl, wait, withTrade } from './fixtures/trade'

const [monthly, quarterly, yearly] = plans as [Plan, Plan, Plan]

/** The sheet's texts in the story's locale, prices as the plans show them (`¥12/月`, `¥12/month`). */
function sheetText(globals: Record<string, unknown>) {
  const text = textOf(globals)
  const { t, locale } = text
  const unit = ({ period }: Plan) =>
    !period
      ? ''
      : period.count === 1
        ? t(`membership.period.${period.unit}`)
        : t(`membership.periods.${period.unit}`, { count: period.count })
  const per = (plan: Plan) => {
    const price = formatMoney(plan.price, { locale, trimZeros: true })
    return plan.period ? t('membership.perPeriod', { price, period: unit(plan) }) : price
  }
  /** The plan's price as a screen reader hears it ("现价 12 元/月"). */
  const spoken = (plan: Plan) => {
    const price = t('price.current', { amount: speakMoney(plan.price, t) })
    return plan.period ? t('membership.perPeriod', { price, period: unit(plan) }) : price
  }
  return { ...text, per, spoken }
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** An article behind a paywall whose unlock opens the sheet: the whole membership purchase. */
function MembersArticle() {
  const [open, setOpen] = useState(false)
  return (
    <>
      <View style={{ padding: '12px 16px 0' }}>
        <MemberBadge />
      </View>
      <Paywall preview={<ArticlePreview />} onUnlock={() => setOpen(true)}>
        <ArticleContent />
      </Paywall>
      {open ? (
        <MembershipSheet
          badges={{ 'vip-month-auto': '最受欢迎' }}
          cancelRoute="我的 › 设置 › 自动续费"
          onClose={() => setOpen(false)}
          onUnlocked={() => setOpen(false)}
        />
      ) : null}
    </>
  )
}

const meta = {
  title: 'Membership/MembershipSheet',
  component: MembershipSheet,
  parameters: {
    docs: {
      description: {
        component:
          'The membership-unlock sheet ready to drop in: plans, their benefits, the auto-renew terms with the consent an auto-renew plan needs, the pay button and the payment status. Driven only by the hooks (`useMembership`, `useCheckout`, `usePurchaseMode`) inside a `TradeProvider` with an `api` and a `membershipApi`; `Paywall` and `MemberBadge` open by themselves once the entitlement is active.',
      },
    },
  },
  argTypes: { purchaseMode: purchaseModeControl },
  args: {
    badges: { 'vip-month-auto': '最受欢迎' },
    cancelRoute: '我的 › 设置 › 自动续费',
    onClose: fn(),
    onUnlocked: fn(),
    onContactSupport: fn(),
  },
  render: (args) => <MembershipSheet {...args} />,
} satisfies Meta<typeof MembershipSheet>

export default meta
type Story = StoryObj<typeof meta>

/** Plans, benefits, auto-renew terms and the pay button (purchase mode `buy`). */
export const Default: Story = {
  decorators: [withTrade()],
  play: async ({ canvasElement, globals }) => {
    const { t, per, spoken } = sheetText(globals)
    const canvas = within(canvasElement)
    const plan = await canvas.findByRole('radio', { name: new RegExp(`^${monthly.title}`) }, wait)
    await expect(plan).toHaveAttribute('aria-checked', 'true')
    await expect(plan).toHaveAccessibleName(new RegExp(escapeRegExp(spoken(monthly))))
    await expect(canvas.getByRole('checkbox', { name: t('autoRenew.consent') })).toBeVisible()
    await expect(
      canvas.getByRole('button', { name: t('membership.joinRenew', { price: per(monthly) }) }),
    ).toBeVisible()
  },
}

/** As a real bottom sheet (`open`): a modal dialog over a mask, anchored to the bottom, closed by its icon or the mask. */
export const AsBottomSheet: Story = {
  args: { open: true },
  decorators: [withTrade()],
  play: async ({ canvasElement, globals, args }) => {
    const { t } = sheetText(globals)
    const canvas = within(canvasElement)
    const dialog = await canvas.findByRole('dialog', { name: t('membership.sheetTitle') }, wait)
    await expect(dialog).toHaveAttribute('aria-modal', 'true')
    await expect(within(dialog).getByRole('button', { name: t('membership.close') })).toBeVisible()
    await expect(args.onClose).not.toHaveBeenCalled()
  },
}

export const AsBottomSheetEnglish: Story = { ...AsBottomSheet, ...en }

/** Flow: pick a plan → consent to auto-renew → pay → the paywall opens. */
export const UnlockFlow: Story = {
  name: 'Flow: plan, consent, pay → unlocked',
  decorators: [withTrade()],
  render: () => <MembersArticle />,
  play: async ({ canvasElement, globals }) => {
    const { t, per } = sheetText(globals)
    const canvas = within(canvasElement)
    const join = t('membership.joinRenew', { price: per(monthly) })
    await userEvent.click(await canvas.findByRole('button', { name: t('paywall.unlock') }, wait))
    await userEvent.click(await canvas.findByRole('radio', { name: new RegExp(`^${quarterly.title}`) }, wait))
    await expect(canvas.queryByRole('checkbox')).toBeNull()
    await userEvent.click(canvas.getByRole('radio', { name: new RegExp(`^${monthly.title}`) }))
    await userEvent.click(canvas.getByRole('button', { name: join }))
    await expect(await canvas.findByRole('alert')).toHaveTextContent(t('membership.consentRequired'))
    await userEvent.click(canvas.getByRole('checkbox', { name: t('autoRenew.consent') }))
    await userEvent.click(canvas.getByRole('button', { name: join }))
    await expect(await canvas.findByText(articleContentText, {}, wait)).toBeVisible()
    await expect(canvas.getByText(t('badge.member'))).toBeVisible()
    await waitFor(() => expect(canvas.queryByRole('region', { name: t('membership.sheetTitle') })).toBeNull())
  },
}

/** The user cancels in the cashier, then pays from the status's "pay now": the membership opens. */
export const CancelThenPayNow: Story = {
  name: 'Flow: cancel, then pay now → member',
  decorators: [withTrade({ script: [{ outcome: 'cancel' }, { outcome: 'success' }] })],
  args: { defaultPlanId: 'vip-year' },
  play: async ({ canvasElement, globals, args }) => {
    const { t, per } = sheetText(globals)
    const canvas = within(canvasElement)
    await userEvent.click(
      await canvas.findByRole('button', { name: t('membership.joinPrice', { price: per(yearly) }) }, wait),
    )
    await userEvent.click(await canvas.findByRole('button', { name: t('status.payAgain') }, wait))
    await expect(await canvas.findByText(t('membership.active'), {}, wait)).toBeVisible()
    // told in an effect after the membership shows active
    await waitFor(() => expect(args.onUnlocked).toHaveBeenCalledTimes(1))
  },
}

/** The cashier is open: the status says so and the faded pay button takes no second tap. */
export const PayingFlow: Story = {
  name: 'Flow: pay → the cashier is open',
  decorators: [withTrade({ script: { outcome: 'hang' } })],
  args: { defaultPlanId: 'vip-year' },
  play: async ({ canvasElement, globals }) => {
    const { t, per } = sheetText(globals)
    const canvas = within(canvasElement)
    const pay = await canvas.findByRole(
      'button',
      { name: t('membership.joinPrice', { price: per(yearly) }) },
      wait,
    )
    await userEvent.click(pay)
    await expect(await canvas.findByText(t('status.paying'), {}, wait)).toBeVisible()
    await expect(pay).toHaveAttribute('aria-busy', 'true')
  },
}

/** Plans and the entitlement are still loading. */
export const Loading: Story = {
  decorators: [withTrade({ latencyMs: 600_000 })],
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    await expect(
      await within(canvasElement).findByRole('status', { name: t('common.loading') }, wait),
    ).toBeVisible()
  },
}

/** The plans could not be read: the sheet says so (not "no plans") and offers to load them again. */
export const PlansFailed: Story = {
  decorators: [withTrade({ membershipDown: { plans: true } })],
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await expect(await canvas.findByRole('alert', {}, wait)).toHaveTextContent(t('membership.loadFailed'))
    await expect(canvas.getByRole('button', { name: t('membership.reload') })).toBeVisible()
    await expect(canvas.queryByText(t('membership.noPlans'))).toBeNull()
  },
}

/** The merchant offers no plan. */
export const NoPlans: Story = {
  decorators: [withTrade({ plans: [] })],
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    await expect(await within(canvasElement).findByText(t('membership.noPlans'), {}, wait)).toBeVisible()
  },
}

/** A channel that cannot sign: auto-renew plans are not offered. */
export const WithoutAutoRenew: Story = {
  decorators: [withTrade({ noSign: true })],
  play: async ({ canvasElement, globals }) => {
    const { t, per } = sheetText(globals)
    const canvas = within(canvasElement)
    await expect(
      await canvas.findByRole('radio', { name: new RegExp(`^${quarterly.title}`) }, wait),
    ).toBeVisible()
    await expect(canvas.queryByRole('radio', { name: new RegExp(`^${monthly.title}`) })).toBeNull()
    await expect(
      canvas.getByRole('button', { name: t('membership.joinPrice', { price: per(quarterly) }) }),
    ).toBeVisible()
  },
}

/** Purchase mode `im` (Douyin, virtual goods on iOS): prices, and "contact support to join". */
export const ContactSupportMode: Story = {
  decorators: [withTrade(iosWith('im'))],
  play: async ({ canvasElement, globals, args }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await userEvent.click(await canvas.findByRole('button', { name: t('membership.contactToJoin') }, wait))
    await expect(args.onContactSupport).toHaveBeenCalledTimes(1)
  },
}

/** Purchase mode `hidden` (WeChat, virtual goods on iOS): no prices and no subscribe wording. */
export const HiddenMode: Story = {
  decorators: [withTrade(iosWith('unavailable'))],
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await expect(await canvas.findByText(t('membership.notAvailable'), {}, wait)).toBeVisible()
    await expect(canvas.queryByText(/¥/)).toBeNull()
    // no join, subscribe or contact-to-join wording on any button
    const joinWords = [
      t('membership.join'),
      t('membership.joinRenew', { price: '' }).trim(),
      t('membership.contactToJoin'),
      t('paywall.unlock'),
    ]
    await expect(
      canvas.queryByRole('button', { name: new RegExp(joinWords.map(escapeRegExp).join('|')) }),
    ).toBeNull()
  },
}

/** The default sheet, in English: the same play, through the catalogue. */
export const DefaultEnglish: Story = { ...Default, ...en }

/** The unlock flow, in English: the same play, through the catalogue. */
export const UnlockFlowEnglish: Story = {
  ...UnlockFlow,
  ...en,
  name: 'Flow: plan, consent, pay → unlocked, in English',
}

/** Cancel then pay now, in English: the same play, through the catalogue. */
export const CancelThenPayNowEnglish: Story = {
  ...CancelThenPayNow,
  ...en,
  name: 'Flow: cancel, then pay now → member, in English',
}

/** Loading, in English: the same play, through the catalogue. */
export const LoadingEnglish: Story = { ...Loading, ...en }

/** Plans that could not be read, in English: the same play, through the catalogue. */
export const PlansFailedEnglish: Story = { ...PlansFailed, ...en }

/** No plans, in English: the same play, through the catalogue. */
export const NoPlansEnglish: Story = { ...NoPlans, ...en }

/** Without auto-renew, in English: the same play, through the catalogue. */
export const WithoutAutoRenewEnglish: Story = { ...WithoutAutoRenew, ...en }

/** Contact-support mode, in English: the same play, through the catalogue. */
export const ContactSupportModeEnglish: Story = { ...ContactSupportMode, ...en }

/** Hidden mode, in English: the same play, through the catalogue. */
export const HiddenModeEnglish: Story = { ...HiddenMode, ...en }
