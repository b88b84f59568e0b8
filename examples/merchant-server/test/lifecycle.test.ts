import { describe, expect, it, onTestFinished } from 'vitest'
import {
  cny,
  DRIVER,
  freshLocation,
  manualClock,
  newKey,
  orderCount,
  SHIPPING_ADDRESS,
  startTestServer,
  stockOf,
  type TestServer,
} from './harness.ts'

/** Starts a server that is destroyed (data and all) when the test ends, unless told to keep it. */
async function start(options: Parameters<typeof startTestServer>[0] = {}, cleanup = true) {
  const server = await startTestServer(options)
  if (cleanup) onTestFinished(() => server.destroy())
  return server
}

async function createOrder(
  server: TestServer,
  user: string,
  lines: unknown[],
  payable: number,
  key = newKey(),
) {
  const answer = await server.call('POST', '/orders', {
    body: { lines, address: SHIPPING_ADDRESS, expectedPayable: cny(payable) },
    headers: { 'Idempotency-Key': key },
    user: user,
  })
  expect(answer.status).toBe(201)
  return answer.body as { orderId: string; expiresAt: number; serverNow: number; amount: unknown }
}

describe(`order lifecycle on ${DRIVER}`, () => {
  it('returns the stock on cancel; cancelling again answers the same; a paid order cannot be cancelled', async () => {
    const server = await start()
    const stock = await stockOf(server.merchant, 'tea-gift-box')
    const { orderId } = await createOrder(server, 'ann', [{ skuId: 'tea-gift-box', quantity: 3 }], 38400)
    expect(await stockOf(server.merchant, 'tea-gift-box')).toBe((stock ?? 0) - 3)

    const cancelled = await server.call('POST', `/orders/${orderId}/cancel`, {
      user: 'ann',
    })
    expect(cancelled.status).toBe(200)
    expect(cancelled.body).toMatchObject({ orderId, status: 'closed', closeReason: 'cancelled' })
    expect(await stockOf(server.merchant, 'tea-gift-box')).toBe(stock)

    const again = await server.call('POST', `/orders/${orderId}/cancel`, { user: 'ann' })
    expect(again.body).toMatchObject({ status: 'closed' })
    expect(await stockOf(server.merchant, 'tea-gift-box')).toBe(stock)

    const stranger = await server.call('POST', `/orders/${orderId}/cancel`, {
      user: 'eve',
    })
    expect(stranger.status).toBe(403)
    expect(stranger.body).toMatchObject({ error: { reason: 'forbidden' } })

    const paid = await createOrder(server, 'ann', [{ skuId: 'tea-gift-box', quantity: 1 }], 12800)
    await server.notify(paid.orderId as string, 'paid')
    const refused = await server.call('POST', `/orders/${paid.orderId}/cancel`, {
      user: 'ann',
    })
    expect(refused.status).toBe(409)
    expect(refused.body).toMatchObject({ error: { code: 'ORDER_REJECTED', reason: 'already_paid' } })
    expect(await stockOf(server.merchant, 'tea-gift-box')).toBe((stock ?? 0) - 1)
  })

  it('closes an unpaid order at expiresAt and returns its stock', async () => {
    const clock = manualClock()
    const server = await start({ now: clock.now, orderTtlMs: 10 * 60_000 })
    const { orderId, expiresAt } = await createOrder(
      server,
      'ben',
      [{ skuId: 'ceramic-mug', quantity: 3 }],
      8700 + 800,
    )
    const tea = await stockOf(server.merchant, 'tea-gift-box')
    const other = await createOrder(server, 'bea', [{ skuId: 'tea-gift-box', quantity: 2 }], 25600)
    expect(await stockOf(server.merchant, 'tea-gift-box')).toBe((tea ?? 0) - 2)
    expect(expiresAt).toBe(clock.now() + 10 * 60_000)
    expect(await stockOf(server.merchant, 'ceramic-mug')).toBe(0)
    const soldOut = await server.call('GET', '/catalogue/ceramic-mug')
    expect(soldOut.body).toMatchObject({ status: 'sold_out', stock: 0 })

    clock.advance(10 * 60_000 - 1)
    const before = await server.call('GET', `/orders/${orderId}`, { user: 'ben' })
    expect(before.body).toMatchObject({ status: 'pending' })

    clock.advance(1)
    const after = await server.call('GET', `/orders/${orderId}`, { user: 'ben' })
    expect(after.body).toMatchObject({ status: 'closed', closeReason: 'expired', closedAt: expiresAt })
    expect(await stockOf(server.merchant, 'ceramic-mug')).toBe(3)
    // Every expired order closes in the same sweep and returns its stock.
    expect(await stockOf(server.merchant, 'tea-gift-box')).toBe(tea)
    const closed = await server.call('GET', `/orders/${other.orderId}`, { user: 'bea' })
    expect(closed.body).toMatchObject({ status: 'closed', closeReason: 'expired' })
    const back = await server.call('GET', '/catalogue/ceramic-mug')
    expect(back.body).toMatchObject({ status: 'on_sale', stock: 3 })

    // Replaying the key answers the (now closed) order; it does not make a new one.
    const count = await orderCount(server.merchant)
    const key = newKey()
    const first = await createOrder(server, 'ben', [{ skuId: 'sticker-pack', quantity: 1 }], 600, key)
    clock.advance(20 * 60_000)
    const replay = await server.call('POST', '/orders', {
      body: {
        lines: [{ skuId: 'sticker-pack', quantity: 1 }],
        address: SHIPPING_ADDRESS,
        expectedPayable: cny(600),
      },
      headers: { 'Idempotency-Key': key },
      user: 'ben',
    })
    expect(replay.status).toBe(200)
    // the same order; serverNow is the clock of this answer
    expect(replay.body).toEqual({ ...first, serverNow: first.serverNow + 20 * 60_000 })
    expect(await orderCount(server.merchant)).toBe(count + 1)
  })

  it('loses nothing across a restart between create and pay', async () => {
    const location = freshLocation()
    // The first server's data is the second's: only the second cleans up.
    const first = await start({ location }, false)
    const stock = await stockOf(first.merchant, 'tea-gift-box')
    const key = newKey()
    const body = {
      lines: [
        { skuId: 'tea-gift-box', quantity: 2 },
        { skuId: 'plan-yearly', quantity: 1 },
      ],
      address: SHIPPING_ADDRESS,
      expectedPayable: cny(25600 + 12800),
    }
    const created = await first.call('POST', '/orders', {
      body,
      headers: { 'Idempotency-Key': key },
      user: 'cat',
    })
    expect(created.status).toBe(201)
    await first.call('PATCH', '/admin/skus/sticker-pack', { body: { price: 700 } })
    await first.stop()

    const second = await start({ location })
    expect(second.url).not.toBe('')
    const view = await second.call('GET', `/orders/${created.body.orderId}`, {
      user: 'cat',
    })
    expect(view.body).toMatchObject({ status: 'pending', amount: cny(38400) })
    expect(await stockOf(second.merchant, 'tea-gift-box')).toBe((stock ?? 0) - 2)
    // The admin's price survives too: seeding never overwrites.
    expect((await second.call('GET', '/catalogue/sticker-pack')).body).toMatchObject({ price: cny(700) })

    // The same key still answers the same order after the restart.
    const replay = await second.call('POST', '/orders', {
      body,
      headers: { 'Idempotency-Key': key },
      user: 'cat',
    })
    expect(replay.status).toBe(200)
    expect(replay.body).toEqual({ ...created.body, serverNow: replay.body.serverNow })
    expect(replay.body.serverNow).toBeGreaterThanOrEqual(created.body.serverNow as number)

    const paid = await second.call('POST', '/sandbox/pay', {
      body: { orderId: created.body.orderId },
      user: 'cat',
    })
    expect(paid.body).toMatchObject({ status: 'paid' })
    expect((await second.call('GET', '/membership/entitlement', { user: 'cat' })).body).toMatchObject({
      active: true,
      planId: 'plan-yearly',
    })
    expect(await stockOf(second.merchant, 'tea-gift-box')).toBe((stock ?? 0) - 2)
  })
})
