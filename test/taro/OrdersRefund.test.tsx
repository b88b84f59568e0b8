import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { type Locale, memoryStorage, money, type Order, type OrdersApi, TradeKitError } from '@tradekit/core'
import { enUS } from '@tradekit/core/locales/en-US'
import { TradeProvider } from '@tradekit/react'
import { RefundSheet } from '@tradekit/taro'
import { describe, expect, it, vi } from 'vitest'
import { refundOrder } from '../refundOrder'

const order = refundOrder(4500)

function setup(requestRefund: OrdersApi['requestRefund'], onDone = vi.fn(), locale: Locale = 'zh-CN') {
  const api: OrdersApi = {
    listOrders: vi.fn(),
    getOrder: vi.fn(async () => order),
    cancelOrder: vi.fn(),
    requestRefund,
  }
  render(
    <TradeProvider
      storage={memoryStorage()}
      ordersApi={api}
      locale={locale}
      messages={locale === 'en-US' ? enUS : undefined}
    >
      <RefundSheet orderId="R1" onDone={onDone} />
    </TradeProvider>,
  )
  return { api, onDone }
}

// the amount field is a decimal keypad (`type="digit"`): a number input on H5
const type = (name: string, value: string, role = 'spinbutton') =>
  fireEvent.input(screen.getByRole(role, { name }), { target: { value } })

describe('RefundSheet', () => {
  it('chooses the lines that have something left, and the amount left of them', async () => {
    setup(vi.fn())
    const tee = await screen.findByRole('checkbox', { name: '选择 T 恤' })
    expect(tee).toHaveAttribute('aria-checked', 'true')
    // the mug was refunded already: nothing left to choose
    expect(screen.getByRole('checkbox', { name: '选择 马克杯' })).toHaveAttribute('aria-disabled', 'true')
    expect(screen.getByRole('checkbox', { name: '选择 马克杯' })).toHaveAttribute('aria-checked', 'false')
    expect(screen.getByRole('spinbutton', { name: '退款金额' })).toHaveValue(98)
    expect(screen.getByText('最多可退 ¥98.00')).toBeInTheDocument()
    expect(
      within(screen.getByRole('list', { name: '退款明细' })).getByText('T 恤：¥98.00'),
    ).toBeInTheDocument()
  })

  it('refuses more than is left inline and sends nothing', async () => {
    const requestRefund = vi.fn()
    setup(requestRefund)
    await screen.findByRole('checkbox', { name: '选择 T 恤' })
    type('退款金额', '98.01')
    expect(screen.getByRole('alert')).toHaveTextContent('退款金额不能超过 ¥98.00')
    fireEvent.click(screen.getByRole('radio', { name: '质量问题' }))
    fireEvent.click(screen.getByRole('button', { name: '提交申请' }))
    expect(requestRefund).not.toHaveBeenCalled()
    type('退款金额', '12.345')
    expect(screen.getByRole('alert')).toHaveTextContent('请输入正确的金额，最多两位小数')
  })

  it('asks for a reason and a line when submitted without them', async () => {
    setup(vi.fn())
    fireEvent.click(await screen.findByRole('checkbox', { name: '选择 T 恤' }))
    fireEvent.click(screen.getByRole('button', { name: '提交申请' }))
    const alerts = screen.getAllByRole('alert').map((alert) => alert.textContent)
    expect(alerts).toEqual(['请至少选择一件商品', '请选择退款原因'])
  })

  it('sends the amount in minor units with the reason and note, busy until the server answers', async () => {
    let answer: (order: Order) => void = () => {}
    const requestRefund = vi.fn(() => new Promise<Order>((resolve) => (answer = resolve)))
    const { onDone } = setup(requestRefund)
    await screen.findByRole('checkbox', { name: '选择 T 恤' })
    type('退款金额', '49.5')
    fireEvent.click(screen.getByRole('radio', { name: '拍错了 / 多拍了' }))
    expect(screen.getByRole('radio', { name: '拍错了 / 多拍了' })).toHaveAttribute('aria-checked', 'true')
    type('补充说明', '尺码选错', 'textbox')
    fireEvent.click(screen.getByRole('button', { name: '提交申请' }))
    expect(requestRefund).toHaveBeenCalledWith(
      'R1',
      {
        lines: [{ lineId: 'tee', amount: money(4950) }],
        amount: money(4950),
        reason: 'wrong_item',
        note: '尺码选错',
      },
      { idempotencyKey: expect.any(String) },
    )
    expect(await screen.findByRole('button', { name: '正在提交' })).toHaveAttribute('aria-busy', 'true')
    answer({ ...order, status: 'refund_requested' })
    await waitFor(() =>
      expect(onDone).toHaveBeenCalledWith(expect.objectContaining({ status: 'refund_requested' })),
    )
  })

  it('says when the merchant refused the request', async () => {
    setup(vi.fn().mockRejectedValue(new TradeKitError('ORDER_REJECTED', 'no refunds after 7 days')))
    await screen.findByRole('checkbox', { name: '选择 T 恤' })
    fireEvent.click(screen.getByRole('radio', { name: '不想要了' }))
    fireEvent.click(screen.getByRole('button', { name: '提交申请' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('申请未提交成功，请稍后再试')
    expect(screen.getByRole('button', { name: '提交申请' })).not.toHaveAttribute('aria-busy')
  })

  it('says a request that got no answer is not confirmed, never that it was not sent', async () => {
    // the request may have reached the merchant; reading the order again did not show it
    setup(vi.fn().mockRejectedValue(new TradeKitError('NETWORK', 'offline')))
    await screen.findByRole('checkbox', { name: '选择 T 恤' })
    fireEvent.click(screen.getByRole('radio', { name: '不想要了' }))
    fireEvent.click(screen.getByRole('button', { name: '提交申请' }))
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '网络不稳定，未能确认申请是否已提交，请稍后刷新订单查看，或再次提交（不会重复申请）',
    )
    expect(screen.queryByText(/申请未提交/)).toBeNull()
    expect(screen.getByRole('button', { name: '提交申请' })).not.toHaveAttribute('aria-busy')
  })

  it('speaks English', async () => {
    setup(vi.fn(), vi.fn(), 'en-US')
    await screen.findByRole('checkbox', { name: 'Select T 恤' })
    type('Refund amount', '100')
    expect(screen.getByRole('alert')).toHaveTextContent('The refund cannot exceed ¥98.00')
    expect(screen.getByRole('radiogroup', { name: 'Reason' })).toBeInTheDocument()
  })
})
