import type { Meta, StoryObj } from '@storybook/react-vite'
import { type Money, money } from '@tradekit/core'
import { Price } from '@tradekit/taro'
import { expect, within } from 'storybook/test'
import { textOf } from './fixtures/text'
import { en } from './fixtures/trade'

const meta = {
  title: 'Primitives/Price',
  parameters: {
    phone: { padded: true },
    docs: {
      description: {
        component:
          'A price as a commerce screen shows it: symbol, large integer, small fraction; an optional struck-through original price and a member price. Screen readers get the whole phrase.',
      },
    },
  },
  component: Price,
  args: { price: money(12900) },
  argTypes: {
    size: { control: 'inline-radio', options: ['sm', 'md', 'lg'] },
  },
} satisfies Meta<typeof Price>

export default meta
type Story = StoryObj<typeof meta>

/** The phrase a screen reader reads for a price, in the story's locale ("现价 12 元，原价 20 元"). */
function spokenPrice(
  globals: Record<string, unknown>,
  parts: { price: Money; memberPrice?: Money; originalPrice?: Money },
) {
  const { t, spoken } = textOf(globals)
  return [
    t('price.current', { amount: spoken(parts.price) }),
    ...(parts.memberPrice ? [t('price.member', { amount: spoken(parts.memberPrice) })] : []),
    ...(parts.originalPrice ? [t('price.original', { amount: spoken(parts.originalPrice) })] : []),
  ].join(t('a11y.separator'))
}

/** The current price alone. */
export const Default: Story = {
  play: async ({ canvasElement, globals, args }) => {
    const price = within(canvasElement).getByRole('img', { name: spokenPrice(globals, args) })
    await expect(price).toHaveTextContent('¥129.00')
  },
}

/** A discount: the original price struck through, both read aloud. */
export const WithOriginalPrice: Story = {
  args: { price: money(1200), originalPrice: money(2000), trimZeros: true },
  play: async ({ canvasElement, globals, args }) => {
    const price = within(canvasElement).getByRole('img', { name: spokenPrice(globals, args) })
    await expect(price).toHaveTextContent('¥12¥20')
  },
}

/** A member price with its label. */
export const MemberPrice: Story = {
  args: { price: money(1990), memberPrice: money(1590), originalPrice: money(2990) },
  play: async ({ canvasElement, globals, args }) => {
    const { t } = textOf(globals)
    const price = within(canvasElement).getByRole('img', { name: spokenPrice(globals, args) })
    await expect(price).toHaveTextContent(t('price.memberLabel'))
    await expect(price).toHaveTextContent('¥15.90')
  },
}

/** The three sizes side by side. */
export const Sizes: Story = {
  render: (args) => (
    <>
      <Price {...args} size="sm" />
      <br />
      <Price {...args} size="md" />
      <br />
      <Price {...args} size="lg" />
    </>
  ),
  args: { price: money(123450), originalPrice: money(150000) },
  play: async ({ canvasElement, globals, args }) => {
    await expect(
      within(canvasElement).getAllByRole('img', { name: spokenPrice(globals, args) }),
    ).toHaveLength(3)
  },
}

/** Other currencies: US dollars and yen (no minor unit). */
export const OtherCurrencies: Story = {
  render: () => (
    <>
      <Price price={money(999, 'USD')} />
      <br />
      <Price price={money(1500, 'JPY')} />
      <br />
      <Price price={money(100000, 'HKD')} trimZeros />
    </>
  ),
  play: async ({ canvasElement, globals }) => {
    const canvas = within(canvasElement)
    const priced = (amount: Money) =>
      canvas.getByRole('img', { name: spokenPrice(globals, { price: amount }) })
    await expect(priced(money(999, 'USD'))).toHaveTextContent('$9.99')
    await expect(priced(money(1500, 'JPY'))).toHaveTextContent('JP¥1,500')
    await expect(priced(money(100000, 'HKD'))).toHaveTextContent('HK$1,000')
  },
}

/** A refund or credit shows its sign. */
export const Negative: Story = {
  args: { price: money(-1999) },
  play: async ({ canvasElement, globals, args }) => {
    await expect(
      within(canvasElement).getByRole('img', { name: spokenPrice(globals, args) }),
    ).toHaveTextContent('-¥19.99')
  },
}

/** The current price alone, in English: the same play, through the catalogue. */
export const DefaultEnglish: Story = { ...Default, ...en }

/** A discount, in English. */
export const WithOriginalPriceEnglish: Story = { ...WithOriginalPrice, ...en }

/** Member price, in English. */
export const MemberPriceEnglish: Story = { ...MemberPrice, ...en }

/** A brand's theme: tokens applied through the Theme toolbar preset "ocean". */
export const Themed: Story = {
  args: { price: money(1200), originalPrice: money(2000) },
  globals: { theme: 'ocean' },
}
