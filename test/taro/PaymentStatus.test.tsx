import { act, fireEvent, render, screen } from '@testing-library/react'
import {
  type CheckoutApi,
  memoryStorage,
  money,
  type OrderStatus,
  type SandboxStep,
  sandboxChannel,
} from '@tradekit/core'
import { enUS } from '@tradekit/core/locales/en-US'
import { TradeProvider, useCheckout } from '@tradekit/react'
import { PaymentStatus } from '@tradekit/taro'
import { describe, expect, it, vi } from 'vitest'

function Pay() {
  const checkout = useCheckout()
  return (
    <button
      type="button"
      onClick={() =>
        void checkout.submit({ lines: [{ skuId: 'tee', quantity: 1 }], expectedPayable: money(9900) })
      }
    >
      pay
    </button>
  )
}

function setup(step: SandboxStep, status: OrderStatus, locale: 'zh-CN' | 'en-US' = 'zh-CN') {
  const api: CheckoutApi = {
    createOrder: vi.fn(async () => ({ orderId: 'TK20261206001', amount: money(9900), payment: {} })),
    getOrderStatus: vi.fn(async () => status),
  }
  const onViewOrder = vi.fn()
  const onDone = vi.fn()
  render(
    <TradeProvider
      api={api}
      channel={sandboxChannel(step)}
      storage={memoryStorage()}
      locale={locale}
      messages={locale === 'en-US' ? enUS : undefined}
      timing={{ pollDelaysMs: [10], confirmBudgetMs: 200 }}
    >
      <Pay />
      <PaymentStatus onViewOrder={onViewOrder} onDone={onDone} />
    </TradeProvider>,
  )
  return { api, onViewOrder, onDone }
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

  it('offers "order again" for an expired order only when there is a purchase to order again', async () => {
    const api: CheckoutApi = {
      createOrder: vi.fn(async () => ({ orderId: 'TK1', amount: money(9900), payment: {} })),
      getOrderStatus: vi.fn(async () => 'closed' as const),
    }
    function Continue() {
      const checkout = useCheckout()
      const order = { orderId: 'TK0', amount: money(3900), payment: {}, expiresAt: Date.now() - 1 }
      return (
        <button type="button" onClick={() => void checkout.continuePayment(order)}>
          continue
        </button>
      )
    }
    render(
      <TradeProvider api={api} channel={sandboxChannel({ outcome: 'success' })} storage={memoryStorage()}>
        <Pay />
        <Continue />
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
