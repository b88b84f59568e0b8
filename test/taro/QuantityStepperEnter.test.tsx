import { fireEvent, render, screen } from '@testing-library/react'
import { QuantityStepper } from '@tradekit/taro'
import { useState } from 'react'
import { expect, it, vi } from 'vitest'

// A file of its own: React reports an unknown prop once per module instance, so this must be the
// first render of a QuantityStepper in its React.

function Controlled({ onChange }: { onChange: (quantity: number) => void }) {
  const [value, setValue] = useState(1)
  return (
    <QuantityStepper
      value={value}
      stock={10}
      onChange={(quantity) => {
        onChange(quantity)
        setValue(quantity)
      }}
    />
  )
}

it('commits a typed value on Enter (H5), without a React warning about the input', () => {
  const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
  const onChange = vi.fn()
  render(<Controlled onChange={onChange} />)
  const input = screen.getByRole('spinbutton', { name: '数量' }) as HTMLInputElement
  fireEvent.input(input, { target: { value: '4' } })
  expect(onChange).not.toHaveBeenCalled()
  fireEvent.keyDown(input, { key: 'Enter', keyCode: 13 })
  expect(onChange).toHaveBeenLastCalledWith(4)
  expect(input.value).toBe('4')
  expect(errors).not.toHaveBeenCalled()
  errors.mockRestore()
})
