import type { Meta, StoryObj } from '@storybook/react-vite'
import { type Coupon, money, priceCart } from '@tradekit/core'
import { OrderSummary } from '@tradekit/taro'
import { expect, within } from 'storybook/test'
import { consultation, mug, tee } from './fixtures/products'

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
  args: { quote: priceCart(lines, {}), items },
} satisfies Meta<typeof OrderSummary>

export default meta
type Story = StoryObj<typeof meta>

/** Lines, subtotal and payable. */
export const Lines: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('listitem', { name: `${tee.title}，2 件，198 元` })).toBeVisible()
    await expect(canvas.getByRole('group', { name: '商品金额：243 元' })).toBeVisible()
    await expect(canvas.getByRole('img', { name: '现价 243 元' })).toBeVisible()
  },
}

/** A coupon discount and a delivery fee. */
export const DiscountAndFees: Story = {
  args: {
    quote: priceCart(lines, {
      coupons: [coupon],
      fees: [{ id: 'delivery', label: '运费', amount: money(1000) }],
    }),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('group', { name: '优惠：减 30 元' })).toBeVisible()
    await expect(canvas.getByRole('group', { name: '运费：10 元' })).toBeVisible()
    await expect(canvas.getByRole('img', { name: '现价 223 元' })).toBeVisible()
  },
}

/** A fee waived above a spend (满 99 包邮). */
export const FeeWaived: Story = {
  args: {
    quote: priceCart(lines, {
      fees: [{ id: 'delivery', label: '运费', amount: money(1000), freeFrom: money(9900) }],
    }),
  },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('group', { name: '运费（已免）：0 元' })).toBeVisible()
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
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('listitem', { name: `${tee.title} ×2` })).toBeVisible()
    await expect(canvas.queryByText(/¥/)).toBeNull()
  },
}

/** Lines, in English. */
export const LinesEnglish: Story = {
  ...Lines,
  globals: { locale: 'en-US' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('region', { name: 'Order summary' })).toBeVisible()
    await expect(canvas.getByRole('group', { name: 'Subtotal: 243 yuan' })).toBeVisible()
  },
}

/** Discount and fees, in English. */
export const DiscountAndFeesEnglish: Story = {
  ...DiscountAndFees,
  globals: { locale: 'en-US' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('group', { name: 'Discount: minus 30 yuan' })).toBeVisible()
  },
}

/** Fee waived, in English. */
export const FeeWaivedEnglish: Story = {
  ...FeeWaived,
  globals: { locale: 'en-US' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('group', { name: '运费 (waived): 0 yuan' })).toBeVisible()
  },
}

/** Service, in English. */
export const ServiceEnglish: Story = {
  ...Service,
  globals: { locale: 'en-US' },
}

/** Hidden mode, in English. */
export const HiddenModeEnglish: Story = {
  ...HiddenMode,
  globals: { locale: 'en-US' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).queryByText(/¥/)).toBeNull()
    await expect(within(canvasElement).getByRole('region', { name: 'Order summary' })).toBeVisible()
  },
}
