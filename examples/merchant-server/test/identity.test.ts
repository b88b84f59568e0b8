// Who may do what: sessions instead of X-User-Id, one's own orders and membership only, signed
// sandbox notifications, admin routes behind a token, CORS only for an allow-list. Every attack
// is refused and writes nothing.
import { createHmac, randomBytes } from 'node:crypto'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createSessionTokens } from '@tradekit/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../src/http/createApp.ts'
import {
  ADMIN_TOKEN,
  cny,
  DRIVER,
  manualClock,
  newKey,
  snapshotDatabase,
  startTestServer,
  type TestServer,
} from './harness.ts'

const clock = manualClock()
let server: TestServer

beforeAll(async () => {
  server = await startTestServer({ now: clock.now })
})
afterAll(async () => {
  await server?.destroy()
})

async function createOrderAs(user: string, skuId = 'sticker-pack', payable = 600): Promise<string> {
  const answer = await server.call('POST', '/orders', {
    body: { lines: [{ skuId, quantity: 1 }], expectedPayable: cny(payable) },
    headers: { 'Idempotency-Key': newKey() },
    user,
  })
  expect(answer.status).toBe(201)
  return answer.body.orderId as string
}

/** Sends, then checks the refusal (status, reason) and that the database did not change. */
async function refused(
  send: () => Promise<{ status: number; body: Record<string, unknown> }>,
  status: number,
  reason: string | undefined,
) {
  const before = await snapshotDatabase(server.merchant)
  const answer = await send()
  expect({
    status: answer.status,
    reason: (answer.body.error as { reason?: string } | undefined)?.reason,
  }).toEqual({
    status,
    reason,
  })
  expect(await snapshotDatabase(server.merchant)).toBe(before)
}

describe(`sessions on ${DRIVER}`, () => {
  it('logs a sandbox device in as the same user every time, and each guest as a user of its own', async () => {
    const login = (body: object) => server.call('POST', '/session', { body, user: null })
    const code = randomBytes(16).toString('hex')
    const first = await login({ platform: 'sandbox', code })
    const again = await login({ platform: 'sandbox', code })
    expect(first.status).toBe(200)
    expect(first.body).toMatchObject({ userId: `sandbox:${code}`, guest: false, token: expect.any(String) })
    expect(again.body.userId).toBe(first.body.userId)
    const guestA = await login({ platform: 'guest' })
    const guestB = await login({ platform: 'guest' })
    expect(guestA.body.guest).toBe(true)
    expect(guestA.body.userId).not.toBe(guestB.body.userId)
    await refused(() => login({ platform: 'sandbox', code: 'short' }), 400, undefined)
    await refused(() => login({ platform: 'douyin', code: 'abc' }), 422, 'login_unavailable')
  })

  it('refuses a membership to a guest session', async () => {
    await refused(
      () =>
        server.call('POST', '/orders', {
          body: { lines: [{ skuId: 'plan-monthly', quantity: 1 }], expectedPayable: cny(1500) },
          headers: { 'Idempotency-Key': newKey() },
          user: 'guest',
        }),
      422,
      'login_required',
    )
  })

  it('refuses every user route without a genuine, unexpired session', async () => {
    const orderId = await createOrderAs('alice')
    const routes: [string, string, object?][] = [
      ['POST', '/quote', { lines: [{ skuId: 'sticker-pack', quantity: 1 }] }],
      ['POST', '/orders', { lines: [{ skuId: 'sticker-pack', quantity: 1 }], expectedPayable: cny(600) }],
      ['GET', `/orders/${orderId}`],
      ['POST', `/orders/${orderId}/cancel`],
      ['GET', '/membership/entitlement'],
      ['POST', '/sandbox/pay', { orderId }],
      ['PUT', `/orders/${orderId}/channel-state`, { channel: 'sandbox', state: {} }],
      ['POST', '/sandbox/cashier-orders', { orderId }],
      ['GET', `/sandbox/cashier-orders?orderId=${orderId}`],
    ]
    const alice = await server.session('alice')
    const forged = createSessionTokens({ keys: [{ id: alice.token.split('.')[1]!, secret: 'x'.repeat(32) }] })
    const [prefix, kid, payload, signature] = alice.token.split('.')
    const bob = Buffer.from(
      JSON.stringify({ sub: alice.userId.replace('sandbox:', 'sandbox:b'), iat: 1, exp: 9e9 }),
    )
    for (const [method, path, body] of routes) {
      const send = (authorization?: string) => () =>
        server.call(method, path, {
          ...(body && { body }),
          headers: { 'Idempotency-Key': newKey(), ...(authorization && { authorization }) },
          user: null,
        })
      await refused(send(), 401, 'session_required')
      await refused(send(`Bearer ${forged.issue(alice.userId)}`), 401, 'session_invalid')
      await refused(
        send(`Bearer ${prefix}.${kid}.${bob.toString('base64url')}.${signature}`),
        401,
        'session_invalid',
      )
      await refused(send(`Basic ${payload}`), 401, 'session_required')
    }
    // X-User-Id is not a login: without a session it is refused.
    await refused(
      () => server.call('GET', `/orders/${orderId}`, { headers: { 'X-User-Id': 'alice' }, user: null }),
      401,
      'session_required',
    )
  })

  it('ends a session at its expiry', async () => {
    const later = manualClock()
    const short = await startTestServer({ now: later.now, app: { sessionTtlSeconds: 60 } })
    try {
      const { token } = await short.session('dora')
      const ok = await short.call('GET', '/membership/entitlement', {
        headers: { authorization: `Bearer ${token}` },
      })
      expect(ok.status).toBe(200)
      later.advance(60_000)
      const expired = await short.call('GET', '/membership/entitlement', {
        headers: { authorization: `Bearer ${token}` },
      })
      expect(expired.status).toBe(401)
      expect(expired.body).toMatchObject({ error: { reason: 'session_expired' } })
    } finally {
      await short.destroy()
    }
  })
})

describe(`another user's order and membership on ${DRIVER}`, () => {
  it('answers 403 to reading, cancelling or paying an order that is not yours, and changes nothing', async () => {
    const orderId = await createOrderAs('alice')
    await refused(() => server.call('GET', `/orders/${orderId}`, { user: 'bob' }), 403, 'forbidden')
    await refused(() => server.call('POST', `/orders/${orderId}/cancel`, { user: 'bob' }), 403, 'forbidden')
    await refused(
      () => server.call('POST', '/sandbox/pay', { body: { orderId }, user: 'bob' }),
      403,
      'forbidden',
    )
    // Naming Alice in a header does not make Bob Alice.
    await refused(
      () => server.call('GET', `/orders/${orderId}`, { headers: { 'X-User-Id': 'alice' }, user: 'bob' }),
      403,
      'forbidden',
    )
    const mine = await server.call('GET', `/orders/${orderId}`, { user: 'alice' })
    expect(mine.body).toMatchObject({ orderId, status: 'pending' })
  })

  it("answers 403 to reading another user's membership by ?userId=", async () => {
    const alice = await server.session('alice')
    await refused(
      () =>
        server.call('GET', `/membership/entitlement?userId=${encodeURIComponent(alice.userId)}`, {
          user: 'bob',
        }),
      403,
      'forbidden',
    )
    const own = await server.call(
      'GET',
      `/membership/entitlement?userId=${encodeURIComponent(alice.userId)}`,
      {
        user: 'alice',
      },
    )
    expect(own.status).toBe(200)
  })
})

describe(`sandbox notifications on ${DRIVER}`, () => {
  const post =
    (body: string, headers: Record<string, string> = {}) =>
    () =>
      server.call('POST', '/sandbox/notify', {
        raw: body,
        headers: { 'content-type': 'application/json', ...headers },
        user: null,
      })

  it('refuses an unsigned, forged, tampered, old or replayed notification, and grants nothing', async () => {
    const orderId = await createOrderAs('carol', 'plan-yearly', 12800)
    const body = JSON.stringify({ orderId, outcome: 'paid' })
    await refused(post(body), 401, 'signature_required')

    const timestamp = String(Math.floor(clock.now() / 1000))
    const forgedSignature = createHmac('sha256', randomBytes(32))
      .update(`${timestamp}\nnonce-1\n${body}\n`)
      .digest('base64')
    await refused(
      post(body, {
        'sandbox-timestamp': timestamp,
        'sandbox-nonce': 'nonce-1',
        'sandbox-signature': forgedSignature,
      }),
      401,
      'bad_signature',
    )

    const failed = server.merchant.signSandboxNotification!({ orderId, outcome: 'failed' })
    await refused(post(failed.body.replace('failed', 'paid'), failed.headers), 401, 'bad_signature')

    const stale = server.merchant.signSandboxNotification!({ orderId, outcome: 'paid' })
    clock.advance(5 * 60_000 + 1000)
    await refused(post(stale.body, stale.headers), 401, 'stale_timestamp')

    const entitlement = await server.call('GET', '/membership/entitlement', { user: 'carol' })
    expect(entitlement.body).toEqual({ active: false })

    const genuine = server.merchant.signSandboxNotification!({ orderId, outcome: 'paid' })
    const applied = await post(genuine.body, genuine.headers)()
    expect(applied.body).toMatchObject({ orderId, status: 'paid', effect: 'applied' })
    await refused(post(genuine.body, genuine.headers), 401, 'replayed')
    const member = await server.call('GET', '/membership/entitlement', { user: 'carol' })
    expect(member.body).toMatchObject({ active: true, planId: 'plan-yearly' })
  })

  it('has no sandbox routes and no sandbox login when the sandbox is off', async () => {
    const off = await startTestServer({ app: { sandbox: false } })
    try {
      expect(off.merchant.signSandboxNotification).toBeUndefined()
      for (const [method, path] of [
        ['POST', '/sandbox/notify'],
        ['POST', '/sandbox/pay'],
        ['GET', '/sandbox/script'],
        ['POST', '/sandbox/cashier-orders'],
        ['GET', '/sandbox/cashier-orders'],
      ] as const) {
        const answer = await off.call(method, path, { ...(method === 'POST' && { body: {} }), user: null })
        expect([path, answer.status]).toEqual([path, 404])
      }
      const login = await off.call('POST', '/session', {
        body: { platform: 'sandbox', code: 'a'.repeat(16) },
        user: null,
      })
      expect(login.status).toBe(422)
    } finally {
      await off.destroy()
    }
  })
})

describe(`admin routes and CORS on ${DRIVER}`, () => {
  it('refuses an admin change without the admin token, or with a user session, and changes nothing', async () => {
    const change = (headers: Record<string, string>) => () =>
      server.call('PATCH', '/admin/skus/tea-gift-box', {
        body: { price: 0 },
        headers,
        admin: false,
        user: null,
      })
    await refused(change({}), 401, 'admin_required')
    await refused(change({ authorization: `Bearer ${ADMIN_TOKEN}x` }), 401, 'admin_required')
    await refused(
      change({ authorization: `Bearer ${(await server.session('alice')).token}` }),
      401,
      'admin_required',
    )
    const ok = await server.call('PATCH', '/admin/skus/tea-gift-box', { body: { stock: 50 } })
    expect(ok.status).toBe(200)
  })

  it('has no admin routes without an admin token, and refuses a short one', async () => {
    const plain = await startTestServer({ app: { adminToken: undefined } })
    try {
      const answer = await plain.call('PATCH', '/admin/skus/tea-gift-box', { body: { price: 0 } })
      expect(answer.status).toBe(404)
    } finally {
      await plain.destroy()
    }
    // Checked before any database is opened.
    await expect(createApp({ adminToken: 'short' })).rejects.toThrow(/at least 16/)
    await expect(createApp({ corsOrigins: ['*'] })).rejects.toThrow(/never \*/)
  })

  const preflight = (url: string, origin: string) =>
    fetch(`${url}/orders`, {
      method: 'OPTIONS',
      headers: {
        Origin: origin,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type,idempotency-key,authorization',
      },
    })

  it('answers no CORS at all unless an allow-list is configured, and only to listed origins', async () => {
    const closed = await preflight(server.url, 'https://shop.example.com')
    expect(closed.headers.get('access-control-allow-origin')).toBeNull()

    const open = await startTestServer({ app: { corsOrigins: ['https://shop.example.com'] } })
    try {
      const allowed = await preflight(open.url, 'https://shop.example.com')
      expect(allowed.status).toBe(204)
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://shop.example.com')
      expect(allowed.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization')
      const unknown = await preflight(open.url, 'https://evil.example')
      expect(unknown.headers.get('access-control-allow-origin')).toBeNull()
    } finally {
      await open.destroy()
    }
  })
})

describe(`platform logins on ${DRIVER}`, () => {
  it('exchanges Douyin and WeChat login codes through code2Session and refuses a bad code', async () => {
    const platform = createServer((req, res) => {
      let text = ''
      req.on('data', (chunk) => {
        text += chunk
      })
      req.on('end', () => {
        const url = new URL(req.url ?? '/', 'http://x')
        const answer =
          url.pathname === '/api/apps/v2/jscode2session'
            ? JSON.parse(text).code === 'dy-good'
              ? { err_no: 0, err_tips: 'success', data: { openid: 'dy-open-1', session_key: 'k' } }
              : { err_no: 40018, err_tips: 'bad code', data: {} }
            : url.searchParams.get('js_code') === 'wx-good'
              ? { openid: 'wx-open-1', session_key: 'k' }
              : { errcode: 40029, errmsg: 'invalid code' }
        res.writeHead(200, { 'content-type': 'application/json' })
        res.end(JSON.stringify(answer))
      })
    })
    await new Promise<void>((resolve) => platform.listen(0, '127.0.0.1', resolve))
    const baseUrl = `http://127.0.0.1:${(platform.address() as AddressInfo).port}`
    const withLogins = await startTestServer({
      app: {
        logins: {
          douyin: { appId: 'tt-app', appSecret: 'tt-secret', baseUrl },
          wechat: { appId: 'wx-app', appSecret: 'wx-secret', baseUrl },
        },
      },
    })
    try {
      const login = (body: object) => withLogins.call('POST', '/session', { body, user: null })
      expect((await login({ platform: 'douyin', code: 'dy-good' })).body).toMatchObject({
        userId: 'dy:dy-open-1',
      })
      expect((await login({ platform: 'wechat', code: 'wx-good' })).body).toMatchObject({
        userId: 'wx:wx-open-1',
      })
      const bad = await login({ platform: 'wechat', code: 'stale' })
      expect(bad.status).toBe(401)
      expect(bad.body).toMatchObject({ error: { reason: 'login_refused', platformCode: '40029' } })
    } finally {
      await withLogins.destroy()
      await new Promise((resolve) => platform.close(resolve))
    }
  })
})
