import {
  type CouponsApi,
  couponValidity,
  createCouponWallet,
  formatCouponDate,
  money,
  TradeKitError,
  type WalletCoupon,
  type WalletStatus,
} from '@tradekit/core'
import { describe, expect, it, vi } from 'vitest'

const held = (id: string, status: WalletStatus = 'available'): WalletCoupon => ({
  coupon: { id, title: id, kind: 'amount', amountOff: money(500) },
  status,
})

function deferred<T>() {
  let resolve!: (value: T) => void
  let reject!: (error: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

function fakeApi(lists: Partial<Record<WalletStatus, WalletCoupon[]>> = {}) {
  const listCoupons = vi.fn<CouponsApi['listCoupons']>(async ({ status }) => lists[status] ?? [])
  const claimCoupon = vi.fn<CouponsApi['claimCoupon']>(async (couponId) => held(couponId))
  return { listCoupons, claimCoupon } satisfies CouponsApi
}

describe('createCouponWallet: tabs', () => {
  it('loads every tab with its coupons, from idle through loading to ready', async () => {
    const api = fakeApi({ available: [held('a'), held('b')], used: [held('u', 'used')] })
    const wallet = createCouponWallet({ api })
    expect(wallet.getSnapshot().tabs.available).toEqual({ status: 'idle', coupons: [] })
    const seen: string[] = []
    wallet.subscribe(() => seen.push(wallet.getSnapshot().tabs.available.status))
    await wallet.loadAll()
    expect(api.listCoupons.mock.calls.map(([query]) => query.status)).toEqual([
      'available',
      'used',
      'expired',
    ])
    const { tabs } = wallet.getSnapshot()
    expect(tabs.available).toEqual({ status: 'ready', coupons: [held('a'), held('b')] })
    expect(tabs.used.coupons).toEqual([held('u', 'used')])
    expect(tabs.expired).toEqual({ status: 'ready', coupons: [] })
    expect(seen[0]).toBe('loading')
    expect(seen.at(-1)).toBe('ready')
  })

  it('keeps the shown coupons and the error when a reload fails', async () => {
    const api = fakeApi({ available: [held('a')] })
    const wallet = createCouponWallet({ api })
    await wallet.load('available')
    const error = new Error('offline')
    api.listCoupons.mockRejectedValueOnce(error)
    await expect(wallet.load('available')).resolves.toBeUndefined()
    expect(wallet.getSnapshot().tabs.available).toEqual({ status: 'failed', coupons: [held('a')], error })
  })

  it('shows only the latest load of a tab', async () => {
    const first = deferred<WalletCoupon[]>()
    const api = fakeApi()
    api.listCoupons.mockImplementationOnce(() => first.promise)
    api.listCoupons.mockResolvedValueOnce([held('new')])
    const wallet = createCouponWallet({ api })
    const stale = wallet.load('available')
    await wallet.load('available')
    first.resolve([held('old')])
    await stale
    expect(wallet.getSnapshot().tabs.available.coupons).toEqual([held('new')])
    expect(api.listCoupons.mock.calls[0]![1].signal.aborted).toBe(true)
  })
})

describe('createCouponWallet: answers of the wrong shape', () => {
  const invalid = (tab: { status: string; error?: unknown }) =>
    tab.status === 'failed' && (tab.error as { code?: string } | undefined)?.code === 'INVALID_ARGUMENT'

  it('fails the tab with INVALID_ARGUMENT, keeping what it showed, for a list that is not coupons', async () => {
    const answers: unknown[] = [
      null,
      { coupons: [held('a')] },
      [{ status: 'available' }],
      [{ coupon: { id: 'x', kind: 'gift' }, status: 'available' }],
      [{ coupon: { id: 'x', kind: 'amount', amountOff: 500 }, status: 'available' }],
      [held('u', 'used')],
      [{ ...held('a'), claimedAt: 'yesterday' }],
      [{ ...held('a'), shortfall: 12.5 }],
    ]
    for (const answer of answers) {
      const api = fakeApi({ available: [held('a')] })
      const wallet = createCouponWallet({ api })
      await wallet.load('available')
      api.listCoupons.mockResolvedValueOnce(answer as WalletCoupon[])
      await wallet.load('available')
      const tab = wallet.getSnapshot().tabs.available
      expect(invalid(tab), JSON.stringify(answer)).toBe(true)
      expect(tab.coupons).toEqual([held('a')])
    }
  })

  it('fails a claim whose answer is not a held coupon, and retries it with the same key', async () => {
    const api = fakeApi({ available: [] })
    let n = 0
    const wallet = createCouponWallet({ api, createKey: () => `key-${++n}` })
    await wallet.load('available')
    api.claimCoupon.mockResolvedValueOnce({ ok: true } as unknown as WalletCoupon)
    const failed = await wallet.claim('c1')
    expect(failed.status).toBe('failed')
    expect((failed as { error: { code: string } }).error.code).toBe('INVALID_ARGUMENT')
    expect(wallet.getSnapshot().tabs.available.coupons).toEqual([])
    expect((await wallet.claim('c1')).status).toBe('claimed')
    expect(api.claimCoupon.mock.calls.map(([, ctx]) => ctx.idempotencyKey)).toEqual(['key-1', 'key-1'])
    expect(wallet.getSnapshot().tabs.available.coupons).toEqual([held('c1')])
  })
})

describe('createCouponWallet: claiming', () => {
  it('sends one request with one key for a double tap, and none once claimed', async () => {
    const answer = deferred<WalletCoupon>()
    const api = fakeApi()
    api.claimCoupon.mockImplementation(() => answer.promise)
    let n = 0
    const wallet = createCouponWallet({ api, createKey: () => `key-${++n}` })
    const first = wallet.claim('c1')
    const second = wallet.claim('c1')
    expect(second).toBe(first)
    expect(wallet.getSnapshot().claims.c1).toEqual({ status: 'claiming' })
    answer.resolve(held('c1'))
    await expect(first).resolves.toEqual({ status: 'claimed', coupon: held('c1') })
    await wallet.claim('c1')
    expect(api.claimCoupon).toHaveBeenCalledTimes(1)
    expect(api.claimCoupon.mock.calls[0]![1].idempotencyKey).toBe('key-1')
    expect(wallet.getSnapshot().claims.c1).toEqual({ status: 'claimed', coupon: held('c1') })
  })

  it('retries a failed claim with the same key (the server may have claimed it already)', async () => {
    const api = fakeApi()
    const error = new Error('timeout')
    api.claimCoupon.mockRejectedValueOnce(error)
    let n = 0
    const wallet = createCouponWallet({ api, createKey: () => `key-${++n}` })
    await expect(wallet.claim('c1')).resolves.toEqual({ status: 'failed', error })
    expect(wallet.getSnapshot().claims.c1).toEqual({ status: 'failed', error })
    await expect(wallet.claim('c1')).resolves.toMatchObject({ status: 'claimed' })
    expect(api.claimCoupon.mock.calls.map(([, ctx]) => ctx.idempotencyKey)).toEqual(['key-1', 'key-1'])
    await wallet.claim('c2')
    expect(api.claimCoupon.mock.calls[2]![1].idempotencyKey).toBe('key-2')
  })

  it.each([
    { case: 'a network error', error: new TradeKitError('NETWORK'), unconfirmed: true },
    { case: 'a timeout', error: new TradeKitError('TIMEOUT'), unconfirmed: true },
    { case: "a platform's request:fail", error: { errMsg: 'request:fail timeout' }, unconfirmed: true },
    { case: 'a refusal', error: { code: 'LIMIT_REACHED', message: 'one per user' }, unconfirmed: false },
    { case: 'an unknown error', error: new Error('boom'), unconfirmed: false },
  ])(
    'marks a claim that got no answer unconfirmed, not one refused ($case)',
    async ({ error, unconfirmed }) => {
      const api = fakeApi()
      api.claimCoupon.mockRejectedValueOnce(error)
      const wallet = createCouponWallet({ api })
      const failed = await wallet.claim('c1')
      expect(failed).toEqual({ status: 'failed', error, ...(unconfirmed ? { unconfirmed: true } : {}) })
      expect(wallet.getSnapshot().claims.c1).toEqual(failed)
    },
  )

  it('marks a claim whose answer is not a held coupon unconfirmed: the server answered, but not what it did', async () => {
    const api = fakeApi()
    api.claimCoupon.mockResolvedValueOnce({ ok: true } as unknown as WalletCoupon)
    const wallet = createCouponWallet({ api })
    expect(await wallet.claim('c1')).toMatchObject({
      status: 'failed',
      unconfirmed: true,
      error: { code: 'INVALID_ARGUMENT' },
    })
  })

  it('puts a claimed coupon first in a loaded available tab, once', async () => {
    const api = fakeApi({ available: [held('a')] })
    const wallet = createCouponWallet({ api })
    await wallet.load('available')
    await wallet.claim('c1')
    await wallet.claim('a')
    expect(wallet.getSnapshot().tabs.available.coupons.map((entry) => entry.coupon.id)).toEqual(['c1', 'a'])
  })

  it('keeps a coupon claimed while the available tab loads, whatever that answer was made before', async () => {
    const list = deferred<WalletCoupon[]>()
    const api = fakeApi()
    api.listCoupons.mockImplementationOnce(() => list.promise)
    const wallet = createCouponWallet({ api })
    const loading = wallet.load('available')
    await wallet.claim('c1')
    await wallet.claim('c2')
    list.resolve([held('a'), held('c1')]) // read on the server between the two claims
    await loading
    const ids = () => wallet.getSnapshot().tabs.available.coupons.map((entry) => entry.coupon.id)
    expect(ids()).toEqual(['c2', 'a', 'c1'])
    // a load that starts after the claims takes the server's word as it is
    api.listCoupons.mockResolvedValueOnce([held('a')])
    await wallet.load('available')
    expect(ids()).toEqual(['a'])
  })

  it('stops telling anyone after dispose', async () => {
    const answer = deferred<WalletCoupon>()
    const api = fakeApi()
    api.claimCoupon.mockImplementation(() => answer.promise)
    const wallet = createCouponWallet({ api })
    const listener = vi.fn()
    wallet.subscribe(listener)
    const claim = wallet.claim('c1')
    listener.mockClear()
    wallet.dispose()
    expect(api.claimCoupon.mock.calls[0]![1].signal.aborted).toBe(true)
    answer.resolve(held('c1'))
    await claim
    expect(listener).not.toHaveBeenCalled()
  })
})

describe('coupon validity', () => {
  it('prints days without Intl; expiresAt is exclusive', () => {
    const noon = new Date(2026, 10, 30, 12).getTime()
    const midnight = new Date(2026, 11, 1).getTime()
    expect(formatCouponDate(noon)).toBe('2026.11.30')
    expect(formatCouponDate(noon, 'en-US')).toBe('2026-11-30')
    expect(couponValidity({ startsAt: noon, expiresAt: midnight })).toEqual({
      from: '2026.11.30',
      until: '2026.11.30',
    })
    expect(couponValidity({})).toEqual({})
  })
})

describe('createCouponWallet: nothing hangs, on every platform', () => {
  it('works where the runtime has no AbortController (mini-program engines)', async () => {
    vi.stubGlobal('AbortController', undefined)
    try {
      const api = fakeApi({ available: [held('a')] })
      const wallet = createCouponWallet({ api })
      await wallet.loadAll()
      expect(wallet.getSnapshot().tabs.available).toMatchObject({ status: 'ready' })
      expect(await wallet.claim('b')).toMatchObject({ status: 'claimed' })
      wallet.dispose()
    } finally {
      vi.unstubAllGlobals()
    }
  })

  it('gives up on a load and on a claim the server never answers, aborting them', async () => {
    vi.useFakeTimers()
    try {
      const signals: AbortSignal[] = []
      const never = <T>(signal: AbortSignal) => {
        signals.push(signal)
        return new Promise<T>(() => {})
      }
      const api: CouponsApi = {
        listCoupons: vi.fn((_query, { signal }) => never<readonly WalletCoupon[]>(signal)),
        claimCoupon: vi.fn((_id, { signal }) => never<WalletCoupon>(signal)),
      }
      const wallet = createCouponWallet({ api, createKey: () => 'k1', timing: { requestTimeoutMs: 3000 } })
      const loading = wallet.load('available')
      const claiming = wallet.claim('c1')
      await vi.advanceTimersByTimeAsync(3000)
      await loading
      expect(wallet.getSnapshot().tabs.available).toMatchObject({
        status: 'failed',
        error: { code: 'TIMEOUT' },
      })
      expect(await claiming).toMatchObject({ status: 'failed', error: { code: 'TIMEOUT' } })
      expect(signals.every((signal) => signal.aborted)).toBe(true)
      // a retry claims with the same key: the server may have claimed it already
      void wallet.claim('c1')
      expect(api.claimCoupon).toHaveBeenLastCalledWith(
        'c1',
        expect.objectContaining({ idempotencyKey: 'k1' }),
      )
      wallet.dispose()
    } finally {
      vi.useRealTimers()
    }
  })
})
