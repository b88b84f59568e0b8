import type { Meta, StoryObj } from '@storybook/react-vite'
import { formatMoney, money, type Plan } from '@tradekit/core'
import { PlanPicker, type PlanPickerProps } from '@tradekit/taro'
import { expect, fn, userEvent, within } from 'storybook/test'
import { stateful } from './fixtures/stateful'
import { textOf } from './fixtures/text'
import { en, plans, purchaseModeControl } from './fixtures/trade'

const [monthly, quarterly, yearly] = plans as [Plan, Plan, Plan]
/** A badge is the page's own text (not the catalogue's). */
const popular = '最受欢迎'

const Controlled = stateful<string, PlanPickerProps>(PlanPicker, 'value')

const meta = {
  title: 'Membership/PlanPicker',
  component: PlanPicker,
  parameters: {
    docs: {
      description: {
        component:
          'The membership plans as a radio group: each with its name, badge, per-period price ("¥12/月"), struck original price, price per day, free trial and an auto-renew mark. In `hidden` purchase mode (virtual goods on WeChat iOS) only the names show.',
      },
    },
  },
  argTypes: { purchaseMode: purchaseModeControl },
  args: {
    plans,
    value: 'vip-month-auto',
    badges: { 'vip-month-auto': popular },
    purchaseMode: 'buy',
    onChange: fn(),
  },
  render: (args) => <Controlled {...args} />,
} satisfies Meta<typeof PlanPicker>

export default meta
type Story = StoryObj<typeof meta>

/** The plans' texts in the story's locale: a plan's per-period price as shown and as spoken. */
function planText(globals: Record<string, unknown>) {
  const text = textOf(globals)
  const { t, locale, spoken } = text
  const unit = ({ period }: Plan) =>
    !period
      ? ''
      : period.count === 1
        ? t(`membership.period.${period.unit}`)
        : t(`membership.periods.${period.unit}`, { count: period.count })
  /** "¥12/月", "¥12/month" */
  const shown = (plan: Plan) =>
    t('membership.perPeriod', {
      price: formatMoney(plan.price, { locale, trimZeros: true }),
      period: unit(plan),
    })
  /** "现价 12 元/月", "Price 12 yuan/month" */
  const said = (plan: Plan) =>
    t('membership.perPeriod', {
      price: t('price.current', { amount: spoken(plan.price) }),
      period: unit(plan),
    })
  return { ...text, shown, said }
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
/** A plan's radio, found by the plan's name at the start of its accessible name. */
const planRadio = (canvasElement: HTMLElement, plan: Plan) =>
  within(canvasElement).getByRole('radio', { name: new RegExp(`^${escapeRegExp(plan.title)}`) })

/** Purchase mode `buy`: tiers with per-period price, original price, badge, trial and auto-renew. */
export const Buy: Story = {
  play: async ({ canvasElement, args, globals }) => {
    const { t, price, spoken, shown, said } = planText(globals)
    const canvas = within(canvasElement)
    await expect(canvas.getByText(shown(monthly))).toBeVisible()
    await expect(canvas.getByText(shown(quarterly))).toBeVisible()
    await expect(planRadio(canvasElement, monthly)).toHaveAccessibleName(
      [
        monthly.title,
        popular,
        said(monthly),
        t('price.original', { amount: spoken(money(2500)) }),
        t('membership.approxPerDay', { amount: price(money(40)) }),
        t('plan.trial', { days: 7 }),
        t('membership.autoRenew'),
      ].join(t('a11y.separator')),
    )
    await userEvent.click(planRadio(canvasElement, yearly))
    await expect(args.onChange).toHaveBeenLastCalledWith('vip-year')
    await expect(planRadio(canvasElement, yearly)).toHaveAttribute('aria-checked', 'true')
  },
}

/** Purchase mode `im`: prices show; buying goes through customer service elsewhere. */
export const ContactSupportMode: Story = {
  args: { purchaseMode: 'im' },
  play: async ({ canvasElement, globals }) => {
    const { shown } = planText(globals)
    await expect(within(canvasElement).getByText(shown(yearly))).toBeVisible()
  },
}

/** Purchase mode `hidden`: names only, no price and no subscribe wording. */
export const HiddenMode: Story = {
  args: { purchaseMode: 'hidden' },
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('radiogroup', { name: t('plan.title') })).toBeVisible()
    await expect(canvas.queryByText(/¥/)).toBeNull()
    await expect(canvas.queryByText(t('membership.autoRenew'))).toBeNull()
    await expect(planRadio(canvasElement, monthly)).toHaveAccessibleName(
      [monthly.title, popular].join(t('a11y.separator')),
    )
  },
}

/** Buy, in English: the same play, through the catalogue. */
export const BuyEnglish: Story = { ...Buy, ...en }

/** Contact-support mode, in English. */
export const ContactSupportModeEnglish: Story = { ...ContactSupportMode, ...en }

/** Hidden mode, in English. */
export const HiddenModeEnglish: Story = { ...HiddenMode, ...en }
