import type { Meta, StoryObj } from '@storybook/react-vite'
import { money } from '@tradekit/core'
import { Price } from '@tradekit/taro'
import { expect, within } from 'storybook/test'

const meta = {
  title: 'Primitives/Price',
  parameters: { phone: { padded: true } },
  component: Price,
  args: { price: money(12900) },
  argTypes: {
    size: { control: 'inline-radio', options: ['sm', 'md', 'lg'] },
  },
} satisfies Meta<typeof Price>

export default meta
type Story = StoryObj<typeof meta>

/** The current price alone. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const price = within(canvasElement).getByRole('img', { name: '现价 129 元' })
    await expect(price).toHaveTextContent('¥129.00')
  },
}

/** A discount: the original price struck through, both read aloud. */
export const WithOriginalPrice: Story = {
  args: { price: money(1200), originalPrice: money(2000), trimZeros: true },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('img', { name: '现价 12 元，原价 20 元' })).toBeVisible()
  },
}

/** A member price with its label. */
export const MemberPrice: Story = {
  args: { price: money(1990), memberPrice: money(1590), originalPrice: money(2990) },
  play: async ({ canvasElement }) => {
    const price = within(canvasElement).getByRole('img', {
      name: '现价 19.90 元，会员价 15.90 元，原价 29.90 元',
    })
    await expect(price).toHaveTextContent('会员价')
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
  play: async ({ canvasElement }) => {
    await expect(
      within(canvasElement).getAllByRole('img', { name: '现价 1234.50 元，原价 1500 元' }),
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
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('img', { name: '现价 9.99 美元' })).toHaveTextContent('$9.99')
    await expect(canvas.getByRole('img', { name: '现价 1500 日元' })).toHaveTextContent('JP¥1,500')
    await expect(canvas.getByRole('img', { name: '现价 1000 港元' })).toHaveTextContent('HK$1,000')
  },
}

/** A refund or credit shows its sign. */
export const Negative: Story = {
  args: { price: money(-1999) },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('img', { name: '现价 -19.99 元' })).toHaveTextContent(
      '-¥19.99',
    )
  },
}

/** English texts (the locale is set on the story, so the story test renders English too). */
export const WithOriginalPriceEnglish: Story = {
  ...WithOriginalPrice,
  globals: { locale: 'en-US' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('img', { name: 'Price 12 yuan, was 20 yuan' })).toBeVisible()
  },
}

/** Member price in English. */
export const MemberPriceEnglish: Story = {
  ...MemberPrice,
  globals: { locale: 'en-US' },
  play: async ({ canvasElement }) => {
    const price = within(canvasElement).getByRole('img', {
      name: 'Price 19.90 yuan, member price 15.90 yuan, was 29.90 yuan',
    })
    await expect(price).toHaveTextContent('Member')
  },
}

/** The current price alone, in English. */
export const DefaultEnglish: Story = {
  globals: { locale: 'en-US' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('img', { name: 'Price 129 yuan' })).toHaveTextContent(
      '¥129.00',
    )
  },
}

/** A brand's theme: tokens applied through the Theme toolbar preset "ocean". */
export const Themed: Story = {
  args: { price: money(1200), originalPrice: money(2000) },
  globals: { theme: 'ocean' },
}
