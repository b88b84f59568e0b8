import type { Meta, StoryObj } from '@storybook/react-vite'
import { type Coupon, formatMoney, type Money, money, type PricingFee, speakMoney } from '@tradekit/core'
import { AddressCard, CartBar, CartList, CheckoutPage, type CheckoutPageProps } from '@tradekit/taro'
import { useState } from 'react'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { hangzhou, scriptedAddressPort } from './fixtures/addresses'
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
  parameters: {
    docs: {
      description: {
        component:
          'A checkout page ready to drop in: the selected cart lines with their totals, contact details for services, coupons (the best preselected), the payment methods of this platform, the price-change notice, the payment status and the submit bar. Markup over `useCheckoutForm` (which holds the choices and reads the rules from core), inside a `TradeProvider` with an `api` and channels; build your own page from the same hook and pieces when it needs another layout. Its payment states come from the checkout, so each state is a story with a scripted sandbox cashier.',
      },
    },
  },
  args: { onPaid: fn(), onDone: fn(), onLeave: fn(), onOrderAgain: fn(), onContactSupport: fn() },
  render: (args) => <CheckoutPage {...args} />,
} satisfies Meta<typeof CheckoutPage>

export default meta
type Story = StoryObj<typeof meta>

/** The submit button in the story's locale (its name goes on with the payable). */
const submitIn = (canvasElement: HTMLElement, globals: Record<string, unknown>) =>
  within(canvasElement).getByRole('button', { name: new RegExp(`^${textOf(globals).t('checkout.submit')}`) })

/** The submit button's whole name once the page asks for `payable` ("提交订单，应付 221 元"). */
const submitNamed = (globals: Record<string, unknown>, payable: Money) => {
  const { t, spoken } = textOf(globals)
  return `${t('checkout.submit')}${t('a11y.separator')}${t('checkout.summary.payable')} ${spoken(payable)}`
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

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

/** The checkout page in the dark theme (toolbar "Dark": `darkTheme`, the tokens of `tokens-dark.css`). */
export const ReadyDark: Story = { ...Ready, globals: { theme: 'dark' } }

/** A parcel with no shipping address yet (`renderAddress`): the order cannot be placed, and says why. */
export const ShippingAddressMissing: Story = {
  args: {
    renderAddress: (field) => (
      <AddressCard {...field} port={scriptedAddressPort({ kind: 'chosen', address: hangzhou })} />
    ),
  },
  decorators: [withTrade({ cart: (cart) => cart.add(tee, 2) })],
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('button', { name: t('address.add') })).toBeVisible()
    await expect(submitIn(canvasElement, globals)).toHaveAttribute('aria-disabled', 'true')
    await expect(canvas.getByText(t('checkout.disabled.address'))).toBeVisible()
  },
}

/** Flow: a press on the held submit → the address card says what is missing, where it goes. */
export const ShippingAddressMissingPressed: Story = {
  ...ShippingAddressMissing,
  name: 'Flow: submit without an address → the card asks for one',
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await userEvent.click(submitIn(canvasElement, globals))
    await expect(await canvas.findByText(t('address.required'))).toBeVisible()
    await expect(submitIn(canvasElement, globals)).toHaveAttribute('aria-disabled', 'true')
  },
}

/** Flow: add the address from the platform's picker → the order can be placed. */
export const ShippingAddressChosen: Story = {
  ...ShippingAddressMissing,
  name: 'Flow: add a shipping address → ready',
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: t('address.add') }))
    await expect(await canvas.findByText(hangzhou.detail, { exact: false }, wait)).toBeVisible()
    await waitFor(() => expect(submitIn(canvasElement, globals)).not.toHaveAttribute('aria-disabled'))
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
    // told in an effect after the paid screen renders
    await waitFor(() => expect(args.onPaid).toHaveBeenCalledTimes(1))
  },
}

const coupons: readonly Coupon[] = [
  { id: 'full200', kind: 'threshold', threshold: money(20000), amountOff: money(3000) },
  { id: 'cash5', kind: 'amount', amountOff: money(500) },
]
/** The delivery fee's label is the merchant's own text (not the catalogue's). */
const delivery = '运费'
const fees: readonly PricingFee[] = [
  { id: 'delivery', label: delivery, amount: money(800), freeFrom: money(30000), kinds: ['physical'] },
]

/** A coupon's radio, found by its rule at the start of its name ("满¥200减¥30", "¥30 off orders of ¥200"). */
const couponRadio = (canvasElement: HTMLElement, globals: Record<string, unknown>, coupon: Coupon) => {
  const { t, locale } = textOf(globals)
  const yuan = (amount: Money) => formatMoney(amount, { locale, trimZeros: true })
  const rule =
    coupon.kind === 'threshold'
      ? t('coupon.threshold', { threshold: yuan(coupon.threshold), amount: yuan(coupon.amountOff) })
      : coupon.kind === 'amount'
        ? t('coupon.amount', { amount: yuan(coupon.amountOff) })
        : ''
  return within(canvasElement).getByRole('radio', { name: new RegExp(`^${escapeRegExp(rule)}`) })
}
const [full200, cash5] = coupons as [Coupon, Coupon]

/**
 * Coupons and delivery: the best coupon (满200减30) is preselected and the delivery fee charged;
 * the payable is what is left.
 */
export const CouponAndDelivery: Story = {
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
  play: async ({ canvasElement, globals }) => {
    const { t, spoken } = textOf(globals)
    const canvas = within(canvasElement)
    const summary = within(canvas.getByRole('region', { name: t('checkout.summary.title') }))
    await expect(
      summary.getByRole('group', {
        name: t('checkout.summary.minus', {
          label: t('checkout.summary.discount'),
          amount: spoken(money(3000)),
        }),
      }),
    ).toBeVisible()
    await expect(
      summary.getByRole('group', {
        name: t('checkout.summary.amount', { label: delivery, amount: spoken(money(800)) }),
      }),
    ).toBeVisible()
    await expect(couponRadio(canvasElement, globals, full200)).toHaveAttribute('aria-checked', 'true')
    await expect(canvas.getByRole('button', { name: submitNamed(globals, money(22100)) })).toBeVisible()
  },
}

/**
 * Flow: coupons and delivery — the best coupon is preselected, the user picks another, then the best
 * again; the merchant prices the same way, so the order goes through at the total shown.
 */
export const CouponAndDeliveryToPaid: Story = {
  ...CouponAndDelivery,
  name: 'Flow: coupon and delivery → paid',
  play: async (context) => {
    await CouponAndDelivery.play?.(context)
    const { canvasElement, globals, args } = context
    const { t, price } = textOf(globals)
    const canvas = within(canvasElement)
    await userEvent.click(couponRadio(canvasElement, globals, cash5))
    await expect(
      await canvas.findByRole('button', { name: submitNamed(globals, money(24600)) }),
    ).toBeVisible()
    await userEvent.click(couponRadio(canvasElement, globals, full200))
    await userEvent.click(await canvas.findByRole('button', { name: submitNamed(globals, money(22100)) }))
    await expect(await canvas.findByText(t('status.paid'), {}, wait)).toBeVisible()
    await expect(canvas.getByText(t('status.paidAmount', { amount: price(money(22100)) }))).toBeVisible()
    // told in an effect after the paid screen renders
    await waitFor(() => expect(args.onPaid).toHaveBeenCalledTimes(1))
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

/** The server's price moved after the cart: the old and the new total, accept or back to the cart. */
export const PriceChanged: Story = {
  decorators: [withTrade({ cart: (cart) => cart.add(tee), serverPrices: { [tee.skuId]: 10900 } })],
  args: { onBackToCart: fn() },
  play: async ({ canvasElement, globals, args }) => {
    const { t, price, spoken } = textOf(globals)
    const canvas = within(canvasElement)
    await userEvent.click(submitIn(canvasElement, globals))
    await expect(await canvas.findByRole('alert', {}, wait)).toHaveTextContent(
      t('priceChanged.title') + t('priceChanged.up', { amount: price(money(1000)) }),
    )
    await expect(
      canvas.getByRole('img', { name: `${t('priceChanged.new')} ${spoken(money(10900))}` }),
    ).toBeVisible()
    await expect(
      canvas.getByRole('img', { name: `${t('priceChanged.old')} ${spoken(money(9900))}` }),
    ).toBeVisible()
    await expect(canvas.getByRole('button', { name: t('priceChanged.accept') })).toBeVisible()
    await expect(args.onPaid).not.toHaveBeenCalled()
  },
}

/** Flow: the server's price moved → the new total is shown → accept → paid at the new total. */
export const PriceChangedThenAccept: Story = {
  ...PriceChanged,
  name: 'Flow: price changed, accept → paid',
  play: async (context) => {
    await PriceChanged.play?.(context)
    const { t, price } = textOf(context.globals)
    const canvas = within(context.canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: t('priceChanged.accept') }))
    await expect(await canvas.findByText(t('status.paid'), {}, wait)).toBeVisible()
    await expect(canvas.getByText(t('status.paidAmount', { amount: price(money(10900)) }))).toBeVisible()
    await expect(context.args.onPaid).toHaveBeenCalledTimes(1)
  },
}

/** A service: contact details are asked for; the submit waits for them. */
export const ServiceContact: Story = {
  decorators: [withTrade({ cart: (cart) => cart.add(consultation) })],
  args: { phoneNumberButton: true, requireName: true },
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('group', { name: t('contact.title') })).toBeVisible()
    await expect(canvas.getByText(t('checkout.disabled.contact'))).toBeVisible()
    await expect(submitIn(canvasElement, globals)).toHaveAttribute('aria-disabled', 'true')
  },
}

/** Flow: a service — name, a wrong phone number, then the right one → paid. */
export const ServiceContactToPaid: Story = {
  ...ServiceContact,
  name: 'Flow: service contact filled → paid',
  play: async (context) => {
    await ServiceContact.play?.(context)
    const { canvasElement, globals, args } = context
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await userEvent.type(canvas.getByRole('textbox', { name: t('contact.name') }), '王小明')
    const phone = canvas.getByRole('spinbutton', { name: t('contact.phone') })
    await userEvent.type(phone, '1380013')
    await userEvent.tab()
    await expect(await canvas.findByText(t('contact.error.phoneInvalid'))).toBeVisible()
    await userEvent.type(phone, '8000')
    await waitFor(() => expect(canvas.queryByText(t('contact.error.phoneInvalid'))).toBeNull())
    await userEvent.click(submitIn(canvasElement, globals))
    await expect(await canvas.findByText(t('status.paid'), {}, wait)).toBeVisible()
    // told in an effect after the paid screen renders
    await waitFor(() => expect(args.onPaid).toHaveBeenCalledTimes(1))
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
export const ReadyEnglish: Story = { ...Ready, ...en }

export const ShippingAddressMissingEnglish: Story = { ...ShippingAddressMissing, ...en }

/** CartToPaid, in English: the same play, through the catalogue. */
export const CartToPaidEnglish: Story = { ...CartToPaid, ...en, name: `${CartToPaid.name}, in English` }

/** Coupons and delivery, in English. */
export const CouponAndDeliveryEnglish: Story = { ...CouponAndDelivery, ...en }

/** Coupons and delivery → paid, in English. */
export const CouponAndDeliveryToPaidEnglish: Story = {
  ...CouponAndDeliveryToPaid,
  ...en,
  name: `${CouponAndDeliveryToPaid.name}, in English`,
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

/** Price changed, in English. */
export const PriceChangedEnglish: Story = { ...PriceChanged, ...en }

/** Price changed → accept → paid, in English. */
export const PriceChangedThenAcceptEnglish: Story = {
  ...PriceChangedThenAccept,
  ...en,
  name: `${PriceChangedThenAccept.name}, in English`,
}

/** ServiceContact, in English: the same play, through the catalogue. */
export const ServiceContactEnglish: Story = { ...ServiceContact, ...en }

/** The service's contact filled → paid, in English. */
export const ServiceContactToPaidEnglish: Story = {
  ...ServiceContactToPaid,
  ...en,
  name: `${ServiceContactToPaid.name}, in English`,
}

/** ContactSupportMode, in English: the same play, through the catalogue. */
export const ContactSupportModeEnglish: Story = { ...ContactSupportMode, ...en }

/** HiddenMode, in English: the same play, through the catalogue. */
export const HiddenModeEnglish: Story = { ...HiddenMode, ...en }
