import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  cny,
  DRIVER,
  manualClock,
  newKey,
  snapshotDatabase,
  startTestServer,
  type TestServer,
} from './harness.ts'
import { type CentreOrderBody, CONTACT, detail, listAll, place, placePaid } from './orderCentreHelpers.ts'

const clock = manualClock()
let server: TestServer

beforeAll(async () => {
  server = await startTestServer({ now: clock.now })
})
afterAll(async () => {
  await server?.destroy()
})

const admin = (path: string, body?: unknown) =>
  server.call<CentreOrderBody & { error?: Record<string, unknown> }>('POST', `/admin/${path}`, {
    ...(body !== undefined && { body }),
  })
const steps = (order: CentreOrderBody) => order.timeline?.map((step) => step.status)

describe(`fulfilment on ${DRIVER}`, () => {
  it('ships a paid parcel, the carrier delivers it, the user confirms receipt: paid → shipped → delivered → completed', async () => {
    const user = 'pia-parcel'
    const orderId = await placePaid(server, user, [{ skuId: 'tea-gift-box', quantity: 1 }], 12800)
    expect((await listAll(server, user, 'to_ship')).ids).toEqual([orderId])

    const shipped = await admin(`orders/${orderId}/ship`, { carrier: '顺丰', trackingNo: 'SF1234567890' })
    expect(shipped.status).toBe(200)
    expect(shipped.body).toMatchObject({
      status: 'shipped',
      shipment: { carrier: '顺丰', trackingNo: 'SF1234567890' },
    })
    expect((await listAll(server, user, 'to_ship')).ids).toEqual([])
    expect((await listAll(server, user, 'to_receive')).ids).toEqual([orderId])
    const twice = await admin(`orders/${orderId}/ship`, { carrier: '顺丰', trackingNo: 'SF1234567890' })
    expect(twice.status).toBe(409)
    expect(twice.body.error).toMatchObject({ code: 'ORDER_REJECTED', status: 'shipped', event: 'SHIP' })

    clock.advance(86_400_000)
    expect((await admin(`orders/${orderId}/deliver`)).body).toMatchObject({ status: 'delivered' })
    const stranger = await server.call('POST', `/orders/${orderId}/confirm-receipt`, { user: 'eve-parcel' })
    expect(stranger.status).toBe(403)
    const received = await server.call<CentreOrderBody>('POST', `/orders/${orderId}/confirm-receipt`, {
      user,
    })
    expect(received.body).toMatchObject({ status: 'completed' })
    expect(steps(received.body)).toEqual(['pending_payment', 'paid', 'shipped', 'delivered', 'completed'])
    // confirming again answers the completed order
    expect((await server.call('POST', `/orders/${orderId}/confirm-receipt`, { user })).status).toBe(200)
    expect((await listAll(server, user, 'to_receive')).ids).toEqual([])
  })

  it('lets the user confirm a shipped parcel before the carrier says it arrived', async () => {
    const user = 'quinn-quick'
    const orderId = await placePaid(server, user, [{ skuId: 'tea-gift-box', quantity: 1 }], 12800)
    await admin(`orders/${orderId}/ship`, { carrier: 'EMS', trackingNo: 'E1' })
    const received = await server.call<CentreOrderBody>('POST', `/orders/${orderId}/confirm-receipt`, {
      user,
    })
    expect(steps(received.body)).toEqual(['pending_payment', 'paid', 'shipped', 'completed'])
  })

  it('refuses what the table has no row for: shipping unpaid orders or services, receiving unshipped ones — writing nothing', async () => {
    const user = 'ray-refused'
    const unpaid = await place(server, user, [{ skuId: 'tea-gift-box', quantity: 1 }], 12800)
    const service = await placePaid(
      server,
      user,
      [{ skuId: 'legal-consult-30', quantity: 1 }],
      19900,
      CONTACT,
    )
    const parcel = await placePaid(server, user, [{ skuId: 'tea-gift-box', quantity: 1 }], 12800)
    const before = await snapshotDatabase(server.merchant)
    const shipUnpaid = await admin(`orders/${unpaid}/ship`, { carrier: 'SF', trackingNo: 'SF1' })
    expect(shipUnpaid.status).toBe(409)
    expect(shipUnpaid.body.error).toMatchObject({ reason: 'not_paid' })
    expect((await admin(`orders/${service}/ship`, { carrier: 'SF', trackingNo: 'SF1' })).status).toBe(409)
    expect((await admin(`orders/${service}/deliver`)).status).toBe(409)
    expect((await server.call('POST', `/orders/${parcel}/confirm-receipt`, { user })).status).toBe(409)
    expect((await server.call('POST', `/orders/${service}/confirm-receipt`, { user })).status).toBe(409)
    expect(
      (await admin(`orders/ord_${'0'.repeat(32)}/ship`, { carrier: 'SF', trackingNo: 'SF1' })).status,
    ).toBe(404)
    expect((await admin(`orders/${parcel}/ship`, { carrier: 'SF' })).status).toBe(400)
    expect((await admin(`orders/${parcel}/ship`, { carrier: 'SF', trackingNo: 'no spaces' })).status).toBe(
      400,
    )
    expect(await snapshotDatabase(server.merchant)).toBe(before)
  })

  it('gives a paid service its verification code; the merchant verifies it once: to_verify → verified → completed', async () => {
    const user = 'sia-service'
    const orderId = await placePaid(
      server,
      user,
      [{ skuId: 'legal-consult-30', quantity: 1 }],
      19900,
      CONTACT,
    )
    const order = await detail(server, user, orderId)
    expect(order).toMatchObject({ status: 'to_verify', kind: 'service', contact: { phone: '13800000000' } })
    const code = order.verification!.code
    expect(code).toMatch(/^\d{12}$/)
    expect((await listAll(server, user, 'to_verify')).ids).toEqual([orderId])
    // another order's code is another code
    const other = await placePaid(server, user, [{ skuId: 'sticker-pack', quantity: 1 }], 600)
    expect((await detail(server, user, other)).verification!.code).not.toBe(code)

    const verified = await admin('verify', { code })
    expect(verified.status).toBe(200)
    expect(verified.body).toMatchObject({ orderId, status: 'completed' })
    expect(steps(verified.body)).toEqual(['pending_payment', 'paid', 'to_verify', 'verified', 'completed'])
    expect((await listAll(server, user, 'to_verify')).ids).toEqual([other])

    const again = await admin('verify', { code })
    expect(again.status).toBe(409)
    expect(again.body.error).toMatchObject({ reason: 'already_verified' })
    const unknown = await admin('verify', { code: code === '000000000000' ? '111111111111' : '000000000000' })
    expect(unknown.status).toBe(404)
    expect((await admin('verify', { code: '12ab' })).status).toBe(400)
  })

  it('does not verify a code while its refund is asked for, nor an unpaid order (no code yet)', async () => {
    const user = 'tao-tangled'
    const orderId = await placePaid(
      server,
      user,
      [{ skuId: 'legal-consult-30', quantity: 1 }],
      19900,
      CONTACT,
    )
    const code = (await detail(server, user, orderId)).verification!.code
    const asked = await server.call('POST', `/orders/${orderId}/refunds`, {
      user,
      headers: { 'Idempotency-Key': newKey() },
      body: { lines: [{ lineId: '1', amount: cny(19900) }], amount: cny(19900), reason: '时间冲突' },
    })
    expect(asked.status).toBe(201)
    const refused = await admin('verify', { code })
    expect(refused.status).toBe(409)
    expect(refused.body.error).toMatchObject({ status: 'refund_requested' })
    const unpaid = await place(server, user, [{ skuId: 'legal-consult-30', quantity: 1 }], 19900, CONTACT)
    expect((await detail(server, user, unpaid)).verification).toBeUndefined()
  })
})
