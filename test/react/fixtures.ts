import { type LifecyclePort, money, type Order, type Plan } from '@tradekit/core'

// What the react tests share: an app lifecycle to drive by hand, a paid one-line order, a plan.

/** App show/hide driven by the test, counting who listens. */
export function fakeLifecycle() {
  const shows = new Set<() => void>()
  const hides = new Set<() => void>()
  const port: LifecyclePort = {
    onShow(cb) {
      shows.add(cb)
      return () => shows.delete(cb)
    },
    onHide(cb) {
      hides.add(cb)
      return () => hides.delete(cb)
    },
  }
  return {
    port,
    listeners: () => shows.size + hides.size,
    hide: () => {
      for (const cb of [...hides]) cb()
    },
    show: () => {
      for (const cb of [...shows]) cb()
    },
  }
}

/** A paid order of one 龙井 at ¥48, with `patch` over it. */
export function paidOrder(orderId: string, patch: Partial<Order> = {}): Order {
  return {
    orderId,
    status: 'paid',
    kind: 'physical',
    lines: [
      {
        lineId: 'l1',
        skuId: 'tea',
        title: '龙井',
        quantity: 1,
        unitPrice: money(4800),
        amount: money(4800),
        refunded: money(0),
      },
    ],
    amount: money(4800),
    refunded: money(0),
    createdAt: 1,
    ...patch,
  }
}

/** A monthly membership plan at ¥12. */
export const monthly: Plan = {
  id: 'vip-month',
  title: '月卡',
  price: money(1200),
  period: { unit: 'month', count: 1 },
  benefits: ['全站畅读'],
}
