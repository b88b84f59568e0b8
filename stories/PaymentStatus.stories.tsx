import type { Meta, StoryObj } from '@storybook/react-vite'
import { money } from '@tradekit/core'
import { PaymentStatus } from '@tradekit/taro'
import type { ComponentProps } from 'react'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { expectFitsPhone } from './fixtures/orders'
import { textOf } from './fixtures/text'
import {
  en,
  fastTiming,
  SubmitOnMount,
  type TradeFixture,
  teeOrder,
  wait,
  withTrade,
  withTradeFromArg,
} from './fixtures/trade'

const meta = {
  title: 'Checkout/PaymentStatus',
  component: PaymentStatus,
  parameters: {
    docs: {
      description: {
        component:
          'Where the payment is, from the checkout of `useCheckout()`, with the action each state offers: creating and paying; confirming with its progress (paused while the app is hidden); paid (or refunded); cancelled with "pay now" and failed with "try again"; expired with "order again"; unknown with "we are confirming, you can leave this page" and "check again". While the phone could not save the order (`storageIssue: \'storage_failed\'`) it asks the user to keep the app open, and says "check My orders" instead of "we\'ll let you know". While idle it says when the pending orders saved on the phone were damaged and discarded (`storageIssue: \'storage_corrupt\'`), until the user says "got it". Every change is announced. Otherwise renders nothing while idle, and nothing for a price change (show `PriceChangedNotice` then). The state is the checkout\'s, not a prop: each story drives a sandbox cashier into one.',
      },
    },
  },
  args: { onOrderAgain: fn(), onLeave: fn(), onDone: fn(), onViewOrder: fn() },
  render: (args) => (
    <>
      <SubmitOnMount request={teeOrder} />
      <PaymentStatus {...args} />
    </>
  ),
} satisfies Meta<typeof PaymentStatus>

export default meta
type Story = StoryObj<typeof meta>

/** The merchant and cashier that put the checkout into each payment state (the stories below use them). */
const states = {
  creating: { latencyMs: 600_000, timing: { ...fastTiming, createTimeoutMs: 600_000 } },
  paying: { script: { outcome: 'hang' }, timing: { ...fastTiming, payTimeoutMs: 600_000 } },
  confirming: { confirmAfterPolls: 10_000, timing: { ...fastTiming, confirmBudgetMs: 600_000 } },
  paid: {},
  cancelled: { script: { outcome: 'cancel' } },
  failed: { script: { outcome: 'fail' } },
  expired: { script: { outcome: 'unknown', notifyAfterMs: 0 }, onMoneyMoves: 'closed' },
  unknown: { script: { outcome: 'unknown' }, timing: { ...fastTiming, confirmBudgetMs: 600 } },
} satisfies Record<string, TradeFixture>

/** The order is being created on the merchant's server. */
export const Creating: Story = {
  decorators: [withTrade(states.creating)],
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    await expect(await within(canvasElement).findByRole('status')).toHaveTextContent(t('status.creating'))
  },
}

/** The platform's cashier is open. */
export const Paying: Story = {
  decorators: [withTrade(states.paying)],
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    await expect(await within(canvasElement).findByText(t('status.paying'), {}, wait)).toBeVisible()
  },
}

/** The cashier answered; the server has not confirmed yet: progress of the confirmation. */
export const Confirming: Story = {
  decorators: [withTrade(states.confirming)],
  play: async ({ canvasElement, globals }) => {
    const { numbered } = textOf(globals)
    await expect(
      await within(canvasElement).findByText(numbered('status.confirming', 'percent'), {}, wait),
    ).toBeVisible()
  },
}

/** The server confirmed the payment: the amount, the order's number, "view order" and "done". */
export const Paid: Story = {
  decorators: [withTrade(states.paid)],
  play: async ({ canvasElement, globals, args }) => {
    const { t, price } = textOf(globals)
    const canvas = within(canvasElement)
    await expect(await canvas.findByText(t('status.paid'), {}, wait)).toBeVisible()
    await expect(canvas.getByText(t('status.paidAmount', { amount: price(money(9900)) }))).toBeVisible()
    await expect(canvas.getByText(new RegExp(t('status.orderNumber', { orderId: '.+' })))).toBeVisible()
    await userEvent.click(canvas.getByRole('button', { name: t('status.viewOrder') }))
    await expect(args.onViewOrder).toHaveBeenCalledTimes(1)
    await userEvent.click(canvas.getByRole('button', { name: t('status.done') }))
    await expect(args.onDone).toHaveBeenCalledTimes(1)
  },
}

/** The user closed the cashier (and the server says nothing was paid): pay now. */
export const Cancelled: Story = {
  decorators: [withTrade(states.cancelled)],
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await expect(await canvas.findByText(t('status.cancelled'), {}, wait)).toBeVisible()
    await expect(await canvas.findByRole('button', { name: t('status.payAgain') }, wait)).toBeVisible()
  },
}

/** The cashier refused the payment: try again. */
export const Failed: Story = {
  decorators: [withTrade(states.failed)],
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await expect(await canvas.findByText(t('status.failed'), {}, wait)).toBeVisible()
    await expect(canvas.getByText(t('status.error.PAYMENT_FAILED'))).toBeVisible()
    await expect(await canvas.findByRole('button', { name: t('status.retry') }, wait)).toBeVisible()
  },
}

/** The merchant closed the unpaid order: order again. */
export const Expired: Story = {
  decorators: [withTrade(states.expired)],
  play: async ({ canvasElement, globals, args }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await expect(await canvas.findByText(t('status.expired'), {}, wait)).toBeVisible()
    await userEvent.click(canvas.getByRole('button', { name: t('status.orderAgain') }))
    await expect(args.onOrderAgain).toHaveBeenCalledTimes(1)
  },
}

/** Confirmation ran out of time: we are confirming, the user may leave. */
export const Unknown: Story = {
  decorators: [withTrade(states.unknown)],
  play: async ({ canvasElement, globals, args }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await expect(await canvas.findByText(t('status.unknown'), {}, wait)).toBeVisible()
    await expect(canvas.getByRole('button', { name: t('status.checkAgain') })).toBeVisible()
    await userEvent.click(canvas.getByRole('button', { name: t('status.leave') }))
    await expect(args.onLeave).toHaveBeenCalledTimes(1)
  },
}

/**
 * The phone's storage is full, so the checkout could not save the order: while the cashier is open
 * the user is asked to keep the app open (a kill now would leave nothing to report the payment later).
 */
export const PayingUnsaved: Story = {
  decorators: [withTrade({ ...states.paying, storageFull: true })],
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await expect(await canvas.findByText(t('status.unsaved'), {}, wait)).toBeVisible()
    await expect(canvas.getByRole('status')).toHaveTextContent(t('status.paying'))
  },
}

/**
 * Confirmation ran out of time and the phone could not save the order: "check My orders" instead of
 * "we'll let you know", which nothing could keep.
 */
export const UnknownUnsaved: Story = {
  decorators: [withTrade({ ...states.unknown, storageFull: true })],
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await expect(await canvas.findByText(t('status.unknownUnsaved'), {}, wait)).toBeVisible()
    await expect(canvas.queryByText(t('status.unknown'))).toBeNull()
  },
}

/**
 * The pending orders saved on the phone were damaged (a kill in the middle of a write, say), so the
 * checkout discarded them at launch: while idle the user is told to look in My orders for a payment
 * made before, which can no longer be reported here.
 */
export const RecordsLost: Story = {
  decorators: [withTrade({ savedCheckout: '{"version":1,"orders":[' })],
  render: (args) => <PaymentStatus {...args} />,
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await expect(await canvas.findByRole('status', {}, wait)).toHaveTextContent(t('status.recordsLost'))
    await expect(canvas.getByRole('button', { name: t('status.gotIt') })).toBeVisible()
    expectFitsPhone(canvasElement)
  },
}

/** Flow: the user reads the notice and says "got it": it is gone, from every screen of this checkout. */
export const RecordsLostGotItFlow: Story = {
  ...RecordsLost,
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await expect(await canvas.findByRole('status', {}, wait)).toHaveTextContent(t('status.recordsLost'))
    await userEvent.click(canvas.getByRole('button', { name: t('status.gotIt') }))
    await waitFor(() => expect(canvas.queryByRole('status')).toBeNull())
  },
}

/**
 * Any payment state, chosen in the Controls panel (`state`): the story starts a checkout against a
 * merchant and cashier that lead to that state. Opens paid.
 */
export const AnyState: StoryObj<ComponentProps<typeof PaymentStatus> & { state: keyof typeof states }> = {
  args: { state: 'paid' },
  argTypes: {
    state: {
      description: 'The payment state the checkout is driven into',
      control: 'select',
      options: Object.keys(states),
      mapping: states,
    },
  },
  decorators: [withTradeFromArg('state')],
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    await expect(await within(canvasElement).findByText(t('status.paid'), {}, wait)).toBeVisible()
  },
}

/** Creating, in English: the same play, through the catalogue. */
export const CreatingEnglish: Story = { ...Creating, ...en }

/** Paying, in English: the same play, through the catalogue. */
export const PayingEnglish: Story = { ...Paying, ...en }

/** Confirming, in English: the same play, through the catalogue. */
export const ConfirmingEnglish: Story = { ...Confirming, ...en }

/** Paid, in English: the same play, through the catalogue. */
export const PaidEnglish: Story = { ...Paid, ...en }

/** Cancelled, in English: the same play, through the catalogue. */
export const CancelledEnglish: Story = { ...Cancelled, ...en }

/** Failed, in English: the same play, through the catalogue. */
export const FailedEnglish: Story = { ...Failed, ...en }

/** Expired, in English: the same play, through the catalogue. */
export const ExpiredEnglish: Story = { ...Expired, ...en }

/** Unknown, in English: the same play, through the catalogue. */
export const UnknownEnglish: Story = { ...Unknown, ...en }

/** Records lost, in English: the same play, through the catalogue. */
export const RecordsLostEnglish: Story = { ...RecordsLost, ...en }
/** "Got it", in English. */
export const RecordsLostGotItFlowEnglish: Story = { ...RecordsLostGotItFlow, ...en }
