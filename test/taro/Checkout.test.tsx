import { act, fireEvent, render, screen } from '@testing-library/react'
import {
  type AddressPort,
  type CheckoutApi,
  type CreatedOrder,
  createCart,
  memoryStorage,
  money,
  type OrderStatus,
  sandboxChannel,
} from '@tradekit/core'
import { enUS } from '@tradekit/core/locales/en-US'
import { TradeProvider } from '@tradekit/react'
import { AddressCard, CheckoutBar, CheckoutPage, ContactForm, PriceChangedNotice } from '@tradekit/taro'
import { useState } from 'react'
import { describe, expect, it, vi } from 'vitest'

function deferred<T = void>() {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((r) => {
    resolve = r
  })
  return { promise, resolve }
}

function Form(props: { requireName?: boolean; showErrors?: boolean; onChange?: (c: object) => void }) {
  const [contact, setContact] = useState({})
  return (
    <ContactForm
      value={contact}
      requireName={props.requireName}
      showErrors={props.showErrors}
      onChange={(next) => {
        setContact(next)
        props.onChange?.(next)
      }}
    />
  )
}

describe('ContactForm', () => {
  it('shows a wrong phone number inline once the field is left, and clears it when fixed', () => {
    const onChange = vi.fn()
    render(<Form onChange={onChange} />)
    const phone = screen.getByRole('spinbutton', { name: '手机号' })
    fireEvent.input(phone, { target: { value: '13800' } })
    expect(onChange).toHaveBeenLastCalledWith({ phone: '13800' })
    expect(screen.queryByRole('alert')).toBeNull()
    fireEvent.blur(phone)
    expect(screen.getByRole('alert')).toHaveTextContent('请输入正确的 11 位手机号')
    fireEvent.input(phone, { target: { value: '13800138000' } })
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('shows every missing field at once with showErrors', () => {
    render(<Form requireName showErrors />)
    expect(screen.getAllByRole('alert').map((alert) => alert.textContent)).toEqual([
      '请填写姓名',
      '请填写手机号',
    ])
  })

  it('takes the name and speaks English', () => {
    const onChange = vi.fn()
    render(
      <TradeProvider locale="en-US" messages={enUS}>
        <Form requireName onChange={onChange} />
      </TradeProvider>,
    )
    fireEvent.input(screen.getByRole('textbox', { name: 'Name' }), { target: { value: 'Wang' } })
    expect(onChange).toHaveBeenLastCalledWith({ name: 'Wang' })
    fireEvent.blur(screen.getByRole('spinbutton', { name: 'Phone' }))
    expect(screen.getByRole('alert')).toHaveTextContent('Please enter your phone number')
  })
})

describe('CheckoutBar', () => {
  it('submits once per tap: presses while the submit runs are ignored', async () => {
    const running = deferred()
    const onSubmit = vi.fn(() => running.promise)
    render(<CheckoutBar payable={money(24300)} onSubmit={onSubmit} />)
    const button = screen.getByRole('button', { name: '提交订单，应付 243 元' })
    fireEvent.click(button)
    fireEvent.click(button)
    fireEvent.click(button)
    expect(onSubmit).toHaveBeenCalledTimes(1)
    expect(button).toHaveAttribute('aria-busy', 'true')
    await act(async () => running.resolve())
    expect(button).not.toHaveAttribute('aria-busy')
    fireEvent.click(button)
    expect(onSubmit).toHaveBeenCalledTimes(2)
  })

  it('accepts a new tap after a failed submit', async () => {
    const onSubmit = vi.fn(() => Promise.reject(new Error('network')))
    render(<CheckoutBar payable={money(100)} onSubmit={onSubmit} />)
    const button = screen.getByRole('button', { name: /提交订单/ })
    fireEvent.click(button)
    await act(async () => {})
    fireEvent.click(button)
    expect(onSubmit).toHaveBeenCalledTimes(2)
  })

  it('does not submit while disabled (with the reason shown) or busy', () => {
    const onSubmit = vi.fn()
    const { rerender } = render(
      <CheckoutBar payable={money(100)} onSubmit={onSubmit} disabledReason="请先填写联系人信息" />,
    )
    expect(screen.getByText('请先填写联系人信息')).toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: /提交订单/ }))
    rerender(<CheckoutBar payable={money(100)} onSubmit={onSubmit} busy />)
    fireEvent.click(screen.getByRole('button', { name: /提交订单/ }))
    expect(onSubmit).not.toHaveBeenCalled()
  })

  it('offers contact support in im mode and nothing to buy in hidden mode', () => {
    const onContactSupport = vi.fn()
    const { container, rerender } = render(
      <CheckoutBar
        payable={money(100)}
        onSubmit={vi.fn()}
        purchaseMode="im"
        onContactSupport={onContactSupport}
      />,
    )
    fireEvent.click(screen.getByRole('button', { name: '联系客服下单' }))
    expect(onContactSupport).toHaveBeenCalledTimes(1)
    rerender(<CheckoutBar payable={money(100)} onSubmit={vi.fn()} purchaseMode="hidden" />)
    expect(screen.queryByRole('button')).toBeNull()
    expect(screen.queryByRole('img')).toBeNull()
    expect(container).toBeEmptyDOMElement() // no bar: not even an empty strip at the bottom
  })
})

describe('PriceChangedNotice', () => {
  it('shows old and new total with the difference, and accepts', () => {
    const onAccept = vi.fn()
    const onBack = vi.fn()
    render(
      <PriceChangedNotice previous={money(9900)} next={money(10900)} onAccept={onAccept} onBack={onBack} />,
    )
    expect(screen.getByRole('alert')).toHaveTextContent('比之前贵了 ¥10.00')
    expect(screen.getByRole('img', { name: '原金额 99 元' })).toBeInTheDocument()
    expect(screen.getByRole('img', { name: '新金额 109 元' })).toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: '接受新价格并支付' }))
    fireEvent.click(screen.getByRole('button', { name: '返回购物车' }))
    expect(onAccept).toHaveBeenCalledTimes(1)
    expect(onBack).toHaveBeenCalledTimes(1)
  })
})

describe('CheckoutPage', () => {
  function setup(kind: 'physical' | 'service' = 'physical') {
    const created = deferred<CreatedOrder>()
    const status: OrderStatus = 'paid'
    const api: CheckoutApi = {
      createOrder: vi.fn(() => created.promise),
      getOrderStatus: vi.fn(async () => status),
    }
    const cart = createCart()
    cart.add({ skuId: 'tee', title: 'T 恤', price: money(9900), kind }, 2)
    render(
      <TradeProvider
        cart={cart}
        api={api}
        channel={sandboxChannel({ outcome: 'success' })}
        storage={memoryStorage()}
        timing={{ pollDelaysMs: [10] }}
      >
        <CheckoutPage />
      </TradeProvider>,
    )
    return { api, created }
  }

  it('creates one order for a double tap, for the total on screen', async () => {
    const { api, created } = setup()
    const button = screen.getByRole('button', { name: '提交订单，应付 198 元' })
    fireEvent.click(button)
    fireEvent.click(button)
    await act(async () => {})
    fireEvent.click(button)
    expect(api.createOrder).toHaveBeenCalledTimes(1)
    expect(vi.mocked(api.createOrder).mock.calls[0]?.[0]).toMatchObject({
      lines: [{ skuId: 'tee', quantity: 2 }],
      channel: 'sandbox',
      expectedPayable: money(19800),
    })
    await act(async () =>
      created.resolve({ orderId: 'o1', amount: money(19800), payment: { orderId: 'o1' } }),
    )
    expect(await screen.findByText('支付成功')).toBeInTheDocument()
  })

  it('waits for a valid phone number before a service order can be placed', async () => {
    const { api } = setup('service')
    const button = screen.getByRole('button', { name: /提交订单/ })
    expect(button).toHaveAttribute('aria-disabled', 'true')
    expect(screen.getByText('请先填写联系人信息')).toBeInTheDocument()
    fireEvent.click(button)
    expect(api.createOrder).not.toHaveBeenCalled()
    fireEvent.input(screen.getByRole('spinbutton', { name: '手机号' }), { target: { value: '13800138000' } })
    expect(button).not.toHaveAttribute('aria-disabled')
    fireEvent.click(button)
    await act(async () => {})
    expect(vi.mocked(api.createOrder).mock.calls[0]?.[0]).toMatchObject({ contact: { phone: '13800138000' } })
  })
})

describe('CheckoutPage with shipping', () => {
  const hangzhou = {
    name: '张三',
    phone: '13800138000',
    region: { province: '浙江省', city: '杭州市', district: '西湖区' },
    detail: '西溪路 556 号',
  }

  function setup(kind: 'physical' | 'service', port?: AddressPort) {
    const api: CheckoutApi = {
      createOrder: vi.fn(async () => ({ orderId: 'o1', amount: money(9900), payment: { orderId: 'o1' } })),
      getOrderStatus: vi.fn(async (): Promise<OrderStatus> => 'paid'),
    }
    const cart = createCart()
    cart.add({ skuId: 'tee', title: 'T 恤', price: money(9900), kind })
    const onAddressChange = vi.fn()
    render(
      <TradeProvider
        cart={cart}
        api={api}
        channel={sandboxChannel({ outcome: 'success' })}
        storage={memoryStorage()}
        timing={{ pollDelaysMs: [10] }}
      >
        <CheckoutPage
          renderAddress={(field) => (
            <AddressCard
              {...field}
              port={port}
              onChange={(address) => {
                field.onChange(address)
                onAddressChange(address)
              }}
            />
          )}
        />
      </TradeProvider>,
    )
    return { api, onAddressChange }
  }

  it('will not place a parcel order without an address, then sends the one chosen', async () => {
    const port: AddressPort = { choose: vi.fn(async () => ({ kind: 'chosen' as const, address: hangzhou })) }
    const { api, onAddressChange } = setup('physical', port)
    const submit = screen.getByRole('button', { name: /提交订单/ })
    expect(submit).toHaveAttribute('aria-disabled', 'true')
    expect(screen.getByText('请先添加收货地址')).toBeInTheDocument()
    expect(screen.queryByText('请添加收货地址')).toBeNull()
    fireEvent.click(submit)
    expect(api.createOrder).not.toHaveBeenCalled()
    // the press shows the address card's own error, where the address goes
    expect(await screen.findByText('请添加收货地址')).toBeInTheDocument()
    expect(submit).toHaveAttribute('aria-disabled', 'true')
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '添加收货地址' })))
    expect(onAddressChange).toHaveBeenCalledWith(hangzhou)
    expect(submit).not.toHaveAttribute('aria-disabled')
    fireEvent.click(submit)
    await act(async () => {})
    expect(vi.mocked(api.createOrder).mock.calls[0]?.[0]).toMatchObject({ address: hangzhou })
  })

  it('asks no address for a service', () => {
    const { api } = setup('service')
    expect(screen.queryByRole('button', { name: '添加收货地址' })).toBeNull()
    expect(api.createOrder).not.toHaveBeenCalled()
  })
})
