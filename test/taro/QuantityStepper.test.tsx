import { act, fireEvent, render, screen } from '@testing-library/react'
import { enUS } from '@tradekit/core/locales/en-US'
import { ConfigProvider, QuantityStepper } from '@tradekit/taro'
import { useState } from 'react'
import { describe, expect, it, vi } from 'vitest'

function Controlled(props: Partial<Parameters<typeof QuantityStepper>[0]> & { initial?: number }) {
  const { initial = 1, onChange, ...rest } = props
  const [value, setValue] = useState(initial)
  return (
    <QuantityStepper
      value={value}
      onChange={(q) => {
        const result = onChange?.(q)
        if (result && typeof (result as Promise<unknown>).then === 'function') {
          return (result as Promise<unknown>).then(() => setValue(q))
        }
        setValue(q)
        return result
      }}
      {...rest}
    />
  )
}

const input = () => screen.getByRole('spinbutton', { name: '数量' }) as HTMLInputElement
const plus = () => screen.getByRole('button', { name: '增加数量' })
const minus = () => screen.getByRole('button', { name: '减少数量' })

describe('QuantityStepper', () => {
  it('steps up and down within min and stock, and says why it stops', () => {
    const onChange = vi.fn()
    render(<Controlled initial={2} stock={3} onChange={onChange} />)
    expect(screen.getByRole('group', { name: '数量' })).toBeInTheDocument()
    fireEvent.click(plus())
    expect(onChange).toHaveBeenLastCalledWith(3)
    expect(input().value).toBe('3')
    expect(plus()).toHaveAttribute('aria-disabled', 'true')
    fireEvent.click(plus())
    expect(onChange).toHaveBeenCalledTimes(1)
    fireEvent.click(minus())
    fireEvent.click(minus())
    expect(input().value).toBe('1')
    expect(minus()).toHaveAttribute('aria-disabled', 'true')
  })

  it('validates a typed value like the buttons: clamped to the stock, with the reason', () => {
    const onChange = vi.fn()
    render(<Controlled initial={1} stock={3} onChange={onChange} />)
    fireEvent.input(input(), { target: { value: '99' } })
    fireEvent.blur(input())
    expect(onChange).toHaveBeenLastCalledWith(3)
    expect(input().value).toBe('3')
    expect(screen.getByRole('status')).toHaveTextContent('库存仅剩 3 件')
  })

  it('raises a typed zero to the minimum and keeps steps', () => {
    const onChange = vi.fn()
    render(<Controlled initial={6} min={6} step={6} onChange={onChange} />)
    fireEvent.input(input(), { target: { value: '0' } })
    fireEvent.blur(input())
    expect(onChange).not.toHaveBeenCalled()
    expect(screen.getByRole('status')).toHaveTextContent('最少购买 6 件')
    fireEvent.input(input(), { target: { value: '14' } })
    fireEvent.blur(input())
    expect(onChange).toHaveBeenLastCalledWith(12)
    expect(screen.getByRole('status')).toHaveTextContent('需按 6 件的倍数购买')
    fireEvent.click(plus())
    expect(onChange).toHaveBeenLastCalledWith(18)
  })

  it('reverts text that is not a number', () => {
    const onChange = vi.fn()
    render(<Controlled initial={2} onChange={onChange} />)
    fireEvent.input(input(), { target: { value: 'abc' } })
    fireEvent.blur(input())
    expect(onChange).not.toHaveBeenCalled()
    expect(input().value).toBe('2')
  })

  it('respects a purchase limit (max)', () => {
    render(<Controlled initial={2} max={2} />)
    expect(plus()).toHaveAttribute('aria-disabled', 'true')
    fireEvent.input(input(), { target: { value: '5' } })
    fireEvent.blur(input())
    expect(screen.getByRole('status')).toHaveTextContent('最多购买 2 件')
  })

  it('shows a pending value while an async change runs, then keeps it', async () => {
    let resolve!: () => void
    const onChange = vi.fn(() => new Promise<void>((r) => (resolve = r)))
    render(<Controlled initial={1} onChange={onChange} />)
    fireEvent.click(plus())
    expect(input().value).toBe('2')
    expect(screen.getByRole('group')).toHaveAttribute('aria-busy', 'true')
    expect(screen.getByText('正在更新数量')).toBeInTheDocument()
    fireEvent.click(plus())
    expect(onChange).toHaveBeenCalledTimes(1)
    await act(async () => resolve())
    expect(screen.getByRole('group')).not.toHaveAttribute('aria-busy')
    expect(input().value).toBe('2')
  })

  it('rolls back and says so when an async change fails', async () => {
    let reject!: (e: Error) => void
    const onChange = vi.fn(() => new Promise<void>((_, r) => (reject = r)))
    render(<QuantityStepper value={1} onChange={onChange} />)
    fireEvent.click(plus())
    expect(input().value).toBe('2')
    await act(async () => reject(new Error('network')))
    expect(input().value).toBe('1')
    expect(screen.getByRole('status')).toHaveTextContent('数量更新失败，已恢复为 1')
  })

  it('does nothing when disabled', () => {
    const onChange = vi.fn()
    render(<QuantityStepper value={3} disabled onChange={onChange} />)
    fireEvent.click(plus())
    fireEvent.click(minus())
    expect(onChange).not.toHaveBeenCalled()
    expect(input()).toBeDisabled()
  })

  it('works from the keyboard on H5', () => {
    const onChange = vi.fn()
    render(<Controlled initial={1} onChange={onChange} />)
    fireEvent.keyDown(plus(), { key: 'Enter' })
    fireEvent.keyDown(plus(), { key: ' ' })
    expect(onChange.mock.calls).toEqual([[2], [3]])
  })

  it('speaks English with an en-US provider', () => {
    render(
      <ConfigProvider locale="en-US" messages={enUS}>
        <QuantityStepper value={1} stock={1} />
      </ConfigProvider>,
    )
    expect(screen.getByRole('group', { name: 'Quantity' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Increase quantity' })).toHaveAttribute('aria-disabled', 'true')
  })
})
