import type { Meta, StoryObj } from '@storybook/react-vite'
import { type CheckoutSnapshot, type MessageKey, money, type Order, TradeKitError } from '@tradekit/core'
import { OrderCard } from '@tradekit/taro'
import { expect, fn, userEvent, within } from 'storybook/test'
import { checkoutSnapshotOf } from './fixtures/checkoutSnapshot'
import { images } from './fixtures/images'
import { expectFitsPhone, frozenClock, lineOf, sampleOrder, sampleOrders } from './fixtures/orders'
import { mug, tee } from './fixtures/products'
import { textOf } from './fixtures/text'
import { en } from './fixtures/trade'

const meta = {
  title: 'Orders/OrderCard',
  component: OrderCard,
  args: {
    order: sampleOrder('paid'),
    now: frozenClock,
    onPay: fn(),
    onCancel: fn(),
    onRefund: fn(),
    onConfirmReceipt: fn(),
    onBuyAgain: fn(),
    onDetail: fn(),
  },
  decorators: [
    (Story) => (
      <div style={{ padding: 12 }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof OrderCard>

export default meta
type Story = StoryObj<typeof meta>

const buttons = (canvas: HTMLElement) =>
  within(canvas)
    .queryAllByRole('button')
    .map((button) => button.textContent)

/** A story of one status: the status text and the buttons it allows. */
function statusStory(order: Order, status: MessageKey, actions: MessageKey[]): Story {
  return {
    args: { order },
    play: async ({ canvasElement, globals }) => {
      const { t } = textOf(globals)
      const canvas = within(canvasElement)
      await expect(
        canvas.getByRole('group', {
          name: t('order.card', { id: order.orderId, status: t(status) }),
        }),
      ).toBeVisible()
      await expect(buttons(canvasElement)).toEqual(actions.map((key) => t(key)))
      expectFitsPhone(canvasElement)
    },
  }
}

/** The checkout's snapshot of a payment of the sample unpaid order (`OrderList` gives it to its card). */
function paymentOf(patch: Partial<CheckoutSnapshot>): CheckoutSnapshot {
  const { orderId, amount, payment } = sampleOrder('pending_payment')
  return checkoutSnapshotOf({ orderId, amount, payment }, patch)
}

/** An unpaid order's card while the checkout pays it: a line says where the payment stands. */
function paymentStory(patch: Partial<CheckoutSnapshot>, key: MessageKey, actions: MessageKey[]): Story {
  return {
    args: { order: sampleOrder('pending_payment'), payment: paymentOf(patch) },
    play: async ({ canvasElement, globals }) => {
      const { t } = textOf(globals)
      await expect(within(canvasElement).getByRole('status')).toHaveTextContent(t(key))
      await expect(buttons(canvasElement)).toEqual(actions.map((action) => t(action)))
      expectFitsPhone(canvasElement)
    },
  }
}

const D: MessageKey = 'order.action.detail'
const BUY: MessageKey = 'order.action.buyAgain'

/** 待支付: the time left to pay counts down; pay or cancel. */
export const PendingPayment = statusStory(sampleOrder('pending_payment'), 'order.status.pending_payment', [
  D,
  'order.action.cancel',
  'order.action.pay',
])

const loadedAt = Date.now()

/**
 * The phone's clock is an hour fast: the countdown still runs on the server's clock (its `serverNow`
 * when the answer arrived at `receivedAt`), so the order still has its 15 minutes.
 */
export const PendingPaymentWrongDeviceClock: Story = {
  args: {
    // the device's clock, stopped half a second after the answer came, so the picture holds still
    now: () => loadedAt + 500,
    order: {
      ...sampleOrder('pending_payment'),
      serverNow: loadedAt - 3_600_000,
      receivedAt: loadedAt,
      expiresAt: loadedAt - 3_600_000 + 15 * 60_000,
    },
  },
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('timer')).toHaveTextContent('15:00')
    await expect(canvas.getByRole('button', { name: t('order.action.pay') })).toBeVisible()
  },
}

/** An unpaid order whose time to pay ran out: it can only be bought again. */
export const PaymentExpired = statusStory(
  sampleOrders().find((o) => o.orderId === 'TK20261206002')!,
  'order.status.expired',
  [D, BUY],
)

/** 待发货: a paid parcel. */
export const PaidToShip = statusStory(sampleOrder('paid'), 'order.status.paid_physical', [
  D,
  'order.action.refund',
  BUY,
])

/** A paid virtual good (a membership). */
export const PaidVirtual = statusStory(sampleOrder('paid', 'virtual'), 'order.status.paid', [
  D,
  'order.action.refund',
  BUY,
])

/** 已发货: confirm receipt or ask for after-sale. */
export const Shipped = statusStory(sampleOrder('shipped'), 'order.status.shipped', [
  D,
  'order.action.afterSale',
  BUY,
  'order.action.confirmReceipt',
])

/** 已送达. */
export const Delivered = statusStory(sampleOrder('delivered'), 'order.status.delivered', [
  D,
  'order.action.afterSale',
  BUY,
  'order.action.confirmReceipt',
])

/** 待使用: a service with a verification code. */
export const ToVerify = statusStory(sampleOrder('to_verify', 'service'), 'order.status.to_verify', [
  D,
  'order.action.refund',
  BUY,
])

/** 已核销: the merchant verified the code. */
export const Verified = statusStory(sampleOrder('verified', 'service'), 'order.status.verified', [
  D,
  'order.action.afterSale',
  BUY,
])

/** 已完成. */
export const Completed = statusStory(sampleOrder('completed'), 'order.status.completed', [
  D,
  'order.action.afterSale',
  BUY,
])

/** 退款申请中: no second request while one is answered. */
export const RefundRequested = statusStory(sampleOrder('refund_requested'), 'order.status.refund_requested', [
  D,
  BUY,
])

/** 退款中. */
export const Refunding = statusStory(sampleOrder('refunding'), 'order.status.refunding', [D, BUY])

/** 已退款: everything was refunded, so no further refund. */
export const Refunded = statusStory(sampleOrder('refunded'), 'order.status.refunded', [D, BUY])

/** 退款未通过: the user may ask again. */
export const RefundRejected = statusStory(sampleOrder('refund_rejected'), 'order.status.refund_rejected', [
  D,
  'order.action.refund',
  BUY,
])

/** 已取消. */
export const Cancelled = statusStory(sampleOrder('cancelled'), 'order.status.cancelled', [D, BUY])

/** 已关闭. */
export const Closed = statusStory(sampleOrder('closed'), 'order.status.closed', [D, BUY])

/** 继续支付 pressed on this card: the cashier is open. */
export const PaymentInCashier = paymentStory({ status: 'paying' }, 'status.paying', [
  D,
  'order.action.cancel',
  'order.action.pay',
])
/** The cashier refused this order for good: it can no longer be paid, so no 继续支付. */
export const PaymentRefusedForGood = paymentStory(
  {
    status: 'failed',
    retry: null,
    error: new TradeKitError('PAYMENT_FAILED', undefined, { retryable: false }),
  },
  'status.error.notRetryable',
  [D, 'order.action.cancel'],
)

/** Four lines (the tee in three colour and size choices, the mug): the card shows three and counts the items. */
const manyLines = [
  lineOf(tee, 1, 'l-tee-black'),
  lineOf(
    {
      ...tee,
      skuId: 'tee-blue-l',
      image: images.teeBlue,
      attributes: [
        { name: '颜色', value: '雾霾蓝' },
        { name: '尺码', value: 'L' },
      ],
    },
    2,
    'l-tee-blue',
  ),
  lineOf(mug, 2, 'l-mug'),
  lineOf(
    {
      ...tee,
      skuId: 'tee-black-l',
      attributes: [
        { name: '颜色', value: '黑' },
        { name: '尺码', value: 'L' },
      ],
    },
    1,
    'l-tee-black-l',
  ),
]

/** Many lines: three are shown, then "等 n 件商品". */
export const ManyLines: Story = {
  args: {
    order: {
      ...sampleOrder('paid'),
      lines: manyLines,
      amount: money(manyLines.reduce((sum, line) => sum + line.amount.amount, 0)),
    },
  },
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await expect(canvas.getAllByRole('listitem')).toHaveLength(3)
    const count = manyLines.reduce((sum, line) => sum + line.quantity, 0)
    await expect(canvas.getByText(t('order.moreLines', { count }))).toBeVisible()
  },
}

/** An action the server refused: the card says so. */
export const ActionFailed: Story = {
  args: { order: sampleOrder('shipped'), action: { action: 'confirm_receipt', status: 'failed' } },
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    await expect(within(canvasElement).getByRole('alert')).toHaveTextContent(t('order.action.failed'))
  },
}

/**
 * An action that got no answer, and the order read again got none either: the server may have done
 * it, so the card says the result is not confirmed rather than "did not work".
 */
export const ActionUnconfirmed: Story = {
  args: {
    order: sampleOrder('shipped'),
    action: {
      action: 'confirm_receipt',
      status: 'failed',
      error: new TradeKitError('NETWORK'),
      unconfirmed: true,
    },
  },
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    await expect(within(canvasElement).getByRole('alert')).toHaveTextContent(t('order.action.unconfirmed'))
  },
}

/** An action on its way: its button is busy, the others wait. */
export const ActionRunning: Story = {
  args: { order: sampleOrder('shipped'), action: { action: 'confirm_receipt', status: 'running' } },
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('button', { name: t('order.action.confirmReceipt') })).toHaveAttribute(
      'aria-busy',
      'true',
    )
  },
}

/** One story per action: pressing it calls its handler with the order. */
function actionStory(
  order: Order,
  key: MessageKey,
  handler: 'onPay' | 'onCancel' | 'onRefund' | 'onConfirmReceipt' | 'onBuyAgain' | 'onDetail',
): Story {
  return {
    args: { order },
    play: async ({ canvasElement, globals, args }) => {
      const { t } = textOf(globals)
      await userEvent.click(within(canvasElement).getByRole('button', { name: t(key) }))
      await expect(args[handler]).toHaveBeenCalledWith(order)
    },
  }
}

/** 继续支付 pressed. */
export const PressPay = actionStory(sampleOrder('pending_payment'), 'order.action.pay', 'onPay')
/** 取消订单 pressed. */
export const PressCancel = actionStory(sampleOrder('pending_payment'), 'order.action.cancel', 'onCancel')
/** 申请退款 pressed. */
export const PressRefund = actionStory(sampleOrder('paid'), 'order.action.refund', 'onRefund')
/** 申请售后 pressed. */
export const PressAfterSale = actionStory(sampleOrder('delivered'), 'order.action.afterSale', 'onRefund')
/** 确认收货 pressed. */
export const PressConfirmReceipt = actionStory(
  sampleOrder('shipped'),
  'order.action.confirmReceipt',
  'onConfirmReceipt',
)
/** 再次购买 pressed. */
export const PressBuyAgain = actionStory(sampleOrder('cancelled'), 'order.action.buyAgain', 'onBuyAgain')
/** 查看详情 pressed. */
export const PressDetail = actionStory(sampleOrder('completed'), 'order.action.detail', 'onDetail')

/** Pending payment, in English. */
export const PendingPaymentEnglish: Story = { ...PendingPayment, ...en }
/** Shipped, in English (the longest button row). */
export const ShippedEnglish: Story = { ...Shipped, ...en }
/** To verify, in English. */
export const ToVerifyEnglish: Story = { ...ToVerify, ...en }
/** Refund rejected, in English. */
export const RefundRejectedEnglish: Story = { ...RefundRejected, ...en }
/** Payment expired, in English. */
export const PaymentExpiredEnglish: Story = { ...PaymentExpired, ...en }
/** A result not confirmed, in English. */
export const ActionUnconfirmedEnglish: Story = { ...ActionUnconfirmed, ...en }
/** A payment refused for good, in English. */
export const PaymentRefusedForGoodEnglish: Story = { ...PaymentRefusedForGood, ...en }
