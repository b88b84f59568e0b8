import { type CouponsApi, createCouponWallet, money } from '@tradekit/core'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { idempotencyKey } from '../../packages/core/src/internal/idempotencyKey'

describe('idempotencyKey', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('takes its randomness from crypto.getRandomValues where the engine has it', () => {
    const getRandomValues = vi.fn((a: Uint32Array) => a.fill(35))
    vi.stubGlobal('crypto', { getRandomValues })
    vi.spyOn(Date, 'now').mockReturnValue(36 * 36)
    expect(idempotencyKey()).toBe('tk-100-zzz')
    expect(idempotencyKey('claim')).toBe('claim-100-zzz')
    expect(getRandomValues).toHaveBeenCalledTimes(2)
    vi.restoreAllMocks()
  })

  it('falls back to Math.random without crypto, and never repeats in practice', () => {
    vi.stubGlobal('crypto', undefined)
    const keys = new Set(Array.from({ length: 1000 }, () => idempotencyKey()))
    expect(keys.size).toBe(1000)
    for (const key of keys) expect(key).toMatch(/^tk-[0-9a-z]+-[0-9a-z]+$/)
  })

  it("is the coupon wallet's claim key by default (crypto, not Math.random)", async () => {
    const getRandomValues = vi.fn((a: Uint32Array) => a.fill(1))
    vi.stubGlobal('crypto', { getRandomValues })
    const claimCoupon = vi.fn<CouponsApi['claimCoupon']>(async (id) => ({
      coupon: { id, title: id, kind: 'amount', amountOff: money(500) },
      status: 'available',
    }))
    const wallet = createCouponWallet({ api: { listCoupons: async () => [], claimCoupon } })
    await wallet.claim('c1')
    expect(claimCoupon.mock.calls[0]![1].idempotencyKey).toMatch(/^claim-[0-9a-z]+-111$/)
    expect(getRandomValues).toHaveBeenCalledTimes(1)
  })
})
