import {
  createCheckout,
  createMembership,
  divideRoundHalfUp,
  type Entitlement,
  formatPlanPrice,
  formatPricePerDay,
  type MembershipApi,
  memoryStorage,
  money,
  type Plan,
  pricePerDay,
  pricePerUnit,
  sandboxChannel,
} from '@tradekit/core'
import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fakeApi, manualChannel } from './checkoutFakes'

describe('per-period prices', () => {
  it('writes a plan price per period, trimming zero fractions', () => {
    expect(formatPlanPrice(money(1200), { unit: 'month', count: 1 })).toBe('¥12/月')
    expect(formatPlanPrice(money(3000), { unit: 'month', count: 3 })).toBe('¥30/3个月')
    expect(formatPlanPrice(money(12850), { unit: 'year', count: 1 })).toBe('¥128.50/年')
    expect(formatPlanPrice(money(1200), { unit: 'month', count: 1 }, { locale: 'en-US' })).toBe('¥12/month')
    expect(formatPlanPrice(money(3000), { unit: 'week', count: 2 }, { locale: 'en-US' })).toBe('¥30/2 weeks')
    expect(formatPlanPrice(money(990), null)).toBe('¥9.90')
  })

  it('writes about how much a day costs, rounded half up to the fen', () => {
    expect(formatPricePerDay(money(1200), { unit: 'month', count: 1 })).toBe('约 ¥0.40/天')
    expect(formatPricePerDay(money(12800), { unit: 'year', count: 1 })).toBe('约 ¥0.35/天')
    expect(formatPricePerDay(money(1200), { unit: 'month', count: 1 }, { locale: 'en-US' })).toBe(
      'about ¥0.40/day',
    )
    // 15 fen over 30 days is 0.5 fen: half rounds up
    expect(pricePerDay(money(15), { unit: 'month', count: 1 })).toEqual(money(1))
    expect(pricePerDay(money(14), { unit: 'month', count: 1 })).toEqual(money(0))
    expect(pricePerUnit(money(12000), { unit: 'year', count: 1 }, 'month')).toEqual(money(1000))
    expect(pricePerUnit(money(1000), { unit: 'month', count: 3 }, 'month')).toEqual(money(333))
    expect(pricePerUnit(money(700), { unit: 'week', count: 1 }, 'day')).toEqual(money(100))
  })

  it('divides exactly: the result is the nearest integer, ties away from zero', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 1, max: 100_000 }), (a, d) => {
        const q = divideRoundHalfUp(a, d)
        const error = Math.abs(q * d - a) // |q - a/d| * d, in integers
        expect(error * 2).toBeLessThanOrEqual(d)
        if (error * 2 === d) expect(Math.abs(q * d)).toBeGreaterThan(Math.abs(a))
      }),
    )
  })

  it('rejects a period that is not a positive integer count', () => {
    expect(() => pricePerDay(money(100), { unit: 'month', count: 0 })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    )
    expect(() => pricePerDay(money(100), { unit: 'month', count: 1.5 })).toThrow()
  })
})

const monthly: Plan = {
  id: 'vip-month',
  title: '月卡',
  price: money(1200),
  period: { unit: 'month', count: 1 },
  benefits: ['无广告'],
}
const renewing: Plan = {
  id: 'vip-auto',
  title: '连续包月',
  price: money(990),
  period: { unit: 'month', count: 1 },
  autoRenew: true,
  benefits: ['无广告'],
}

function membershipApi(entitlements: Entitlement[]) {
  let i = 0
  return {
    getPlans: vi.fn(async () => [monthly, renewing]),
    getEntitlement: vi.fn(async () => entitlements[Math.min(i++, entitlements.length - 1)]!),
  } satisfies MembershipApi
}

describe('createMembership', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('offers auto-renew plans only when the channel can sign', async () => {
    const checkout = createCheckout({ api: fakeApi(), channel: manualChannel(), storage: memoryStorage() })
    const m = createMembership({ api: membershipApi([{ active: false }]), checkout })
    expect(m.canAutoRenew()).toBe(false)
    const s = await m.load()
    expect(s).toMatchObject({ status: 'ready', entitlement: { active: false }, unlocking: null })
    expect(s.plans.map((p) => p.id)).toEqual(['vip-month'])
    expect((await m.unlock('vip-auto', { consent: true })).error?.code).toBe('PAYMENT_UNAVAILABLE')

    const signing = createCheckout({ api: fakeApi(), channel: sandboxChannel(), storage: memoryStorage() })
    const m2 = createMembership({ api: membershipApi([{ active: false }]), checkout: signing })
    expect((await m2.load()).plans.map((p) => p.id)).toEqual(['vip-month', 'vip-auto'])
  })

  it('unlocks through the checkout, then re-reads the entitlement until active', async () => {
    const api = fakeApi()
    const checkout = createCheckout({
      api,
      channel: sandboxChannel({ outcome: 'success' }, { notify: (id) => api.markPaid(id) }),
      storage: memoryStorage(),
    })
    const mApi = membershipApi([
      { active: false },
      { active: false },
      { active: false },
      { active: true, planId: 'vip-month' },
    ])
    const m = createMembership({ api: mApi, checkout })
    await m.load()
    const unlocking = m.unlock('vip-month')
    expect(m.getSnapshot().unlocking).toBe('vip-month')
    await vi.advanceTimersByTimeAsync(10_000)
    const result = await unlocking
    expect(result).toMatchObject({ status: 'active', entitlement: { active: true, planId: 'vip-month' } })
    expect(result.checkout?.status).toBe('paid')
    expect(api.createOrder).toHaveBeenCalledWith(
      expect.objectContaining({ lines: [{ skuId: 'vip-month', quantity: 1 }], expectedPayable: money(1200) }),
      expect.anything(),
    )
    expect(mApi.getEntitlement).toHaveBeenCalledTimes(4)
    expect(m.getSnapshot()).toMatchObject({ unlocking: null, entitlement: { active: true } })
  })

  it('requires explicit consent for auto-renew and pays it through sign, keeping the renewal details', async () => {
    const api = fakeApi()
    const channel = sandboxChannel({ outcome: 'success' }, { notify: (id) => api.markPaid(id) })
    const sign = vi.spyOn(channel, 'sign')
    const pay = vi.spyOn(channel, 'pay')
    const checkout = createCheckout({ api, channel, storage: memoryStorage() })
    const renewal = {
      nextChargeAt: Date.UTC(2026, 11, 25),
      amount: money(990),
      manageRoute: '/pages/member/renewal',
    }
    const m = createMembership({
      api: membershipApi([{ active: false }, { active: true, planId: 'vip-auto', renewal }]),
      checkout,
    })
    await m.load()
    const refused = await m.unlock('vip-auto')
    expect(refused).toMatchObject({ status: 'failed', error: { code: 'CONSENT_REQUIRED' } })
    expect(api.createOrder).not.toHaveBeenCalled()
    const unlocking = m.unlock('vip-auto', { consent: true })
    await vi.advanceTimersByTimeAsync(5000)
    const result = await unlocking
    expect(result).toMatchObject({ status: 'active', entitlement: { renewal } })
    expect(sign).toHaveBeenCalledTimes(1)
    expect(pay).not.toHaveBeenCalled()
  })

  it('reports a cancelled checkout as failed and an unconfirmed one as pending', async () => {
    const api = fakeApi()
    const checkout = createCheckout({
      api,
      channel: sandboxChannel([{ outcome: 'cancel' }, { outcome: 'unknown' }]),
      storage: memoryStorage(),
    })
    const m = createMembership({ api: membershipApi([{ active: false }]), checkout })
    await m.load()
    const cancelled = m.unlock('vip-month')
    await vi.advanceTimersByTimeAsync(1000)
    expect(await cancelled).toMatchObject({ status: 'failed', checkout: { status: 'cancelled' } })
    const unknown = m.unlock('vip-month')
    await vi.advanceTimersByTimeAsync(120_000)
    expect(await unknown).toMatchObject({ status: 'pending', checkout: { status: 'unknown' } })
  })

  it('reports a failing API as an error snapshot, never a rejection', async () => {
    const checkout = createCheckout({ api: fakeApi(), channel: manualChannel(), storage: memoryStorage() })
    const m = createMembership({
      api: {
        getPlans: async () => [monthly],
        getEntitlement: async () => Promise.reject(new Error('offline')),
      },
      checkout,
    })
    expect(await m.load()).toMatchObject({ status: 'error', error: { code: 'NETWORK' } })
    expect((await m.unlock('nope')).error?.code).toBe('INVALID_ARGUMENT')
  })
})

describe('createMembership guards', () => {
  it('does not hijack a payment already running, and keeps its snapshot when nothing changes', async () => {
    vi.useFakeTimers()
    try {
      const checkout = createCheckout({ api: fakeApi(), channel: manualChannel(), storage: memoryStorage() })
      const m = createMembership({ api: membershipApi([{ active: false }]), checkout })
      await m.load()
      const before = m.getSnapshot()
      await m.refresh()
      expect(m.getSnapshot()).toBe(before)
      void checkout.submit({ lines: [{ skuId: 'other', quantity: 1 }], expectedPayable: money(100) })
      await vi.advanceTimersByTimeAsync(0)
      expect(checkout.getSnapshot().status).toBe('paying')
      const result = await m.unlock('vip-month')
      expect(result).toMatchObject({ status: 'failed', error: { code: 'INVALID_ARGUMENT' } })
      expect(checkout.getSnapshot().attempt).toBe(1)
    } finally {
      vi.useRealTimers()
    }
  })
})
