import { timingSafeEqual } from 'node:crypto'
import { type FetchLike, isVerificationError } from '@tradekit/server'
import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { cors } from 'hono/cors'
import { listPlans, listSkus, loadSkus, productsOf, toCatalogueItem } from '../catalogue/catalogue.ts'
import { loadProductPictures, PICTURES_PATH } from '../catalogue/productPictures.ts'
import {
  claimCoupon,
  listOffers,
  listWallet,
  readCouponCode,
  WALLET_STATUSES,
} from '../coupons/couponWallet.ts'
import { type Database, type DatabaseOptions, openDatabase } from '../db/database.ts'
import { migrate } from '../db/migrate.ts'
import { createIdentity, type LoginOptions } from '../identity/identity.ts'
import { readEntitlement } from '../membership/entitlement.ts'
import { readChannelStateInput, saveChannelState } from '../orders/channelState.ts'
import { createOrder, quoteOrder } from '../orders/createOrder.ts'
import {
  centreOrder,
  confirmReceipt,
  deliverOrder,
  listOrders,
  shipOrder,
  verifyCode,
} from '../orders/orderCentre.ts'
import {
  applyPaymentNotification,
  cancelOrder,
  expireOrders,
  getOrder,
  ownOrder,
  type PaymentOutcome,
} from '../orders/orderLifecycle.ts'
import { findOrder, type OrderRow, toOrderView } from '../orders/orderRecords.ts'
import { TAB_NAMES } from '../orders/orderStatusTable.ts'
import { parseOrderRequest, SKU_ID } from '../orders/parseOrderRequest.ts'
import {
  acceptRefund,
  completeRefund,
  findRefund,
  parseRefundRequest,
  REFUND_ID,
  type RefundRow,
  rejectRefund,
  requestRefund,
  startFullRefund,
  withdrawRefund,
} from '../orders/refunds.ts'
import { databaseNonceStore } from '../payments/databaseNonceStore.ts'
import {
  createPlatformChannels,
  type PlatformChannelId,
  type PlatformChannelsConfig,
  refundNoOf,
} from '../payments/platformChannels.ts'
import {
  applyPlatformEvent,
  paymentFor,
  refreshFromPlatform,
  refundThroughPlatform,
} from '../payments/platformPayments.ts'
import {
  type CashierStep,
  createSandboxCashier,
  realScheduler,
  type Scheduler,
} from '../sandbox/sandboxCashier.ts'
import { countCashierOrders, createCashierOrder } from '../sandbox/sandboxCashierOrders.ts'
import {
  createSandboxNotifications,
  type SandboxNotification,
  type SignedNotification,
} from '../sandbox/sandboxNotifications.ts'
import { ApiError, invalidArgument } from './ApiError.ts'
import { readJsonBody, readJsonText } from './readJsonBody.ts'
import { readInteger, readObject, readOptionalString, readString } from './validate.ts'

/** Options of `createApp`. */
export interface MerchantServerOptions {
  /**
   * Where the data lives. @default `{ url: DATABASE_URL }` when that variable is set, otherwise
   * PGlite in `PGLITE_DIR` (default `.data/pglite` under the working directory)
   */
  readonly database?: DatabaseOptions
  /** The clock (epoch ms); tests move it to expire orders. @default Date.now */
  readonly now?: () => number
  /** How long an unpaid order holds its stock. @default 900000 (15 minutes) */
  readonly orderTtlMs?: number
  /** Timers of the sandbox cashier's delayed notifications. @default real timers */
  readonly scheduler?: Scheduler
  /** Period of the background sweep that closes expired orders; 0 for none. @default 0 */
  readonly sweepIntervalMs?: number
  /**
   * Origins allowed to call from a browser (CORS), e.g. an H5 shop on another origin. None: CORS is
   * off (same-origin callers and mini-programs do not need it). @default []
   */
  readonly corsOrigins?: readonly string[]
  /** Largest accepted request body. @default 65536 */
  readonly maxBodyBytes?: number
  /**
   * Serve `/admin/*` (price and stock changes for end-to-end tests) to callers that send
   * `Authorization: Bearer <adminToken>`; without a token (at least 16 characters) there are no
   * admin routes. @default undefined
   */
  readonly adminToken?: string
  /**
   * The sandbox: its cashier, its login and its `/sandbox/*` routes. A notification reaches
   * `/sandbox/notify` only signed by the key the server makes at start for its cashier. @default true
   */
  readonly sandbox?: boolean
  /**
   * Secrets of the session tokens (HMAC), newest first; every one verifies, the first signs. None:
   * one is made at start and sessions end when the server restarts. @default []
   */
  readonly sessionSecrets?: readonly string[]
  /** How long a session lasts, in seconds. @default 604800 (7 days) */
  readonly sessionTtlSeconds?: number
  /** Platforms whose login codes `POST /session` exchanges (app id and secret of each). @default {} */
  readonly logins?: LoginOptions
  /**
   * Real cashiers: the keys of each platform whose channel is switched on (`douyinTrade`,
   * `douyinPay`, `wechat`, `alipay`). None: only the sandbox channel. @default {}
   */
  readonly payments?: PlatformChannelsConfig
  /** The `fetch` the platform clients call (tests point it, or the base URLs, at a fake platform). @default fetch */
  readonly platformFetch?: FetchLike
  /** Where unexpected errors are reported. @default console.error */
  readonly logError?: (error: unknown) => void
}

/** What `createApp` returns. */
export interface MerchantServer {
  /** The Hono app: `app.fetch` for a server, `app.request()` in tests. */
  readonly app: Hono
  /** The database, for tests that look underneath. */
  readonly db: Database
  /**
   * Signs a notification with the sandbox cashier's key, as the cashier sends it to
   * `/sandbox/notify` (tests playing the platform use it; undefined when the sandbox is off).
   */
  readonly signSandboxNotification?: (notification: SandboxNotification) => SignedNotification
  /** The channels an order may name: `sandbox` and each configured real cashier. */
  readonly channels: readonly string[]
  /** Stops timers, waits for notifications in flight, closes the database. */
  close(): Promise<void>
}

const ORDER_ID = /^ord_[0-9a-f]{32}$/
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,128}$/
const OUTCOMES = ['paid', 'failed'] as const
const STEP_OUTCOMES = ['paid', 'failed', 'none'] as const
const MAX_DELAY_MS = 10 * 60_000

function defaultDatabase(): DatabaseOptions {
  const url = process.env.DATABASE_URL
  if (url) return process.env.DATABASE_SCHEMA ? { url, schema: process.env.DATABASE_SCHEMA } : { url }
  return { dataDir: process.env.PGLITE_DIR ?? '.data/pglite' }
}

/** The admin token check: equal length and content, compared in constant time. */
function isAdminToken(authorization: string | undefined, token: string): boolean {
  const given = Buffer.from(authorization ?? '')
  const expected = Buffer.from(`Bearer ${token}`)
  return given.length === expected.length && timingSafeEqual(given, expected)
}

function readOrderId(value: unknown, field: string): string {
  if (typeof value !== 'string' || !ORDER_ID.test(value)) {
    throw new ApiError(404, 'INVALID_ARGUMENT', 'No such order', { reason: 'not_found', field })
  }
  return value
}

function readRefundId(value: string): string {
  if (!REFUND_ID.test(value)) {
    throw new ApiError(404, 'INVALID_ARGUMENT', 'No such refund', { reason: 'not_found', field: 'refundId' })
  }
  return value
}

function readIdempotencyKey(key: string | undefined): string {
  if (key === undefined || !IDEMPOTENCY_KEY.test(key)) {
    throw invalidArgument(
      'Idempotency-Key',
      'Send an Idempotency-Key header of 1 to 128 visible ASCII characters',
    )
  }
  return key
}

function readSkuId(value: string): string {
  if (!SKU_ID.test(value)) throw new ApiError(404, 'INVALID_ARGUMENT', 'No such sku', { reason: 'not_found' })
  return value
}

function readOneOf<T extends string>(value: unknown, field: string, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw invalidArgument(field, `${field} must be one of ${allowed.join(', ')}`)
  }
  return value as T
}

function readStep(raw: unknown, field: string): CashierStep {
  const step = readObject(raw, field)
  const late = step.late === undefined ? [] : step.late
  if (!Array.isArray(late) || late.length > 10)
    throw invalidArgument(`${field}.late`, 'late must be a list of at most 10')
  return {
    outcome: readOneOf(step.outcome, `${field}.outcome`, STEP_OUTCOMES),
    delayMs: step.delayMs === undefined ? 0 : readInteger(step.delayMs, `${field}.delayMs`, 0, MAX_DELAY_MS),
    duplicates:
      step.duplicates === undefined ? 1 : readInteger(step.duplicates, `${field}.duplicates`, 1, 50),
    late: late.map((item, index) => {
      const notification = readObject(item, `${field}.late[${index}]`)
      return {
        outcome: readOneOf(notification.outcome, `${field}.late[${index}].outcome`, OUTCOMES),
        delayMs: readInteger(notification.delayMs, `${field}.late[${index}].delayMs`, 0, MAX_DELAY_MS),
      }
    }),
  }
}

/**
 * Builds the merchant server: opens and migrates the database, then serves the catalogue,
 * quotes, orders, membership and the sandbox cashier. See the README for every endpoint.
 */
export async function createApp(options: MerchantServerOptions = {}): Promise<MerchantServer> {
  const now = options.now ?? Date.now
  const ttlMs = options.orderTtlMs ?? 15 * 60_000
  const logError = options.logError ?? ((error: unknown) => console.error(error))
  if (options.adminToken !== undefined && options.adminToken.length < 16) {
    throw new Error('The admin token must be at least 16 characters')
  }
  const corsOrigins = [...(options.corsOrigins ?? [])]
  if (corsOrigins.some((origin) => origin === '*' || !/^https?:\/\/[^/\s]+$/.test(origin))) {
    throw new Error('CORS origins are an allow-list of scheme://host[:port], never *')
  }
  const db = await openDatabase(options.database ?? defaultDatabase())
  try {
    await migrate(db)
  } catch (error) {
    await db.close()
    throw error
  }

  // Concurrent requests share one sweep instead of queueing one each.
  let sweeping: Promise<void> | undefined
  const sweep = (): Promise<void> => {
    sweeping ??= expireOrders(db, now())
      .then(() => undefined)
      .finally(() => {
        sweeping = undefined
      })
    return sweeping
  }
  const sweepTimer =
    options.sweepIntervalMs && options.sweepIntervalMs > 0
      ? setInterval(() => void sweep().catch(logError), options.sweepIntervalMs)
      : undefined
  sweepTimer?.unref()

  const sandboxOn = options.sandbox ?? true
  const identity = createIdentity({
    ...(options.sessionSecrets !== undefined && { secrets: options.sessionSecrets }),
    ...(options.sessionTtlSeconds !== undefined && { ttlSeconds: options.sessionTtlSeconds }),
    now,
    logins: options.logins ?? {},
    sandbox: sandboxOn,
  })
  const notifications = createSandboxNotifications({ now })
  const platforms = createPlatformChannels(options.payments ?? {}, {
    now,
    nonceStore: databaseNonceStore(db, now),
    ...(options.platformFetch && { fetch: options.platformFetch }),
  })
  const channelIds: readonly string[] = ['sandbox', ...platforms.keys()]
  const platformOf = (channel: string) => platforms.get(channel as PlatformChannelId)

  /** A notification as a platform delivers it: signature, window and nonce checked, then applied. */
  const receiveNotification = async (header: (name: string) => string | undefined, body: string) => {
    const payload = readObject(await notifications.verify(header, body), 'body')
    const orderId = readOrderId(payload.orderId, 'orderId')
    const outcome = readOneOf(payload.outcome, 'outcome', OUTCOMES)
    return applyPaymentNotification(db, { orderId, outcome }, now())
  }
  // The sandbox cashier signs what it sends and goes through the same check as /sandbox/notify.
  const cashier = createSandboxCashier({
    notify: (orderId: string, outcome: PaymentOutcome) => {
      const signed = notifications.sign({ orderId, outcome })
      return receiveNotification((name) => signed.headers[name], signed.body)
    },
    scheduler: options.scheduler ?? realScheduler,
    onError: logError,
  })

  const app = new Hono()
  if (corsOrigins.length > 0) {
    app.use(
      '*',
      cors({
        origin: corsOrigins,
        allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'OPTIONS'],
        allowHeaders: ['Content-Type', 'Idempotency-Key', 'Authorization'],
        exposeHeaders: ['Idempotent-Replayed'],
        maxAge: 600,
      }),
    )
  }
  app.use(
    '*',
    bodyLimit({
      maxSize: options.maxBodyBytes ?? 64 * 1024,
      onError: (c) => {
        // The rest of the body is never read: the connection cannot carry another request.
        c.header('Connection', 'close')
        return c.json(
          new ApiError(413, 'INVALID_ARGUMENT', 'The body is too large', {
            reason: 'body_too_large',
          }).toBody(),
          413,
        )
      },
    }),
  )
  app.onError((error, c) => {
    if (error instanceof ApiError) return c.json(error.toBody(), error.status)
    logError(error)
    return c.json(
      {
        error: {
          code: 'ORDER_REJECTED',
          message: 'The server failed; nothing was written. Retrying with the same Idempotency-Key is safe.',
          reason: 'internal_error',
          retryable: true,
        },
      },
      500,
    )
  })
  app.notFound((c) =>
    c.json(new ApiError(404, 'INVALID_ARGUMENT', 'No such endpoint', { reason: 'no_route' }).toBody(), 404),
  )

  app.get('/health', (c) => c.json({ ok: true, driver: db.driver }))

  // The catalogue's product pictures (its `image` paths): only the files the server has, cached a day.
  const pictures = loadProductPictures()
  app.get(`${PICTURES_PATH}:file`, (c) => {
    const picture = pictures.get(c.req.param('file'))
    if (!picture) throw new ApiError(404, 'INVALID_ARGUMENT', 'No such picture', { reason: 'not_found' })
    return c.body(picture, 200, { 'Content-Type': 'image/png', 'Cache-Control': 'public, max-age=86400' })
  })

  app.get('/catalogue', async (c) => {
    await sweep()
    const skus = await listSkus(db)
    return c.json({ items: skus.map(toCatalogueItem), products: productsOf(skus) })
  })
  // A product with specs: `skuMatrix(specs, skus)` on the client (TradeKit's SKU selector).
  app.get('/products/:productId', async (c) => {
    await sweep()
    const productId = c.req.param('productId')
    const product = productsOf(await listSkus(db)).find((candidate) => candidate.productId === productId)
    if (!product) {
      throw new ApiError(404, 'INVALID_ARGUMENT', `No product ${productId}`, { reason: 'not_found' })
    }
    return c.json(product)
  })
  app.get('/catalogue/:skuId', async (c) => {
    await sweep()
    const skuId = readSkuId(c.req.param('skuId'))
    const sku = (await loadSkus(db, [skuId], { lock: false })).get(skuId)
    if (!sku)
      throw new ApiError(404, 'INVALID_ARGUMENT', `No sku ${skuId}`, { reason: 'not_found', skuIds: [skuId] })
    return c.json(toCatalogueItem(sku))
  })

  app.post('/session', async (c) => c.json(await identity.login(await readJsonBody(c))))

  const userOf = (c: { req: { header(name: string): string | undefined } }) =>
    identity.userOf(c.req.header('authorization'))

  app.post('/quote', async (c) => {
    const userId = userOf(c)
    const input = parseOrderRequest(await readJsonBody(c), { requireExpectedPayable: false })
    await sweep()
    const skus = await loadSkus(
      db,
      input.lines.map((l) => l.skuId),
      { lock: false },
    )
    return c.json(await quoteOrder(db, input, { userId, now: now(), channels: channelIds }, skus))
  })

  app.post('/orders', async (c) => {
    const userId = userOf(c)
    const key = c.req.header('idempotency-key')
    if (key === undefined || !IDEMPOTENCY_KEY.test(key)) {
      throw invalidArgument(
        'Idempotency-Key',
        'Send an Idempotency-Key header of 1 to 128 visible ASCII characters',
      )
    }
    const input = parseOrderRequest(await readJsonBody(c), { requireExpectedPayable: true })
    const platform = platformOf(input.channel)
    if (platform?.id === 'wechat' || platform?.id === 'alipay') {
      if (platform.payerOf(userId) === undefined) {
        throw new ApiError(
          422,
          'PAYMENT_UNAVAILABLE',
          `The ${platform.id} cashier needs a ${platform.id} login`,
          {
            reason: 'login_required',
            channel: platform.id,
          },
        )
      }
    }
    await sweep()
    const { order, replayed } = await createOrder(
      db,
      { input, idempotencyKey: key, ttlMs },
      { userId, now: now(), channels: channelIds },
    )
    if (replayed) c.header('Idempotent-Replayed', 'true')
    // the server's clock with the answer: the app reads expiresAt on the phone's clock with it
    if (!platform) return c.json({ ...order, serverNow: now() }, replayed ? 200 : 201)
    const row = await findOrder(db, order.orderId)
    if (!row) throw new Error(`Order ${order.orderId} vanished`)
    const payment = await paymentFor(db, platform, row, userId, now())
    return c.json({ ...order, payment, serverNow: now() }, replayed ? 200 : 201)
  })

  app.get('/orders/:orderId', async (c) => {
    const userId = userOf(c)
    const orderId = readOrderId(c.req.param('orderId'), 'orderId')
    await sweep()
    const row = ownOrder(await findOrder(db, orderId), userId, orderId)
    const platform = platformOf(row.channel)
    // Still pending here: ask the platform, so a lost callback does not lose a payment.
    if (platform && row.status === 'pending') await refreshFromPlatform(db, platform, row, now(), logError)
    return c.json(await getOrder(db, userId, orderId))
  })

  app.post('/orders/:orderId/cancel', async (c) => {
    const userId = userOf(c)
    const orderId = readOrderId(c.req.param('orderId'), 'orderId')
    return c.json(await cancelOrder(db, userId, orderId, now()))
  })

  /**
   * TradeKit's `saveChannelState`: keeps `{ channel, state }` with the caller's own unpaid order and
   * answers 204; the order centre sends `state` back as the order's `channelState` while it is
   * unpaid. Last write wins: a second call replaces what the first kept. Another user's order is
   * refused like on every order route (403, 404 when there is none); a paid, closed or expired order
   * keeps nothing (409 `not_pending`); `channel` must be the order's (400 `channel_mismatch`);
   * `state` is any JSON but null, at most 2 KB serialised (400 `state_too_large`).
   */
  app.put('/orders/:orderId/channel-state', async (c) => {
    const userId = userOf(c)
    const orderId = readOrderId(c.req.param('orderId'), 'orderId')
    const input = readChannelStateInput(await readJsonBody(c))
    await sweep()
    await saveChannelState(db, { userId, orderId, input }, now())
    return c.body(null, 204)
  })

  // ---- the order centre of the signed-in user (TradeKit's OrdersApi)
  /** The caller's own order, or 404 / 403. */
  const ownedBy = (userId: string, orderId: string) => (row: OrderRow | undefined) =>
    ownOrder(row, userId, orderId)
  const answerOrder = async (orderId: string) => centreOrder(db, (await findOrder(db, orderId))!, now())

  app.get('/orders', async (c) => {
    const userId = userOf(c)
    const tab = readOneOf(c.req.query('tab') ?? 'all', 'tab', TAB_NAMES)
    const rawLimit = c.req.query('limit')
    const limit =
      rawLimit === undefined
        ? 10
        : readInteger(/^\d{1,3}$/.test(rawLimit) ? Number(rawLimit) : NaN, 'limit', 1, 50)
    const cursor = c.req.query('cursor')
    await sweep()
    return c.json(
      await listOrders(db, { userId, tab, limit, ...(cursor !== undefined && { cursor }) }, now()),
    )
  })

  app.get('/orders/:orderId/detail', async (c) => {
    const userId = userOf(c)
    const orderId = readOrderId(c.req.param('orderId'), 'orderId')
    await sweep()
    const row = ownOrder(await findOrder(db, orderId), userId, orderId)
    const platform = platformOf(row.channel)
    if (platform && row.status === 'pending') await refreshFromPlatform(db, platform, row, now(), logError)
    return c.json(await answerOrder(orderId))
  })

  app.post('/orders/:orderId/refunds', async (c) => {
    const userId = userOf(c)
    const orderId = readOrderId(c.req.param('orderId'), 'orderId')
    const key = readIdempotencyKey(c.req.header('idempotency-key'))
    const input = parseRefundRequest(await readJsonBody(c))
    await sweep()
    const { replayed } = await requestRefund(
      db,
      { userId, orderId, key, input },
      now(),
      ownedBy(userId, orderId),
    )
    if (replayed) c.header('Idempotent-Replayed', 'true')
    return c.json(await answerOrder(orderId), replayed ? 200 : 201)
  })

  app.post('/orders/:orderId/refunds/:refundId/cancel', async (c) => {
    const userId = userOf(c)
    const orderId = readOrderId(c.req.param('orderId'), 'orderId')
    const refundId = readRefundId(c.req.param('refundId'))
    await withdrawRefund(db, orderId, refundId, now(), ownedBy(userId, orderId))
    return c.json(await answerOrder(orderId))
  })

  app.post('/orders/:orderId/confirm-receipt', async (c) => {
    const userId = userOf(c)
    const orderId = readOrderId(c.req.param('orderId'), 'orderId')
    await confirmReceipt(db, orderId, now(), ownedBy(userId, orderId))
    return c.json(await answerOrder(orderId))
  })

  /**
   * Moves the money of an accepted (`refunding`) refund: through the order's real cashier, or the
   * sandbox's (at once, or after the script's `refundDelayMs`).
   */
  const moveRefundMoney = async (order: OrderRow, refund: RefundRow) => {
    const platform = platformOf(order.channel)
    if (platform) return refundThroughPlatform(db, platform, order, refund, now())
    const complete = () => db.transaction((tx) => completeRefund(tx, refund.id, now()))
    if (sandboxOn) await cashier.refund(complete)
    else await complete()
  }

  // ---- the coupon wallet of the signed-in user (TradeKit's CouponsApi)
  app.get('/coupons', async (c) => {
    const userId = userOf(c)
    const status = readOneOf(c.req.query('status') ?? 'available', 'status', WALLET_STATUSES)
    return c.json({ coupons: await listWallet(db, userId, status, now()) })
  })
  app.get('/coupons/offers', async (c) => {
    const userId = userOf(c)
    return c.json({ offers: await listOffers(db, userId, now()) })
  })
  app.post('/coupons/:couponId/claim', async (c) => {
    const userId = userOf(c)
    const code = readCouponCode(c.req.param('couponId'))
    const key = readIdempotencyKey(c.req.header('idempotency-key'))
    const { coupon, replayed } = await claimCoupon(db, { userId, code, key }, now())
    if (replayed) c.header('Idempotent-Replayed', 'true')
    return c.json(coupon, replayed ? 200 : 201)
  })

  app.get('/membership/plans', async (c) => c.json({ plans: await listPlans(db) }))

  app.get('/membership/entitlement', async (c) => {
    const userId = userOf(c)
    const named = c.req.query('userId')
    if (named !== undefined && named !== userId) {
      throw new ApiError(403, 'INVALID_ARGUMENT', "Another user's membership is theirs to read", {
        reason: 'forbidden',
      })
    }
    return c.json(await readEntitlement(db, userId, now()))
  })

  // Each real cashier's callback: verified (signature, timestamp window, nonce kept in the
  // database), applied idempotently and never downgrading, answered in the platform's shape.
  for (const platform of platforms.values()) {
    app.post(`/pay/${platform.id}/notify`, async (c) => {
      const body = await c.req.text()
      let received: Awaited<ReturnType<typeof platform.receive>>
      try {
        received = await platform.receive(c.req.raw.headers, body)
      } catch (error) {
        if (!isVerificationError(error)) throw error
        const answer = platform.refuse()
        return c.body(answer.body, answer.status === 200 ? 401 : (answer.status as 400), answer.headers)
      }
      await applyPlatformEvent(db, platform, received.event, now(), logError)
      const answer = received.answer(true)
      return answer.status === 204
        ? c.body(null, 204)
        : c.body(answer.body, answer.status as 200, answer.headers)
    })
  }

  // The sandbox's routes exist only when it is switched on.
  if (sandboxOn) {
    /** The sandbox's pending order of the caller's own order, or the 409 that `/sandbox/pay` answers. */
    const payableOrder = async (userId: string, orderId: string) => {
      await sweep()
      const order = ownOrder(await findOrder(db, orderId), userId, orderId)
      if (order.status === 'closed' && order.close_reason === 'expired') {
        throw new ApiError(409, 'ORDER_EXPIRED', 'The order expired before it was paid', { orderId })
      }
      if (order.status !== 'pending') {
        throw new ApiError(409, 'ORDER_REJECTED', `The order is ${order.status}`, {
          reason: 'not_pending',
          status: order.status,
        })
      }
      return order
    }

    app.post('/sandbox/notify', async (c) => {
      const body = await readJsonText(c)
      return c.json(await receiveNotification((name) => c.req.header(name), body))
    })

    app.post('/sandbox/pay', async (c) => {
      const userId = userOf(c)
      const body = readObject(await readJsonBody(c), 'body')
      const orderId = readOrderId(body.orderId, 'orderId')
      const order = await payableOrder(userId, orderId)
      const receipt = await cashier.pay(orderId)
      const after = await findOrder(db, orderId)
      return c.json({ ...receipt, status: after?.status ?? order.status })
    })

    // The cashier's own order, made before it opens (as Douyin's tt.requestOrder makes one): each
    // call makes a new one, and the count per order is readable, so a test sees a platform order
    // made twice.
    app.post('/sandbox/cashier-orders', async (c) => {
      const userId = userOf(c)
      const body = readObject(await readJsonBody(c), 'body')
      const orderId = readOrderId(body.orderId, 'orderId')
      await payableOrder(userId, orderId)
      return c.json({ orderId, cashierOrderId: await createCashierOrder(db, orderId, now()) }, 201)
    })
    app.get('/sandbox/cashier-orders', async (c) => {
      const userId = userOf(c)
      const orderId = readOrderId(c.req.query('orderId'), 'orderId')
      ownOrder(await findOrder(db, orderId), userId, orderId)
      return c.json({ orderId, count: await countCashierOrders(db, orderId) })
    })

    app.get('/sandbox/script', (c) => c.json(cashier.getScript()))
    app.put('/sandbox/script', async (c) => {
      const body = readObject(await readJsonBody(c), 'body')
      const raw = body.steps === undefined ? [] : body.steps
      if (!Array.isArray(raw) || raw.length > 100)
        throw invalidArgument('steps', 'steps must be a list of at most 100')
      const steps = raw.map((step, index) => readStep(step, `steps[${index}]`))
      const defaultDelayMs =
        body.defaultDelayMs === undefined
          ? undefined
          : readInteger(body.defaultDelayMs, 'defaultDelayMs', 0, MAX_DELAY_MS)
      const refundDelayMs =
        body.refundDelayMs === undefined
          ? undefined
          : readInteger(body.refundDelayMs, 'refundDelayMs', 0, MAX_DELAY_MS)
      cashier.setScript({
        steps,
        ...(defaultDelayMs !== undefined && { defaultDelayMs }),
        ...(refundDelayMs !== undefined && { refundDelayMs }),
      })
      return c.json(cashier.getScript())
    })
  }

  const adminToken = options.adminToken
  if (adminToken !== undefined) {
    app.use('/admin/*', async (c, next) => {
      if (!isAdminToken(c.req.header('authorization'), adminToken)) {
        throw new ApiError(401, 'INVALID_ARGUMENT', 'Admin routes need the admin token', {
          reason: 'admin_required',
        })
      }
      await next()
    })
    const adminOrder = async (orderId: string) => {
      const row = await findOrder(db, orderId)
      if (!row) throw new ApiError(404, 'INVALID_ARGUMENT', `No order ${orderId}`, { reason: 'not_found' })
      return row
    }
    // The merchant refunds all that is left of a paid order on its own (START_REFUND, refund number
    // rfd_<order>): through the platform when the order has one. Asking again refunds once.
    app.post('/admin/orders/:orderId/refund', async (c) => {
      const orderId = readOrderId(c.req.param('orderId'), 'orderId')
      const row = await adminOrder(orderId)
      if (row.status !== 'refunded') {
        if (row.status !== 'paid') {
          throw new ApiError(
            409,
            'ORDER_REJECTED',
            `Only a paid order can be refunded; this one is ${row.status}`,
            {
              reason: 'not_paid',
              status: row.status,
            },
          )
        }
        const [moving] = await db.query<RefundRow>(
          `SELECT * FROM refunds WHERE order_id = $1 AND status = 'refunding' ORDER BY seq LIMIT 1`,
          [orderId],
        )
        let refund = moving
        if (!refund) {
          await db.transaction(async (tx) => {
            const locked = (await findOrder(tx, orderId, { lock: true }))!
            await startFullRefund(
              tx,
              locked,
              { id: refundNoOf(orderId), by: 'merchant', reason: 'merchant' },
              now(),
            )
          })
          refund = (await findRefund(db, refundNoOf(orderId)))!
        }
        await moveRefundMoney((await findOrder(db, orderId))!, refund)
      }
      return c.json(toOrderView((await findOrder(db, orderId))!))
    })
    // ---- merchant actions on the order centre: refund review, shipping, verification
    app.get('/admin/orders/:orderId', async (c) => {
      const orderId = readOrderId(c.req.param('orderId'), 'orderId')
      return c.json(await centreOrder(db, await adminOrder(orderId), now()))
    })
    app.post('/admin/orders/:orderId/refunds/:refundId/approve', async (c) => {
      const orderId = readOrderId(c.req.param('orderId'), 'orderId')
      const refundId = readRefundId(c.req.param('refundId'))
      const refund = await acceptRefund(db, orderId, refundId, now())
      if (refund.status === 'refunding') await moveRefundMoney(await adminOrder(orderId), refund)
      return c.json(await answerOrder(orderId))
    })
    app.post('/admin/orders/:orderId/refunds/:refundId/reject', async (c) => {
      const orderId = readOrderId(c.req.param('orderId'), 'orderId')
      const refundId = readRefundId(c.req.param('refundId'))
      const body = readObject(await readJsonBody(c), 'body')
      await rejectRefund(db, orderId, refundId, readOptionalString(body.reason, 'reason', 200), now())
      return c.json(await answerOrder(orderId))
    })
    app.post('/admin/orders/:orderId/ship', async (c) => {
      const orderId = readOrderId(c.req.param('orderId'), 'orderId')
      const body = readObject(await readJsonBody(c), 'body')
      const shipment = {
        carrier: readString(body.carrier, 'carrier', 64),
        trackingNo: readString(body.trackingNo, 'trackingNo', 64, /^[A-Za-z0-9-]+$/),
      }
      await shipOrder(db, orderId, shipment, now())
      return c.json(await answerOrder(orderId))
    })
    app.post('/admin/orders/:orderId/deliver', async (c) => {
      const orderId = readOrderId(c.req.param('orderId'), 'orderId')
      await deliverOrder(db, orderId, now())
      return c.json(await answerOrder(orderId))
    })
    app.post('/admin/verify', async (c) => {
      const body = readObject(await readJsonBody(c), 'body')
      const code = readString(body.code, 'code', 12, /^[0-9]{12}$/)
      const row = await verifyCode(db, code, now())
      return c.json(await answerOrder(row.id))
    })
    app.patch('/admin/skus/:skuId', async (c) => {
      const skuId = readSkuId(c.req.param('skuId'))
      const body = readObject(await readJsonBody(c), 'body')
      // undefined: leave as it is; null (where allowed): clear; otherwise a bounded integer.
      const integer = (field: string, max: number, nullable: boolean) => {
        const value = body[field]
        if (value === undefined) return undefined
        if (value === null && nullable) return null
        return readInteger(value, field, 0, max)
      }
      // Keys are column names (fixed here, never taken from the request).
      const patch = {
        price: integer('price', 10_000_000, false),
        original_price: integer('originalPrice', 10_000_000, true),
        member_price: integer('memberPrice', 10_000_000, true),
        stock: integer('stock', 1_000_000, true),
        status:
          body.status === undefined
            ? undefined
            : readOneOf(body.status, 'status', ['on_sale', 'off_shelf'] as const),
      }
      const sets = Object.entries(patch).filter(([, value]) => value !== undefined)
      if (sets.length === 0)
        throw invalidArgument('body', 'Name at least one of price, originalPrice, memberPrice, stock, status')
      const updated = await db.query(
        `UPDATE skus SET ${sets.map(([column], index) => `${column} = $${index + 2}`).join(', ')} WHERE id = $1 RETURNING id`,
        [skuId, ...sets.map(([, value]) => value)],
      )
      if (updated.length === 0)
        throw new ApiError(404, 'INVALID_ARGUMENT', `No sku ${skuId}`, { reason: 'not_found' })
      const sku = (await loadSkus(db, [skuId], { lock: false })).get(skuId)!
      return c.json(toCatalogueItem(sku))
    })
  }

  return {
    app,
    db,
    channels: channelIds,
    ...(sandboxOn && { signSandboxNotification: notifications.sign }),
    async close() {
      if (sweepTimer) clearInterval(sweepTimer)
      await cashier.close()
      await sweeping?.catch(() => undefined)
      await db.close()
    },
  }
}
