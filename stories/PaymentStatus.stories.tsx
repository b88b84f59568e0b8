import type { Meta, StoryObj } from '@storybook/react-vite'
import { PaymentStatus } from '@tradekit/taro'
import { expect, fn, userEvent, within } from 'storybook/test'
import { en, fastTiming, SubmitOnMount, teeOrder, wait, withTrade } from './fixtures/trade'

const meta = {
  title: 'Checkout/PaymentStatus',
  component: PaymentStatus,
  args: { onOrderAgain: fn(), onLeave: fn(), onDone: fn() },
  render: (args) => (
    <>
      <SubmitOnMount request={teeOrder} />
      <PaymentStatus {...args} />
    </>
  ),
} satisfies Meta<typeof PaymentStatus>

export default meta
type Story = StoryObj<typeof meta>

/** The order is being created on the merchant's server. */
export const Creating: Story = {
  decorators: [withTrade({ latencyMs: 600_000, timing: { ...fastTiming, createTimeoutMs: 600_000 } })],
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('status')).toHaveTextContent('正在创建订单')
  },
}

/** The platform's cashier is open. */
export const Paying: Story = {
  decorators: [withTrade({ script: { outcome: 'hang' }, timing: { ...fastTiming, payTimeoutMs: 600_000 } })],
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('请在收银台完成支付', {}, wait)).toBeVisible()
  },
}

/** The cashier answered; the server has not confirmed yet: progress of the confirmation. */
export const Confirming: Story = {
  decorators: [withTrade({ confirmAfterPolls: 10_000, timing: { ...fastTiming, confirmBudgetMs: 600_000 } })],
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText(/正在确认支付结果（\d+%）/, {}, wait)).toBeVisible()
  },
}

/** The server confirmed the payment. */
export const Paid: Story = {
  decorators: [withTrade()],
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByText('支付成功', {}, wait)).toBeVisible()
    await expect(canvas.getByText('已支付 ¥99.00')).toBeVisible()
    await userEvent.click(canvas.getByRole('button', { name: '完成' }))
    await expect(args.onDone).toHaveBeenCalledTimes(1)
  },
}

/** The user closed the cashier (and the server says nothing was paid): pay now. */
export const Cancelled: Story = {
  decorators: [withTrade({ script: { outcome: 'cancel' } })],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByText('支付已取消', {}, wait)).toBeVisible()
    await expect(await canvas.findByRole('button', { name: '继续支付' }, wait)).toBeVisible()
  },
}

/** The cashier refused the payment: try again. */
export const Failed: Story = {
  decorators: [withTrade({ script: { outcome: 'fail' } })],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByText('支付失败', {}, wait)).toBeVisible()
    await expect(canvas.getByText('支付未完成，可以再试一次')).toBeVisible()
    await expect(await canvas.findByRole('button', { name: '重试' }, wait)).toBeVisible()
  },
}

/** The merchant closed the unpaid order: order again. */
export const Expired: Story = {
  decorators: [withTrade({ script: { outcome: 'unknown', notifyAfterMs: 0 }, onMoneyMoves: 'closed' })],
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByText('订单已过期', {}, wait)).toBeVisible()
    await userEvent.click(canvas.getByRole('button', { name: '重新下单' }))
    await expect(args.onOrderAgain).toHaveBeenCalledTimes(1)
  },
}

/** Confirmation ran out of time: we are confirming, the user may leave. */
export const Unknown: Story = {
  decorators: [
    withTrade({ script: { outcome: 'unknown' }, timing: { ...fastTiming, confirmBudgetMs: 600 } }),
  ],
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    await expect(
      await canvas.findByText('我们正在确认支付结果，你可以离开此页面，结果出来后会通知你', {}, wait),
    ).toBeVisible()
    await expect(canvas.getByRole('button', { name: '刷新结果' })).toBeVisible()
    await userEvent.click(canvas.getByRole('button', { name: '离开此页' }))
    await expect(args.onLeave).toHaveBeenCalledTimes(1)
  },
}

/** Creating, in English. */
export const CreatingEnglish: Story = {
  ...Creating,
  ...en,
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('status')).toHaveTextContent('Creating your order')
  },
}

/** Paying, in English. */
export const PayingEnglish: Story = {
  ...Paying,
  ...en,
  play: async ({ canvasElement }) => {
    await expect(
      await within(canvasElement).findByText('Complete the payment in the cashier', {}, wait),
    ).toBeVisible()
  },
}

/** Confirming, in English. */
export const ConfirmingEnglish: Story = {
  ...Confirming,
  ...en,
  play: async ({ canvasElement }) => {
    await expect(
      await within(canvasElement).findByText(/Confirming your payment \(\d+%\)/, {}, wait),
    ).toBeVisible()
  },
}

/** Paid, in English. */
export const PaidEnglish: Story = {
  ...Paid,
  ...en,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByText('Payment successful', {}, wait)).toBeVisible()
    await expect(canvas.getByText('Paid ¥99.00')).toBeVisible()
  },
}

/** Cancelled, in English. */
export const CancelledEnglish: Story = {
  ...Cancelled,
  ...en,
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('button', { name: 'Pay now' }, wait)).toBeVisible()
  },
}

/** Failed, in English. */
export const FailedEnglish: Story = {
  ...Failed,
  ...en,
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('button', { name: 'Try again' }, wait)).toBeVisible()
  },
}

/** Expired, in English. */
export const ExpiredEnglish: Story = {
  ...Expired,
  ...en,
  play: async ({ canvasElement }) => {
    await expect(
      await within(canvasElement).findByRole('button', { name: 'Order again' }, wait),
    ).toBeVisible()
  },
}

/** Unknown, in English. */
export const UnknownEnglish: Story = {
  ...Unknown,
  ...en,
  play: async ({ canvasElement }) => {
    await expect(
      await within(canvasElement).findByRole('button', { name: 'Leave this page' }, wait),
    ).toBeVisible()
  },
}
