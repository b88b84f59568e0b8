import type { Meta, StoryObj } from '@storybook/react-vite'
import { type Coupon, formatMoney, money, priceCart } from '@tradekit/core'
import { CouponPicker, type CouponPickerProps } from '@tradekit/taro'
import { useState } from 'react'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { mug, tee } from './fixtures/products'
import { textOf } from './fixtures/text'

const lines = [
  { lineId: tee.skuId, skuId: tee.skuId, quantity: 2, price: tee.price },
  { lineId: mug.skuId, skuId: mug.skuId, quantity: 1, price: mug.price },
]
const now = Date.UTC(2026, 10, 1)
const coupons: Coupon[] = [
  { id: 'full-200-30', title: '满减券', kind: 'threshold', threshold: money(20000), amountOff: money(3000) },
  { id: 'pct-10', title: '九折券', kind: 'percent', percentOffBps: 1000, maxDiscount: money(2000) },
  {
    id: 'full-500-80',
    title: '大额满减',
    kind: 'threshold',
    threshold: money(50000),
    amountOff: money(8000),
  },
  { id: 'mug-only', title: '马克杯专享', kind: 'amount', amountOff: money(500), skuIds: ['cup-other'] },
  { id: 'old', title: '过期券', kind: 'amount', amountOff: money(1000), expiresAt: now - 1 },
]

/** The picker as a checkout page drives it: the quote's coupons, the best preselected. */
function Driven(props: CouponPickerProps & { held: readonly Coupon[] }) {
  const [couponId, setCouponId] = useState<string | null | undefined>(undefined)
  const quote = priceCart(lines, { coupons: props.held, couponId, now })
  const best = priceCart(lines, { coupons: props.held, now })
  return (
    <CouponPicker
      coupons={quote.coupons}
      value={quote.couponId}
      bestId={best.couponId}
      onChange={(id) => {
        setCouponId(id)
        props.onChange(id)
      }}
    />
  )
}

const meta = {
  title: 'Checkout/CouponPicker',
  component: CouponPicker,
  parameters: {
    docs: {
      description: {
        component:
          'The coupons the user holds: the ones that apply now (with what each takes off, the best one marked and preselected by the quote) and, below, the ones that do not, each with its reason ("还差¥12可用", "已过期"). A radio group; "no coupon" is an option too.',
      },
    },
  },
  args: { coupons: [], value: null, onChange: fn() },
  render: (args) => <Driven {...args} held={coupons} />,
} satisfies Meta<typeof CouponPicker>

export default meta
type Story = StoryObj<typeof meta>

/** Available and unavailable coupons with reasons; the best one preselected. */
export const BestPreselected: Story = {
  play: async ({ canvasElement, globals }) => {
    const { t, locale } = textOf(globals)
    const yuan = (fen: number) => formatMoney(money(fen), { locale, trimZeros: true })
    const canvas = within(canvasElement)
    const best = canvas.getByRole('radio', { name: new RegExp(`^${coupons[0]!.title}`) })
    await expect(best).toHaveAttribute('aria-checked', 'true')
    await expect(best).toHaveAccessibleName(
      [
        coupons[0]!.title,
        t('coupon.best'),
        t('coupon.threshold', { threshold: yuan(20000), amount: yuan(3000) }),
        t('coupon.saves', { amount: yuan(3000) }),
      ].join(t('a11y.separator')),
    )
    await expect(canvas.getByText(t('coupon.reason.below_threshold', { amount: yuan(25700) }))).toBeVisible()
    await expect(canvas.getByText(t('coupon.reason.no_eligible_lines'))).toBeVisible()
    await expect(canvas.getByText(t('coupon.reason.expired'))).toBeVisible()
    await expect(canvas.getByRole('list', { name: t('coupon.unavailableGroup', { count: 3 }) })).toBeVisible()
  },
}

/** Flow: the best is preselected → pick another coupon → no coupon. */
export const PickAnotherFlow: Story = {
  name: 'Flow: pick another, then none → no coupon',
  play: async (context) => {
    await BestPreselected.play?.(context)
    const { t } = textOf(context.globals)
    const canvas = within(context.canvasElement)
    await userEvent.click(canvas.getByRole('radio', { name: new RegExp(`^${coupons[1]!.title}`) }))
    await expect(context.args.onChange).toHaveBeenLastCalledWith('pct-10')
    await expect(canvas.getByRole('radio', { name: new RegExp(`^${coupons[1]!.title}`) })).toHaveAttribute(
      'aria-checked',
      'true',
    )
    await userEvent.click(canvas.getByRole('radio', { name: t('coupon.none') }))
    await expect(context.args.onChange).toHaveBeenLastCalledWith(null)
    // the flow ends on "no coupon" chosen, not on the click that asks for it
    await waitFor(() =>
      expect(canvas.getByRole('radio', { name: t('coupon.none') })).toHaveAttribute('aria-checked', 'true'),
    )
  },
}

/** None of the coupons applies: only "no coupon" can be chosen. */
export const NoneApplicable: Story = {
  render: (args) => <Driven {...args} held={coupons.slice(2)} />,
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await expect(canvas.getAllByRole('radio')).toHaveLength(1)
    await expect(canvas.getByRole('radio', { name: t('coupon.none') })).toHaveAttribute(
      'aria-checked',
      'true',
    )
  },
}

/** Best preselected, in English: the same play, through the catalogue. */
export const BestPreselectedEnglish: Story = { ...BestPreselected, globals: { locale: 'en-US' } }

/** None applicable, in English. */
export const NoneApplicableEnglish: Story = { ...NoneApplicable, globals: { locale: 'en-US' } }
