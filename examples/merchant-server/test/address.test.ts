import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type Answer,
  cny,
  DRIVER,
  newKey,
  snapshotDatabase,
  startTestServer,
  type TestServer,
} from './harness.ts'

// The shipping address of an order (TradeKit's `OrderRequest.address`, a `ShippingAddress`): checked
// by the client's rules, stored with the order, and priced — delivery to a remote province costs
// more, so an address changed after the user saw the total is a PRICE_CHANGED with the new quote.

let server: TestServer

beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => {
  await server?.destroy()
})

const hangzhou = {
  name: '张三',
  phone: '138 0013-8000',
  region: { province: '浙江省', city: '杭州市', district: '西湖区' },
  detail: '西溪路 556 号',
}
const urumqi = {
  ...hangzhou,
  region: { province: '新疆维吾尔自治区', city: '乌鲁木齐市', district: '天山区' },
}
const mug = [{ skuId: 'ceramic-mug', quantity: 1 }]

const order = (body: unknown, user = 'alice'): Promise<Answer> =>
  server.call('POST', '/orders', { body, headers: { 'Idempotency-Key': newKey() }, user })

describe(`shipping addresses on ${DRIVER}`, () => {
  it('refuses an order or a quote with a parcel and no address (address_required), writing nothing', async () => {
    const before = await snapshotDatabase(server.merchant)
    for (const lines of [mug, [...mug, { skuId: 'sticker-pack', quantity: 1 }]]) {
      for (const address of [undefined, null]) {
        const answer = await order({ lines, address, expectedPayable: cny(3700) })
        expect(answer.status).toBe(400)
        expect(answer.body.error).toEqual({
          code: 'INVALID_ARGUMENT',
          message: 'An order with a parcel needs a shipping address',
          field: 'address',
          reason: 'address_required',
          fields: { address: 'required' },
          skuIds: ['ceramic-mug'],
        })
      }
    }
    const quoted = await server.call('POST', '/quote', { body: { lines: mug }, user: 'alice' })
    expect(quoted.status).toBe(400)
    expect(quoted.body.error).toMatchObject({ field: 'address', reason: 'address_required' })
    expect(await snapshotDatabase(server.merchant)).toBe(before)
  })

  it('takes a service or a virtual good without an address', async () => {
    const ebook = await order({
      lines: [{ skuId: 'ebook-trading-guide', quantity: 1 }],
      expectedPayable: cny(990),
    })
    expect(ebook.status).toBe(201)
    const consult = await order({
      lines: [{ skuId: 'legal-consult-30', quantity: 1 }],
      contact: { phone: '13800000000' },
      expectedPayable: cny(19900),
    })
    expect(consult.status).toBe(201)
  })

  it('stores the checked address with the order and shows it in the order detail', async () => {
    const created = await order({ lines: mug, address: hangzhou, expectedPayable: cny(2900 + 800) })
    expect(created.status).toBe(201)
    const detail = await server.call('GET', `/orders/${created.body.orderId}/detail`, { user: 'alice' })
    expect(detail.status).toBe(200)
    expect(detail.body.address).toEqual({ ...hangzhou, phone: '13800138000' })
  })

  it('refuses a wrong address naming every wrong field, and makes no order', async () => {
    const before = await snapshotDatabase(server.merchant)
    const answer = await order({
      lines: mug,
      address: {
        name: '',
        phone: '02081167888',
        region: { province: '浙江省' },
        detail: '西溪',
        postalCode: '31',
      },
      expectedPayable: cny(3700),
    })
    expect(answer.status).toBe(400)
    expect(answer.body.error).toMatchObject({
      code: 'INVALID_ARGUMENT',
      field: 'address',
      fields: {
        name: 'required',
        phone: 'mobile',
        region: 'required',
        detail: 'too_short',
        postalCode: 'postal_code',
      },
    })
    expect(await snapshotDatabase(server.merchant)).toBe(before)
  })

  it('prices delivery by the address: a remote province is PRICE_CHANGED with the new quote, then goes through', async () => {
    const quoted = await server.call('POST', '/quote', { body: { lines: mug, address: urumqi } })
    expect(quoted.body).toMatchObject({ fees: cny(2000), payable: cny(4900) })
    const moved = await order({ lines: mug, address: urumqi, expectedPayable: cny(3700) })
    expect(moved.status).toBe(409)
    expect(moved.body.error).toMatchObject({
      code: 'PRICE_CHANGED',
      quote: { fees: cny(2000), payable: cny(4900) },
    })
    const accepted = await order({ lines: mug, address: urumqi, expectedPayable: cny(4900) })
    expect(accepted.status).toBe(201)
    expect(accepted.body.amount).toEqual(cny(4900))
  })
})
