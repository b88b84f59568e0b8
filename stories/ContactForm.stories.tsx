import type { Meta, StoryObj } from '@storybook/react-vite'
import type { OrderContact } from '@tradekit/core'
import { ContactForm, type ContactFormProps } from '@tradekit/taro'
import { expect, fn, userEvent, within } from 'storybook/test'
import { stateful } from './fixtures/stateful'

const Controlled = stateful<OrderContact, ContactFormProps>(ContactForm, 'value')

const meta = {
  title: 'Checkout/ContactForm',
  component: ContactForm,
  args: { value: {}, onChange: fn(), onPhoneNumber: fn() },
  render: (args) => <Controlled {...args} />,
} satisfies Meta<typeof ContactForm>

export default meta
type Story = StoryObj<typeof meta>

/** Empty: a phone number is asked for. */
export const Empty: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('spinbutton', { name: '手机号' })).toHaveAttribute(
      'placeholder',
      '请输入 11 位手机号',
    )
    await expect(canvas.queryByRole('alert')).toBeNull()
  },
}

/** A valid number typed by hand. */
export const Filled: Story = {
  args: { value: { phone: '13800138000' } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('spinbutton', { name: '手机号' })).toHaveValue(13800138000)
  },
}

/** A wrong number: the error shows inline once the field is left. */
export const InvalidPhone: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    await userEvent.type(canvas.getByRole('spinbutton', { name: '手机号' }), '12345')
    await expect(canvas.queryByRole('alert')).toBeNull()
    await userEvent.tab()
    await expect(canvas.getByRole('alert')).toHaveTextContent('请输入正确的 11 位手机号')
    await expect(args.onChange).toHaveBeenLastCalledWith({ phone: '12345' })
  },
}

/** Name and phone required, errors shown at once (the user tried to submit). */
export const RequiredErrors: Story = {
  args: { requireName: true, showErrors: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const alerts = canvas.getAllByRole('alert')
    await expect(alerts.map((alert) => alert.textContent)).toEqual(['请填写姓名', '请填写手机号'])
  },
}

/** With the platform's "use my phone number" button (decrypted by the team's backend). */
export const PhoneNumberButton: Story = {
  args: { phoneNumberButton: true },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('button', { name: '获取手机号' })).toBeVisible()
  },
}

/** Empty, in English. */
export const EmptyEnglish: Story = {
  ...Empty,
  globals: { locale: 'en-US' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('spinbutton', { name: 'Phone' })).toHaveAttribute(
      'placeholder',
      '11-digit mobile number',
    )
  },
}

/** Filled, in English. */
export const FilledEnglish: Story = {
  ...Filled,
  globals: { locale: 'en-US' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('spinbutton', { name: 'Phone' })).toHaveValue(13800138000)
  },
}

/** A wrong number, in English. */
export const InvalidPhoneEnglish: Story = {
  ...InvalidPhone,
  globals: { locale: 'en-US' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.type(canvas.getByRole('spinbutton', { name: 'Phone' }), '12345')
    await userEvent.tab()
    await expect(canvas.getByRole('alert')).toHaveTextContent('Please enter a valid 11-digit mobile number')
  },
}

/** Required errors, in English. */
export const RequiredErrorsEnglish: Story = {
  ...RequiredErrors,
  globals: { locale: 'en-US' },
  play: async ({ canvasElement }) => {
    const alerts = within(canvasElement).getAllByRole('alert')
    await expect(alerts.map((alert) => alert.textContent)).toEqual([
      'Please enter your name',
      'Please enter your phone number',
    ])
  },
}

/** The phone-number button, in English. */
export const PhoneNumberButtonEnglish: Story = {
  ...PhoneNumberButton,
  globals: { locale: 'en-US' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('button', { name: 'Use my phone number' })).toBeVisible()
  },
}
