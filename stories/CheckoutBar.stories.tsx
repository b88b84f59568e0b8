import type { Meta, StoryObj } from '@storybook/react-vite'
import { money } from '@tradekit/core'
import { CheckoutBar } from '@tradekit/taro'
import { expect, fn, userEvent, within } from 'storybook/test'

const meta = {
  title: 'Checkout/CheckoutBar',
  parameters: { phone: { bottom: true } },
  component: CheckoutBar,
  args: {
    payable: money(24300),
    // a submit that takes a while, as a real createOrder does
    onSubmit: fn(() => new Promise<void>((resolve) => setTimeout(resolve, 500))),
    onContactSupport: fn(),
  },
} satisfies Meta<typeof CheckoutBar>

export default meta
type Story = StoryObj<typeof meta>

/** Ready: the payable and one-tap submit; a double tap submits once. */
export const Ready: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    const button = canvas.getByRole('button', { name: '提交订单，应付 243 元' })
    await userEvent.dblClick(button)
    await expect(args.onSubmit).toHaveBeenCalledTimes(1)
    await expect(button).toHaveAttribute('aria-busy', 'true')
  },
}

/** Disabled, with the reason shown. */
export const Disabled: Story = {
  args: { disabledReason: '请先填写联系人信息' },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByText('请先填写联系人信息')).toBeVisible()
    const button = canvas.getByRole('button', { name: /提交订单/ })
    await expect(button).toHaveAttribute('aria-disabled', 'true')
    await userEvent.click(button)
    await expect(args.onSubmit).not.toHaveBeenCalled()
  },
}

/** The checkout is paying: the button is busy and ignores presses. */
export const Busy: Story = {
  args: { busy: true },
  play: async ({ canvasElement, args }) => {
    const button = within(canvasElement).getByRole('button', { name: /提交订单/ })
    await expect(button).toHaveAttribute('aria-busy', 'true')
    await userEvent.click(button)
    await expect(args.onSubmit).not.toHaveBeenCalled()
  },
}

/** Purchase mode `im`: contact support to order. */
export const ContactSupportMode: Story = {
  args: { purchaseMode: 'im' },
  play: async ({ canvasElement, args }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: '联系客服下单' }))
    await expect(args.onContactSupport).toHaveBeenCalledTimes(1)
  },
}

/** Purchase mode `hidden`: neither price nor submit wording. */
export const HiddenMode: Story = {
  args: { purchaseMode: 'hidden' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvas.queryByRole('button')).toBeNull()
    await expect(canvas.queryByRole('img')).toBeNull()
  },
}

/** Ready, in English. */
export const ReadyEnglish: Story = {
  ...Ready,
  globals: { locale: 'en-US' },
  play: async ({ canvasElement }) => {
    await expect(
      within(canvasElement).getByRole('button', { name: 'Place order, To pay 243 yuan' }),
    ).toBeVisible()
  },
}

/** Disabled, in English (the reason comes from the page, in its locale). */
export const DisabledEnglish: Story = {
  ...Disabled,
  args: { disabledReason: 'Fill in your contact details first' },
  globals: { locale: 'en-US' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('Fill in your contact details first')).toBeVisible()
  },
}

/** Busy, in English. */
export const BusyEnglish: Story = {
  ...Busy,
  globals: { locale: 'en-US' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('button', { name: /Place order/ })).toHaveAttribute(
      'aria-busy',
      'true',
    )
  },
}

/** Contact-support mode, in English. */
export const ContactSupportModeEnglish: Story = {
  ...ContactSupportMode,
  globals: { locale: 'en-US' },
  play: async ({ canvasElement }) => {
    await expect(
      within(canvasElement).getByRole('button', { name: 'Contact support to order' }),
    ).toBeVisible()
  },
}

/** Hidden mode, in English. */
export const HiddenModeEnglish: Story = {
  ...HiddenMode,
  globals: { locale: 'en-US' },
}
