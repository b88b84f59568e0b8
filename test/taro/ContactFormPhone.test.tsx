import { fireEvent, render, screen } from '@testing-library/react'
import type { ReactNode } from 'react'
import { expect, it, vi } from 'vitest'

// The mini-program path of the phone-number button: Taro's H5 build has no getPhoneNumber, so this
// file renders ContactForm as the tt/weapp builds do (TARO_ENV read when the module loads) with a
// Button that hands over the platform's event detail when tapped.
const platform = vi.hoisted(() => {
  const was = process.env.TARO_ENV
  process.env.TARO_ENV = 'weapp'
  return { was, detail: {} as unknown }
})
vi.mock('@tarojs/components', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@tarojs/components')>()
  return {
    ...actual,
    Button: (props: {
      children?: ReactNode
      openType?: string
      onGetPhoneNumber?: (event: { detail: unknown }) => void
    }) => (
      <button
        type="button"
        data-open-type={props.openType}
        onClick={() => props.onGetPhoneNumber?.({ detail: platform.detail })}
      >
        {props.children}
      </button>
    ),
  }
})

const { ContactForm } = await import('@tradekit/taro')
// the process's other test files run as H5 again
process.env.TARO_ENV = platform.was

it('hands the platform detail to onPhoneNumber when the user agrees, and says so when they refuse', () => {
  const onPhoneNumber = vi.fn()
  render(<ContactForm value={{}} onChange={() => {}} phoneNumberButton onPhoneNumber={onPhoneNumber} />)
  const button = screen.getByText('获取手机号')
  // the platform opens its phone-number dialog for this open type only
  expect(button).toHaveAttribute('data-open-type', 'getPhoneNumber')

  platform.detail = { errMsg: 'getPhoneNumber:fail user deny' }
  fireEvent.click(button)
  expect(onPhoneNumber).not.toHaveBeenCalled()
  expect(screen.getByText('未获得手机号授权，请手动填写')).toBeInTheDocument()

  platform.detail = { errMsg: 'getPhoneNumber:ok', code: 'one-time-code' }
  fireEvent.click(button)
  expect(onPhoneNumber).toHaveBeenCalledWith({ errMsg: 'getPhoneNumber:ok', code: 'one-time-code' })
  expect(screen.queryByText('未获得手机号授权，请手动填写')).not.toBeInTheDocument()
})
