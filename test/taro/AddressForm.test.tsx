import { fireEvent, render, screen } from '@testing-library/react'
import type { AddressDraft } from '@tradekit/core'
import { enUS } from '@tradekit/core/locales/en-US'
import { TradeProvider } from '@tradekit/react'
import { AddressForm } from '@tradekit/taro'
import { useState } from 'react'
import { describe, expect, it, vi } from 'vitest'

function Form(props: {
  initial?: AddressDraft
  onSubmit?: (a: unknown) => void
  onChange?: (d: AddressDraft) => void
  showErrors?: boolean
}) {
  const [draft, setDraft] = useState<AddressDraft>(props.initial ?? {})
  return (
    <AddressForm
      value={draft}
      showErrors={props.showErrors}
      regionInput="inputs"
      onChange={(next) => {
        setDraft(next)
        props.onChange?.(next)
      }}
      onSubmit={props.onSubmit}
    />
  )
}

const type = (name: string, value: string, role = 'textbox') =>
  fireEvent.input(screen.getByRole(role, { name }), { target: { value } })

describe('AddressForm', () => {
  it('shows a field error inline once the field is left, and clears it when fixed', () => {
    render(<Form />)
    const phone = screen.getByRole('spinbutton', { name: '手机号' })
    fireEvent.input(phone, { target: { value: '1380013' } })
    expect(screen.queryByRole('alert')).toBeNull()
    fireEvent.blur(phone)
    expect(screen.getByRole('alert')).toHaveTextContent('请输入正确的 11 位手机号')
    fireEvent.input(phone, { target: { value: '13800138000' } })
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('shows every error when saving an incomplete address, and saves nothing', () => {
    const onSubmit = vi.fn()
    render(<Form onSubmit={onSubmit} />)
    fireEvent.click(screen.getByRole('button', { name: '保存地址' }))
    expect(onSubmit).not.toHaveBeenCalled()
    expect(screen.getAllByRole('alert').map((alert) => alert.textContent)).toEqual([
      '请填写收货人',
      '请填写手机号',
      '请选择所在地区',
      '请填写详细地址',
    ])
  })

  it('saves the typed address, trimmed and normalised', () => {
    const onSubmit = vi.fn()
    const onChange = vi.fn()
    render(<Form onSubmit={onSubmit} onChange={onChange} />)
    type('收货人', ' 张三 ')
    type('手机号', '13800138000', 'spinbutton')
    type('省份', '浙江省')
    type('城市', '杭州市')
    type('区县', '西湖区')
    type('详细地址', '西溪路 556 号 ')
    expect(onChange).toHaveBeenLastCalledWith({
      name: ' 张三 ',
      phone: '13800138000',
      region: { province: '浙江省', city: '杭州市', district: '西湖区' },
      detail: '西溪路 556 号 ',
    })
    fireEvent.click(screen.getByRole('button', { name: '保存地址' }))
    expect(screen.queryByRole('alert')).toBeNull()
    expect(onSubmit).toHaveBeenCalledWith({
      name: '张三',
      phone: '13800138000',
      region: { province: '浙江省', city: '杭州市', district: '西湖区' },
      detail: '西溪路 556 号',
    })
  })

  it('speaks English', () => {
    render(
      <TradeProvider locale="en-US" messages={enUS}>
        <Form showErrors initial={{ name: '张三', phone: '13800138000', detail: '路' }} />
      </TradeProvider>,
    )
    expect(screen.getByRole('group', { name: 'Enter a shipping address' })).toBeInTheDocument()
    expect(screen.getAllByRole('alert').map((alert) => alert.textContent)).toEqual([
      'Please choose the province and city',
      'The street address needs at least 4 characters',
    ])
    expect(screen.getByRole('textbox', { name: 'Province' })).toBeInTheDocument()
  })
})
