import type { Meta, StoryObj } from '@storybook/react-vite'
import { QuantityStepper, type QuantityStepperProps } from '@tradekit/taro'
import { useState } from 'react'
import { expect, userEvent, within } from 'storybook/test'
import { textOf } from './fixtures/text'

/** A stepper that keeps its value, as a cart line does. */
function Stateful(props: QuantityStepperProps) {
  const [value, setValue] = useState(props.value)
  return (
    <QuantityStepper
      {...props}
      value={value}
      onChange={(quantity) => {
        const result = props.onChange?.(quantity)
        if (result instanceof Promise) return result.then(() => setValue(quantity))
        setValue(quantity)
      }}
    />
  )
}

const meta = {
  title: 'Primitives/QuantityStepper',
  parameters: {
    phone: { padded: true },
    docs: {
      description: {
        component:
          "− / input / + for a quantity, with the cart's rules: min, max, step and stock. A typed value is checked like the buttons (clamped, with the reason shown). An async `onChange` shows the new value as pending and rolls back if it fails.",
      },
    },
  },
  component: QuantityStepper,
  render: (args) => <Stateful {...args} />,
  args: { value: 1 },
} satisfies Meta<typeof QuantityStepper>

export default meta
type Story = StoryObj<typeof meta>

/** Free quantity from 1. */
export const Default: Story = {
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: t('stepper.increase') }))
    await expect(canvas.getByRole('spinbutton', { name: t('stepper.label') })).toHaveValue(2)
  },
}

/** Pressing + past the stock stops at the stock and says why. */
export const AtStockLimit: Story = {
  args: { value: 2, stock: 3 },
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    const plus = canvas.getByRole('button', { name: t('stepper.increase') })
    await userEvent.click(plus)
    await expect(plus).toHaveAttribute('aria-disabled', 'true')
    const input = canvas.getByRole('spinbutton', { name: t('stepper.label') })
    await userEvent.clear(input)
    await userEvent.type(input, '8')
    await userEvent.tab()
    await expect(input).toHaveValue(3)
    await expect(canvas.getByRole('status')).toHaveTextContent(t('stepper.exceedsStock', { stock: 3 }))
  },
}

/** Sold in packs of 6, at least one pack. */
export const PacksOfSix: Story = {
  args: { value: 6, min: 6, step: 6 },
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: t('stepper.increase') }))
    await expect(canvas.getByRole('spinbutton')).toHaveValue(12)
  },
}

/** A purchase limit (限购 2). */
export const PurchaseLimit: Story = {
  args: { value: 2, max: 2 },
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    await expect(within(canvasElement).getByRole('button', { name: t('stepper.increase') })).toHaveAttribute(
      'aria-disabled',
      'true',
    )
  },
}

/** The cart is saving the new quantity: shown, marked busy. */
export const Pending: Story = {
  args: { value: 1, onChange: () => new Promise(() => {}) },
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: t('stepper.increase') }))
    await expect(canvas.getByRole('group', { name: t('stepper.label') })).toHaveAttribute('aria-busy', 'true')
    await expect(canvas.getByRole('spinbutton')).toHaveValue(2)
  },
}

/** Saving failed: the quantity rolls back and the user is told. */
export const FailedRollback: Story = {
  args: { value: 1, onChange: () => Promise.reject(new Error('network')) },
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: t('stepper.increase') }))
    await expect(await canvas.findByRole('status')).toHaveTextContent(t('stepper.failed', { quantity: 1 }))
    await expect(canvas.getByRole('spinbutton')).toHaveValue(1)
  },
}

/** Not editable (e.g. a sold-out line). */
export const Disabled: Story = { args: { value: 2, disabled: true } }

/** A long quantity still fits. */
export const LongValue: Story = { args: { value: 99999 } }

/** Stock limit, in English: the same play, through the catalogue. */
export const AtStockLimitEnglish: Story = { ...AtStockLimit, globals: { locale: 'en-US' } }

/** Rollback, in English. */
export const FailedRollbackEnglish: Story = { ...FailedRollback, globals: { locale: 'en-US' } }
