import type { Meta, StoryObj } from '@storybook/react-vite'
import type { AddressDraft } from '@tradekit/core'
import { AddressForm, type AddressFormProps } from '@tradekit/taro'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { expectFitsPhone, hangzhou, typeAddress } from './fixtures/addresses'
import { stateful } from './fixtures/stateful'
import { textOf } from './fixtures/text'

const Controlled = stateful<AddressDraft, AddressFormProps>(AddressForm, 'value')

const meta = {
  title: 'Address/AddressForm',
  component: AddressForm,
  args: { value: {}, onChange: fn(), onSubmit: fn(), regionInput: 'inputs' },
  render: (args) => <Controlled {...args} />,
} satisfies Meta<typeof AddressForm>

export default meta
type Story = StoryObj<typeof meta>

/** Empty: every field asks for its part, no error yet. */
export const Empty: Story = {
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('textbox', { name: t('address.name') })).toHaveAttribute(
      'placeholder',
      t('address.namePlaceholder'),
    )
    await expect(canvas.getByRole('textbox', { name: t('address.detail') })).toHaveValue('')
    await expect(canvas.queryByRole('alert')).toBeNull()
    await expectFitsPhone(canvasElement)
  },
}

/** Filled with a complete address. */
export const Filled: Story = {
  args: { value: hangzhou },
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('textbox', { name: t('address.name') })).toHaveValue(hangzhou.name)
    await expect(canvas.getByRole('textbox', { name: t('address.district') })).toHaveValue(
      hangzhou.region.district,
    )
    await expect(canvas.getByRole('textbox', { name: t('address.detail') })).toHaveValue(hangzhou.detail)
    await expect(canvas.queryByRole('alert')).toBeNull()
    await expectFitsPhone(canvasElement)
  },
}

/** Invalid fields shown (the user tried to save): a landline, no region, a too-short street. */
export const InvalidFields: Story = {
  args: {
    value: { name: hangzhou.name, phone: '02081167888', detail: '西溪' },
    showErrors: true,
  },
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const alerts = within(canvasElement).getAllByRole('alert')
    await expect(alerts.map((alert) => alert.textContent)).toEqual([
      t('address.error.phoneInvalid'),
      t('address.error.regionRequired'),
      t('address.error.detailTooShort'),
    ])
    await expectFitsPhone(canvasElement)
  },
}

/** Flow: a wrong number shows its error once the field is left. */
export const WrongPhoneOnBlurFlow: Story = {
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await userEvent.type(canvas.getByRole('spinbutton', { name: t('address.phone') }), '12345')
    await expect(canvas.queryByRole('alert')).toBeNull()
    await userEvent.tab()
    await waitFor(() => expect(canvas.getByRole('alert')).toHaveTextContent(t('address.error.phoneInvalid')))
  },
}

/** Flow: type a whole address and save it: the form hands over the normalised address. */
export const TypeAndSaveFlow: Story = {
  play: async ({ canvasElement, globals, args }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await typeAddress(canvas, t, hangzhou)
    await waitFor(() => expect(args.onSubmit).toHaveBeenCalledWith(hangzhou))
    await expect(canvas.queryByRole('alert')).toBeNull()
  },
}

/** Empty, in English. */
export const EmptyEnglish: Story = { ...Empty, globals: { locale: 'en-US' } }

/** Filled, in English. */
export const FilledEnglish: Story = { ...Filled, globals: { locale: 'en-US' } }

/** Invalid fields, in English. */
export const InvalidFieldsEnglish: Story = { ...InvalidFields, globals: { locale: 'en-US' } }

/** The wrong-number flow, in English. */
export const WrongPhoneOnBlurFlowEnglish: Story = { ...WrongPhoneOnBlurFlow, globals: { locale: 'en-US' } }
