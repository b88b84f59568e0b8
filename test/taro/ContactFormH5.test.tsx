import { render, screen } from '@testing-library/react'
import { ContactForm } from '@tradekit/taro'
import { afterEach, expect, it, vi } from 'vitest'

// Taro's H5 Button is a View that hands every prop it does not know to the DOM element: a
// mini-program-only prop such as openType reaches it and React warns ("React does not recognize the
// `openType` prop on a DOM element"), as Storybook's browser console showed.
const errors = vi.spyOn(console, 'error')
afterEach(() => errors.mockClear())

it('renders the phone-number button on H5 without passing mini-program props to the DOM', () => {
  render(<ContactForm value={{}} onChange={() => {}} phoneNumberButton onPhoneNumber={() => {}} />)
  const button = screen.getByRole('button', { name: '获取手机号' })
  expect(button).toBeVisible()
  expect(button).not.toHaveAttribute('openType')
  expect(button).not.toHaveAttribute('opentype')
  const warnings = errors.mock.calls.map((call) => call.map(String).join(' '))
  expect(warnings.filter((warning) => /openType|does not recognize/i.test(warning))).toEqual([])
})
