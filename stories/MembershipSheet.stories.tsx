import type { Meta, StoryObj } from '@storybook/react-vite'
import { MemberBadge, MembershipSheet, Paywall } from '@tradekit/taro'
import { useState } from 'react'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { en, iosWith, wait, withTrade } from './fixtures/trade'

/** An article behind a paywall whose unlock opens the sheet: the whole membership purchase. */
function MembersArticle() {
  const [open, setOpen] = useState(false)
  return (
    <>
      <MemberBadge />
      <Paywall preview={<p>第一章：预览的开头几段……</p>} onUnlock={() => setOpen(true)}>
        <p>第一章全文：只有会员才能读到的内容。</p>
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
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const plan = await canvas.findByRole('radio', { name: /^连续包月/ }, wait)
    await expect(plan).toHaveAttribute('aria-checked', 'true')
    await expect(plan).toHaveAccessibleName(/现价 12 元\/月/)
    await expect(canvas.getByRole('checkbox', { name: '我已阅读并同意《自动续费服务协议》' })).toBeVisible()
    await expect(canvas.getByRole('button', { name: '同意协议并开通 ¥12/月' })).toBeVisible()
  },
}

/** Flow: pick a plan → consent to auto-renew → pay → the paywall opens. */
export const UnlockFlow: Story = {
  decorators: [withTrade()],
  render: () => <MembersArticle />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(await canvas.findByRole('button', { name: '开通会员解锁' }, wait))
    await userEvent.click(await canvas.findByRole('radio', { name: /^季卡/ }, wait))
    await expect(canvas.queryByRole('checkbox')).toBeNull()
    await userEvent.click(canvas.getByRole('radio', { name: /^连续包月/ }))
    await userEvent.click(canvas.getByRole('button', { name: '同意协议并开通 ¥12/月' }))
    await expect(await canvas.findByRole('alert')).toHaveTextContent('请先阅读并同意自动续费协议')
    await userEvent.click(canvas.getByRole('checkbox', { name: '我已阅读并同意《自动续费服务协议》' }))
    await userEvent.click(canvas.getByRole('button', { name: '同意协议并开通 ¥12/月' }))
    await expect(await canvas.findByText('第一章全文：只有会员才能读到的内容。', {}, wait)).toBeVisible()
    await expect(canvas.getByText('会员')).toBeVisible()
    await waitFor(() => expect(canvas.queryByRole('region', { name: '开通会员' })).toBeNull())
  },
}

/** The user cancels in the cashier, then pays from the status's "pay now": the membership opens. */
export const CancelThenPayNow: Story = {
  decorators: [withTrade({ script: [{ outcome: 'cancel' }, { outcome: 'success' }] })],
  args: { defaultPlanId: 'vip-year' },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    await userEvent.click(await canvas.findByRole('button', { name: '立即开通 ¥128/年' }, wait))
    await userEvent.click(await canvas.findByRole('button', { name: '继续支付' }, wait))
    await expect(await canvas.findByText('开通成功，会员权益已生效', {}, wait)).toBeVisible()
    await expect(args.onUnlocked).toHaveBeenCalledTimes(1)
  },
}

/** Plans and the entitlement are still loading. */
export const Loading: Story = {
  decorators: [withTrade({ latencyMs: 600_000 })],
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('status', { name: '加载中' })).toBeVisible()
  },
}

/** The merchant offers no plan. */
export const NoPlans: Story = {
  decorators: [withTrade({ plans: [] })],
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('暂无可开通的套餐', {}, wait)).toBeVisible()
  },
}

/** A channel that cannot sign: auto-renew plans are not offered. */
export const WithoutAutoRenew: Story = {
  decorators: [withTrade({ noSign: true })],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByRole('radio', { name: /^季卡/ }, wait)).toBeVisible()
    await expect(canvas.queryByRole('radio', { name: /^连续包月/ })).toBeNull()
  },
}

/** Purchase mode `im` (Douyin, virtual goods on iOS): prices, and "contact support to join". */
export const ContactSupportMode: Story = {
  decorators: [withTrade(iosWith('im'))],
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    await userEvent.click(await canvas.findByRole('button', { name: '联系客服开通' }, wait))
    await expect(args.onContactSupport).toHaveBeenCalledTimes(1)
  },
}

/** Purchase mode `hidden` (WeChat, virtual goods on iOS): no prices and no subscribe wording. */
export const HiddenMode: Story = {
  decorators: [withTrade(iosWith('unavailable'))],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByText('当前设备暂不支持此功能', {}, wait)).toBeVisible()
    await expect(canvas.queryByText(/¥/)).toBeNull()
    await expect(canvas.queryByRole('button', { name: /开通/ })).toBeNull()
  },
}

/** The default sheet, in English. */
export const DefaultEnglish: Story = {
  ...Default,
  ...en,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByRole('radio', { name: /^连续包月/ }, wait)).toHaveAccessibleName(
      /Price 12 yuan\/month/,
    )
    await expect(canvas.getByRole('button', { name: 'Accept and join ¥12/month' })).toBeVisible()
  },
}

/** The unlock flow, in English. */
export const UnlockFlowEnglish: Story = {
  ...UnlockFlow,
  ...en,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(await canvas.findByRole('button', { name: 'Join to unlock' }, wait))
    await userEvent.click(
      await canvas.findByRole('checkbox', { name: 'I have read and accept the auto-renewal terms' }, wait),
    )
    await userEvent.click(canvas.getByRole('button', { name: 'Accept and join ¥12/month' }))
    await expect(await canvas.findByText('第一章全文：只有会员才能读到的内容。', {}, wait)).toBeVisible()
    await expect(canvas.getByText('Member')).toBeVisible()
  },
}

/** Cancel then pay now, in English. */
export const CancelThenPayNowEnglish: Story = {
  ...CancelThenPayNow,
  ...en,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(await canvas.findByRole('button', { name: 'Join now ¥128/year' }, wait))
    await userEvent.click(await canvas.findByRole('button', { name: 'Pay now' }, wait))
    await expect(await canvas.findByText("You're a member now", {}, wait)).toBeVisible()
  },
}

/** Loading, in English. */
export const LoadingEnglish: Story = {
  ...Loading,
  ...en,
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('status', { name: 'Loading' })).toBeVisible()
  },
}

/** No plans, in English. */
export const NoPlansEnglish: Story = {
  ...NoPlans,
  ...en,
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('No plans available', {}, wait)).toBeVisible()
  },
}

/** Without auto-renew, in English. */
export const WithoutAutoRenewEnglish: Story = {
  ...WithoutAutoRenew,
  ...en,
  play: async ({ canvasElement }) => {
    await expect(
      await within(canvasElement).findByRole('button', { name: 'Join now ¥30/3 months' }, wait),
    ).toBeVisible()
  },
}

/** Contact-support mode, in English. */
export const ContactSupportModeEnglish: Story = {
  ...ContactSupportMode,
  ...en,
  play: async ({ canvasElement }) => {
    await expect(
      await within(canvasElement).findByRole('button', { name: 'Contact support to join' }, wait),
    ).toBeVisible()
  },
}

/** Hidden mode, in English. */
export const HiddenModeEnglish: Story = {
  ...HiddenMode,
  ...en,
  play: async ({ canvasElement }) => {
    await expect(
      await within(canvasElement).findByText('Not available on this device', {}, wait),
    ).toBeVisible()
  },
}
