import type { Meta, StoryObj } from '@storybook/react-vite'
import { type Coupon, money, priceCart } from '@tradekit/core'
import { OrderSummary } from '@tradekit/taro'
import { expect, within } from 'storybook/test'
import { consultation, mug, tee } from './fixtures/products'
import { textOf } from './fixtures/text'
import { en, purchaseModeControl } from './fixtures/trade'

const lines = [
  { lineId: tee.skuId, skuId: tee.skuId, quantity: 2, price: tee.price },
  { lineId: mug.skuId, skuId: mug.skuId, quantity: 1, price: mug.price },
]
const items = [
  { lineId: tee.skuId, title: tee.title },
  { lineId: mug.skuId, title: mug.title },
]
const coupon: Coupon = {
  id: 'full-200-30',
  kind: 'threshold',
  threshold: money(20000),
  amountOff: money(3000),
}

const meta = {
  title: 'Checkout/OrderSummary',
  component: OrderSummary,
  parameters: {
    docs: {
      description: {
        component:
          "The order's lines and totals: each line with its quantity and total, the subtotal, the coupon discount, each fee (waived ones marked) and the payable. It renders the quote it is given and computes nothing; in `hidden` purchase mode it shows no amounts.",
      },
    },
  },
  argTypes: { purchaseMode: purchaseModeControl },
  args: { quote: priceCart(lines, {}), items },
} satisfies Meta<typeof OrderSummary>

export default meta
type Story = StoryObj<typeof meta>

/** A delivery fee's label is the page's own text (not the catalogue's). */
const delivery = '运费'

/** Lines, subtotal and payable. */
export const Lines: Story = {
  play: async ({ canvasElement, globals }) => {
    const { t, spoken } = textOf(globals)
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('region', { name: t('checkout.summary.title') })).toBeVisible()
    await expect(
      canvas.getByRole('listitem', {
        name: t('checkout.summary.line', { title: tee.title, count: 2, amount: spoken(money(19800)) }),
      }),
    ).toBeVisible()
    await expect(
      canvas.getByRole('group', {
        name: t('checkout.summary.amount', {
          label: t('checkout.summary.subtotal'),
          amount: spoken(money(24300)),
        }),
      }),
    ).toBeVisible()
    await expect(
      canvas.getByRole('img', { name: t('price.current', { amount: spoken(money(24300)) }) }),
    ).toBeVisible()
  },
}

/** A coupon discount and a delivery fee. */
export const DiscountAndFees: Story = {
  args: {
    quote: priceCart(lines, {
      coupons: [coupon],
      fees: [{ id: 'delivery', label: delivery, amount: money(1000) }],
    }),
  },
  play: async ({ canvasElement, globals }) => {
    const { t, spoken } = textOf(globals)
    const canvas = within(canvasElement)
    await expect(
      canvas.getByRole('group', {
        name: t('checkout.summary.minus', {
          label: t('checkout.summary.discount'),
          amount: spoken(money(3000)),
        }),
      }),
    ).toBeVisible()
    await expect(
      canvas.getByRole('group', {
        name: t('checkout.summary.amount', { label: delivery, amount: spoken(money(1000)) }),
      }),
    ).toBeVisible()
    await expect(
      canvas.getByRole('img', { name: t('price.current', { amount: spoken(money(22300)) }) }),
    ).toBeVisible()
  },
}

/** A fee waived above a spend (满 99 包邮). */
export const FeeWaived: Story = {
  args: {
    quote: priceCart(lines, {
      fees: [{ id: 'delivery', label: delivery, amount: money(1000), freeFrom: money(9900) }],
    }),
  },
  play: async ({ canvasElement, globals }) => {
    const { t, spoken } = textOf(globals)
    await expect(
      within(canvasElement).getByRole('group', {
        name: t('checkout.summary.amount', {
          label: t('checkout.summary.feeWaived', { label: delivery }),
          amount: spoken(money(0)),
        }),
      }),
    ).toBeVisible()
  },
}

/** A service booking; a line without a title shows its sku. */
export const Service: Story = {
  args: {
    quote: priceCart(
      [{ lineId: consultation.skuId, skuId: consultation.skuId, quantity: 1, price: consultation.price }],
      {},
    ),
    items: [{ lineId: consultation.skuId, title: consultation.title }],
  },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText(consultation.title)).toBeVisible()
  },
}

/** Purchase mode `hidden` (virtual goods where the platform forbids selling them): no amounts. */
export const HiddenMode: Story = {
  args: { purchaseMode: 'hidden' },
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('region', { name: t('checkout.summary.title') })).toBeVisible()
    await expect(
      canvas.getByRole('listitem', { name: `${tee.title} ${t('checkout.summary.quantity', { count: 2 })}` }),
    ).toBeVisible()
    await expect(canvas.queryByText(/¥/)).toBeNull()
    await expect(canvas.queryByText(t('checkout.summary.payable'))).toBeNull()
  },
}

/** Lines, in English: the same play, through the catalogue. */
export const LinesEnglish: Story = { ...Lines, ...en }

/** Discount and fees, in English. */
export const DiscountAndFeesEnglish: Story = { ...DiscountAndFees, ...en }

/** Fee waived, in English. */
export const FeeWaivedEnglish: Story = { ...FeeWaived, ...en }

/** Service, in English. */
export const ServiceEnglish: Story = { ...Service, ...en }

/** Hidden mode, in English. */
export const HiddenModeEnglish: Story = { ...HiddenMode, ...en }
