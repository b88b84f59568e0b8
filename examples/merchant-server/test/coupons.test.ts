import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type Answer,
  cny,
  DRIVER,
  manualClock,
  newKey,
  SHIPPING_ADDRESS,
  snapshotDatabase,
  startTestServer,
  type TestServer,
} from './harness.ts'

// The coupon wallet (TradeKit's CouponsApi): each user's coupons by tab — available, used, expired,
// with validity dates and why one cannot be used — and claiming a coupon once per user, idempotent on
// the Idempotency-Key. A claimed coupon is used by one order (priced by the server like any other).

let server: TestServer
const clock = manualClock()

beforeAll(async () => {
  // sessions outlive the two years the last test moves the clock by
  server = await startTestServer({ now: clock.now, app: { sessionTtlSeconds: 3 * 365 * 24 * 3600 } })
})
afterAll(async () => {
  await server?.destroy()
})

interface WalletEntry {
  coupon: { id: string; title: string; kind: string; startsAt?: number; expiresAt?: number }
  status: string
  reason?: string
  claimedAt?: number
  usedAt?: number
}

const wallet = async (user: string, status: string) => {
  const answer = await server.call<{ coupons: WalletEntry[] }>('GET', `/coupons?status=${status}`, { user })
  expect(answer.status).toBe(200)
  return answer.body.coupons
}
const ids = (entries: WalletEntry[]) => entries.map((entry) => entry.coupon.id)
/** Claims as `user` with `key` (a fresh one by default; `null`: no key at all). */
const claim = (user: string | null, couponId: string, key: string | null = newKey()): Promise<Answer> =>
  server.call('POST', `/coupons/${couponId}/claim`, {
    user,
    ...(key === null ? {} : { headers: { 'Idempotency-Key': key } }),
  })
const tee = [{ skuId: 'tee-white-m', quantity: 1 }]
const order = (user: string, body: Record<string, unknown>) =>
  server.call('POST', '/orders', {
    body: { lines: tee, address: SHIPPING_ADDRESS, ...body },
    headers: { 'Idempotency-Key': newKey() },
    user,
  })

describe(`the coupon wallet on ${DRIVER}`, () => {
  it('lists what a new user holds by tab, with validity dates and the reason an expired one cannot be used', async () => {
    expect(ids(await wallet('amy', 'available'))).toEqual(['FULL100MINUS20'])
    expect(await wallet('amy', 'used')).toEqual([])
    const expired = await wallet('amy', 'expired')
    expect(expired).toEqual([
      {
        coupon: expect.objectContaining({
          id: 'WINTER2025',
          kind: 'threshold',
          threshold: cny(5000),
          amountOff: cny(500),
        }),
        status: 'expired',
        reason: 'expired',
      },
    ])
    expect(expired[0]!.coupon.expiresAt).toBeLessThanOrEqual(clock.now())
    const offers = await server.call<{ offers: { coupon: WalletEntry['coupon']; claimed: boolean }[] }>(
      'GET',
      '/coupons/offers',
      { user: 'amy' },
    )
    expect(offers.body.offers).toEqual([
      {
        coupon: expect.objectContaining({
          id: 'TEE10',
          kind: 'amount',
          amountOff: cny(1000),
          skuIds: expect.arrayContaining(['tee-white-m']),
        }),
        claimed: false,
      },
    ])
    const bad = await server.call('GET', '/coupons?status=lost', { user: 'amy' })
    expect(bad.status).toBe(400)
    expect(bad.body.error).toMatchObject({ code: 'INVALID_ARGUMENT', field: 'status' })
  })

  it('claims once: the same key answers the same coupon, a second claim is refused, nothing else is claimable', async () => {
    const key = newKey()
    const first = await claim('ben', 'TEE10', key)
    expect(first.status).toBe(201)
    expect(first.body).toEqual({
      coupon: expect.objectContaining({ id: 'TEE10', title: 'T恤立减 10 元' }),
      status: 'available',
      claimedAt: clock.now(),
    })
    const again = await claim('ben', 'TEE10', key)
    expect(again.status).toBe(200)
    expect(again.headers.get('idempotent-replayed')).toBe('true')
    expect(again.body).toEqual(first.body)

    const before = await snapshotDatabase(server.merchant)
    const second = await claim('ben', 'TEE10')
    expect(second.status).toBe(409)
    expect(second.body.error).toMatchObject({
      code: 'ORDER_REJECTED',
      reason: 'already_claimed',
      couponId: 'TEE10',
    })
    const reused = await claim('ben', 'FULL100MINUS20', key)
    expect(reused.status).toBe(409)
    expect(reused.body.error).toMatchObject({ reason: 'idempotency_key_reused' })
    const everyone = await claim('ben', 'FULL100MINUS20')
    expect(everyone.status).toBe(409)
    expect(everyone.body.error).toMatchObject({ reason: 'not_claimable' })
    expect((await claim('ben', 'NOPE')).status).toBe(404)
    const keyless = await claim('ben', 'TEE10', null)
    expect(keyless.status).toBe(400)
    expect(keyless.body.error).toMatchObject({ field: 'Idempotency-Key' })
    const guest = await claim('guest', 'TEE10')
    expect(guest.status).toBe(422)
    expect(guest.body.error).toMatchObject({ reason: 'login_required' })
    expect((await claim(null, 'TEE10')).status).toBe(401)
    expect(await snapshotDatabase(server.merchant)).toBe(before)

    expect(ids(await wallet('ben', 'available'))).toEqual(['TEE10', 'FULL100MINUS20'])
    const offers = await server.call<{ offers: { claimed: boolean }[] }>('GET', '/coupons/offers', {
      user: 'ben',
    })
    expect(offers.body.offers.map((offer) => offer.claimed)).toEqual([true])
  })

  it('makes one claim from 20 concurrent claims, with one key or with twenty', async () => {
    const key = newKey()
    const same = await Promise.all(Array.from({ length: 20 }, () => claim('cleo', 'TEE10', key)))
    expect(same.filter((answer) => answer.status === 201)).toHaveLength(1)
    expect(same.filter((answer) => answer.status === 200)).toHaveLength(19)
    const different = await Promise.all(Array.from({ length: 20 }, () => claim('dora', 'TEE10')))
    expect(different.filter((answer) => answer.status === 201)).toHaveLength(1)
    expect(different.filter((answer) => answer.status === 409)).toHaveLength(19)
  })

  it('prices a claimed coupon on its skus, and an order uses it once (used tab); unclaimed it is refused', async () => {
    const quoted = await server.call('POST', '/quote', {
      body: { lines: tee, address: SHIPPING_ADDRESS, coupon: 'TEE10' },
      user: 'ben',
    })
    expect(quoted.status).toBe(200)
    expect(quoted.body).toMatchObject({
      discount: cny(1000),
      fees: cny(800),
      payable: cny(6900 - 1000 + 800),
    })
    const notHeld = await order('eve', { coupon: 'TEE10', expectedPayable: cny(6700) })
    expect(notHeld.status).toBe(422)
    expect(notHeld.body.error).toMatchObject({ code: 'ORDER_REJECTED', reason: 'coupon_not_held' })

    const used = await order('ben', { coupon: 'TEE10', expectedPayable: cny(6700) })
    expect(used.status).toBe(201)
    expect(ids(await wallet('ben', 'available'))).toEqual(['FULL100MINUS20'])
    const usedTab = await wallet('ben', 'used')
    expect(usedTab).toEqual([expect.objectContaining({ status: 'used', usedAt: clock.now() })])
    const twice = await order('ben', { coupon: 'TEE10', expectedPayable: cny(6700) })
    expect(twice.status).toBe(422)
    expect(twice.body.error).toMatchObject({ reason: 'coupon_used' })

    // the order closes unpaid: the coupon is the user's to use again
    const cancelled = await server.call('POST', `/orders/${used.body.orderId}/cancel`, { user: 'ben' })
    expect(cancelled.status).toBe(200)
    expect(ids(await wallet('ben', 'available'))).toEqual(['TEE10', 'FULL100MINUS20'])
  })

  it('moves a held coupon to expired past its validity, and refuses claiming it then', async () => {
    expect(ids(await wallet('cleo', 'available'))).toContain('TEE10')
    clock.advance(2 * 365 * 24 * 3600_000)
    const expired = await wallet('cleo', 'expired')
    expect(expired.find((entry) => entry.coupon.id === 'TEE10')).toMatchObject({
      status: 'expired',
      reason: 'expired',
    })
    const late = await claim('fay', 'TEE10')
    expect(late.status).toBe(409)
    expect(late.body.error).toMatchObject({ reason: 'coupon_expired' })
  })
})
