import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ERROR_CODES } from '../../../packages/core/src/errors/errorCodes.ts'
import { DRIVER, newKey, startTestServer, type TestServer } from './harness.ts'

let server: TestServer

beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => {
  // destroy() also fails the file when the server logged an unexpected (5xx) error.
  await server?.destroy()
})

const SKUS = [
  'tea-gift-box',
  'ceramic-mug',
  'legal-consult-30',
  'plan-monthly',
  'sticker-pack',
  'limited-print',
]
// Characters that hurt: NUL, lone surrogates, quotes, backslashes, astral — often, among any code unit.
const nasty = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom('\u0000', '\ud800', '\udfff', "'", '"', '\\', '%', '😀', '\n') },
  { weight: 4, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
)
// Every kind of JSON value, its strings made of those characters.
const anything = fc.jsonValue({ depthSize: 'small', stringUnit: nasty })
const anyText = fc.string({ unit: nasty, minLength: 1, maxLength: 70 })
/** Mostly `valid`, sometimes anything at all: requests that get deep before they go wrong. */
const mostly = <T>(valid: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 4, arbitrary: valid }, { weight: 1, arbitrary: anything })
/** Usually absent, otherwise mostly `valid`. */
const maybe = <T>(valid: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: mostly(valid) })

const line = fc.record({
  skuId: fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...SKUS) },
    { weight: 1, arbitrary: anyText },
    anything,
  ),
  quantity: mostly(fc.integer({ min: 1, max: 3 })),
  options: maybe(fc.dictionary(anyText, anyText, { maxKeys: 3 })),
})
const orderRequest = fc.record({
  lines: mostly(fc.array(line, { minLength: 1, maxLength: 3 })),
  coupon: maybe(fc.oneof(fc.constant('FULL100MINUS20'), anyText)),
  contact: mostly(fc.record({ phone: mostly(fc.constant('13800000000')), note: maybe(anyText) })),
  address: maybe(fc.dictionary(anyText, anyText, { maxKeys: 3 })),
  channel: maybe(fc.constant('sandbox')),
  meta: maybe(fc.dictionary(anyText, anything, { maxKeys: 3 })),
  expectedPayable: mostly(
    fc.record({
      amount: fc.oneof(fc.nat(100_000), fc.constantFrom(600, 1500, 3700, 12800, 19900)),
      currency: fc.constant('CNY'),
    }),
  ),
})
const userId = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom('fuzzer', 'guest'),
  fc.string({ maxLength: 80 }),
)

function checkAnswer(status: number, body: unknown) {
  expect(status).toBeLessThan(500)
  if (status >= 400) {
    const error = (body as { error?: { code?: unknown; message?: unknown } }).error
    expect(ERROR_CODES).toContain(error?.code)
    expect(typeof error?.message).toBe('string')
  }
}

// Header values must be ByteStrings for fetch; map the rest to what a client could send.
const headerSafe = (value: string) => value.replace(/[^\x20-\x7e]/g, '?')

describe(`random input on ${DRIVER}`, () => {
  it('never answers 5xx to random order requests, quotes and notifications', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('/orders', '/quote'),
        orderRequest,
        userId,
        async (path, body, user) => {
          const headers: Record<string, string> = { 'Idempotency-Key': newKey() }
          // A known user, the guest, or a forged bearer token.
          const known = user === undefined || user === 'fuzzer' || user === 'guest'
          if (!known) headers.authorization = `Bearer ${headerSafe(user)}`
          const answer = await server.call('POST', path, {
            body,
            headers,
            user: known ? (user ?? 'guest') : null,
          })
          checkAnswer(answer.status, answer.body)
        },
      ),
      { numRuns: 300 },
    )
  })

  it('never answers 5xx to random sandbox and admin bodies', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('/sandbox/notify', '/sandbox/pay', '/sandbox/script', '/admin/skus/sticker-pack'),
        fc.oneof(
          anything,
          fc.record(
            {
              orderId: fc.oneof(fc.constant(`ord_${'a'.repeat(32)}`), anything),
              outcome: fc.oneof(fc.constantFrom('paid', 'failed', 'none'), anything),
              steps: fc.oneof(
                fc.array(fc.record({ outcome: anything, delayMs: anything, duplicates: anything })),
                anything,
              ),
              price: fc.oneof(fc.integer({ min: -10, max: 20_000_000 }), anything),
              stock: fc.oneof(fc.integer({ min: -10, max: 2_000_000 }), anything),
            },
            { requiredKeys: [] },
          ),
        ),
        async (path, body) => {
          const answer = await server.call(
            path.startsWith('/admin') ? 'PATCH' : path.endsWith('script') ? 'PUT' : 'POST',
            path,
            {
              body,
            },
          )
          checkAnswer(answer.status, answer.body)
        },
      ),
      { numRuns: 300 },
    )
    // Leave the cashier as it was found.
    await server.call('PUT', '/sandbox/script', { body: { steps: [] } })
  })
})
