import type { Meta, StoryObj } from '@storybook/react-vite'
import type { OrderContact } from '@tradekit/core'
import { ContactForm, type ContactFormProps } from '@tradekit/taro'
import { expect, fn, userEvent, within } from 'storybook/test'
import { stateful } from './fixtures/stateful'
import { textOf } from './fixtures/text'
import { en } from './fixtures/trade'

const Controlled = stateful<OrderContact, ContactFormProps>(ContactForm, 'value')

const meta = {
  title: 'Checkout/ContactForm',
  component: ContactForm,
  parameters: {
    docs: {
      description: {
        component:
          "Contact details for a service order: a phone number (typed, or shared through the platform's `getPhoneNumber` button and decrypted by the team's backend) and optionally a name. Errors show inline once a field was left, or at once with `showErrors`. Check the contact before submitting with `validateContact` (the same rules).",
      },
    },
  },
  args: { value: {}, onChange: fn(), onPhoneNumber: fn() },
  render: (args) => <Controlled {...args} />,
} satisfies Meta<typeof ContactForm>

export default meta
type Story = StoryObj<typeof meta>

/** Empty: a phone number is asked for. */
export const Empty: Story = {
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('spinbutton', { name: t('contact.phone') })).toHaveAttribute(
      'placeholder',
      t('contact.phonePlaceholder'),
    )
    await expect(canvas.queryByRole('alert')).toBeNull()
  },
}

/** A valid number typed by hand. */
export const Filled: Story = {
  args: { value: { phone: '13800138000' } },
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('spinbutton', { name: t('contact.phone') })).toHaveValue(13800138000)
    await expect(canvas.queryByRole('alert')).toBeNull()
  },
}

/** A wrong number: the error shows inline once the field is left. */
export const InvalidPhone: Story = {
  play: async ({ canvasElement, args, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await userEvent.type(canvas.getByRole('spinbutton', { name: t('contact.phone') }), '12345')
    await expect(canvas.queryByRole('alert')).toBeNull()
    await userEvent.tab()
    await expect(canvas.getByRole('alert')).toHaveTextContent(t('contact.error.phoneInvalid'))
    await expect(args.onChange).toHaveBeenLastCalledWith({ phone: '12345' })
  },
}

/** Name and phone required, errors shown at once (the user tried to submit). */
export const RequiredErrors: Story = {
  args: { requireName: true, showErrors: true },
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const alerts = within(canvasElement).getAllByRole('alert')
    await expect(alerts.map((alert) => alert.textContent)).toEqual([
      t('contact.error.nameRequired'),
      t('contact.error.phoneRequired'),
    ])
  },
}

/** With the platform's "use my phone number" button (decrypted by the team's backend). */
export const PhoneNumberButton: Story = {
  args: { phoneNumberButton: true },
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    await expect(within(canvasElement).getByRole('button', { name: t('contact.getPhone') })).toBeVisible()
  },
}

/** Empty, in English: the same play, through the catalogue. */
export const EmptyEnglish: Story = { ...Empty, ...en }

/** Filled, in English. */
export const FilledEnglish: Story = { ...Filled, ...en }

/** A wrong number, in English. */
export const InvalidPhoneEnglish: Story = { ...InvalidPhone, ...en }

/** Required errors, in English. */
export const RequiredErrorsEnglish: Story = { ...RequiredErrors, ...en }

/** The phone-number button, in English. */
export const PhoneNumberButtonEnglish: Story = { ...PhoneNumberButton, ...en }
