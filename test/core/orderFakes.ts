import { money, type Order } from '@tradekit/core'

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
