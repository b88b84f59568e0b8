import type { Meta, StoryObj } from '@storybook/react-vite'
import { addressStorageKey, memoryStorage, type ShippingAddress } from '@tradekit/core'
import { AddressCard, type AddressCardProps, useRememberedAddress } from '@tradekit/taro'
import { useState } from 'react'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { beijing, expectFitsPhone, hangzhou, scriptedAddressPort, typeAddress } from './fixtures/addresses'
import type { StoryText } from './fixtures/text'
import { textOf } from './fixtures/text'

/** The card as a checkout holds it: the chosen address in the page's state. */
function Held(props: AddressCardProps) {
  const [address, setAddress] = useState<ShippingAddress | null | undefined>(props.value)
  return (
    <AddressCard
      {...props}
      value={address}
      onChange={(next) => {
        setAddress(next)
        props.onChange(next)
      }}
    />
  )
}

const meta = {
  title: 'Address/AddressCard',
  component: AddressCard,
  args: { value: null, onChange: fn(), regionInput: 'inputs' },
  render: (args) => <Held {...args} />,
} satisfies Meta<typeof AddressCard>

export default meta
type Story = StoryObj<typeof meta>

const chosenName = (t: StoryText['t'], address: ShippingAddress, line: string) =>
  t('address.chosen', { name: address.name, phone: address.phone, address: line })

/** No address yet: "add a shipping address". */
export const Empty: Story = {
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('button', { name: t('address.add') })).toBeVisible()
    await expect(canvas.queryByRole('alert')).toBeNull()
    await expectFitsPhone(canvasElement)
  },
}

/** An address chosen: recipient, phone, region and street. */
export const Filled: Story = {
  args: { value: hangzhou },
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await expect(
      canvas.getByRole('button', {
        name: chosenName(t, hangzhou, `浙江省 杭州市 西湖区 ${hangzhou.detail}`),
      }),
    ).toBeVisible()
    await expectFitsPhone(canvasElement)
  },
}

/** A municipality: the city is not repeated. */
export const Municipality: Story = {
  args: { value: beijing },
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    await expect(
      within(canvasElement).getByRole('button', {
        name: chosenName(t, beijing, `北京市 朝阳区 ${beijing.detail}`),
      }),
    ).toBeVisible()
  },
}

/** The order has physical lines and no address, and the user tried to submit. */
export const RequiredMissing: Story = {
  args: { required: true, showErrors: true },
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('alert')).toHaveTextContent(t('address.required'))
    await expect(canvas.getByRole('button', { name: t('address.add') })).toBeVisible()
    await expectFitsPhone(canvasElement)
  },
}

/** Flow: tap → the platform picker answers an address → the card shows it. */
export const ChooseFlow: Story = {
  args: { required: true, port: scriptedAddressPort({ kind: 'chosen', address: hangzhou }) },
  play: async ({ canvasElement, globals, args }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: t('address.add') }))
    await waitFor(() => expect(args.onChange).toHaveBeenCalledWith(hangzhou))
    await expect(
      await canvas.findByRole('button', {
        name: chosenName(t, hangzhou, `浙江省 杭州市 西湖区 ${hangzhou.detail}`),
      }),
    ).toBeVisible()
  },
}

/** The platform's chooser is open (it has not answered): the card is busy and faded, a second tap does nothing. */
export const ChooserOpen: Story = {
  args: { value: hangzhou, port: { choose: fn(() => new Promise<never>(() => {})) } },
  play: async ({ canvasElement, globals, args }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    const card = canvas.getByRole('button', {
      name: chosenName(t, hangzhou, `浙江省 杭州市 西湖区 ${hangzhou.detail}`),
    })
    await userEvent.click(card)
    await waitFor(() => expect(card).toHaveAttribute('aria-busy', 'true'))
    await expect(getComputedStyle(card).opacity).toBe('0.6')
    await userEvent.click(card)
    await expect(args.port?.choose).toHaveBeenCalledTimes(1)
    await expect(args.onChange).not.toHaveBeenCalled()
    await expectFitsPhone(canvasElement)
  },
}

/** Flow: the user refused the platform picker → the form, with a note why. */
export const DeniedToFormFlow: Story = {
  args: { required: true, port: scriptedAddressPort({ kind: 'denied' }) },
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: t('address.add') }))
    await expect(await canvas.findByRole('status')).toHaveTextContent(t('address.denied'))
    await expect(canvas.getByRole('group', { name: t('address.formTitle') })).toBeVisible()
    await expectFitsPhone(canvasElement)
  },
}

/** Flow: no picker (H5) → type the address → the card shows it. */
export const TypeByHandFlow: Story = {
  args: { required: true, port: scriptedAddressPort({ kind: 'unavailable' }) },
  play: async ({ canvasElement, globals, args }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: t('address.add') }))
    await expect(await canvas.findByRole('status')).toHaveTextContent(t('address.unavailable'))
    await typeAddress(canvas, t, beijing)
    await waitFor(() => expect(args.onChange).toHaveBeenCalledWith(beijing))
    await expect(
      await canvas.findByRole('button', { name: chosenName(t, beijing, `北京市 朝阳区 ${beijing.detail}`) }),
    ).toBeVisible()
  },
}

/** The card of a returning user: their last address, remembered per user through the storage port. */
function Remembered(props: AddressCardProps) {
  const [storage] = useState(() =>
    memoryStorage({ [addressStorageKey({ userId: 'u1' })]: JSON.stringify({ v: 1, address: beijing }) }),
  )
  const remembered = useRememberedAddress({ storage, userId: 'u1' })
  if (remembered.status === 'loading') return null
  return <AddressCard {...props} value={remembered.address} onChange={remembered.remember} />
}

/** A returning user: the address remembered for them is chosen already. */
export const RememberedForUser: Story = {
  render: (args) => <Remembered {...args} />,
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    await expect(
      await within(canvasElement).findByRole('button', {
        name: chosenName(t, beijing, `北京市 朝阳区 ${beijing.detail}`),
      }),
    ).toBeVisible()
  },
}

/** Empty, in English. */
export const EmptyEnglish: Story = { ...Empty, globals: { locale: 'en-US' } }

/** Filled, in English. */
export const FilledEnglish: Story = { ...Filled, globals: { locale: 'en-US' } }

/** Required and missing, in English. */
export const RequiredMissingEnglish: Story = { ...RequiredMissing, globals: { locale: 'en-US' } }

/** Denied → form, in English. */
export const DeniedToFormFlowEnglish: Story = { ...DeniedToFormFlow, globals: { locale: 'en-US' } }
