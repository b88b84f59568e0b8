import { continuedOrderOf, money, type Order } from '@tradekit/core'
import { afterEach, describe, expect, it, vi } from 'vitest'

const base: Order = {
  orderId: 'o1',
  status: 'pending_payment',
  kind: 'virtual',
  lines: [
    {
      lineId: 'l',
      skuId: 'vip',
      title: '月卡',
      quantity: 1,
      unitPrice: money(1200),
      amount: money(1200),
      refunded: money(0),
    },
  ],
  amount: money(1200),
  refunded: money(0),
  createdAt: 0,
  channel: 'douyin-trade',
  payment: { data: '{}', byteAuthorization: 'x' },
  channelState: { douyinOrderId: 'motb1' },
}

afterEach(() => {
  vi.useRealTimers()
})

describe('continuedOrderOf', () => {
  it('hands the checkout the same order, its payload and the saved state, expiry on the device clock', () => {
    vi.useFakeTimers({ now: 1_000_000 })
    // the server's clock runs 60 s ahead of the device's: 5 minutes left on the server are 5 minutes here
    const order = { ...base, expiresAt: 1_360_000, serverNow: 1_060_000, receivedAt: 1_000_000 }
    expect(continuedOrderOf(order)).toEqual({
      orderId: 'o1',
      amount: money(1200),
      payment: base.payment,
      expiresAt: 1_300_000,
      channel: 'douyin-trade',
      channelState: { douyinOrderId: 'motb1' },
    })
  })

  it('refuses an order that is not awaiting payment, or one sent without its payload', () => {
    expect(() => continuedOrderOf({ ...base, status: 'paid' })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    )
    const { payment: _, ...withoutPayment } = base
    expect(() => continuedOrderOf(withoutPayment)).toThrow(/no payment payload/)
  })
})
