import type { Meta, StoryObj } from '@storybook/react-vite'
import { type Money, money } from '@tradekit/core'
import { CheckoutBar } from '@tradekit/taro'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { textOf } from './fixtures/text'
import { en, purchaseModeControl } from './fixtures/trade'

const meta = {
  title: 'Checkout/CheckoutBar',
  parameters: {
    phone: { bottom: true },
    docs: {
      description: {
        component:
          'The bar under the checkout: what the user pays and one submit button that cannot submit twice (a press while the last submit is still running is ignored), disabled with its reason shown. `busy` while the checkout pays; `purchaseMode` `im` turns it into "contact support to order" and `hidden` renders no bar at all.',
      },
    },
  },
  argTypes: { purchaseMode: purchaseModeControl },
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

/** The submit button's accessible name: its text, then the payable as spoken. */
const submitName = (globals: Record<string, unknown>, payable: Money) => {
  const { t, spoken } = textOf(globals)
  return `${t('checkout.submit')}${t('a11y.separator')}${t('checkout.summary.payable')} ${spoken(payable)}`
}

/** Ready: the payable and one-tap submit; a double tap submits once, and the bar is ready again after. */
export const Ready: Story = {
  play: async ({ canvasElement, args, globals }) => {
    const canvas = within(canvasElement)
    const button = canvas.getByRole('button', { name: submitName(globals, args.payable) })
    await userEvent.dblClick(button)
    await expect(args.onSubmit).toHaveBeenCalledTimes(1)
    await expect(button).toHaveAttribute('aria-busy', 'true')
    // the submit settles: the story ends ready, as its name says
    await waitFor(() => expect(button).not.toHaveAttribute('aria-busy', 'true'))
  },
}

/** Disabled, with the reason shown (the reason is the page's text, in its locale). */
export const Disabled: Story = {
  args: { disabledReason: '请先填写联系人信息' },
  play: async ({ canvasElement, args, globals }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByText(String(args.disabledReason))).toBeVisible()
    const button = canvas.getByRole('button', { name: submitName(globals, args.payable) })
    await expect(button).toHaveAttribute('aria-disabled', 'true')
    await userEvent.click(button)
    await expect(args.onSubmit).not.toHaveBeenCalled()
  },
}

/** The checkout is paying: the button is busy and ignores presses. */
export const Busy: Story = {
  args: { busy: true },
  play: async ({ canvasElement, args, globals }) => {
    const button = within(canvasElement).getByRole('button', { name: submitName(globals, args.payable) })
    await expect(button).toHaveAttribute('aria-busy', 'true')
    await userEvent.click(button)
    await expect(args.onSubmit).not.toHaveBeenCalled()
  },
}

/** Purchase mode `im`: contact support to order. */
export const ContactSupportMode: Story = {
  args: { purchaseMode: 'im' },
  play: async ({ canvasElement, args, globals }) => {
    const { t } = textOf(globals)
    await userEvent.click(within(canvasElement).getByRole('button', { name: t('checkout.contactToBuy') }))
    await expect(args.onContactSupport).toHaveBeenCalledTimes(1)
  },
}

/** Purchase mode `hidden`: no bar at all — neither price nor submit wording. */
export const HiddenMode: Story = {
  args: { purchaseMode: 'hidden' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvas.queryByRole('button')).toBeNull()
    await expect(canvas.queryByRole('img')).toBeNull()
  },
}

/**
 * `fixed={false}`: the bar where the page puts it (its own container, a sheet, a sticky footer), here
 * at the end of the page; no spacer and no inset of its own.
 */
export const Inline: Story = { ...Ready, args: { fixed: false } }

/** Ready, in English: the same play, through the catalogue. */
export const ReadyEnglish: Story = { ...Ready, ...en }

/** Disabled, in English (the reason comes from the page, in its locale). */
export const DisabledEnglish: Story = {
  ...Disabled,
  ...en,
  args: { disabledReason: 'Fill in your contact details first' },
}

/** Busy, in English. */
export const BusyEnglish: Story = { ...Busy, ...en }

/** Contact-support mode, in English. */
export const ContactSupportModeEnglish: Story = { ...ContactSupportMode, ...en }

/** Hidden mode, in English. */
export const HiddenModeEnglish: Story = { ...HiddenMode, ...en }
