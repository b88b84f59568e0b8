import {
  createCheckout,
  createMembership,
  divideRoundHalfUp,
  type Entitlement,
  entitlementView,
  formatPlanPrice,
  formatPricePerDay,
  type MembershipApi,
  memoryStorage,
  money,
  type Plan,
  pricePerDay,
  pricePerUnit,
  sandboxChannel,
  TradeKitError,
} from '@tradekit/core'
import { enUS } from '@tradekit/core/locales/en-US'
import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fakeApi, fakeLifecycle, manualChannel } from './checkoutFakes'

describe('per-period prices', () => {
  it('writes a plan price per period, trimming zero fractions', () => {
    expect(formatPlanPrice(money(1200), { unit: 'month', count: 1 })).toBe('¥12/月')
    expect(formatPlanPrice(money(3000), { unit: 'month', count: 3 })).toBe('¥30/3个月')
    expect(formatPlanPrice(money(12850), { unit: 'year', count: 1 })).toBe('¥128.50/年')
    expect(
      formatPlanPrice(money(1200), { unit: 'month', count: 1 }, { locale: 'en-US', messages: enUS }),
    ).toBe('¥12/month')
    expect(
      formatPlanPrice(money(3000), { unit: 'week', count: 2 }, { locale: 'en-US', messages: enUS }),
    ).toBe('¥30/2 weeks')
    expect(formatPlanPrice(money(990), null)).toBe('¥9.90')
  })

  it('writes about how much a day costs, rounded half up to the fen', () => {
    expect(formatPricePerDay(money(1200), { unit: 'month', count: 1 })).toBe('约 ¥0.40/天')
    expect(formatPricePerDay(money(12800), { unit: 'year', count: 1 })).toBe('约 ¥0.35/天')
    expect(
      formatPricePerDay(money(1200), { unit: 'month', count: 1 }, { locale: 'en-US', messages: enUS }),
    ).toBe('about ¥0.40/day')
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

/** A checkout whose cashier never answers (the membership's checkout when nothing is paid). */
const idleCheckout = () =>
  createCheckout({ api: fakeApi(), channel: manualChannel(), storage: memoryStorage() })

/** A checkout whose sandbox cashier pays (or follows `script`) and tells the fake server. */
function paidCheckout(script: Parameters<typeof sandboxChannel>[0] = { outcome: 'success' }) {
  const api = fakeApi()
  const channel = sandboxChannel(script, { notify: (id) => api.markPaid(id) })
  return { api, checkout: createCheckout({ api, channel, storage: memoryStorage() }) }
}

/** The server grants the plan only on the fourth read (the payment's notification is slow). */
const ACTIVE_ON_FOURTH_READ: Entitlement[] = [
  { active: false },
  { active: false },
  { active: false },
  { active: true, planId: 'vip-month' },
]

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
    const checkout = idleCheckout()
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
    const { api, checkout } = paidCheckout()
    const mApi = membershipApi(ACTIVE_ON_FOURTH_READ)
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
    const checkout = idleCheckout()
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
      const checkout = idleCheckout()
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

describe('createMembership listeners', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('a listener that throws stops neither the other listeners nor load(); its error comes later', async () => {
    const checkout = idleCheckout()
    const m = createMembership({ api: membershipApi([{ active: false }]), checkout })
    m.subscribe(() => {
      throw new Error('listener bug')
    })
    const other = vi.fn()
    m.subscribe(other)
    await expect(m.load()).resolves.toMatchObject({ status: 'ready', entitlement: { active: false } })
    expect(other).toHaveBeenCalledTimes(2) // loading, then ready
    expect(() => vi.runAllTimers()).toThrow('listener bug')
  })
})

describe('createMembership with a malformed answer from the team API', () => {
  const checkout = () => idleCheckout()
  const entitlementApi = (entitlement: unknown): MembershipApi => ({
    getPlans: async () => [monthly],
    getEntitlement: async () => entitlement as Entitlement,
  })
  const plansApi = (plans: unknown): MembershipApi => ({
    getPlans: async () => plans as Plan[],
    getEntitlement: async () => ({ active: false }),
  })

  it.each([
    ['an entitlement without active', entitlementApi({ planId: 'vip-month' }), 'getEntitlement'],
    ['an entitlement whose active is a string', entitlementApi({ active: 'yes' }), 'getEntitlement'],
    ['no entitlement at all', entitlementApi(undefined), 'getEntitlement'],
    ['plans that are not a list', plansApi({ plans: [monthly] }), 'getPlans'],
    ['a plan without a price', plansApi([{ ...monthly, price: undefined }]), 'getPlans'],
    [
      'a plan with a price in yuan',
      plansApi([{ ...monthly, price: { amount: 12.5, currency: 'CNY' } }]),
      'getPlans',
    ],
    ['a plan with a bad period', plansApi([{ ...monthly, period: { unit: 'moon', count: 1 } }]), 'getPlans'],
    ['a plan without benefits', plansApi([{ ...monthly, benefits: '无广告' }]), 'getPlans'],
    ['a plan without an id', plansApi([{ ...monthly, id: '' }]), 'getPlans'],
  ])(
    'reports %s as INVALID_ARGUMENT naming the method, not as a rejected order',
    async (_name, api, method) => {
      const m = createMembership({ api, checkout: checkout() })
      const snapshot = await m.load()
      expect(snapshot).toMatchObject({ status: 'error', error: { code: 'INVALID_ARGUMENT' } })
      expect(snapshot.error?.message).toContain(method)
    },
  )

  it('reports a malformed entitlement on refresh() the same way, keeping the last good one', async () => {
    let answer: unknown = { active: true, planId: 'vip-month' }
    const m = createMembership({
      api: { getPlans: async () => [monthly], getEntitlement: async () => answer as Entitlement },
      checkout: checkout(),
    })
    await m.load()
    answer = { active: 1 }
    const snapshot = await m.refresh()
    expect(snapshot).toMatchObject({ entitlement: { active: true }, error: { code: 'INVALID_ARGUMENT' } })
    expect(snapshot.error?.message).toContain('getEntitlement')
  })
})

describe('createMembership follows its checkout', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('re-reads the entitlement until active when its checkout turns paid outside unlock()', async () => {
    const { checkout } = paidCheckout([{ outcome: 'cancel' }, { outcome: 'success' }])
    const mApi = membershipApi(ACTIVE_ON_FOURTH_READ)
    const m = createMembership({ api: mApi, checkout })
    await m.load()
    const cancelled = m.unlock('vip-month')
    await vi.advanceTimersByTimeAsync(1000)
    expect(await cancelled).toMatchObject({ status: 'failed', checkout: { status: 'cancelled' } })
    expect(mApi.getEntitlement).toHaveBeenCalledTimes(1)
    // the user pays the same order from the payment status ("try again"), not through unlock()
    const paid = checkout.retry()
    await vi.advanceTimersByTimeAsync(10_000)
    expect((await paid).status).toBe('paid')
    expect(mApi.getEntitlement).toHaveBeenCalledTimes(4)
    expect(m.getSnapshot()).toMatchObject({
      unlocking: null,
      entitlement: { active: true, planId: 'vip-month' },
    })
    await vi.advanceTimersByTimeAsync(60_000)
    expect(mApi.getEntitlement).toHaveBeenCalledTimes(4) // stops once active
  })

  it('does not read twice when unlock() itself takes the checkout to paid', async () => {
    const { checkout } = paidCheckout()
    const mApi = membershipApi([{ active: false }, { active: true, planId: 'vip-month' }])
    const m = createMembership({ api: mApi, checkout })
    await m.load()
    const unlocking = m.unlock('vip-month')
    await vi.advanceTimersByTimeAsync(10_000)
    expect(await unlocking).toMatchObject({ status: 'active' })
    await vi.advanceTimersByTimeAsync(60_000)
    expect(mApi.getEntitlement).toHaveBeenCalledTimes(2)
  })
})

describe('createMembership dispose()', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('aborts the reads in flight, tells no one, and turns later calls into no-ops', async () => {
    const signals: AbortSignal[] = []
    const api = {
      getPlans: vi.fn(async () => [monthly]),
      getEntitlement: vi.fn(({ signal }: { signal: AbortSignal }) => {
        signals.push(signal)
        return new Promise<Entitlement>(() => {}) // the server never answers
      }),
    } satisfies MembershipApi
    const checkoutApi = fakeApi()
    const checkout = createCheckout({ api: checkoutApi, channel: manualChannel(), storage: memoryStorage() })
    const m = createMembership({ api, checkout })
    const listener = vi.fn()
    m.subscribe(listener)
    const loading = m.load()
    expect(m.getSnapshot().status).toBe('loading')
    const before = m.getSnapshot()
    listener.mockClear()
    m.dispose()
    expect(signals).toHaveLength(1)
    expect(signals[0]!.aborted).toBe(true)
    await expect(loading).resolves.toBe(before)
    await expect(m.load()).resolves.toBe(before)
    await expect(m.refresh()).resolves.toBe(before)
    expect(await m.unlock('vip-month')).toMatchObject({ status: 'failed', error: { code: 'ABORTED' } })
    m.dispose()
    await vi.advanceTimersByTimeAsync(60_000)
    expect(m.getSnapshot()).toBe(before)
    expect(listener).not.toHaveBeenCalled()
    expect(api.getEntitlement).toHaveBeenCalledTimes(1)
    expect(checkoutApi.createOrder).not.toHaveBeenCalled()
  })

  it('stops following its checkout: a payment after dispose() reads no entitlement', async () => {
    const { checkout } = paidCheckout()
    const original = checkout.subscribe.bind(checkout)
    const unsubscribes: (() => void)[] = []
    vi.spyOn(checkout, 'subscribe').mockImplementation((listener) => {
      const off = vi.fn(original(listener))
      unsubscribes.push(off)
      return off
    })
    const mApi = membershipApi([{ active: false }, { active: true }])
    const m = createMembership({ api: mApi, checkout })
    await m.load()
    expect(unsubscribes).toHaveLength(1)
    m.dispose()
    expect(unsubscribes[0]).toHaveBeenCalledTimes(1)
    const paid = checkout.submit({
      lines: [{ skuId: 'vip-month', quantity: 1 }],
      expectedPayable: money(1200),
    })
    await vi.advanceTimersByTimeAsync(10_000)
    expect((await paid).status).toBe('paid')
    await vi.advanceTimersByTimeAsync(60_000)
    expect(mApi.getEntitlement).toHaveBeenCalledTimes(1)
    expect(m.getSnapshot().entitlement).toEqual({ active: false })
  })
})

describe('createMembership under double taps', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('answers a second unlock() of the same plan with the running one: one order, the state untouched', async () => {
    const { api, checkout } = paidCheckout()
    const m = createMembership({
      api: membershipApi([{ active: false }, { active: true, planId: 'vip-month' }]),
      checkout,
    })
    await m.load()
    const seen: (string | null)[] = []
    m.subscribe(() => {
      seen.push(m.getSnapshot().unlocking)
    })
    const first = m.unlock('vip-month')
    const second = m.unlock('vip-month')
    expect(m.getSnapshot()).toMatchObject({ unlocking: 'vip-month' })
    expect(m.getSnapshot().error).toBeUndefined()
    await vi.advanceTimersByTimeAsync(10_000)
    const [a, b] = await Promise.all([first, second])
    expect(a).toMatchObject({ status: 'active' })
    expect(b).toBe(a)
    expect(api.createOrder).toHaveBeenCalledTimes(1)
    // 'vip-month' until the unlock ended, never a null in between
    expect(seen.indexOf(null)).toBe(seen.length - 1)
  })

  it('refuses another plan while an unlock runs without touching the running one', async () => {
    const signing = createCheckout({ api: fakeApi(), channel: manualChannel(), storage: memoryStorage() })
    const m = createMembership({ api: membershipApi([{ active: false }]), checkout: signing })
    await m.load()
    void m.unlock('vip-month')
    const other = await m.unlock('vip-year')
    expect(other).toMatchObject({ status: 'failed', error: { code: 'INVALID_ARGUMENT' } })
    expect(m.getSnapshot()).toMatchObject({ unlocking: 'vip-month' })
    expect(m.getSnapshot().error).toBeUndefined()
  })
})

describe('createMembership with a request builder that throws', () => {
  it('fails the unlock with a typed error and leaves nothing unlocking', async () => {
    const { api, checkout } = paidCheckout()
    const m = createMembership({
      api: membershipApi([{ active: false }]),
      checkout,
      request: () => {
        throw new Error('no sku for this plan')
      },
    })
    await m.load()
    const result = await m.unlock('vip-month')
    expect(result).toMatchObject({ status: 'failed', error: { code: 'INVALID_ARGUMENT' } })
    expect(m.getSnapshot()).toMatchObject({ unlocking: null, error: { code: 'INVALID_ARGUMENT' } })
    expect(api.createOrder).not.toHaveBeenCalled()
  })
})

describe('createMembership follows payments reported late', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('re-reads the entitlement when the checkout reports an earlier order paid (latePaid)', async () => {
    const api = fakeApi()
    const channel = manualChannel()
    const lifecycle = fakeLifecycle()
    const checkout = createCheckout({ api, channel, storage: memoryStorage(), lifecycle })
    const mApi = membershipApi([{ active: false }, { active: false }, { active: true, planId: 'vip-month' }])
    const m = createMembership({ api: mApi, checkout })
    await m.load()
    // the user leaves the cashier; the server has no money yet, so the unlock fails as cancelled
    const unlocking = m.unlock('vip-month')
    await vi.advanceTimersByTimeAsync(0)
    channel.answer({ kind: 'cancelled' })
    await vi.advanceTimersByTimeAsync(5000)
    expect(await unlocking).toMatchObject({ status: 'failed', checkout: { status: 'cancelled' } })
    checkout.reset() // the user moved on
    // the payment went through after all; coming back to the app, the checkout finds it paid
    api.markPaid('o1')
    lifecycle.show()
    await vi.advanceTimersByTimeAsync(10_000)
    expect(checkout.getSnapshot()).toMatchObject({ status: 'idle', latePaid: [{ orderId: 'o1' }] })
    expect(m.getSnapshot().entitlement).toMatchObject({ active: true, planId: 'vip-month' })
  })
})

describe('createMembership load() with half an answer', () => {
  it('keeps the entitlement it read when the plans could not be read, and says what failed', async () => {
    const checkout = idleCheckout()
    const m = createMembership({
      api: {
        getPlans: async () => Promise.reject(new TradeKitError('NETWORK')),
        getEntitlement: async () => ({ active: true, planId: 'vip-month' }),
      },
      checkout,
    })
    const s = await m.load()
    expect(s).toMatchObject({ status: 'error', error: { code: 'NETWORK' }, entitlement: { active: true } })
  })

  it('keeps the plans it read when the entitlement could not be read', async () => {
    const checkout = idleCheckout()
    const m = createMembership({
      api: {
        getPlans: async () => [monthly],
        getEntitlement: async () => Promise.reject(new TradeKitError('TIMEOUT')),
      },
      checkout,
    })
    const s = await m.load()
    expect(s).toMatchObject({ status: 'error', error: { code: 'TIMEOUT' } })
    expect(s.plans.map((p) => p.id)).toEqual(['vip-month'])
    expect(s.entitlement).toBeUndefined()
  })
})

describe('entitlementView', () => {
  const failure = new TradeKitError('NETWORK')
  const member = { active: true, planId: 'monthly' }

  it('is loading until the first read, then says what the server said', () => {
    expect(entitlementView({ status: 'idle' })).toEqual({ loading: true, active: false })
    expect(entitlementView({ status: 'loading' })).toEqual({ loading: true, active: false })
    expect(entitlementView({ status: 'ready', entitlement: member })).toEqual({
      loading: false,
      active: true,
      entitlement: member,
    })
    expect(entitlementView({ status: 'ready', entitlement: { active: false } }).active).toBe(false)
  })

  it('is unknown, not "no", when the read failed with nothing read before', () => {
    expect(entitlementView({ status: 'error', error: failure })).toEqual({
      loading: false,
      active: false,
      error: failure,
    })
  })

  it('keeps an entitlement read earlier while a later read fails (no error shown)', () => {
    const view = entitlementView({ status: 'error', entitlement: member, error: failure })
    expect(view).toEqual({ loading: false, active: true, entitlement: member })
  })
})
