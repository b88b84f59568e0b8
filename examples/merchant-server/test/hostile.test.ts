import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ERROR_CODES, type TradeKitErrorCode } from '../../../packages/core/src/errors/errorCodes.ts'
import type { ApiErrorCode } from '../src/http/ApiError.ts'
import {
  cny,
  DRIVER,
  newKey,
  SHIPPING_ADDRESS,
  snapshotDatabase,
  startTestServer,
  type TestServer,
} from './harness.ts'

// Compile-time: every code this server answers with is one of TradeKit's catalogue.
const codesAreTradeKitCodes: ApiErrorCode extends TradeKitErrorCode ? true : false = true

let server: TestServer
let orderId: string

beforeAll(async () => {
  server = await startTestServer()
  const created = await server.call('POST', '/orders', {
    body: { lines: [{ skuId: 'sticker-pack', quantity: 1 }], expectedPayable: cny(600) },
    headers: { 'Idempotency-Key': newKey() },
    user: 'owner',
  })
  orderId = created.body.orderId as string
})
afterAll(async () => {
  await server?.destroy()
})

const valid = {
  lines: [{ skuId: 'tea-gift-box', quantity: 1 }],
  address: SHIPPING_ADDRESS,
  expectedPayable: cny(12800),
}
const withLine = (line: unknown) => ({ ...valid, lines: [line] })
const deep = (depth: number): unknown => (depth === 0 ? 'x' : { a: deep(depth - 1) })

/** Sends a request and checks: 4xx, a typed error body with a catalogue code, nothing written. */
async function expectRefused(
  send: () => Promise<{ status: number; body: Record<string, unknown> }>,
  expected: { status: number; code: string; reason?: string; field?: string },
) {
  const before = await snapshotDatabase(server.merchant)
  const answer = await send()
  expect(answer.status).toBe(expected.status)
  expect(answer.body).toEqual({
    error: expect.objectContaining({
      code: expected.code,
      message: expect.any(String),
      ...(expected.reason ? { reason: expected.reason } : {}),
      ...(expected.field ? { field: expected.field } : {}),
    }),
  })
  expect(ERROR_CODES).toContain((answer.body.error as { code: string }).code)
  expect(await snapshotDatabase(server.merchant)).toBe(before)
}

const postOrder = (body: unknown, headers: Record<string, string> = {}) =>
  server.call('POST', '/orders', { body, headers: { 'Idempotency-Key': newKey(), ...headers } })
const postRaw = (raw: string, headers: Record<string, string> = {}) =>
  server.call('POST', '/orders', {
    raw,
    headers: { 'content-type': 'application/json', 'Idempotency-Key': newKey(), ...headers },
  })

describe(`malformed and hostile input on ${DRIVER}`, () => {
  it('uses only TradeKit error codes', () => {
    expect(codesAreTradeKitCodes).toBe(true)
  })

  it.each([
    [
      'a negative quantity',
      withLine({ skuId: 'tea-gift-box', quantity: -1 }),
      'INVALID_QUANTITY',
      'lines[0].quantity',
    ],
    [
      'a zero quantity',
      withLine({ skuId: 'tea-gift-box', quantity: 0 }),
      'INVALID_QUANTITY',
      'lines[0].quantity',
    ],
    [
      'a fractional quantity',
      withLine({ skuId: 'tea-gift-box', quantity: 1.5 }),
      'INVALID_QUANTITY',
      undefined,
    ],
    [
      'a quantity as a string',
      withLine({ skuId: 'tea-gift-box', quantity: '2' }),
      'INVALID_QUANTITY',
      undefined,
    ],
    ['a huge quantity', withLine({ skuId: 'tea-gift-box', quantity: 1e20 }), 'INVALID_QUANTITY', undefined],
    ['a null quantity', withLine({ skuId: 'tea-gift-box', quantity: null }), 'INVALID_QUANTITY', undefined],
    ['a numeric skuId', withLine({ skuId: 42, quantity: 1 }), 'INVALID_ARGUMENT', 'lines[0].skuId'],
    [
      'an SQL-looking skuId',
      withLine({ skuId: "x'; DROP TABLE orders; --", quantity: 1 }),
      'INVALID_ARGUMENT',
      'lines[0].skuId',
    ],
    ['a null line', withLine(null), 'INVALID_ARGUMENT', 'lines[0]'],
    ['lines as an object', { ...valid, lines: { 0: valid.lines[0] } }, 'INVALID_ARGUMENT', 'lines'],
    ['no lines', { ...valid, lines: [] }, 'INVALID_ARGUMENT', 'lines'],
    [
      '51 lines',
      { ...valid, lines: Array.from({ length: 51 }, () => ({ skuId: 'sticker-pack', quantity: 1 })) },
      'INVALID_ARGUMENT',
      'lines',
    ],
    ['no expectedPayable', { lines: valid.lines }, 'INVALID_AMOUNT', 'expectedPayable'],
    [
      'a float payable',
      { ...valid, expectedPayable: cny(12800.5) },
      'INVALID_AMOUNT',
      'expectedPayable.amount',
    ],
    [
      'a payable as a string',
      { ...valid, expectedPayable: { amount: '12800', currency: 'CNY' } },
      'INVALID_AMOUNT',
      undefined,
    ],
    ['a negative payable', { ...valid, expectedPayable: cny(-12800) }, 'INVALID_AMOUNT', undefined],
    ['an astronomic payable', { ...valid, expectedPayable: cny(1e300) }, 'INVALID_AMOUNT', undefined],
    [
      'a lowercase currency',
      { ...valid, expectedPayable: { amount: 12800, currency: 'cny' } },
      'INVALID_AMOUNT',
      'expectedPayable.currency',
    ],
    ['an array body', [valid], 'INVALID_ARGUMENT', 'body'],
    ['a null body', null, 'INVALID_ARGUMENT', 'body'],
    ['a string body', 'order please', 'INVALID_ARGUMENT', 'body'],
    ['a numeric coupon', { ...valid, coupon: 100 }, 'INVALID_ARGUMENT', 'coupon'],
    ['a contact as a string', { ...valid, contact: '13800000000' }, 'INVALID_ARGUMENT', 'contact'],
    [
      'a phone that is not one',
      { ...valid, contact: { phone: 'call me' } },
      'INVALID_ARGUMENT',
      'contact.phone',
    ],
    ['a channel with odd characters', { ...valid, channel: 'sand box!' }, 'INVALID_ARGUMENT', 'channel'],
    [
      'a NUL in an option',
      withLine({ skuId: 'tea-gift-box', quantity: 1, options: { note: 'a\u0000b' } }),
      'INVALID_ARGUMENT',
      'lines[0].options.note',
    ],
    [
      'an option that is not a string',
      withLine({ skuId: 'tea-gift-box', quantity: 1, options: { size: 3 } }),
      'INVALID_ARGUMENT',
      'lines[0].options.size',
    ],
    [
      'eleven options',
      withLine({
        skuId: 'tea-gift-box',
        quantity: 1,
        options: Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, 'v'])),
      }),
      'INVALID_ARGUMENT',
      'lines[0].options',
    ],
    ['meta nested 50 deep', { ...valid, meta: deep(50) }, 'INVALID_ARGUMENT', undefined],
    ['meta as a list', { ...valid, meta: [1, 2] }, 'INVALID_ARGUMENT', 'meta'],
    ['a NUL in a meta key', { ...valid, meta: { 'a\u0000': 1 } }, 'INVALID_ARGUMENT', undefined],
    [
      'an oversized address',
      { ...valid, address: { line: 'x'.repeat(3000) } },
      'INVALID_ARGUMENT',
      'address',
    ],
  ])('refuses %s', async (_name, body, code, field) => {
    await expectRefused(() => postOrder(body), { status: 400, code, ...(field ? { field } : {}) })
  })

  it('refuses broken JSON, an unpaired surrogate and a body that is not JSON', async () => {
    await expectRefused(() => postRaw('{"lines": [{"skuId": "tea-gift-box", "quantity": 1}'), {
      status: 400,
      code: 'INVALID_ARGUMENT',
      reason: 'malformed_json',
    })
    await expectRefused(
      () =>
        postRaw(
          '{"lines":[{"skuId":"tea-gift-box","quantity":1}],"contact":{"note":"\\ud800"},"expectedPayable":{"amount":12800,"currency":"CNY"}}',
        ),
      { status: 400, code: 'INVALID_ARGUMENT', field: 'contact.note' },
    )
    await expectRefused(
      () =>
        server.call('POST', '/orders', {
          raw: JSON.stringify(valid),
          headers: { 'content-type': 'text/plain', 'Idempotency-Key': newKey() },
        }),
      { status: 415, code: 'INVALID_ARGUMENT', reason: 'unsupported_media_type' },
    )
  })

  it('refuses a huge body, with or without a Content-Length', async () => {
    const huge = JSON.stringify({ ...valid, meta: { filler: 'x'.repeat(1024 * 1024) } })
    await expectRefused(() => postRaw(huge), {
      status: 413,
      code: 'INVALID_ARGUMENT',
      reason: 'body_too_large',
    })

    await expectRefused(
      async () => {
        const chunk = new TextEncoder().encode('x'.repeat(64 * 1024))
        let sent = 0
        const stream = new ReadableStream<Uint8Array>({
          pull(controller) {
            // A bounded stream of 2 MiB: the server must stop it at its limit.
            if (sent >= 32) controller.close()
            else {
              sent += 1
              controller.enqueue(chunk)
            }
          },
        })
        const response = await fetch(`${server.url}/orders`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'Idempotency-Key': newKey() },
          body: stream,
          duplex: 'half',
        } as RequestInit)
        return { status: response.status, body: (await response.json()) as Record<string, unknown> }
      },
      { status: 413, code: 'INVALID_ARGUMENT', reason: 'body_too_large' },
    )
  })

  it.each([
    ['no Idempotency-Key', {}, 'Idempotency-Key'],
    ['an Idempotency-Key of 200 characters', { 'Idempotency-Key': 'k'.repeat(200) }, 'Idempotency-Key'],
  ])('refuses %s', async (_name, headers, field) => {
    await expectRefused(() => server.call('POST', '/orders', { body: valid, headers }), {
      status: 400,
      code: 'INVALID_ARGUMENT',
      field,
    })
  })

  it("answers unknown orders and routes with 404, another user's order with 403, no session with 401", async () => {
    const headers = {}
    await expectRefused(
      () => server.call('GET', `/orders/ord_${'f'.repeat(32)}`, { headers, user: 'owner' }),
      {
        status: 404,
        code: 'INVALID_ARGUMENT',
        reason: 'not_found',
      },
    )
    await expectRefused(() => server.call('GET', '/orders/not-an-order-id', { headers, user: 'owner' }), {
      status: 404,
      code: 'INVALID_ARGUMENT',
      reason: 'not_found',
    })
    await expectRefused(() => server.call('POST', `/orders/${orderId}/cancel`, { user: 'thief' }), {
      status: 403,
      code: 'INVALID_ARGUMENT',
      reason: 'forbidden',
    })
    await expectRefused(() => server.call('DELETE', `/orders/${orderId}`, { headers, user: 'owner' }), {
      status: 404,
      code: 'INVALID_ARGUMENT',
      reason: 'no_route',
    })
    await expectRefused(() => server.call('GET', '/catalogue/no-such-sku'), {
      status: 404,
      code: 'INVALID_ARGUMENT',
      reason: 'not_found',
    })
    for (const path of [
      '/catalogue/%00',
      '/catalogue/%ED%A0%80',
      `/catalogue/${'x'.repeat(5000)}`,
      '/orders/%00',
    ]) {
      await expectRefused(() => server.call('GET', path), {
        status: 404,
        code: 'INVALID_ARGUMENT',
        reason: 'not_found',
      })
    }
    await expectRefused(() => server.call('PATCH', '/admin/skus/%00', { body: { price: 1 } }), {
      status: 404,
      code: 'INVALID_ARGUMENT',
      reason: 'not_found',
    })
    await expectRefused(() => server.call('GET', '/membership/entitlement', { user: null }), {
      status: 401,
      code: 'INVALID_ARGUMENT',
      reason: 'session_required',
    })
  })

  it.each([
    ['a negative price', { price: -1 }, 400],
    ['a fractional price', { price: 9.9 }, 400],
    ['a price as a string', { price: '990' }, 400],
    ['a null price', { price: null }, 400],
    ['a negative stock', { stock: -5 }, 400],
    ['an unknown status', { status: 'hidden' }, 400],
    ['nothing to change', {}, 400],
  ])('refuses an admin change with %s', async (_name, body, status) => {
    await expectRefused(() => server.call('PATCH', '/admin/skus/tea-gift-box', { body }), {
      status,
      code: 'INVALID_ARGUMENT',
    })
  })

  it('refuses an admin change of an unknown sku', async () => {
    await expectRefused(() => server.call('PATCH', '/admin/skus/no-such-sku', { body: { price: 100 } }), {
      status: 404,
      code: 'INVALID_ARGUMENT',
      reason: 'not_found',
    })
  })

  it('takes a client that hangs up in the middle of its body as no server error', async () => {
    const before = await snapshotDatabase(server.merchant)
    const { token } = await server.session('owner')
    const { hostname, port } = new URL(server.url)
    await new Promise<void>((resolve, reject) => {
      const socket = connect(Number(port), hostname, () => {
        socket.write(
          'POST /orders HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n' +
            `Content-Length: 1000\r\nIdempotency-Key: ${newKey()}\r\nAuthorization: Bearer ${token}\r\n\r\n` +
            '{"lines":[{"skuId":"tea-gift-box",',
        )
        setTimeout(() => {
          socket.destroy()
          resolve()
        }, 200)
      })
      socket.on('error', reject)
    })
    // the server has seen the hang-up by the time it answers another request
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect((await server.call('GET', '/health')).status).toBe(200)
    expect(server.loggedErrors()).toEqual([])
    expect(await snapshotDatabase(server.merchant)).toBe(before)
  })

  it('still serves a valid order after all of that', async () => {
    const ok = await postOrder(valid)
    expect(ok.status).toBe(201)
  })
})
