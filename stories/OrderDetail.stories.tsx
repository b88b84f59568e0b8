import type { Meta, StoryObj } from '@storybook/react-vite'
import { type CheckoutSnapshot, type MessageKey, type MessageParams, TradeKitError } from '@tradekit/core'
import { OrderDetail, OrderDetailView } from '@tradekit/taro'
import { expect, fn, userEvent, within } from 'storybook/test'
import { checkoutSnapshotOf } from './fixtures/checkoutSnapshot'
import {
  actionsSettled,
  answeredClock,
  expectFitsPhone,
  frozenClock,
  RefundMerchant,
  sampleOrder,
  withOrders,
} from './fixtures/orders'
import { textOf } from './fixtures/text'
import { en, wait } from './fixtures/trade'

const meta = {
  title: 'Orders/OrderDetail',
  component: OrderDetail,
  args: { orderId: 'TK20261205004', onPay: fn(), onRefund: fn(), onBuyAgain: fn(), now: answeredClock },
  decorators: [withOrders()],
} satisfies Meta<typeof OrderDetail>

export default meta
type Story = StoryObj<typeof meta>

/** A story of one sample order: its status heads the page, and the page fits the phone. */
function statusStory(orderId: string, status: MessageKey, check?: Story['play']): Story {
  return {
    args: { orderId },
    play: async (context) => {
      const { t } = textOf(context.globals)
      const canvas = within(context.canvasElement)
      await expect(await canvas.findByRole('region', { name: t(status) }, wait)).toBeVisible()
      expectFitsPhone(context.canvasElement)
      await check?.(context)
    },
  }
}

/** 待支付: the time left to pay, the amounts with a discount and a fee, pay or cancel. */
export const PendingPayment = statusStory(
  'TK20261206001',
  'order.status.pending_payment',
  async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('timer')).toHaveTextContent(/\d\d:\d\d/)
    await expect(canvas.getByRole('button', { name: t('order.action.pay') })).toBeVisible()
    await expect(canvas.getByRole('list', { name: t('order.detail.amounts') })).toHaveTextContent(
      t('order.detail.discount'),
    )
  },
)

/** An unpaid order whose time ran out: only buy again. */
export const PaymentExpired = statusStory(
  'TK20261206002',
  'order.status.expired',
  async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    await expect(within(canvasElement).queryByRole('button', { name: t('order.action.pay') })).toBeNull()
  },
)

/** 待发货. */
export const PaidToShip = statusStory('TK20261205003', 'order.status.paid_physical')
/** 已发货: confirm receipt. */
export const Shipped = statusStory('TK20261205004', 'order.status.shipped')
/** 已送达. */
export const Delivered = statusStory('TK20261205005', 'order.status.delivered')

/** 待使用: the verification code as text and as a QR code. */
export const ToVerify = statusStory(
  'TK20261204006',
  'order.status.to_verify',
  async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await expect(canvas.getByText('LAW-2026-8841')).toBeVisible()
    await expect(canvas.getByRole('img', { name: t('qr.label', { code: 'LAW-2026-8841' }) })).toBeVisible()
  },
)

/** A paid virtual good. */
export const PaidVirtual = statusStory('TK20261204007', 'order.status.paid')
/** 已核销. */
export const Verified = statusStory('TK20261203008', 'order.status.verified')
/** 已完成. */
export const Completed = statusStory('TK20261203009', 'order.status.completed')
/** 退款申请中: the refund's progress with 撤销申请. */
export const RefundRequested = statusStory(
  'TK20261202010',
  'order.status.refund_requested',
  async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    await expect(within(canvasElement).getByRole('button', { name: t('refund.withdraw') })).toBeVisible()
  },
)
/** 退款中. */
export const Refunding = statusStory('TK20261202011', 'order.status.refunding')
/** 已退款: the refunded amount. */
export const Refunded = statusStory(
  'TK20261201012',
  'order.status.refunded',
  async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    await expect(
      within(canvasElement).getByRole('list', { name: t('order.detail.amounts') }),
    ).toHaveTextContent(t('order.detail.refunded'))
  },
)
/** 退款未通过. */
export const RefundRejected = statusStory('TK20261201013', 'order.status.refund_rejected')
/** 已取消. */
export const Cancelled = statusStory('TK20261130014', 'order.status.cancelled')
/** 已关闭. */
export const Closed = statusStory('TK20261130015', 'order.status.closed')

/** The checkout's snapshot of a payment of the sample unpaid order (`useOrder(id).payment`). */
function paymentOf(patch: Partial<CheckoutSnapshot>): CheckoutSnapshot {
  const { orderId, amount, payment } = sampleOrder('pending_payment')
  return checkoutSnapshotOf({ orderId, amount, payment }, patch)
}

/** An unpaid order while the checkout pays it: one line under its status says where the payment stands. */
function paymentStory(patch: Partial<CheckoutSnapshot>, key: MessageKey, values?: MessageParams): Story {
  return {
    render: () => (
      <OrderDetailView order={sampleOrder('pending_payment')} payment={paymentOf(patch)} now={frozenClock} />
    ),
    play: async ({ canvasElement, globals }) => {
      const { t } = textOf(globals)
      const status = within(canvasElement).getByRole('region', { name: t('order.status.pending_payment') })
      await expect(within(status).getByRole('status')).toHaveTextContent(t(key, values))
      expectFitsPhone(canvasElement)
    },
  }
}

/** 继续支付 went to the cashier; the server is being asked (40% of the time to confirm). */
export const PaymentConfirming = paymentStory(
  { status: 'confirming', confirm: { elapsedMs: 24_000, budgetMs: 60_000, polls: 3, paused: false } },
  'status.confirming',
  { percent: 40 },
)
/** The server has not answered in time: "we are confirming", never "unpaid" or "cancelled". */
export const PaymentUnknown = paymentStory({ status: 'unknown', retry: 'same-order' }, 'status.unknown')
/** The cashier was closed and the server has the order unpaid. */
export const PaymentCancelled = paymentStory({ status: 'cancelled', retry: 'same-order' }, 'status.cancelled')
/** The payment failed: why, from the catalogue. */
export const PaymentFailed = paymentStory(
  {
    status: 'failed',
    retry: 'same-order',
    error: new TradeKitError('PAYMENT_FAILED', undefined, { retryable: true }),
  },
  'status.error.PAYMENT_FAILED',
)

/**
 * The cashier refused this order for good (not retryable): "this order can no longer be paid", and
 * no 继续支付 — tapping it would be refused again; cancelling stays.
 */
export const PaymentRefusedForGood: Story = {
  render: () => (
    <OrderDetailView
      order={sampleOrder('pending_payment')}
      payment={paymentOf({
        status: 'failed',
        retry: null,
        error: new TradeKitError('PAYMENT_FAILED', undefined, { retryable: false }),
      })}
      now={frozenClock}
      onPay={fn()}
      onCancel={fn()}
    />
  ),
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    const status = canvas.getByRole('region', { name: t('order.status.pending_payment') })
    await expect(within(status).getByRole('status')).toHaveTextContent(t('status.error.notRetryable'))
    await expect(canvas.queryByRole('button', { name: t('order.action.pay') })).toBeNull()
    await expect(canvas.getByRole('button', { name: t('order.action.cancel') })).toBeVisible()
    expectFitsPhone(canvasElement)
  },
}
/** The order on its way: a skeleton. */
export const Loading: Story = {
  decorators: [withOrders({ latencyMs: 600_000 })],
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    await expect(
      within(canvasElement).getAllByRole('status', { name: t('common.loading') }).length,
    ).toBeGreaterThan(0)
  },
}

/** The order could not be read: try again. */
export const LoadFailed: Story = {
  args: { orderId: 'NO-SUCH-ORDER' },
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const alert = await within(canvasElement).findByRole('alert', {}, wait)
    await expect(alert).toHaveTextContent(t('order.detail.error'))
  },
}

/** 继续支付 pressed: the page's pay handler gets the order. */
export const PressPay: Story = {
  args: { orderId: 'TK20261206001' },
  play: async ({ canvasElement, globals, args }) => {
    const { t } = textOf(globals)
    await userEvent.click(
      await within(canvasElement).findByRole('button', { name: t('order.action.pay') }, wait),
    )
    await expect(args.onPay).toHaveBeenCalledWith(expect.objectContaining({ orderId: 'TK20261206001' }))
  },
}

/** Flow: cancel the unpaid order. */
export const CancelFlow: Story = {
  args: { orderId: 'TK20261206001' },
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await userEvent.click(await canvas.findByRole('button', { name: t('order.action.cancel') }, wait))
    await expect(await canvas.findByRole('region', { name: t('order.status.cancelled') }, wait)).toBeVisible()
    await actionsSettled(canvasElement)
  },
}

/** Flow: confirm receipt of the parcel. */
export const ConfirmReceiptFlow: Story = {
  args: { orderId: 'TK20261205004' },
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await userEvent.click(await canvas.findByRole('button', { name: t('order.action.confirmReceipt') }, wait))
    await expect(await canvas.findByRole('region', { name: t('order.status.completed') }, wait)).toBeVisible()
    await actionsSettled(canvasElement)
  },
}

/** Flow: withdraw the refund request; the order is shipped again. */
export const WithdrawRefundFlow: Story = {
  args: { orderId: 'TK20261202010' },
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await userEvent.click(await canvas.findByRole('button', { name: t('refund.withdraw') }, wait))
    await expect(await canvas.findByRole('region', { name: t('order.status.shipped') }, wait)).toBeVisible()
    await expect(canvas.getByRole('list', { name: t('refund.progress') })).toHaveTextContent(
      t('refund.step.withdrawn'),
    )
    await actionsSettled(canvasElement)
  },
}

/** Flow: the merchant accepts the open refund and returns the money; the page reads it again. */
export const RefundedFlow: Story = {
  args: { orderId: 'TK20261202010' },
  render: (args) => (
    <>
      <RefundMerchant orderId={args.orderId} />
      <OrderDetail key={0} {...args} />
    </>
  ),
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await canvas.findByRole('region', { name: t('order.status.refund_requested') }, wait)
    await userEvent.click(canvas.getByRole('button', { name: 'Merchant: accept refund' }))
    await expect(await canvas.findByRole('region', { name: t('order.status.refunding') }, wait)).toBeVisible()
    await userEvent.click(canvas.getByRole('button', { name: 'Merchant: money returned' }))
    await expect(await canvas.findByRole('region', { name: t('order.status.refunded') }, wait)).toBeVisible()
    await expect(canvas.getByRole('listitem', { current: 'step' })).toHaveAccessibleName(
      `${t('refund.step.refunded')}${t('a11y.separator')}${t('refund.stepState.current')}`,
    )
  },
}

/** Payment unknown, in English. */
export const PaymentUnknownEnglish: Story = { ...PaymentUnknown, ...en }
/** A payment refused for good, in English. */
export const PaymentRefusedForGoodEnglish: Story = { ...PaymentRefusedForGood, ...en }
/** Pending payment, in English. */
export const PendingPaymentEnglish: Story = { ...PendingPayment, ...en }
/** To verify, in English. */
export const ToVerifyEnglish: Story = { ...ToVerify, ...en }
/** Refund requested, in English. */
export const RefundRequestedEnglish: Story = { ...RefundRequested, ...en }
/** Refunded, in English. */
export const RefundedEnglish: Story = { ...Refunded, ...en }
/** Withdraw flow, in English. */
export const WithdrawRefundFlowEnglish: Story = { ...WithdrawRefundFlow, ...en }
