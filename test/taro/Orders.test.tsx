import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import {
  type CheckoutSnapshot,
  continuedOrderOf,
  createTranslator,
  type Locale,
  memoryStorage,
  money,
  type Order,
  type OrderLifecycleStatus,
  type OrderPage,
  type OrdersApi,
  orderInTab,
  sandboxChannel,
  TradeKitError,
} from '@tradekit/core'
import { enUS } from '@tradekit/core/locales/en-US'
import { TradeProvider, useCheckout } from '@tradekit/react'
import { OrderCard, OrderList } from '@tradekit/taro'
import type { ReactNode } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { checkoutSnapshotOf } from '../../stories/fixtures/checkoutSnapshot'
import { createMemoryApi } from '../../stories/fixtures/memoryApi'

const zh = createTranslator({ locale: 'zh-CN' })
const en = createTranslator({ locale: 'en-US', messages: enUS })

function order(orderId: string, patch: Partial<Order> = {}): Order {
  return {
    orderId,
    status: 'paid',
    kind: 'physical',
    lines: [
      {
        lineId: 'l1',
        skuId: 'tee',
        title: 'T 恤',
        quantity: 2,
        unitPrice: money(4900),
        amount: money(9800),
        refunded: money(0),
        attributes: [{ name: '颜色', value: '黑' }],
      },
    ],
    amount: money(9800),
    refunded: money(0),
    createdAt: 1_700_000_000_000,
    ...patch,
  }
}

function setup(ui: ReactNode, locale: Locale = 'zh-CN') {
  return render(
    <TradeProvider locale={locale} messages={locale === 'en-US' ? enUS : undefined}>
      {ui}
    </TradeProvider>,
  )
}

const handlers = () => ({
  onPay: vi.fn(),
  onCancel: vi.fn(),
  onRefund: vi.fn(),
  onConfirmReceipt: vi.fn(),
  onBuyAgain: vi.fn(),
  onDetail: vi.fn(),
})

const buttonNames = (root: HTMLElement) =>
  within(root)
    .queryAllByRole('button')
    .map((button) => button.textContent)

afterEach(() => vi.useRealTimers())

describe('OrderCard', () => {
  it('shows the number, status, lines with price and quantity, and the amount paid', () => {
    setup(<OrderCard order={order('A1')} />)
    const card = screen.getByRole('group', { name: zh('order.card', { id: 'A1', status: '待发货' }) })
    expect(within(card).getByText('T 恤')).toBeInTheDocument()
    expect(within(card).getByText('颜色: 黑')).toBeInTheDocument()
    expect(within(card).getByRole('img', { name: '现价 49 元' })).toBeInTheDocument()
    expect(within(card).getByText('×2')).toBeInTheDocument()
    expect(within(card).getByRole('img', { name: '实付 ¥98.00' })).toBeInTheDocument()
  })

  it.each<[OrderLifecycleStatus, Order['kind'], string, string]>([
    ['pending_payment', 'physical', '待支付', 'Awaiting payment'],
    ['paid', 'physical', '待发货', 'To be shipped'],
    ['paid', 'service', '已支付', 'Paid'],
    ['shipped', 'physical', '已发货', 'Shipped'],
    ['delivered', 'physical', '已送达', 'Delivered'],
    ['to_verify', 'service', '待使用', 'Ready to use'],
    ['verified', 'service', '已核销', 'Used'],
    ['completed', 'physical', '已完成', 'Completed'],
    ['refund_requested', 'physical', '退款申请中', 'Refund requested'],
    ['refunding', 'physical', '退款中', 'Refunding'],
    ['refunded', 'physical', '已退款', 'Refunded'],
    ['refund_rejected', 'physical', '退款未通过', 'Refund declined'],
    ['cancelled', 'physical', '已取消', 'Cancelled'],
    ['closed', 'physical', '已关闭', 'Closed'],
  ])('says %s (%s) in both locales', (status, kind, chinese, english) => {
    const { unmount } = setup(<OrderCard order={order('S', { status, kind })} />)
    expect(screen.getByText(chinese)).toBeInTheDocument()
    unmount()
    setup(<OrderCard order={order('S', { status, kind })} />, 'en-US')
    expect(screen.getByRole('group', { name: `Order S, ${english}` })).toBeInTheDocument()
  })

  it('counts down on the server clock, whatever the device clock says', () => {
    vi.useFakeTimers()
    const server = 1_700_000_000_000
    const device = server + 10 * 60_000 // the phone is 10 minutes fast
    vi.setSystemTime(device)
    const unpaid = order('P1', {
      status: 'pending_payment',
      serverNow: server,
      receivedAt: device,
      expiresAt: server + 15 * 60_000,
    })
    const h = handlers()
    setup(<OrderCard order={unpaid} {...h} />)
    expect(screen.getByRole('timer')).toHaveTextContent('剩余 15:00')
    act(() => {
      vi.advanceTimersByTime(61_000)
    })
    expect(screen.getByRole('timer')).toHaveTextContent('剩余 13:59')
    expect(screen.getByRole('timer')).toHaveAccessibleName('剩余支付时间 13:59')
    fireEvent.click(screen.getByRole('button', { name: '继续支付' }))
    expect(h.onPay).toHaveBeenCalledWith(unpaid)
    act(() => {
      vi.advanceTimersByTime(14 * 60_000)
    })
    // the server's time ran out: no pay, no cancel, only buy again
    expect(screen.queryByRole('timer')).toBeNull()
    expect(screen.getByText('支付超时')).toBeInTheDocument()
    expect(screen.getByText(zh('order.expiredHint'))).toBeInTheDocument()
    expect(buttonNames(screen.getByRole('group', { name: zh('order.actions') }))).toEqual([
      '查看详情',
      '再次购买',
    ])
  })

  it('a device clock far behind does not extend the time to pay', () => {
    vi.useFakeTimers()
    const server = 1_700_000_000_000
    const device = server - 3 * 3600_000 // three hours slow
    vi.setSystemTime(device)
    setup(
      <OrderCard
        order={order('P2', {
          status: 'pending_payment',
          serverNow: server,
          receivedAt: device,
          expiresAt: server + 90_000,
        })}
      />,
    )
    expect(screen.getByRole('timer')).toHaveTextContent('01:30')
  })

  it.each<[OrderLifecycleStatus, Order['kind'], string[]]>([
    ['pending_payment', 'physical', ['查看详情', '取消订单', '继续支付']],
    ['paid', 'physical', ['查看详情', '申请退款', '再次购买']],
    ['shipped', 'physical', ['查看详情', '申请售后', '再次购买', '确认收货']],
    ['delivered', 'physical', ['查看详情', '申请售后', '再次购买', '确认收货']],
    ['to_verify', 'service', ['查看详情', '申请退款', '再次购买']],
    ['completed', 'physical', ['查看详情', '申请售后', '再次购买']],
    ['refund_requested', 'physical', ['查看详情', '再次购买']],
    ['refunding', 'physical', ['查看详情', '再次购买']],
    ['cancelled', 'physical', ['查看详情', '再次购买']],
    ['closed', 'physical', ['查看详情', '再次购买']],
  ])('offers the actions a %s %s order allows', (status, kind, names) => {
    const patch: Partial<Order> =
      status === 'pending_payment'
        ? { expiresAt: Date.now() + 600_000, serverNow: Date.now(), receivedAt: Date.now() }
        : {}
    setup(<OrderCard order={order('X', { status, kind, ...patch })} {...handlers()} />)
    expect(buttonNames(screen.getByRole('group', { name: zh('order.actions') }))).toEqual(names)
  })

  it('offers no refund once everything was refunded, and hides actions without handlers', () => {
    const spent = order('R', {
      status: 'refunded',
      refunded: money(9800),
      lines: [{ ...order('R').lines[0]!, refunded: money(9800) }],
    })
    setup(<OrderCard order={spent} {...handlers()} />)
    expect(buttonNames(screen.getByRole('group', { name: zh('order.actions') }))).toEqual([
      '查看详情',
      '再次购买',
    ])
    setup(<OrderCard order={order('N')} onDetail={vi.fn()} />)
    expect(
      buttonNames(screen.getByRole('group', { name: zh('order.card', { id: 'N', status: '待发货' }) })),
    ).toEqual(['查看详情'])
  })

  it('calls each action with the order, and shows the running one busy', () => {
    const h = handlers()
    const shipped = order('C', { status: 'shipped' })
    const { rerender } = setup(<OrderCard order={shipped} {...h} />)
    fireEvent.click(screen.getByRole('button', { name: '确认收货' }))
    fireEvent.click(screen.getByRole('button', { name: '申请售后' }))
    fireEvent.click(screen.getByRole('button', { name: '再次购买' }))
    fireEvent.click(screen.getByRole('button', { name: '查看详情' }))
    expect(h.onConfirmReceipt).toHaveBeenCalledWith(shipped)
    expect(h.onRefund).toHaveBeenCalledWith(shipped)
    expect(h.onBuyAgain).toHaveBeenCalledWith(shipped)
    expect(h.onDetail).toHaveBeenCalledWith(shipped)
    rerender(
      <TradeProvider>
        <OrderCard order={shipped} {...h} action={{ action: 'confirm_receipt', status: 'running' }} />
      </TradeProvider>,
    )
    expect(screen.getByRole('button', { name: '确认收货' })).toHaveAttribute('aria-busy', 'true')
    expect(screen.getByRole('button', { name: '查看详情' })).toHaveAttribute('aria-disabled', 'true')
    rerender(
      <TradeProvider>
        <OrderCard order={shipped} {...h} action={{ action: 'confirm_receipt', status: 'failed' }} />
      </TradeProvider>,
    )
    expect(screen.getByRole('alert')).toHaveTextContent(zh('order.action.failed'))
    // no answer is not "it did not work": the server may have done it; an answer that was not an
    // order is no answer either (the store marks both unconfirmed)
    for (const code of ['TIMEOUT', 'INVALID_ARGUMENT'] as const) {
      rerender(
        <TradeProvider>
          <OrderCard
            order={shipped}
            {...h}
            action={{
              action: 'confirm_receipt',
              status: 'failed',
              error: new TradeKitError(code),
              unconfirmed: true,
            }}
          />
        </TradeProvider>,
      )
      expect(screen.getByRole('alert')).toHaveTextContent(zh('order.action.unconfirmed'))
    }
  })

  it("says where the checkout's payment of the order stands, and offers no 继续支付 after a refusal for good", () => {
    const unpaid = order('U', { status: 'pending_payment', expiresAt: Date.now() + 10 * 60_000 })
    const paying = (patch: Partial<CheckoutSnapshot>) =>
      checkoutSnapshotOf({ orderId: 'U', amount: money(9800), payment: {} }, patch)
    const card = (payment?: CheckoutSnapshot, shown: Order = unpaid) => (
      <TradeProvider>
        <OrderCard order={shown} payment={payment} {...handlers()} />
      </TradeProvider>
    )
    const { rerender, container } = render(card())
    expect(screen.queryByRole('status')).toBeNull()
    rerender(card(paying({ status: 'unknown' })))
    expect(screen.getByRole('status')).toHaveTextContent(zh('status.unknown'))
    expect(buttonNames(container)).toContain(zh('order.action.pay'))
    rerender(
      card(
        paying({
          status: 'failed',
          retry: null,
          error: new TradeKitError('PAYMENT_FAILED', 'refused', { retryable: false }),
        }),
      ),
    )
    expect(screen.getByRole('status')).toHaveTextContent(zh('status.error.notRetryable'))
    expect(buttonNames(container)).not.toContain(zh('order.action.pay'))
    expect(buttonNames(container)).toContain(zh('order.action.cancel'))
    // the server has it paid: its status speaks
    rerender(card(paying({ status: 'cancelled' }), { ...unpaid, status: 'paid' }))
    expect(screen.queryByRole('status')).toBeNull()
  })

  it('speaks English', () => {
    setup(<OrderCard order={order('E', { status: 'shipped' })} {...handlers()} />, 'en-US')
    expect(screen.getByRole('img', { name: 'Paid ¥98.00' })).toBeInTheDocument()
    expect(buttonNames(screen.getByRole('group', { name: en('order.actions') }))).toEqual([
      'Details',
      'After-sale',
      'Buy again',
      'Confirm receipt',
    ])
  })
})

/** An order API over `orders`, `pageSize` a page; `failures` first list calls fail. */
function ordersApi(orders: Order[], { pageSize = 10, failures = 0 } = {}) {
  let failing = failures
  const api: OrdersApi = {
    listOrders: vi.fn(async ({ tab, cursor }): Promise<OrderPage> => {
      if (failing > 0) {
        failing--
        throw new TradeKitError('NETWORK', 'offline')
      }
      const list = orders.filter((o) => orderInTab(o, tab))
      const start = cursor ? Number(cursor) : 0
      return {
        orders: list.slice(start, start + pageSize),
        nextCursor: start + pageSize < list.length ? String(start + pageSize) : null,
      }
    }),
    getOrder: vi.fn(async (id) => orders.find((o) => o.orderId === id)!),
    cancelOrder: vi.fn(async (id) => ({
      ...orders.find((o) => o.orderId === id)!,
      status: 'cancelled' as const,
    })),
    requestRefund: vi.fn(async (id) => orders.find((o) => o.orderId === id)!),
    confirmReceipt: vi.fn(async (id) => ({
      ...orders.find((o) => o.orderId === id)!,
      status: 'completed' as const,
    })),
  }
  return api
}

function withOrders(ui: ReactNode, api: OrdersApi, locale: Locale = 'zh-CN') {
  return render(
    <TradeProvider ordersApi={api} locale={locale} messages={locale === 'en-US' ? enUS : undefined}>
      {ui}
    </TradeProvider>,
  )
}

describe('OrderList', () => {
  it("shows the six tabs as a tab list, a skeleton while loading, then the tab's orders", async () => {
    const api = ordersApi([
      order('A'),
      order('B', { status: 'pending_payment' }),
      order('C', { status: 'shipped' }),
    ])
    withOrders(<OrderList />, api)
    const tabs = within(screen.getByRole('tablist', { name: zh('orders.tabs') })).getAllByRole('tab')
    expect(tabs.map((tab) => tab.textContent)).toEqual([
      '全部',
      '待支付',
      '待发货',
      '待收货',
      '待使用',
      '售后',
    ])
    expect(screen.getByRole('tab', { name: '全部' })).toHaveAttribute('aria-selected', 'true')
    expect(screen.getAllByRole('status', { name: '加载中' }).length).toBeGreaterThan(0)
    // the panel says it is loading while it shows the skeletons, and stops saying so with the orders
    expect(screen.getByRole('tabpanel', { name: '全部' })).toHaveAttribute('aria-busy', 'true')
    const list = await screen.findByRole('list', { name: zh('orders.list') })
    expect(within(list).getAllByRole('group', { name: /^订单 / })).toHaveLength(3)
    expect(screen.getByRole('tabpanel', { name: '全部' })).not.toHaveAttribute('aria-busy', 'true')
    expect(screen.getByText(zh('orders.noMore'))).toBeInTheDocument()

    fireEvent.click(screen.getByRole('tab', { name: '待支付' }))
    expect(screen.getByRole('tab', { name: '待支付' })).toHaveAttribute('aria-selected', 'true')
    await waitFor(() =>
      expect(api.listOrders).toHaveBeenLastCalledWith(expect.objectContaining({ tab: 'pending_payment' })),
    )
    await waitFor(() =>
      expect(
        screen.getAllByRole('group', { name: /^订单 / }).map((g) => g.getAttribute('aria-label')),
      ).toEqual([zh('order.card', { id: 'B', status: '待支付' })]),
    )
  })

  it('is one stop of the Tab key whose arrow keys, Home and End change the tab (WAI-ARIA tabs, active descendant)', async () => {
    const api = ordersApi([order('A'), order('B', { status: 'pending_payment' })])
    withOrders(<OrderList />, api)
    const tablist = screen.getByRole('tablist', { name: zh('orders.tabs') })
    const selected = () => screen.getByRole('tab', { selected: true })
    expect(tablist).toHaveAttribute('tabindex', '0')
    for (const tab of within(tablist).getAllByRole('tab')) expect(tab).not.toHaveAttribute('tabindex')
    expect(tablist).toHaveAttribute('aria-activedescendant', selected().id)
    fireEvent.keyDown(tablist, { key: 'ArrowRight' })
    expect(selected()).toHaveTextContent('待支付')
    expect(tablist).toHaveAttribute('aria-activedescendant', selected().id)
    await waitFor(() =>
      expect(api.listOrders).toHaveBeenLastCalledWith(expect.objectContaining({ tab: 'pending_payment' })),
    )
    fireEvent.keyDown(tablist, { key: 'End' })
    expect(selected()).toHaveTextContent('售后')
    fireEvent.keyDown(tablist, { key: 'ArrowRight' }) // wraps
    expect(selected()).toHaveTextContent('全部')
    fireEvent.keyDown(tablist, { key: 'ArrowLeft' })
    expect(selected()).toHaveTextContent('售后')
    fireEvent.keyDown(tablist, { key: 'Home' })
    expect(selected()).toHaveTextContent('全部')
    fireEvent.keyDown(tablist, { key: 'a' }) // other keys change nothing
    expect(selected()).toHaveTextContent('全部')
    await screen.findByRole('list', { name: zh('orders.list') })
  })

  it('shows the empty state for a tab with no order', async () => {
    withOrders(<OrderList defaultTab="after_sale" />, ordersApi([order('A')]))
    expect(await screen.findByText(zh('orders.empty.title'))).toBeInTheDocument()
    expect(screen.queryByRole('list', { name: zh('orders.list') })).toBeNull()
  })

  it('shows an error with "try again" that loads the tab again', async () => {
    const api = ordersApi([order('A')], { failures: 1 })
    withOrders(<OrderList />, api)
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent(zh('orders.error'))
    fireEvent.click(within(alert).getByRole('button', { name: zh('orders.retry') }))
    expect(
      await screen.findByRole('group', { name: zh('order.card', { id: 'A', status: '待发货' }) }),
    ).toBeInTheDocument()
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('loads the next page, then says there is no more', async () => {
    const orders = Array.from({ length: 5 }, (_, i) => order(`O${i}`))
    const api = ordersApi(orders, { pageSize: 3 })
    withOrders(<OrderList />, api)
    await screen.findByRole('group', { name: zh('order.card', { id: 'O2', status: '待发货' }) })
    expect(screen.queryByText(zh('orders.noMore'))).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: zh('orders.loadMore') }))
    await screen.findByRole('group', { name: zh('order.card', { id: 'O4', status: '待发货' }) })
    expect(api.listOrders).toHaveBeenLastCalledWith(expect.objectContaining({ tab: 'all', cursor: '3' }))
    expect(screen.getAllByRole('group', { name: /^订单 / })).toHaveLength(5)
    expect(screen.getByText(zh('orders.noMore'))).toBeInTheDocument()
  })

  it('loads the next page when scrolled to the end', async () => {
    const orders = Array.from({ length: 5 }, (_, i) => order(`O${i}`))
    const api = ordersApi(orders, { pageSize: 3 })
    const { container } = withOrders(<OrderList />, api)
    await screen.findByRole('group', { name: zh('order.card', { id: 'O2', status: '待发货' }) })
    fireEvent.scroll(container.querySelector('.tk-order-list__scroll')!)
    await screen.findByRole('group', { name: zh('order.card', { id: 'O4', status: '待发货' }) })
    expect(api.listOrders).toHaveBeenCalledTimes(2)
  })

  it('cancels an unpaid order on the store: shown cancelled at once', async () => {
    const api = ordersApi([order('P', { status: 'pending_payment' })])
    withOrders(<OrderList />, api)
    fireEvent.click(await screen.findByRole('button', { name: '取消订单' }))
    expect(api.cancelOrder).toHaveBeenCalledWith('P')
    expect(
      screen.getByRole('group', { name: zh('order.card', { id: 'P', status: '已取消' }) }),
    ).toBeInTheDocument()
  })

  it('says on the card of the order being paid, and on no other, where its payment stands', async () => {
    const merchant = createMemoryApi({ catalog: { tee: { price: money(9800) } } })
    const made = await merchant.api.createOrder(
      { lines: [{ skuId: 'tee', quantity: 1 }], expectedPayable: money(9800) },
      { idempotencyKey: 'earlier', signal: new AbortController().signal },
    )
    const later = Date.now() + 10 * 60_000
    const mine = order(made.orderId, { status: 'pending_payment', expiresAt: later, payment: made.payment })
    const api = ordersApi([mine, order('B', { status: 'pending_payment', expiresAt: later })])
    function Page() {
      const checkout = useCheckout()
      return <OrderList onPay={(o) => void checkout.continuePayment(continuedOrderOf(o))} />
    }
    render(
      <TradeProvider
        ordersApi={api}
        api={merchant.api}
        channel={sandboxChannel({ outcome: 'hang' })}
        storage={memoryStorage()}
      >
        <Page />
      </TradeProvider>,
    )
    const card = await screen.findByRole('group', {
      name: zh('order.card', { id: made.orderId, status: '待支付' }),
    })
    await act(async () => fireEvent.click(within(card).getByRole('button', { name: '继续支付' })))
    await waitFor(() => expect(within(card).getByRole('status')).toHaveTextContent(zh('status.paying')))
    const other = screen.getByRole('group', { name: zh('order.card', { id: 'B', status: '待支付' }) })
    expect(within(other).queryByRole('status')).toBeNull()
  })

  it("gives the page's handlers the order", async () => {
    const onDetail = vi.fn()
    const onRefund = vi.fn()
    withOrders(<OrderList onDetail={onDetail} onRefund={onRefund} />, ordersApi([order('A')]))
    fireEvent.click(await screen.findByRole('button', { name: '查看详情' }))
    fireEvent.click(screen.getByRole('button', { name: '申请退款' }))
    expect(onDetail).toHaveBeenCalledWith(expect.objectContaining({ orderId: 'A' }))
    expect(onRefund).toHaveBeenCalledWith(expect.objectContaining({ orderId: 'A' }))
  })

  it('speaks English', async () => {
    withOrders(<OrderList />, ordersApi([order('A')]), 'en-US')
    expect(screen.getByRole('tab', { name: 'To receive' })).toHaveAttribute('aria-selected', 'false')
    expect(await screen.findByRole('group', { name: 'Order A, To be shipped' })).toBeInTheDocument()
    expect(screen.getByText('No more orders')).toBeInTheDocument()
  })
})
