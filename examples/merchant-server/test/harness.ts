import { randomBytes } from 'node:crypto'
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inject } from 'vitest'
import { createApp, type MerchantServer, type MerchantServerOptions } from '../src/http/createApp.ts'
import { type RunningServer, startServer } from '../src/http/startServer.ts'
import type { Scheduler } from '../src/sandbox/sandboxCashier.ts'

/** Which database the suite runs on: `DATABASE_URL` set → PostgreSQL, else PGlite. */
export const DRIVER = process.env.DATABASE_URL ? 'pg' : 'pglite'

/** Where one test server keeps its data; reused to restart on the same data. */
export type DataLocation = { readonly schema: string } | { readonly dataDir: string }

/** A fresh place for data: a schema of its own on PostgreSQL, a temporary folder for PGlite. */
export function freshLocation(): DataLocation {
  if (DRIVER === 'pg') return { schema: `t_${randomBytes(6).toString('hex')}` }
  // A copy of the migrated template (see globalSetup.ts): opening it skips initdb.
  const dataDir = mkdtempSync(join(tmpdir(), 'merchant-server-'))
  cpSync(inject('pgliteTemplate'), dataDir, { recursive: true })
  return { dataDir }
}

/** A clock the test moves by hand. */
export function manualClock(start = Date.UTC(2026, 0, 15, 8, 0, 0)) {
  let time = start
  return {
    now: () => time,
    advance: (ms: number) => {
      time += ms
    },
  }
}

/** Timers the test fires by hand: `flush()` runs every pending notification and awaits it. */
export function manualScheduler() {
  const tasks = new Map<number, { run: () => Promise<unknown> | undefined; ms: number }>()
  let next = 0
  const scheduler: Scheduler = {
    setTimeout(run, ms) {
      next += 1
      tasks.set(next, { run, ms })
      return next
    },
    clearTimeout(handle) {
      tasks.delete(handle as number)
    },
  }
  return {
    scheduler,
    pending: () => [...tasks.values()].map((task) => task.ms),
    async flush() {
      const due = [...tasks.entries()].sort(([, a], [, b]) => a.ms - b.ms)
      tasks.clear()
      await Promise.all(due.map(([, task]) => task.run()))
    },
  }
}

/** The answer of one HTTP call. */
export interface Answer<T = Record<string, unknown>> {
  readonly status: number
  readonly headers: Headers
  readonly body: T
}

/** The admin token every test server is started with. */
export const ADMIN_TOKEN = 'test-admin-token-0123456789'

/** How a test call is made. */
export interface CallOptions {
  body?: unknown
  raw?: string | Uint8Array
  headers?: Record<string, string>
  /**
   * Who calls: a name (logged in through the sandbox login, the same user for the same name),
   * `'guest'` (this server's one guest session, the default) or `null` (no session at all).
   */
  user?: string | null
  /** Send the admin token on `/admin/*` paths. @default true */
  admin?: boolean
}

/** One merchant server listening on 127.0.0.1, with helpers to call it. */
export interface TestServer {
  readonly url: string
  readonly merchant: MerchantServer
  readonly location: DataLocation
  /**
   * One HTTP call. It carries the session of `options.user` (default: this server's guest) unless
   * the caller sets `Authorization` itself, and the admin token on `/admin/*`.
   */
  call<T = Record<string, unknown>>(method: string, path: string, options?: CallOptions): Promise<Answer<T>>
  /** The session of a user: `{ token, userId }`, logged in once per server and name. */
  session(user: string): Promise<{ token: string; userId: string }>
  /** The unexpected errors the server logged so far (a test file fails on any at the end, too). */
  loggedErrors(): readonly unknown[]
  /** Sends a payment notification signed with the server's sandbox key, as its cashier does. */
  notify(orderId: string, outcome: 'paid' | 'failed'): Promise<Answer>
  /** Stops the server and closes the database, keeping the data. */
  stop(): Promise<void>
  /** Stops and deletes the data. */
  destroy(): Promise<void>
}

/** Starts a server on `location` (fresh by default). */
export async function startTestServer(
  options: {
    location?: DataLocation
    now?: () => number
    scheduler?: Scheduler
    orderTtlMs?: number
    /** Further options of createApp (CORS, sandbox, logins…). */
    app?: Partial<MerchantServerOptions>
  } = {},
): Promise<TestServer> {
  const location = options.location ?? freshLocation()
  const url = process.env.DATABASE_URL
  const errors: unknown[] = []
  const merchant = await createApp({
    database: 'schema' in location ? { url: url!, schema: location.schema } : { dataDir: location.dataDir },
    ...(options.now ? { now: options.now } : {}),
    ...(options.scheduler ? { scheduler: options.scheduler } : {}),
    ...(options.orderTtlMs ? { orderTtlMs: options.orderTtlMs } : {}),
    adminToken: ADMIN_TOKEN,
    // Tokens survive a restart on the same data (lifecycle tests restart servers).
    sessionSecrets: ['test-session-secret-0123456789abcdef'],
    logError: (error) => {
      errors.push(error)
    },
    ...options.app,
  })
  let server: RunningServer
  try {
    server = await startServer(merchant.app, { port: 0 })
  } catch (error) {
    await merchant.close()
    throw error
  }
  let stopped = false
  const stop = async () => {
    if (stopped) return
    stopped = true
    await server.close()
    await merchant.close()
    if (errors.length > 0) throw new AggregateError(errors, 'The server logged unexpected errors')
  }
  const sessions = new Map<string, Promise<{ token: string; userId: string }>>()
  const session = (user: string) => {
    let known = sessions.get(user)
    if (!known) {
      // A sandbox login code per name (16–48 of A–Z a–z 0–9 _ -): hex of the name, padded.
      const code = Buffer.from(user).toString('hex').padEnd(16, '0').slice(0, 48)
      const login = user === 'guest' ? { platform: 'guest' } : { platform: 'sandbox', code }
      known = fetch(`${server.url}/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(login),
      }).then(async (response) => {
        if (response.status !== 200) throw new Error(`login of ${user} answered ${response.status}`)
        return (await response.json()) as { token: string; userId: string }
      })
      sessions.set(user, known)
    }
    return known
  }
  const call: TestServer['call'] = async (method, path, callOptions = {}) => {
    const headers: Record<string, string> = { ...callOptions.headers }
    const named = Object.keys(headers).some((name) => name.toLowerCase() === 'authorization')
    if (path.startsWith('/admin') && callOptions.admin !== false && !named) {
      headers.authorization = `Bearer ${ADMIN_TOKEN}`
    } else if (!named && callOptions.user !== null) {
      headers.authorization = `Bearer ${(await session(callOptions.user ?? 'guest')).token}`
    }
    let body: string | Uint8Array | undefined = callOptions.raw
    if (callOptions.body !== undefined) {
      body = JSON.stringify(callOptions.body)
      headers['content-type'] ??= 'application/json'
    }
    const response = await fetch(`${server.url}${path}`, { method, headers, body })
    const text = await response.text()
    return {
      status: response.status,
      headers: response.headers,
      // A platform callback's answer may be plain text (Alipay's "success"): kept as { text }.
      body:
        text === ''
          ? {}
          : response.headers.get('content-type')?.includes('json')
            ? JSON.parse(text)
            : { text },
    } as Answer<never>
  }
  return {
    url: server.url,
    merchant,
    location,
    call,
    session,
    loggedErrors: () => [...errors],
    notify(orderId, outcome) {
      const signed = merchant.signSandboxNotification!({ orderId, outcome })
      return call('POST', '/sandbox/notify', { raw: signed.body, headers: signed.headers, user: null })
    },
    stop,
    async destroy() {
      try {
        if ('schema' in location && !stopped) {
          await merchant.db.query(`DROP SCHEMA ${location.schema} CASCADE`)
        }
        await stop()
      } finally {
        if ('dataDir' in location) rmSync(location.dataDir, { recursive: true, force: true })
      }
    },
  }
}

/** Everything in the database, to prove a rejected request wrote nothing. */
export async function snapshotDatabase(merchant: MerchantServer): Promise<string> {
  const tables = {
    skus: 'SELECT * FROM skus ORDER BY id',
    plans: 'SELECT * FROM plans ORDER BY id',
    orders: 'SELECT * FROM orders ORDER BY id',
    order_lines: 'SELECT * FROM order_lines ORDER BY order_id, line_no',
    payment_events: 'SELECT * FROM payment_events ORDER BY id',
    entitlements: 'SELECT * FROM entitlements ORDER BY user_id',
    entitlement_grants: 'SELECT * FROM entitlement_grants ORDER BY order_id, line_no',
    platform_payments: 'SELECT * FROM platform_payments ORDER BY order_id',
    seen_nonces: 'SELECT * FROM seen_nonces ORDER BY key',
    order_events: 'SELECT * FROM order_events ORDER BY id',
    refunds: 'SELECT * FROM refunds ORDER BY id',
    refund_lines: 'SELECT * FROM refund_lines ORDER BY refund_id, line_no',
    sandbox_cashier_orders: 'SELECT * FROM sandbox_cashier_orders ORDER BY id',
  }
  const snapshot: Record<string, unknown> = {}
  for (const [table, sql] of Object.entries(tables)) snapshot[table] = await merchant.db.query(sql)
  return JSON.stringify(snapshot)
}

/** Units left of a sku. */
export async function stockOf(merchant: MerchantServer, skuId: string): Promise<number | null> {
  const [row] = await merchant.db.query<{ stock: number | null }>('SELECT stock FROM skus WHERE id = $1', [
    skuId,
  ])
  if (!row) throw new Error(`No sku ${skuId}`)
  return row.stock
}

/** Number of orders in the database. */
export async function orderCount(merchant: MerchantServer): Promise<number> {
  const [row] = await merchant.db.query<{ n: number }>('SELECT count(*)::int AS n FROM orders')
  return row?.n ?? 0
}

/** Money in CNY fen. */
export const cny = (amount: number) => ({ amount, currency: 'CNY' })

/** Where the tests' parcels go: the server refuses an order with a physical line and no address. */
export const SHIPPING_ADDRESS = {
  name: '李雷',
  phone: '13800138000',
  region: { province: '浙江省', city: '杭州市', district: '西湖区' },
  detail: '文三路 90 号',
}

/** A distinct idempotency key. */
export const newKey = () => `key-${randomBytes(8).toString('hex')}`
