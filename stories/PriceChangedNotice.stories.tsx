import type { Meta, StoryObj } from '@storybook/react-vite'
import { money } from '@tradekit/core'
import { PriceChangedNotice } from '@tradekit/taro'
import { expect, fn, userEvent, within } from 'storybook/test'
import { textOf } from './fixtures/text'
import { en } from './fixtures/trade'

const meta = {
  title: 'Checkout/PriceChangedNotice',
  parameters: {
    phone: { padded: true },
    docs: {
      description: {
        component:
          'The server priced the order differently from the screen (`PRICE_CHANGED`): the old and the new total with the difference, "accept and pay" and "back to the cart". Announced as an alert.',
      },
    },
  },
  component: PriceChangedNotice,
  args: { previous: money(9900), next: money(10900), onAccept: fn(), onBack: fn() },
} satisfies Meta<typeof PriceChangedNotice>

export default meta
type Story = StoryObj<typeof meta>

/** The total went up: old vs new, accept or back to the cart. */
export const WentUp: Story = {
  play: async ({ canvasElement, args, globals }) => {
    const { t, price, spoken } = textOf(globals)
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('alert')).toHaveTextContent(
      t('priceChanged.title') + t('priceChanged.up', { amount: price(money(1000)) }),
    )
    await expect(
      canvas.getByRole('img', { name: `${t('priceChanged.old')} ${spoken(args.previous)}` }),
    ).toBeVisible()
    await expect(
      canvas.getByRole('img', { name: `${t('priceChanged.new')} ${spoken(args.next)}` }),
    ).toBeVisible()
    await userEvent.click(canvas.getByRole('button', { name: t('priceChanged.back') }))
    await expect(args.onBack).toHaveBeenCalledTimes(1)
    await userEvent.click(canvas.getByRole('button', { name: t('priceChanged.accept') }))
    await expect(args.onAccept).toHaveBeenCalledTimes(1)
  },
}

/** The total went down. */
export const WentDown: Story = {
  args: { previous: money(10900), next: money(9900) },
  play: async ({ canvasElement, globals }) => {
    const { t, price } = textOf(globals)
    await expect(within(canvasElement).getByRole('alert')).toHaveTextContent(
      t('priceChanged.title') + t('priceChanged.down', { amount: price(money(1000)) }),
    )
  },
}

/** Went up, in English: the same play, through the catalogue. */
export const WentUpEnglish: Story = { ...WentUp, ...en }

/** Went down, in English. */
export const WentDownEnglish: Story = { ...WentDown, ...en }
