import {
  createCheckout,
  createCouponWallet,
  createMembership,
  createOrders,
  memoryStorage,
  sandboxChannel,
} from '@tradekit/core'
import { describe, expect, it } from 'vitest'
import { fakeApi } from './checkoutFakes'

const code = (make: () => unknown) => {
  try {
    make()
    return 'made'
  } catch (error) {
    return (error as { code?: string }).code
  }
}

describe("a store made without its API's methods", () => {
  it('is refused at once with INVALID_ARGUMENT, never later as a network failure', () => {
    const channel = sandboxChannel()
    const storage = memoryStorage()
    const getOrderStatus = async () => 'pending' as const
    expect(code(() => createCheckout({ api: undefined as never, channel, storage }))).toBe('INVALID_ARGUMENT')
    expect(code(() => createCheckout({ api: { getOrderStatus } as never, channel, storage }))).toBe(
      'INVALID_ARGUMENT',
    )
    const checkout = createCheckout({ api: fakeApi(), channel, storage })
    const missing = { createOrder: fakeApi().createOrder } as never
    expect(code(() => checkout.setOptions({ api: missing }))).toBe('INVALID_ARGUMENT')
    expect(code(() => createMembership({ api: { getPlans: async () => [] } as never, checkout }))).toBe(
      'INVALID_ARGUMENT',
    )
    expect(code(() => createCouponWallet({ api: { listCoupons: async () => [] } as never }))).toBe(
      'INVALID_ARGUMENT',
    )
    expect(code(() => createOrders({ api: {} as never }))).toBe('INVALID_ARGUMENT')
    checkout.dispose()
  })

  it('names the missing method in development builds', () => {
    expect(() => createCheckout({ api: {} as never, storage: memoryStorage() })).toThrow(
      'createCheckout needs api.createOrder',
    )
    expect(() => createCouponWallet({ api: { listCoupons: async () => [] } as never })).toThrow(
      'createCouponWallet needs api.claimCoupon',
    )
  })
})
