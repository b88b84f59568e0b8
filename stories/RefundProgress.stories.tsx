import type { Meta, StoryObj } from '@storybook/react-vite'
import { money, type OrderRefund } from '@tradekit/core'
import { RefundProgress } from '@tradekit/taro'
import { expect, fn, userEvent, within } from 'storybook/test'
import { expectFitsPhone } from './fixtures/orders'
import { textOf } from './fixtures/text'
import { en } from './fixtures/trade'

const refund: OrderRefund = {
  refundId: 'RF100',
  status: 'refund_requested',
  amount: money(9900),
  lines: [{ lineId: 'tee-black-m', amount: money(9900) }],
  reason: 'quality',
  note: '领口开线',
  requestedAt: Date.UTC(2026, 11, 4, 6, 30),
}

const meta = {
  title: 'Orders/RefundProgress',
  component: RefundProgress,
  args: { refund, onWithdraw: fn() },
  decorators: [
    (Story) => (
      <div style={{ padding: 12 }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof RefundProgress>

export default meta
type Story = StoryObj<typeof meta>

function stepStory(status: OrderRefund['status'], withdraw: boolean): Story {
  return {
    args: { refund: { ...refund, status } },
    play: async ({ canvasElement, globals }) => {
      const { t, price } = textOf(globals)
      const canvas = within(canvasElement)
      const current = `${t(`refund.step.${status}`)}${t('a11y.separator')}${t('refund.stepState.current')}`
      await expect(canvas.getByRole('listitem', { current: 'step' })).toHaveAccessibleName(current)
      await expect(canvas.getByText(t('refund.amountLabel', { amount: price(refund.amount) }))).toBeVisible()
      await expect(canvas.queryAllByRole('button', { name: t('refund.withdraw') })).toHaveLength(
        withdraw ? 1 : 0,
      )
      expectFitsPhone(canvasElement)
    },
  }
}

/** Requested: the merchant has not answered; the user may withdraw. */
export const Requested = stepStory('refund_requested', true)
/** The merchant accepted: the money is on its way. */
export const Refunding = stepStory('refunding', false)
/** The money went back. */
export const Refunded = stepStory('refunded', false)
/** The merchant refused. */
export const Rejected = stepStory('refund_rejected', false)
/** The user withdrew the request. */
export const Withdrawn = stepStory('withdrawn', false)

/** 撤销申请 pressed: the handler gets the refund. */
export const PressWithdraw: Story = {
  play: async ({ canvasElement, globals, args }) => {
    const { t } = textOf(globals)
    await userEvent.click(within(canvasElement).getByRole('button', { name: t('refund.withdraw') }))
    await expect(args.onWithdraw).toHaveBeenCalledWith(refund)
  },
}

/** The withdrawal on its way: the button is busy. */
export const Withdrawing: Story = {
  args: { busy: true },
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    await expect(within(canvasElement).getByRole('button', { name: t('refund.withdraw') })).toHaveAttribute(
      'aria-busy',
      'true',
    )
  },
}

/** The withdrawal failed. */
export const WithdrawFailed: Story = {
  args: { failed: true },
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    await expect(within(canvasElement).getByRole('alert')).toHaveTextContent(t('refund.withdrawFailed'))
  },
}

/** Requested, in English. */
export const RequestedEnglish: Story = { ...Requested, ...en }
/** Refunded, in English. */
export const RefundedEnglish: Story = { ...Refunded, ...en }
/** Rejected, in English. */
export const RejectedEnglish: Story = { ...Rejected, ...en }
