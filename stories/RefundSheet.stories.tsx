import type { Meta, StoryObj } from '@storybook/react-vite'
import { money } from '@tradekit/core'
import { OrderDetail, RefundSheet } from '@tradekit/taro'
import { useState } from 'react'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { expectFitsPhone, RefundMerchant, withOrders } from './fixtures/orders'
import { textOf } from './fixtures/text'
import { en, wait } from './fixtures/trade'

// TK20261205005: a delivered parcel of a T-shirt (¥99) and two mugs (¥90)
const meta = {
  title: 'Orders/RefundSheet',
  component: RefundSheet,
  args: { orderId: 'TK20261205005', onDone: fn() },
  decorators: [withOrders()],
} satisfies Meta<typeof RefundSheet>

export default meta
type Story = StoryObj<typeof meta>

const amountField = (canvas: HTMLElement, globals: Record<string, unknown>) =>
  within(canvas).findByRole('spinbutton', { name: textOf(globals).t('refund.amount') }, wait)

/** Every line chosen, the whole amount left to refund filled in, no reason yet. */
export const Default: Story = {
  play: async ({ canvasElement, globals }) => {
    const { t, price } = textOf(globals)
    const canvas = within(canvasElement)
    await expect(await amountField(canvasElement, globals)).toHaveValue(189)
    await expect(canvas.getByText(t('refund.amountHint', { amount: price(money(18900)) }))).toBeVisible()
    for (const box of canvas.getAllByRole('checkbox'))
      await expect(box).toHaveAttribute('aria-checked', 'true')
    expectFitsPhone(canvasElement)
  },
}

/** One line left out: the amount follows the lines chosen. */
export const OneLineChosen: Story = {
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await amountField(canvasElement, globals)
    await userEvent.click(canvas.getAllByRole('checkbox')[1]!)
    await expect(await amountField(canvasElement, globals)).toHaveValue(99)
    await expect(canvas.getByRole('list', { name: t('refund.preview') })).toBeVisible()
  },
}

/** A partial amount, split exactly across the lines. */
export const PartialAmount: Story = {
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const input = await amountField(canvasElement, globals)
    await userEvent.clear(input)
    await userEvent.type(input, '50')
    const preview = within(canvasElement).getByRole('list', { name: t('refund.preview') })
    await expect(within(preview).getAllByRole('listitem')).toHaveLength(2)
  },
}

/** More than is left: refused inline, nothing sent. */
export const OverRefund: Story = {
  play: async ({ canvasElement, globals, args }) => {
    const { t, price } = textOf(globals)
    const canvas = within(canvasElement)
    const input = await amountField(canvasElement, globals)
    await userEvent.clear(input)
    await userEvent.type(input, '200')
    await expect(canvas.getByRole('alert')).toHaveTextContent(
      t('refund.error.amountTooHigh', { amount: price(money(18900)) }),
    )
    await userEvent.click(canvas.getByRole('radio', { name: t('refund.reason.quality') }))
    await userEvent.click(canvas.getByRole('button', { name: t('refund.submit') }))
    await expect(args.onDone).not.toHaveBeenCalled()
  },
}

/** Submitted without a reason: asked inline. */
export const ReasonMissing: Story = {
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await amountField(canvasElement, globals)
    await userEvent.click(canvas.getByRole('button', { name: t('refund.submit') }))
    await expect(canvas.getByRole('alert')).toHaveTextContent(t('refund.error.reasonRequired'))
  },
}

/** The request on its way: the button is busy. */
export const Submitting: Story = {
  decorators: [withOrders({ hangRefunds: true })],
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await amountField(canvasElement, globals)
    await userEvent.click(canvas.getByRole('radio', { name: t('refund.reason.not_wanted') }))
    await userEvent.click(canvas.getByRole('button', { name: t('refund.submit') }))
    await expect(await canvas.findByRole('button', { name: t('refund.submitting') }, wait)).toHaveAttribute(
      'aria-busy',
      'true',
    )
  },
}

/**
 * The request got no answer (the network failed), and the order read again does not show it: not
 * confirmed, never "not sent" — it may have reached the merchant; sending it again is the same request.
 */
export const SubmitFailed: Story = {
  decorators: [withOrders({ failRefunds: 1000 })],
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await amountField(canvasElement, globals)
    await userEvent.click(canvas.getByRole('radio', { name: t('refund.reason.not_wanted') }))
    await userEvent.click(canvas.getByRole('button', { name: t('refund.submit') }))
    await expect(await canvas.findByRole('alert', {}, wait)).toHaveTextContent(t('refund.error.unconfirmed'))
    await expect(canvas.queryByText(t('refund.error.NETWORK'))).toBeNull()
  },
}

/** Flow: a reason and a note, submitted; the server took it. */
export const SubmitFlow: Story = {
  play: async ({ canvasElement, globals, args }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await amountField(canvasElement, globals)
    await userEvent.click(canvas.getByRole('radio', { name: t('refund.reason.quality') }))
    await userEvent.type(canvas.getByRole('textbox', { name: t('refund.note') }), 'broken handle')
    await userEvent.click(canvas.getByRole('button', { name: t('refund.submit') }))
    // done when the server took it (the sheet hands the order on), not when the button is found
    // idle: right after the press it may not have turned busy yet
    await waitFor(
      () => expect(args.onDone).toHaveBeenCalledWith(expect.objectContaining({ status: 'refund_requested' })),
      wait,
    )
    await waitFor(
      () => expect(canvas.getByRole('button', { name: t('refund.submit') })).not.toHaveAttribute('aria-busy'),
      wait,
    )
  },
}

function RefundThenDetail({ orderId }: { orderId: string }) {
  const [sent, setSent] = useState(false)
  if (!sent) return <RefundSheet orderId={orderId} onDone={() => setSent(true)} />
  return (
    <>
      <RefundMerchant orderId={orderId} />
      <OrderDetail orderId={orderId} />
    </>
  )
}

/** Flow: refund → refunded. The user asks, the merchant accepts and returns the money. */
export const RefundToRefundedFlow: Story = {
  render: (args) => <RefundThenDetail orderId={args.orderId} />,
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await amountField(canvasElement, globals)
    await userEvent.click(canvas.getByRole('radio', { name: t('refund.reason.quality') }))
    await userEvent.click(canvas.getByRole('button', { name: t('refund.submit') }))
    await expect(
      await canvas.findByRole('region', { name: t('order.status.refund_requested') }, wait),
    ).toBeVisible()
    await userEvent.click(canvas.getByRole('button', { name: 'Merchant: accept refund' }))
    await expect(await canvas.findByRole('region', { name: t('order.status.refunding') }, wait)).toBeVisible()
    await userEvent.click(canvas.getByRole('button', { name: 'Merchant: money returned' }))
    await expect(await canvas.findByRole('region', { name: t('order.status.refunded') }, wait)).toBeVisible()
  },
}

/** Default, in English. */
export const DefaultEnglish: Story = { ...Default, ...en }
/** Over refund, in English. */
export const OverRefundEnglish: Story = { ...OverRefund, ...en }
/** Submit failed, in English. */
export const SubmitFailedEnglish: Story = { ...SubmitFailed, ...en }
/** Refund → refunded, in English. */
export const RefundToRefundedFlowEnglish: Story = { ...RefundToRefundedFlow, ...en }
