import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import {
  type CheckoutApi,
  type ContinuedOrder,
  memoryStorage,
  money,
  type OrderStatus,
  type SandboxStep,
  type StoragePort,
  sandboxChannel,
} from '@tradekit/core'
import { enUS } from '@tradekit/core/locales/en-US'
import { TradeProvider, useCheckout } from '@tradekit/react'
import { PaymentStatus } from '@tradekit/taro'
import { useState } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { PayButton } from './PayButton'

/** "Continue to pay" of an order made elsewhere (the order centre's 继续支付). */
function Continue({ order }: { order: ContinuedOrder }) {
  const checkout = useCheckout()
  return (
    <button type="button" onClick={() => void checkout.continuePayment(order)}>
      continue
    </button>
  )
}

function setup(
  step: SandboxStep,
  status: OrderStatus,
  locale: 'zh-CN' | 'en-US' = 'zh-CN',
  storage: StoragePort = memoryStorage(),
) {
  const api: CheckoutApi = {
    // the sandbox cashier's payload names the order
    createOrder: vi.fn(async () => ({
      orderId: 'TK20261206001',
      amount: money(9900),
      payment: { orderId: 'TK20261206001' },
    })),
    getOrderStatus: vi.fn(async () => status),
  }
  const onViewOrder = vi.fn()
  const onDone = vi.fn()
  render(
    <TradeProvider
      api={api}
      channel={sandboxChannel(step)}
      storage={storage}
      locale={locale}
      messages={locale === 'en-US' ? enUS : undefined}
      timing={{ pollDelaysMs: [10], confirmBudgetMs: 200 }}
    >
      <PayButton skuId="tee" amount={9900} />
      <PaymentStatus onViewOrder={onViewOrder} onDone={onDone} />
    </TradeProvider>,
  )
  return { api, onViewOrder, onDone }
}

/** A full disk: nothing can be written, so the checkout cannot save its orders. */
const broken: StoragePort = {
  getItem: () => null,
  setItem: () => {
    throw new Error('quota')
  },
  removeItem: () => {},
}

describe('PaymentStatus', () => {
  it('shows a paid order with its amount and number, and opens that order', async () => {
    const { onViewOrder, onDone } = setup({ outcome: 'success' }, 'paid')
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'pay' })))
    const status = await screen.findByText('支付成功')
    expect(status.closest('[role="status"]')).toHaveTextContent('已支付 ¥99.00订单号 TK20261206001')
    fireEvent.click(screen.getByRole('button', { name: '查看订单' }))
    expect(onViewOrder).toHaveBeenCalledWith('TK20261206001')
    fireEvent.click(screen.getByRole('button', { name: '完成' }))
    expect(onDone).toHaveBeenCalledTimes(1)
  })

  it('says in English what failed, with no picture read out', async () => {
    setup({ outcome: 'fail' }, 'failed', 'en-US')
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'pay' })))
    expect(await screen.findByText('Payment failed')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'View order' })).toBeNull()
    // the state's icon is decoration: the status text says it all
    expect(
      screen.getByRole('status').closest('.tk-payment-status')?.querySelector('[aria-hidden="true"]'),
    ).not.toBeNull()
  })

  it('says when the phone could not save the order: keep the app open, then check My orders', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    setup({ outcome: 'hang' }, 'pending', 'zh-CN', broken)
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'pay' })))
    const paying = await screen.findByText('请在收银台完成支付')
    expect(paying.closest('[role="status"]')).toHaveTextContent(
      '本机未能保存这笔订单，支付结果确认前请不要关闭应用',
    )
    warn.mockRestore()
  })

  it.each([
    {
      locale: 'zh-CN' as const,
      says: '本机保存的支付记录已损坏，无法读取。如果你最近付过款，请在“我的订单”中查看结果',
    },
    {
      locale: 'en-US' as const,
      says: 'The payment records saved on this phone were damaged and could not be read. If you paid recently, check the result in My orders.',
    },
  ])('says while idle that the saved payments were unreadable ($locale)', async ({ locale, says }) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    // a pending-order record that is not JSON: the checkout discards it at launch
    const storage = memoryStorage({ 'tradekit:default:guest:checkout': '{"version":1,"orders":[' })
    setup({ outcome: 'success' }, 'paid', locale, storage)
    expect(await screen.findByRole('status')).toHaveTextContent(says)
    // a payment of this launch takes the screen: its status is what the user needs now
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'pay' })))
    expect(
      await screen.findByText(locale === 'zh-CN' ? '支付成功' : 'Payment successful'),
    ).toBeInTheDocument()
    expect(screen.queryByText(says)).toBeNull()
    warn.mockRestore()
  })

  it.each([
    { locale: 'zh-CN' as const, gotIt: '知道了' },
    { locale: 'en-US' as const, gotIt: 'Got it' },
  ])(
    'hides the unreadable-records notice once the user says "got it" ($locale)',
    async ({ locale, gotIt }) => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
      const storage = memoryStorage({ 'tradekit:default:guest:checkout': '{"version":1,"orders":[' })
      setup({ outcome: 'success' }, 'paid', locale, storage)
      await screen.findByRole('status')
      fireEvent.click(screen.getByRole('button', { name: gotIt }))
      expect(screen.queryByRole('status')).toBeNull()
      expect(screen.queryByRole('button', { name: gotIt })).toBeNull()
      warn.mockRestore()
    },
  )

  it('hides the unreadable-records notice on every screen of the checkout once read, and on screens opened later', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const storage = memoryStorage({ 'tradekit:default:guest:checkout': '{"version":1,"orders":[' })
    const api: CheckoutApi = {
      createOrder: vi.fn(async () => ({ orderId: 'TK1', amount: money(9900), payment: {} })),
      getOrderStatus: vi.fn(async () => 'pending' as const),
    }
    function Screens() {
      const [later, setLater] = useState(false)
      return (
        <>
          <PaymentStatus className="first" />
          <PaymentStatus className="second" />
          {later ? <PaymentStatus className="later" /> : null}
          <button type="button" onClick={() => setLater(true)}>
            open another page
          </button>
        </>
      )
    }
    render(
      <TradeProvider api={api} channel={sandboxChannel({ outcome: 'success' })} storage={storage}>
        <Screens />
      </TradeProvider>,
    )
    await waitFor(() => expect(screen.getAllByRole('button', { name: '知道了' })).toHaveLength(2))
    fireEvent.click(screen.getAllByRole('button', { name: '知道了' })[0]!)
    expect(screen.queryAllByRole('button', { name: '知道了' })).toHaveLength(0)
    fireEvent.click(screen.getByRole('button', { name: 'open another page' }))
    expect(screen.queryByRole('status')).toBeNull()
    warn.mockRestore()
  })

  it('shows nothing while idle when the saved payments were read', async () => {
    const storage = memoryStorage()
    storage.setItem('tradekit:default:guest:checkout', JSON.stringify({ version: 1, orders: [] }))
    setup({ outcome: 'success' }, 'paid', 'zh-CN', storage)
    await act(async () => {})
    expect(screen.queryByRole('status')).toBeNull()
  })

  it.each([
    {
      saved: false,
      says: 'We are confirming your payment. This phone could not save the order: if you leave, check its result in My orders.',
      never: /we'll let you know/,
    },
    {
      saved: true,
      says: "We are confirming your payment. You can leave this page; we'll let you know.",
      never: /could not save/,
    },
  ])(
    'promises to let the user know only when the order is saved (saved: $saved)',
    async ({ saved, says, never }) => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
      setup({ outcome: 'unknown' }, 'pending', 'en-US', saved ? memoryStorage() : broken)
      await act(async () => fireEvent.click(screen.getByRole('button', { name: 'pay' })))
      expect(await screen.findByText(says, {}, { timeout: 3000 })).toBeInTheDocument()
      expect(screen.queryByText(never)).toBeNull()
      warn.mockRestore()
    },
  )

  it('says "you can try again" only where a retry is offered: a continued order refused for good can no longer be paid', async () => {
    const api: CheckoutApi = {
      createOrder: vi.fn(async () => ({ orderId: 'TK1', amount: money(9900), payment: { orderId: 'TK1' } })),
      getOrderStatus: vi.fn(async () => 'pending' as const),
    }
    render(
      <TradeProvider
        api={api}
        channel={sandboxChannel({ outcome: 'fail', retryable: false })}
        storage={memoryStorage()}
        timing={{ pollDelaysMs: [10], confirmBudgetMs: 200 }}
      >
        <PayButton skuId="tee" amount={9900} />
        <Continue order={{ orderId: 'TK0', amount: money(3900), payment: { orderId: 'TK0' } }} />
        <PaymentStatus />
      </TradeProvider>,
    )
    // an order continued from the order centre: nothing here can pay it, so no "try again"
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'continue' })))
    expect(await screen.findByText('这笔订单无法继续支付，请重新下单')).toBeInTheDocument()
    expect(screen.queryByText('支付未完成，可以再试一次')).toBeNull()
    expect(screen.queryByRole('button', { name: '重试' })).toBeNull()
    // a purchase of this checkout: a retry (a new order for the same lines) is offered, and said
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'pay' })))
    expect(await screen.findByText('支付未完成，可以再试一次')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: '重试' })).toBeInTheDocument()
  })

  it('offers "order again" for an expired order only when there is a purchase to order again', async () => {
    const api: CheckoutApi = {
      createOrder: vi.fn(async () => ({ orderId: 'TK1', amount: money(9900), payment: {} })),
      getOrderStatus: vi.fn(async () => 'closed' as const),
    }
    render(
      <TradeProvider api={api} channel={sandboxChannel({ outcome: 'success' })} storage={memoryStorage()}>
        <PayButton skuId="tee" amount={9900} />
        <Continue order={{ orderId: 'TK0', amount: money(3900), payment: {}, expiresAt: Date.now() - 1 }} />
        <PaymentStatus />
      </TradeProvider>,
    )
    // an order made elsewhere, past its time: the checkout never had its lines
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'continue' })))
    expect(await screen.findByText('订单已过期')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: '重新下单' })).toBeNull()
    // an order of this checkout that the server closed: ordering its lines again is offered
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'pay' })))
    expect(await screen.findByRole('button', { name: '重新下单' })).toBeInTheDocument()
  })
})
