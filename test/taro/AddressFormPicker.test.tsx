import { render, screen } from '@testing-library/react'
import { AddressForm } from '@tradekit/taro'
import { describe, expect, it, vi } from 'vitest'

// The region picker is the platform's (Picker mode="region" on mini-programs); Taro's H5 Picker needs
// region data of its own, which is why H5 takes three fields. Here only what the form shows around it.
describe('AddressForm with the region picker', () => {
  it('shows a labelled button with the chosen region, or the placeholder', () => {
    const { rerender } = render(<AddressForm value={{}} onChange={vi.fn()} regionInput="picker" />)
    expect(screen.getByRole('button', { name: '所在地区 选择省 / 市 / 区' })).toHaveTextContent(
      '选择省 / 市 / 区',
    )
    expect(screen.queryByRole('textbox', { name: '省份' })).toBeNull()
    rerender(
      <AddressForm
        value={{ region: { province: '北京市', city: '北京市', district: '朝阳区' } }}
        onChange={vi.fn()}
        regionInput="picker"
      />,
    )
    expect(screen.getByRole('button', { name: '所在地区 北京市 朝阳区' })).toHaveTextContent('北京市 朝阳区')
  })
})
