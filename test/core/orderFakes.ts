import { money, type Order, type OrderItem } from '@tradekit/core'

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

/** An order line of `quantity` × ¥10 (its id and title the sku's unless `patch` says otherwise). */
export function orderLine(skuId: string, quantity: number, patch: Partial<OrderItem> = {}): OrderItem {
  return {
    lineId: skuId,
    skuId,
    title: skuId,
    quantity,
    unitPrice: money(1000),
    amount: money(1000 * quantity),
    refunded: money(0),
    ...patch,
  }
}
