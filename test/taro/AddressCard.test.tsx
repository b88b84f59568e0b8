import { act, fireEvent, render, screen } from '@testing-library/react'
import { type AddressChoice, type AddressPort, memoryStorage, type ShippingAddress } from '@tradekit/core'
import { AddressCard, useRememberedAddress } from '@tradekit/taro'
import { useState } from 'react'
import { describe, expect, it, vi } from 'vitest'

const hangzhou: ShippingAddress = {
  name: '张三',
  phone: '13800138000',
  region: { province: '浙江省', city: '杭州市', district: '西湖区' },
  detail: '西溪路 556 号',
}

function portAnswering(...answers: AddressChoice[]): AddressPort & { choose: ReturnType<typeof vi.fn> } {
  const choose = vi.fn(async () => answers.shift() ?? { kind: 'cancelled' as const })
  return { choose }
}

function Card(props: {
  port?: AddressPort
  initial?: ShippingAddress
  required?: boolean
  showErrors?: boolean
  onChange?: (a: ShippingAddress) => void
}) {
  const [address, setAddress] = useState<ShippingAddress | undefined>(props.initial)
  return (
    <AddressCard
      value={address}
      port={props.port}
      required={props.required}
      showErrors={props.showErrors}
      regionInput="inputs"
      onChange={(next) => {
        setAddress(next)
        props.onChange?.(next)
      }}
    />
  )
}

const chosenName = '收货地址：张三，13800138000，浙江省 杭州市 西湖区 西溪路 556 号'

describe('AddressCard', () => {
  it('asks for an address, and shows the required error when the user tried to submit without one', () => {
    const { rerender } = render(<Card required />)
    expect(screen.getByRole('button', { name: '添加收货地址' })).toBeInTheDocument()
    expect(screen.queryByRole('alert')).toBeNull()
    rerender(<Card required showErrors />)
    expect(screen.getByRole('alert')).toHaveTextContent('请添加收货地址')
  })

  it('takes the address chosen in the platform picker', async () => {
    const port = portAnswering({ kind: 'chosen', address: hangzhou })
    const onChange = vi.fn()
    render(<Card port={port} required showErrors onChange={onChange} />)
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '添加收货地址' })))
    expect(onChange).toHaveBeenCalledWith(hangzhou)
    expect(screen.getByRole('button', { name: chosenName })).toBeInTheDocument()
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('opens the picker once for a double tap', async () => {
    let answer!: (choice: AddressChoice) => void
    const choose = vi.fn(() => new Promise<AddressChoice>((resolve) => (answer = resolve)))
    render(<Card port={{ choose }} />)
    const add = screen.getByRole('button', { name: '添加收货地址' })
    fireEvent.click(add)
    fireEvent.click(add)
    expect(choose).toHaveBeenCalledTimes(1)
    expect(add).toHaveAttribute('aria-busy', 'true')
    await act(async () => answer({ kind: 'cancelled' }))
    expect(screen.getByRole('button', { name: '添加收货地址' })).not.toHaveAttribute('aria-busy')
  })

  it('stays as it was when the user closes the picker', async () => {
    const port = portAnswering({ kind: 'cancelled' })
    render(<Card port={port} initial={hangzhou} />)
    await act(async () => fireEvent.click(screen.getByRole('button', { name: chosenName })))
    expect(screen.getByRole('button', { name: chosenName })).toBeInTheDocument()
    expect(screen.queryByRole('group', { name: '填写收货地址' })).toBeNull()
  })

  it.each([
    ['denied', '未获得地址授权，请手动填写收货地址'],
    ['unavailable', '请手动填写收货地址'],
  ] as const)(
    'falls back to the form when the picker is %s, and takes the typed address',
    async (kind, note) => {
      const onChange = vi.fn()
      render(<Card port={portAnswering({ kind })} required onChange={onChange} />)
      await act(async () => fireEvent.click(screen.getByRole('button', { name: '添加收货地址' })))
      expect(screen.getByRole('status')).toHaveTextContent(note)
      const form = screen.getByRole('group', { name: '填写收货地址' })
      expect(form).toBeInTheDocument()
      const fill = (name: string, value: string, role = 'textbox') =>
        fireEvent.input(screen.getByRole(role, { name }), { target: { value } })
      fill('收货人', '张三')
      fill('手机号', '13800138000', 'spinbutton')
      fill('省份', '浙江省')
      fill('城市', '杭州市')
      fill('区县', '西湖区')
      fill('详细地址', '西溪路 556 号')
      fireEvent.click(screen.getByRole('button', { name: '保存地址' }))
      expect(onChange).toHaveBeenCalledWith(hangzhou)
      expect(screen.getByRole('button', { name: chosenName })).toBeInTheDocument()
    },
  )

  it('opens the form with the errors when the picked address is incomplete (a landline)', async () => {
    const onChange = vi.fn()
    render(
      <Card
        port={portAnswering({ kind: 'chosen', address: { ...hangzhou, phone: '02081167888' } })}
        onChange={onChange}
      />,
    )
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '添加收货地址' })))
    expect(onChange).not.toHaveBeenCalled()
    expect(screen.getByRole('alert')).toHaveTextContent('请输入正确的 11 位手机号')
    expect(screen.getByRole('textbox', { name: '收货人' })).toHaveValue('张三')
  })

  it('opens the form at once without a port, and cancelling returns to the card', () => {
    render(<Card initial={hangzhou} />)
    fireEvent.click(screen.getByRole('button', { name: chosenName }))
    expect(screen.getByRole('textbox', { name: '详细地址' })).toHaveValue('西溪路 556 号')
    fireEvent.click(screen.getByRole('button', { name: '取消' }))
    expect(screen.getByRole('button', { name: chosenName })).toBeInTheDocument()
  })
})

describe('useRememberedAddress', () => {
  function Remembered({ storage, userId }: { storage: ReturnType<typeof memoryStorage>; userId: string }) {
    const remembered = useRememberedAddress({ storage, userId })
    if (remembered.status === 'loading') return null
    return <AddressCard value={remembered.address} onChange={remembered.remember} regionInput="inputs" />
  }

  it('starts each user with their own last address and remembers a new one', async () => {
    const storage = memoryStorage()
    const { rerender } = render(<Remembered storage={storage} userId="u1" />)
    expect(await screen.findByRole('button', { name: '添加收货地址' })).toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: '添加收货地址' }))
    const fill = (name: string, value: string, role = 'textbox') =>
      fireEvent.input(screen.getByRole(role, { name }), { target: { value } })
    fill('收货人', '张三')
    fill('手机号', '13800138000', 'spinbutton')
    fill('省份', '浙江省')
    fill('城市', '杭州市')
    fill('区县', '西湖区')
    fill('详细地址', '西溪路 556 号')
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '保存地址' })))
    expect(JSON.parse(storage.dump()['tradekit:default:u1:address']!)).toEqual({ v: 1, address: hangzhou })
    rerender(<Remembered storage={storage} userId="u2" />)
    expect(await screen.findByRole('button', { name: '添加收货地址' })).toBeInTheDocument()
    rerender(<Remembered storage={storage} userId="u1" />)
    expect(await screen.findByRole('button', { name: chosenName })).toBeInTheDocument()
  })
})
