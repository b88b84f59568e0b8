import { act, fireEvent, render, screen, within } from '@testing-library/react'
import {
  type CheckoutSnapshot,
  createTranslator,
  type Locale,
  money,
  type Order,
  type OrdersApi,
  TradeKitError,
} from '@tradekit/core'
import { TradeProvider } from '@tradekit/react'
import { encodeQr, OrderDetail, OrderDetailView, RefundProgress } from '@tradekit/taro'
import type { ReactNode } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { checkoutSnapshotOf } from '../../stories/fixtures/checkoutSnapshot'

const zh = createTranslator({ locale: 'zh-CN' })

const line = {
  lineId: 'l1',
  skuId: 'tee',
  title: 'T 恤',
  quantity: 2,
  unitPrice: money(4900),
  amount: money(9800),
  refunded: money(0),
}

function order(patch: Partial<Order> = {}): Order {
  return {
    orderId: 'D1',
    status: 'paid',
    kind: 'physical',
    lines: [line],
    amount: money(9800),
    refunded: money(0),
    createdAt: Date.UTC(2026, 11, 1, 2, 30),
    ...patch,
  }
}

const setup = (ui: ReactNode, locale: Locale = 'zh-CN') =>
  render(<TradeProvider locale={locale}>{ui}</TradeProvider>)
const names = (root: HTMLElement) =>
  within(root)
    .queryAllByRole('button')
    .map((b) => b.textContent)

afterEach(() => vi.useRealTimers())

describe('OrderDetailView', () => {
  it("says where the checkout's payment of an unpaid order stands, and nothing once the server has it paid", () => {
    const unpaid = order({ status: 'pending_payment', expiresAt: Date.now() + 10 * 60_000 })
    const snapshot = (patch: Partial<CheckoutSnapshot>) =>
      checkoutSnapshotOf({ orderId: 'D1', amount: money(9800), payment: {} }, patch)
    const cases: [Partial<CheckoutSnapshot>, string][] = [
      [{ status: 'paying' }, zh('status.paying')],
      [
        { status: 'confirming', confirm: { elapsedMs: 30_000, budgetMs: 60_000, polls: 2, paused: false } },
        zh('status.confirming', { percent: 50 }),
      ],
      [{ status: 'unknown' }, zh('status.unknown')],
      [{ status: 'cancelled', rechecking: true }, zh('status.rechecking')],
      [{ status: 'cancelled' }, zh('status.cancelled')],
      [
        { status: 'failed', error: new TradeKitError('PAYMENT_FAILED', 'declined', { retryable: true }) },
        zh('status.error.PAYMENT_FAILED'),
      ],
    ]
    const { rerender } = setup(<OrderDetailView order={unpaid} />)
    expect(screen.queryByRole('status')).toBeNull()
    for (const [patch, text] of cases) {
      rerender(
        <TradeProvider>
          <OrderDetailView order={unpaid} payment={snapshot(patch)} />
        </TradeProvider>,
      )
      const region = screen.getByRole('region', { name: zh('order.status.pending_payment') })
      expect(within(region).getByRole('status')).toHaveTextContent(text)
    }
    // the server says paid: its status speaks, not the checkout's earlier word
    rerender(
      <TradeProvider>
        <OrderDetailView order={order({ status: 'paid' })} payment={snapshot({ status: 'cancelled' })} />
      </TradeProvider>,
    )
    expect(screen.queryByRole('status')).toBeNull()
    expect(screen.queryByText(zh('status.cancelled'))).toBeNull()
  })

  it('says an order whose payment failed for good can no longer be paid, and offers no 继续支付', () => {
    const unpaid = order({ status: 'pending_payment', expiresAt: Date.now() + 10 * 60_000 })
    const failed = (retryable: boolean) =>
      checkoutSnapshotOf(
        { orderId: 'D1', amount: money(9800), payment: {} },
        {
          status: 'failed',
          retry: null,
          error: new TradeKitError('PAYMENT_FAILED', 'refused', { retryable }),
        },
      )
    const view = (retryable: boolean) => (
      <TradeProvider>
        <OrderDetailView order={unpaid} payment={failed(retryable)} onPay={() => {}} onCancel={() => {}} />
      </TradeProvider>
    )
    const { rerender, container } = render(view(false))
    const region = screen.getByRole('region', { name: zh('order.status.pending_payment') })
    expect(within(region).getByRole('status')).toHaveTextContent(zh('status.error.notRetryable'))
    expect(names(container)).toEqual([zh('order.action.cancel')])
    // a failure the cashier may take again keeps 继续支付 and says so
    rerender(view(true))
    expect(screen.getByRole('status')).toHaveTextContent(zh('status.error.PAYMENT_FAILED'))
    expect(names(container)).toEqual([zh('order.action.cancel'), zh('order.action.pay')])
  })

  it('shows the amounts: subtotal, discount, fee, paid and refunded', () => {
    setup(
      <OrderDetailView
        order={order({
          status: 'refunded',
          subtotal: money(10800),
          discount: money(1500),
          fee: money(500),
          refunded: money(4900),
          lines: [{ ...line, refunded: money(4900) }],
        })}
      />,
    )
    const amounts = screen.getByRole('list', { name: zh('order.detail.amounts') })
    expect(
      within(amounts)
        .getAllByRole('listitem')
        .map((row) => row.textContent),
    ).toEqual(['商品金额¥108.00', '优惠-¥15.00', '运费及服务费¥5.00', '实付款¥98.00', '已退款¥49.00'])
  })

  it('counts down to the payment deadline on the server clock', () => {
    vi.useFakeTimers()
    const server = Date.UTC(2026, 11, 6, 8, 0)
    vi.setSystemTime(server - 7 * 60_000) // the phone is 7 minutes slow
    setup(
      <OrderDetailView
        order={order({
          status: 'pending_payment',
          serverNow: server,
          receivedAt: Date.now(),
          expiresAt: server + 5 * 60_000,
        })}
        onPay={vi.fn()}
        onCancel={vi.fn()}
      />,
    )
    expect(screen.getByRole('region', { name: '待支付' })).toBeInTheDocument()
    expect(screen.getByRole('timer')).toHaveTextContent(zh('order.detail.payBy', { time: '05:00' }))
    act(() => {
      vi.advanceTimersByTime(3_000)
    })
    expect(screen.getByRole('timer')).toHaveAccessibleName('剩余支付时间 04:57')
    expect(names(screen.getByRole('group', { name: zh('order.actions') }))).toEqual(['取消订单', '继续支付'])
  })

  it('shows an address in the common shape, and nothing for a shape it does not know', () => {
    const { unmount } = setup(
      <OrderDetailView
        order={order({
          address: { name: '张三', phone: '138****8000', region: '浙江省 杭州市', detail: '文三路 90 号' },
        })}
      />,
    )
    const address = screen.getByRole('group', { name: '收货地址' })
    expect(address).toHaveTextContent('张三 138****8000')
    expect(address).toHaveTextContent('浙江省 杭州市 文三路 90 号')
    unmount()
    setup(<OrderDetailView order={order({ address: 'somewhere' })} />)
    expect(screen.queryByRole('group', { name: '收货地址' })).toBeNull()
  })

  it("shows a service's verification code as text and as a QR code drawn by runs", () => {
    setup(
      <OrderDetailView
        order={order({
          status: 'to_verify',
          kind: 'service',
          contact: { name: '李四', phone: '139****0001' },
          verification: { code: 'LAW-2026-8841' },
        })}
      />,
    )
    const region = screen.getByRole('region', { name: '核销码' })
    expect(within(region).getByText('LAW-2026-8841')).toBeInTheDocument()
    const qr = within(region).getByRole('img', { name: zh('qr.label', { code: 'LAW-2026-8841' }) })
    const symbol = encodeQr('LAW-2026-8841')
    const dark = symbol.modules.flat().filter(Boolean).length
    const runs = symbol.modules.reduce((sum, row) => sum + row.filter((on, x) => on && !row[x - 1]).length, 0)
    expect(qr.children).toHaveLength(runs)
    expect(runs).toBeLessThan(dark)
    expect(screen.getByRole('group', { name: '联系人' })).toHaveTextContent('李四 139****0001')
  })

  it('hides the code once it was used', () => {
    setup(
      <OrderDetailView
        order={order({ status: 'verified', kind: 'service', verification: { code: 'X1' } })}
      />,
    )
    expect(screen.queryByRole('region', { name: '核销码' })).toBeNull()
  })

  it('shows the timeline newest first', () => {
    const at = Date.UTC(2026, 11, 1, 0, 0)
    setup(
      <OrderDetailView
        order={order({
          status: 'shipped',
          timeline: [
            { status: 'pending_payment', at },
            { status: 'paid', at: at + 60_000 },
            { status: 'shipped', at: at + 3_600_000 },
          ],
        })}
      />,
    )
    const items = within(screen.getByRole('list', { name: '订单进度' })).getAllByRole('listitem')
    expect(items.map((item) => item.textContent?.slice(0, 3))).toEqual(['已发货', '待发货', '待支付'])
  })

  it('shows its refunds with their progress and withdraws an open one', () => {
    const onWithdrawRefund = vi.fn()
    const refund = {
      refundId: 'R1',
      status: 'refund_requested' as const,
      amount: money(4900),
      lines: [{ lineId: 'l1', amount: money(4900) }],
      reason: 'quality',
    }
    setup(
      <OrderDetailView
        order={order({ status: 'refund_requested', refunds: [refund] })}
        onWithdrawRefund={onWithdrawRefund}
      />,
    )
    const progress = screen.getByRole('group', { name: '退款 ¥49.00，已提交申请' })
    expect(within(progress).getByText('退款原因：质量问题')).toBeInTheDocument()
    fireEvent.click(within(progress).getByRole('button', { name: '撤销申请' }))
    expect(onWithdrawRefund).toHaveBeenCalledWith(refund)
  })
})

describe('RefundProgress', () => {
  const base = {
    refundId: 'R',
    amount: money(1234),
    lines: [],
    reason: '尺码不合适',
    requestedAt: Date.UTC(2026, 0, 2, 3, 4),
  }
  it.each([
    ['refund_requested', ['已提交申请，当前', '退款中，未开始', '退款成功，未开始']],
    ['refunding', ['已提交申请，已完成', '退款中，当前', '退款成功，未开始']],
    ['refunded', ['已提交申请，已完成', '退款中，已完成', '退款成功，当前']],
    ['refund_rejected', ['已提交申请，已完成', '商家未同意退款，当前']],
    ['withdrawn', ['已提交申请，已完成', '已撤销申请，当前']],
  ] as const)('shows the steps of a %s refund', (status, steps) => {
    setup(<RefundProgress refund={{ ...base, status }} onWithdraw={vi.fn()} />)
    const list = screen.getByRole('list', { name: '退款进度' })
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((item) => item.getAttribute('aria-label')),
    ).toEqual(steps)
    expect(within(list).getByRole('listitem', { current: 'step' })).toHaveAccessibleName(
      steps.find((s) => s.endsWith('当前')),
    )
    // a reason the server wrote itself is shown as it is
    expect(screen.getByText('退款原因：尺码不合适')).toBeInTheDocument()
    expect(screen.getByText('退款金额 ¥12.34')).toBeInTheDocument()
    expect(screen.queryAllByRole('button', { name: '撤销申请' })).toHaveLength(
      status === 'refund_requested' ? 1 : 0,
    )
  })
})

describe('OrderDetail', () => {
  function api(found: Order, fail = 0): OrdersApi {
    let failing = fail
    return {
      listOrders: vi.fn(),
      getOrder: vi.fn(async () => {
        if (failing-- > 0) throw new TradeKitError('NETWORK', 'offline')
        return found
      }),
      cancelOrder: vi.fn(async () => ({ ...found, status: 'cancelled' as const })),
      requestRefund: vi.fn(),
      confirmReceipt: vi.fn(async () => ({ ...found, status: 'completed' as const })),
    }
  }
  const mount = (orders: OrdersApi, ui: ReactNode) =>
    render(<TradeProvider ordersApi={orders}>{ui}</TradeProvider>)

  it('reads the order, with a skeleton until it answers, and confirms receipt on the store', async () => {
    const orders = api(order({ status: 'shipped' }))
    mount(orders, <OrderDetail orderId="D1" onBuyAgain={vi.fn()} />)
    expect(screen.getAllByRole('status', { name: '加载中' }).length).toBeGreaterThan(0)
    fireEvent.click(await screen.findByRole('button', { name: '确认收货' }))
    expect(orders.confirmReceipt).toHaveBeenCalledWith('D1')
    expect(await screen.findByRole('region', { name: '已完成' })).toBeInTheDocument()
  })

  it('says when the order could not be read, and tries again', async () => {
    const orders = api(order(), 1)
    mount(orders, <OrderDetail orderId="D1" />)
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent(zh('order.detail.error'))
    fireEvent.click(within(alert).getByRole('button', { name: zh('orders.retry') }))
    expect(await screen.findByRole('region', { name: '待发货' })).toBeInTheDocument()
    expect(orders.getOrder).toHaveBeenCalledTimes(2)
  })
})
