import { money, type Order } from '@tradekit/core'

/**
 * A delivered parcel of two lines for refund tests: two T 恤 at ¥49 (nothing refunded) and a 马克杯 at
 * ¥45 of which `mugRefunded` minor units went back already.
 */
export function refundOrder(mugRefunded: number): Order {
  return {
    orderId: 'R1',
    status: 'delivered',
    kind: 'physical',
    lines: [
      {
        lineId: 'tee',
        skuId: 'tee',
        title: 'T 恤',
        quantity: 2,
        unitPrice: money(4900),
        amount: money(9800),
        refunded: money(0),
      },
      {
        lineId: 'mug',
        skuId: 'mug',
        title: '马克杯',
        quantity: 1,
        unitPrice: money(4500),
        amount: money(4500),
        refunded: money(mugRefunded),
      },
    ],
    amount: money(14300),
    refunded: money(mugRefunded),
    createdAt: 1,
  }
}
