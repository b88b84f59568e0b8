import { act, fireEvent, render, waitFor, within } from '@testing-library/react'
import { money, type Order, type Orders, type OrdersApi, orderInTab } from '@tradekit/core'
import { TradeProvider, useOrders } from '@tradekit/react'
import { OrderList } from '@tradekit/taro'
import { describe, expect, it, vi } from 'vitest'

// Counts the renders of each OrderCard: a card computes its actions (`orderActions`) once per
// render, so the spy's calls by order id are the cards' renders.
const renders = vi.hoisted(() => new Map<string, number>())
vi.mock('@tradekit/core', async (importOriginal) => {
  const core = await importOriginal<typeof import('@tradekit/core')>()
  return {
    ...core,
    orderActions: (order: Order, now: number) => {
      renders.set(order.orderId, (renders.get(order.orderId) ?? 0) + 1)
      return core.orderActions(order, now)
    },
  }
})

function order(orderId: string, status: Order['status']): Order {
  return {
    orderId,
    status,
    kind: 'physical',
    lines: [
      {
        lineId: 'l1',
        skuId: 'tee',
        title: 'T 恤',
        quantity: 1,
        unitPrice: money(4900),
        amount: money(4900),
        refunded: money(0),
      },
    ],
    amount: money(4900),
    refunded: money(0),
    createdAt: 1,
  }
}

let store: Orders | undefined
function StoreProbe() {
  store = useOrders('all').store
  return null
}

describe('OrderList with 200 orders', () => {
  it('re-renders only the card whose order changed', { timeout: 30_000 }, async () => {
    // 200 shipped orders, one unpaid (without a countdown, so nothing ticks)
    let orders = Array.from({ length: 200 }, (_, i) =>
      order(`O${i}`, i === 57 ? 'pending_payment' : 'shipped'),
    )
    const api: OrdersApi = {
      listOrders: vi.fn(async ({ tab }) => ({
        orders: orders.filter((o) => orderInTab(o, tab)),
        nextCursor: null,
      })),
      getOrder: vi.fn(async (id) => orders.find((o) => o.orderId === id)!),
      cancelOrder: vi.fn(async (id) => ({
        ...orders.find((o) => o.orderId === id)!,
        status: 'cancelled' as const,
      })),
      requestRefund: vi.fn(),
    }
    const { container } = render(
      <TradeProvider ordersApi={api}>
        <OrderList batchSize={50} onDetail={() => {}} />
        <StoreProbe />
      </TradeProvider>,
    )
    // role queries over 200 cards are slow in jsdom: the cards are found by their accessible name
    const card = (name: string) => container.querySelector(`[aria-label="${name}"]`)
    await waitFor(() => expect(renders.size).toBe(200), { timeout: 10_000 })
    expect(container.querySelectorAll('[aria-label^="订单 O"]')).toHaveLength(200)

    // the server says one order was delivered; a pull to refresh brings the 200 again
    renders.clear()
    orders = orders.map((o) => (o.orderId === 'O120' ? { ...o, status: 'delivered' as const } : o))
    const refreshed = api.listOrders as ReturnType<typeof vi.fn>
    // (pull to refresh is the mini-program ScrollView's; Taro's H5 ScrollView has none)
    act(() => void store!.refresh())
    await waitFor(() => expect(refreshed).toHaveBeenCalledTimes(2))
    await waitFor(() => expect(card('订单 O120，已送达')).not.toBeNull())
    expect(Object.fromEntries(renders)).toEqual({ O120: 1 })

    // the user cancels the unpaid order: shown at once, then the server's answer
    renders.clear()
    const unpaid = card('订单 O57，待支付') as HTMLElement
    fireEvent.click(within(unpaid).getByRole('button', { name: '取消订单' }))
    await waitFor(() => expect(card('订单 O57，已取消')).not.toBeNull())
    await waitFor(() => expect(api.cancelOrder).toHaveBeenCalledWith('O57'))
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20))
    })
    expect([...renders.keys()]).toEqual(['O57'])
    expect(renders.get('O57')).toBeLessThanOrEqual(2)
  })
})
