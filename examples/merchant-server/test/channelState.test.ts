import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DRIVER, manualClock, snapshotDatabase, startTestServer, type TestServer } from './harness.ts'
import { type CentreOrderBody, detail, listAll, place, placePaid } from './orderCentreHelpers.ts'

// TradeKit's `saveChannelState` (PUT /orders/:id/channel-state): what a payment channel saved for an
// unpaid order is kept with it and sent back as `channelState` while it is unpaid, so "continue to
// pay" on another device reuses the platform order. And the sandbox cashier's own orders, counted.

const TTL = 10 * 60_000
const clock = manualClock()
let server: TestServer

beforeAll(async () => {
  server = await startTestServer({ now: clock.now, orderTtlMs: TTL })
})
afterAll(async () => {
  await server?.destroy()
})

const STICKERS = [{ skuId: 'sticker-pack', quantity: 1 }]

const save = (user: string, orderId: string, body: unknown) =>
  server.call('PUT', `/orders/${orderId}/channel-state`, { body, user })

/** The order as the list of its tab shows it. */
async function listed(user: string, tab: string, orderId: string): Promise<CentreOrderBody | undefined> {
  return (await listAll(server, user, tab)).orders.find((order) => order.orderId === orderId)
}

/** Refused with `status` and `reason`, and every table as it was. */
async function refusedUnchanged(
  send: () => Promise<{ status: number; body: unknown }>,
  status: number,
  reason: string,
) {
  const before = await snapshotDatabase(server.merchant)
  const answer = await send()
  expect(answer.status, JSON.stringify(answer.body)).toBe(status)
  expect(answer.body).toMatchObject({ error: { reason } })
  expect(await snapshotDatabase(server.merchant)).toBe(before)
  return answer
}

describe(`the channel state of an unpaid order on ${DRIVER}`, () => {
  it('keeps it and sends it back in the detail and the list while the order is unpaid', async () => {
    const user = 'cleo-continues'
    const orderId = await place(server, user, STICKERS, 600)
    // nothing saved yet: nothing sent back
    expect((await detail(server, user, orderId)).channelState).toBeUndefined()

    const saved = await save(user, orderId, { channel: 'sandbox', state: { cashierOrderId: 'csh_1' } })
    expect(saved.status).toBe(204)
    expect((await detail(server, user, orderId)).channelState).toEqual({ cashierOrderId: 'csh_1' })
    expect((await listed(user, 'pending_payment', orderId))?.channelState).toEqual({
      cashierOrderId: 'csh_1',
    })
    expect((await listed(user, 'all', orderId))?.channelState).toEqual({ cashierOrderId: 'csh_1' })
    // the checkout's own status view is unchanged
    expect((await server.call('GET', `/orders/${orderId}`, { user })).body).not.toHaveProperty('channelState')
  })

  it('keeps the last write: a second save replaces the first', async () => {
    const user = 'lars-last'
    const orderId = await place(server, user, STICKERS, 600)
    expect(
      (await save(user, orderId, { channel: 'sandbox', state: { cashierOrderId: 'first' } })).status,
    ).toBe(204)
    expect((await save(user, orderId, { channel: 'sandbox', state: ['any', 'json', 3] })).status).toBe(204)
    expect((await detail(server, user, orderId)).channelState).toEqual(['any', 'json', 3])
  })

  it("refuses another user's order as every order route does, and keeps nothing", async () => {
    const orderId = await place(server, 'olga-owner', STICKERS, 600)
    await refusedUnchanged(
      () => save('ivan-intruder', orderId, { channel: 'sandbox', state: { cashierOrderId: 'evil' } }),
      403,
      'forbidden',
    )
    expect((await detail(server, 'olga-owner', orderId)).channelState).toBeUndefined()
    // an order that does not exist, and a caller without a session
    await refusedUnchanged(
      () => save('ivan-intruder', `ord_${'0'.repeat(32)}`, { channel: 'sandbox', state: {} }),
      404,
      'not_found',
    )
    const anonymous = await server.call('PUT', `/orders/${orderId}/channel-state`, {
      body: { channel: 'sandbox', state: {} },
      user: null,
    })
    expect(anonymous.status).toBe(401)
  })

  it('keeps nothing once the order is paid (409) and never shows what it kept before', async () => {
    const user = 'paula-paid'
    const orderId = await place(server, user, STICKERS, 600)
    expect(
      (await save(user, orderId, { channel: 'sandbox', state: { cashierOrderId: 'before' } })).status,
    ).toBe(204)
    expect((await server.call('POST', '/sandbox/pay', { body: { orderId }, user })).body).toMatchObject({
      status: 'paid',
    })
    const refused = await refusedUnchanged(
      () => save(user, orderId, { channel: 'sandbox', state: { cashierOrderId: 'after' } }),
      409,
      'not_pending',
    )
    expect(refused.body).toMatchObject({ error: { code: 'ORDER_REJECTED', status: 'to_verify' } })
    const paid = await detail(server, user, orderId)
    expect(paid.status).toBe('to_verify')
    expect(paid.channelState).toBeUndefined()
    expect((await listed(user, 'all', orderId))?.channelState).toBeUndefined()

    const other = await placePaid(server, user, STICKERS, 600)
    await refusedUnchanged(() => save(user, other, { channel: 'sandbox', state: {} }), 409, 'not_pending')
  })

  it('keeps nothing for a cancelled or an expired order, and no longer shows it', async () => {
    const user = 'carl-closed'
    const cancelled = await place(server, user, STICKERS, 600)
    expect((await save(user, cancelled, { channel: 'sandbox', state: { n: 1 } })).status).toBe(204)
    expect((await server.call('POST', `/orders/${cancelled}/cancel`, { user })).status).toBe(200)
    await refusedUnchanged(
      () => save(user, cancelled, { channel: 'sandbox', state: { n: 2 } }),
      409,
      'not_pending',
    )
    expect((await detail(server, user, cancelled)).channelState).toBeUndefined()

    const expiring = await place(server, user, STICKERS, 600)
    expect((await save(user, expiring, { channel: 'sandbox', state: { n: 3 } })).status).toBe(204)
    clock.advance(TTL)
    const expired = await save(user, expiring, { channel: 'sandbox', state: { n: 4 } })
    expect(expired.status).toBe(409)
    expect(expired.body).toMatchObject({ error: { code: 'ORDER_EXPIRED', reason: 'not_pending' } })
    const closed = await detail(server, user, expiring)
    expect(closed.status).toBe('closed')
    expect(closed.channelState).toBeUndefined()
  })

  it("refuses another channel's state (400) and keeps nothing", async () => {
    const user = 'wendy-wrong'
    const orderId = await place(server, user, STICKERS, 600)
    const refused = await refusedUnchanged(
      () => save(user, orderId, { channel: 'douyin-trade', state: { douyinOrderId: 'motb1' } }),
      400,
      'channel_mismatch',
    )
    expect(refused.body).toMatchObject({
      error: { code: 'INVALID_ARGUMENT', field: 'channel', channel: 'sandbox' },
    })
    expect((await detail(server, user, orderId)).channelState).toBeUndefined()
  })

  it('takes a state up to 2 KB of JSON and refuses a larger one, or none', async () => {
    const user = 'otto-oversize'
    const orderId = await place(server, user, STICKERS, 600)
    // {"s":"…"} is 8 bytes around the text: 2040 ASCII characters make exactly 2048 bytes
    const fits = { s: 'x'.repeat(2040) }
    expect((await save(user, orderId, { channel: 'sandbox', state: fits })).status).toBe(204)
    expect((await detail(server, user, orderId)).channelState).toEqual(fits)

    await refusedUnchanged(
      () => save(user, orderId, { channel: 'sandbox', state: { s: 'x'.repeat(2041) } }),
      400,
      'state_too_large',
    )
    // bytes, not characters: 700 three-byte characters are 2100 bytes
    await refusedUnchanged(
      () => save(user, orderId, { channel: 'sandbox', state: { s: '单'.repeat(700) } }),
      400,
      'state_too_large',
    )
    for (const body of [{ channel: 'sandbox' }, { channel: 'sandbox', state: null }, { state: {} }, []]) {
      const answer = await save(user, orderId, body)
      expect(answer.status, JSON.stringify(body)).toBe(400)
      expect(answer.body).toMatchObject({ error: { code: 'INVALID_ARGUMENT' } })
    }
    expect((await detail(server, user, orderId)).channelState).toEqual(fits)
  })
})

describe(`the sandbox cashier's own orders on ${DRIVER}`, () => {
  it("makes one per call for the caller's own pending order, and counts them", async () => {
    const user = 'cass-cashier'
    const orderId = await place(server, user, STICKERS, 600)
    const count = async () =>
      (await server.call('GET', `/sandbox/cashier-orders?orderId=${orderId}`, { user })).body
    expect(await count()).toEqual({ orderId, count: 0 })
    const first = await server.call('POST', '/sandbox/cashier-orders', { body: { orderId }, user })
    expect(first.status).toBe(201)
    expect(first.body).toEqual({ orderId, cashierOrderId: expect.stringMatching(/^csh_[0-9a-f]{32}$/) })
    const second = await server.call('POST', '/sandbox/cashier-orders', { body: { orderId }, user })
    expect(second.body.cashierOrderId).not.toBe(first.body.cashierOrderId)
    expect(await count()).toEqual({ orderId, count: 2 })

    // someone else's order: neither made nor counted
    await refusedUnchanged(
      () => server.call('POST', '/sandbox/cashier-orders', { body: { orderId }, user: 'nosy-neighbour' }),
      403,
      'forbidden',
    )
    const nosy = await server.call('GET', `/sandbox/cashier-orders?orderId=${orderId}`, {
      user: 'nosy-neighbour',
    })
    expect(nosy.status).toBe(403)
    // a paid order gets no new cashier order
    expect((await server.call('POST', '/sandbox/pay', { body: { orderId }, user })).body).toMatchObject({
      status: 'paid',
    })
    await refusedUnchanged(
      () => server.call('POST', '/sandbox/cashier-orders', { body: { orderId }, user }),
      409,
      'not_pending',
    )
    expect(await count()).toEqual({ orderId, count: 2 })
  })
})
