import type { Meta, StoryObj } from '@storybook/react-vite'
import { type Coupon, money, type PricingFee, speakMoney } from '@tradekit/core'
import { CartBar, CartList, CheckoutPage, type CheckoutPageProps } from '@tradekit/taro'
import { useState } from 'react'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { consultation, membership, mug, tee } from './fixtures/products'
import { textOf } from './fixtures/text'
import { en, useMerchant, wait, withTrade } from './fixtures/trade'

/** The cart, then the checkout page: what a mini-program's two pages do, in one story. */
function CartThenCheckout(props: CheckoutPageProps) {
  const [step, setStep] = useState<'cart' | 'checkout'>('cart')
  if (step === 'cart') {
    return (
      <>
        <CartList />
        <CartBar onCheckout={() => setStep('checkout')} />
      </>
    )
  }
  return <CheckoutPage {...props} onBackToCart={() => setStep('cart')} />
}

/** Stands in for the platform's payment notification reaching the merchant's server. */
function MerchantNotification() {
  const merchant = useMerchant()
  return (
    <button
      type="button"
      className="tk-story-button"
      style={{ margin: 12 }}
      onClick={() => {
        for (const order of merchant.orders.values()) merchant.markPaid(order.orderId)
      }}
    >
      Sandbox: the merchant receives the payment notification
    </button>
  )
}

const meta = {
  title: 'Checkout/CheckoutPage',
  component: CheckoutPage,
  args: { onPaid: fn(), onDone: fn(), onLeave: fn(), onOrderAgain: fn(), onContactSupport: fn() },
  render: (args) => <CheckoutPage {...args} />,
} satisfies Meta<typeof CheckoutPage>

export default meta
type Story = StoryObj<typeof meta>

const submitButton = (canvasElement: HTMLElement, name: RegExp = /提交订单/) =>
  within(canvasElement).getByRole('button', { name })

/** The submit button in the story's locale (its name goes on with the payable). */
const submitIn = (canvasElement: HTMLElement, globals: Record<string, unknown>) =>
  within(canvasElement).getByRole('button', { name: new RegExp(`^${textOf(globals).t('checkout.submit')}`) })

/** Goods in the cart, ready to place the order. */
export const Ready: Story = {
  decorators: [
    withTrade({
      cart: (cart) => {
        cart.add(tee, 2)
        cart.add(mug)
      },
    }),
  ],
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('region', { name: t('checkout.summary.title') })).toBeVisible()
    await expect(canvas.getByRole('radio', { name: t('payment.channel.sandbox') })).toHaveAttribute(
      'aria-checked',
      'true',
    )
    await expect(submitIn(canvasElement, globals)).not.toHaveAttribute('aria-disabled')
  },
}

/** Flow: cart → checkout → pay → paid. */
export const CartToPaid: Story = {
  name: 'Flow: cart → checkout → paid',
  decorators: [
    withTrade({
      cart: (cart) => {
        cart.add(tee, 2)
        cart.add(mug)
      },
    }),
  ],
  render: (args) => <CartThenCheckout {...args} />,
  play: async ({ canvasElement, globals, args }) => {
    const { t, price } = textOf(globals)
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: t('cart.checkoutCount', { count: 3 }) }))
    await expect(
      canvas.getByRole('listitem', {
        name: t('checkout.summary.line', { title: tee.title, count: 2, amount: speakMoney(money(19800), t) }),
      }),
    ).toBeVisible()
    await userEvent.click(submitIn(canvasElement, globals))
    await expect(await canvas.findByText(t('status.paid'), {}, wait)).toBeVisible()
    await expect(canvas.getByText(t('status.paidAmount', { amount: price(money(24300)) }))).toBeVisible()
    await expect(args.onPaid).toHaveBeenCalledTimes(1)
  },
}

const coupons: readonly Coupon[] = [
  { id: 'full200', kind: 'threshold', threshold: money(20000), amountOff: money(3000) },
  { id: 'cash5', kind: 'amount', amountOff: money(500) },
]
const fees: readonly PricingFee[] = [
  { id: 'delivery', label: '运费', amount: money(800), freeFrom: money(30000), kinds: ['physical'] },
]

/**
 * Flow: coupons and delivery — the best coupon (满200减30) is preselected, the user may pick
 * another; the merchant prices the same way, so the order goes through at the total shown.
 */
export const CouponAndDeliveryToPaid: Story = {
  name: 'Flow: coupon and delivery → paid',
  decorators: [
    withTrade({
      cart: (cart) => {
        cart.add(tee, 2)
        cart.add(mug)
      },
      coupons,
      fees,
    }),
  ],
  args: { coupons, fees },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    const summary = canvas.getByRole('region', { name: '订单信息' })
    await expect(within(summary).getByText('-¥30.00')).toBeVisible()
    await expect(within(summary).getByText('¥8.00')).toBeVisible()
    await expect(submitButton(canvasElement, /应付 221 元/)).toBeVisible()
    await userEvent.click(canvas.getByRole('radio', { name: /立减¥5/ }))
    await expect(await canvas.findByRole('button', { name: /应付 246 元/ })).toBeVisible()
    await userEvent.click(canvas.getByRole('radio', { name: /满¥200减¥30/ }))
    await userEvent.click(await canvas.findByRole('button', { name: /应付 221 元/ }))
    await expect(await canvas.findByText('支付成功', {}, wait)).toBeVisible()
    await expect(canvas.getByText('已支付 ¥221.00')).toBeVisible()
    await expect(args.onPaid).toHaveBeenCalledTimes(1)
  },
}

/** The user closed the cashier, and the server says nothing was paid: the order waits, "pay now". */
export const Cancelled: Story = {
  decorators: [
    withTrade({
      cart: (cart) => cart.add(tee),
      script: [{ outcome: 'cancel' }, { outcome: 'success' }],
    }),
  ],
  play: async ({ canvasElement, globals, args }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await userEvent.click(submitIn(canvasElement, globals))
    await expect(await canvas.findByText(t('status.cancelled'), {}, wait)).toBeVisible()
    await expect(await canvas.findByRole('button', { name: t('status.payAgain') }, wait)).toBeVisible()
    await expect(args.onPaid).not.toHaveBeenCalled()
  },
}

/** Flow: pay → the user cancels in the cashier → pay now → paid (the same order). */
export const CancelThenRetry: Story = {
  ...Cancelled,
  name: 'Flow: cancel, then pay now → paid',
  play: async (context) => {
    await Cancelled.play?.(context)
    const { t } = textOf(context.globals)
    const canvas = within(context.canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: t('status.payAgain') }))
    await expect(await canvas.findByText(t('status.paid'), {}, wait)).toBeVisible()
    await expect(context.args.onPaid).toHaveBeenCalledTimes(1)
  },
}

/** Confirmation ran out of time: the result is unknown, the user may leave; nothing is shown as paid. */
export const Unknown: Story = {
  decorators: [
    withTrade({
      cart: (cart) => cart.add(tee),
      script: { outcome: 'unknown' },
      timing: { pollDelaysMs: [200], confirmBudgetMs: 800 },
    }),
  ],
  play: async ({ canvasElement, globals, args }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await userEvent.click(submitIn(canvasElement, globals))
    await expect(await canvas.findByText(t('status.unknown'), {}, wait)).toBeVisible()
    await expect(canvas.getByRole('button', { name: t('status.checkAgain') })).toBeVisible()
    await expect(args.onPaid).not.toHaveBeenCalled()
  },
}

/** Flow: pay → the result stays unknown → the merchant hears of it → check again → paid. */
export const UnknownThenPaid: Story = {
  ...Unknown,
  name: 'Flow: unknown, then the merchant hears of it → paid',
  render: (args) => (
    <>
      <CheckoutPage {...args} />
      <MerchantNotification />
    </>
  ),
  play: async (context) => {
    await Unknown.play?.(context)
    const { t } = textOf(context.globals)
    const canvas = within(context.canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: /Sandbox: the merchant receives/ }))
    await userEvent.click(canvas.getByRole('button', { name: t('status.checkAgain') }))
    await expect(await canvas.findByText(t('status.paid'), {}, wait)).toBeVisible()
    await expect(context.args.onPaid).toHaveBeenCalledTimes(1)
  },
}

/** Flow: the server's price moved → the new total is shown → accept → paid at the new total. */
export const PriceChangedThenAccept: Story = {
  name: 'Flow: price changed, accept → paid',
  decorators: [withTrade({ cart: (cart) => cart.add(tee), serverPrices: { [tee.skuId]: 10900 } })],
  args: { onBackToCart: fn() },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    await userEvent.click(submitButton(canvasElement))
    await expect(await canvas.findByRole('alert', {}, wait)).toHaveTextContent('价格有变动比之前贵了 ¥10.00')
    await expect(canvas.getByRole('img', { name: '新金额 109 元' })).toBeVisible()
    await expect(canvas.getByRole('img', { name: '原金额 99 元' })).toBeVisible()
    await userEvent.click(canvas.getByRole('button', { name: '接受新价格并支付' }))
    await expect(await canvas.findByText('支付成功', {}, wait)).toBeVisible()
    await expect(canvas.getByText('已支付 ¥109.00')).toBeVisible()
    await expect(args.onPaid).toHaveBeenCalledTimes(1)
  },
}

/** A service: contact details are asked for, the submit waits for a valid phone number. */
export const ServiceContact: Story = {
  decorators: [withTrade({ cart: (cart) => cart.add(consultation) })],
  args: { phoneNumberButton: true, requireName: true },
  play: async ({ canvasElement, globals, args }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await expect(canvas.getByText(t('checkout.disabled.contact'))).toBeVisible()
    await expect(submitIn(canvasElement, globals)).toHaveAttribute('aria-disabled', 'true')
    await userEvent.type(canvas.getByRole('textbox', { name: t('contact.name') }), '王小明')
    const phone = canvas.getByRole('spinbutton', { name: t('contact.phone') })
    await userEvent.type(phone, '1380013')
    await userEvent.tab()
    await expect(await canvas.findByText(t('contact.error.phoneInvalid'))).toBeVisible()
    await userEvent.type(phone, '8000')
    await waitFor(() => expect(canvas.queryByText(t('contact.error.phoneInvalid'))).toBeNull())
    await userEvent.click(submitIn(canvasElement, globals))
    await expect(await canvas.findByText(t('status.paid'), {}, wait)).toBeVisible()
    await expect(args.onPaid).toHaveBeenCalledTimes(1)
  },
}

/** Virtual goods where the platform sells them through customer service (Douyin on iOS): `im`. */
export const ContactSupportMode: Story = {
  decorators: [
    withTrade({
      cart: (cart) => cart.add(membership),
      os: 'ios',
      supports: ({ kind, os }) => (kind === 'virtual' && os === 'ios' ? 'im' : 'pay'),
    }),
  ],
  play: async ({ canvasElement, globals, args }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await expect(canvas.queryByRole('radiogroup', { name: t('payment.title') })).toBeNull()
    await userEvent.click(canvas.getByRole('button', { name: t('checkout.contactToBuy') }))
    await expect(args.onContactSupport).toHaveBeenCalledTimes(1)
  },
}

/** Virtual goods where the platform forbids selling them (WeChat on iOS): no pay wording at all. */
export const HiddenMode: Story = {
  decorators: [
    withTrade({
      cart: (cart) => cart.add(membership),
      os: 'ios',
      supports: ({ kind, os }) => (kind === 'virtual' && os === 'ios' ? 'unavailable' : 'pay'),
    }),
  ],
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await expect(
      canvas.queryByRole('button', {
        name: new RegExp(`${t('checkout.submit')}|${t('checkout.contactToBuy')}`),
      }),
    ).toBeNull()
    await expect(canvas.queryByText(/¥/)).toBeNull()
    await expect(canvas.getByText(t('membership.notAvailable'))).toBeVisible()
  },
}

/** Ready, in English: the same play, through the catalogue. */
export const ReadyEnglish: Story = {
  ...Ready,
  ...en,
}

/** CartToPaid, in English: the same play, through the catalogue. */
export const CartToPaidEnglish: Story = {
  ...CartToPaid,
  ...en,
  name: 'Flow: cart → checkout → paid, in English',
}

/** Coupons and delivery → paid, in English. */
export const CouponAndDeliveryToPaidEnglish: Story = {
  ...CouponAndDeliveryToPaid,
  name: 'Flow: coupon and delivery → paid, in English',
  ...en,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(await canvas.findByRole('button', { name: /Place order.*221 yuan/ }))
    await expect(await canvas.findByText('Payment successful', {}, wait)).toBeVisible()
  },
}

/** Cancel, then pay now → paid, in English: the same interaction through the catalogue. */
export const CancelThenRetryEnglish: Story = {
  ...CancelThenRetry,
  ...en,
  name: `${CancelThenRetry.name}, in English`,
}

/** Unknown, then paid, in English: the same interaction through the catalogue. */
export const UnknownThenPaidEnglish: Story = {
  ...UnknownThenPaid,
  ...en,
  name: `${UnknownThenPaid.name}, in English`,
}

/** Cancelled, in English. */
export const CancelledEnglish: Story = { ...Cancelled, ...en }

/** Unknown, in English. */
export const UnknownEnglish: Story = { ...Unknown, ...en }

/** Price changed → accept → paid, in English. */
export const PriceChangedThenAcceptEnglish: Story = {
  ...PriceChangedThenAccept,
  name: 'Flow: price changed, accept → paid, in English',
  ...en,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(submitButton(canvasElement, /Place order/))
    await expect(await canvas.findByRole('alert', {}, wait)).toHaveTextContent('The price has changed')
    await userEvent.click(canvas.getByRole('button', { name: 'Accept and pay' }))
    await expect(await canvas.findByText('Paid ¥109.00', {}, wait)).toBeVisible()
  },
}

/** ServiceContact, in English: the same play, through the catalogue. */
export const ServiceContactEnglish: Story = {
  ...ServiceContact,
  ...en,
}

/** ContactSupportMode, in English: the same play, through the catalogue. */
export const ContactSupportModeEnglish: Story = {
  ...ContactSupportMode,
  ...en,
}

/** HiddenMode, in English: the same play, through the catalogue. */
export const HiddenModeEnglish: Story = {
  ...HiddenMode,
  ...en,
}
