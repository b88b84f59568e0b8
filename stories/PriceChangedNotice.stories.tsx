import type { Meta, StoryObj } from '@storybook/react-vite'
import { money } from '@tradekit/core'
import { PriceChangedNotice } from '@tradekit/taro'
import { expect, fn, userEvent, within } from 'storybook/test'

const meta = {
  title: 'Checkout/PriceChangedNotice',
  parameters: { phone: { padded: true } },
  component: PriceChangedNotice,
  args: { previous: money(9900), next: money(10900), onAccept: fn(), onBack: fn() },
} satisfies Meta<typeof PriceChangedNotice>

export default meta
type Story = StoryObj<typeof meta>

/** The total went up: old vs new, accept or back to the cart. */
export const WentUp: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('alert')).toHaveTextContent('价格有变动比之前贵了 ¥10.00')
    await expect(canvas.getByRole('img', { name: '原金额 99 元' })).toBeVisible()
    await expect(canvas.getByRole('img', { name: '新金额 109 元' })).toBeVisible()
    await userEvent.click(canvas.getByRole('button', { name: '返回购物车' }))
    await expect(args.onBack).toHaveBeenCalledTimes(1)
    await userEvent.click(canvas.getByRole('button', { name: '接受新价格并支付' }))
    await expect(args.onAccept).toHaveBeenCalledTimes(1)
  },
}

/** The total went down. */
export const WentDown: Story = {
  args: { previous: money(10900), next: money(9900) },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('alert')).toHaveTextContent('比之前便宜了 ¥10.00')
  },
}

/** Went up, in English. */
export const WentUpEnglish: Story = {
  ...WentUp,
  globals: { locale: 'en-US' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('alert')).toHaveTextContent('The price has changed¥10.00 more than before')
    await expect(canvas.getByRole('button', { name: 'Accept and pay' })).toBeVisible()
    await expect(canvas.getByRole('button', { name: 'Back to cart' })).toBeVisible()
  },
}

/** Went down, in English. */
export const WentDownEnglish: Story = {
  ...WentDown,
  globals: { locale: 'en-US' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('alert')).toHaveTextContent('¥10.00 less than before')
  },
}
