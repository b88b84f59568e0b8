import type Taro from '@tarojs/taro'
import { type Quote, TradeKitError, type TradeKitErrorCode } from '@tradekit/core'
import { httpRequest } from './httpRequest'
import { currentSession, renewSession, type Session } from './session'

/**
 * Where the merchant server is: on H5 the page's own origin, whose `/api` the demo's static server
 * forwards to the merchant server; on mini-programs its address from the build
 * (`MERCHANT_URL`, http://127.0.0.1:8787 by default — a real app names its HTTPS domain).
 */
export const MERCHANT_BASE_URL = process.env.TARO_ENV === 'h5' ? '/api' : MINI_SHOP_MERCHANT_URL

/** How the merchant server answers errors: `{ error: { code, message, quote?, skuIds? } }`, 4xx. */
interface ApiErrorBody {
  error?: {
    code?: string
    message?: string
    quote?: Quote
    skuIds?: string[]
    field?: string
    reason?: string
  }
}

const PASSED_THROUGH: ReadonlySet<TradeKitErrorCode> = new Set<TradeKitErrorCode>([
  'INVALID_ARGUMENT',
  'INVALID_QUANTITY',
  'INVALID_AMOUNT',
  'OUT_OF_STOCK',
  'ORDER_EXPIRED',
  'ORDER_REJECTED',
  'PAYMENT_UNAVAILABLE',
])

type RequestOptions = { data?: unknown; signal?: AbortSignal; headers?: Record<string, string> }

/**
 * One request to the merchant server, as the logged-in user (`Authorization: Bearer <session
 * token>`; the server names the user from it, never from anything else). A 401 logs in again and
 * sends the request once more. Network trouble (`request:fail …`, a 5xx, a 429) becomes `NETWORK`,
 * which the checkout retries with the same idempotency key; refusals become their TradeKit code,
 * which ends the attempt.
 */
export async function merchantRequest<T>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH',
  path: string,
  options: RequestOptions = {},
): Promise<T> {
  let session: Session
  try {
    session = await currentSession()
  } catch (error) {
    throw new TradeKitError('NETWORK', `login failed: ${String((error as Error)?.message ?? error)}`, {
      cause: error,
    })
  }
  try {
    return await send<T>(method, path, options, session)
  } catch (error) {
    if (!(error instanceof SessionRefused)) throw error
    return send<T>(method, path, options, await renewSession(session))
  }
}

/** The server refused the session (expired, or signed with a key it no longer has). */
class SessionRefused extends Error {}

async function send<T>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH',
  path: string,
  options: RequestOptions,
  session: Session,
): Promise<T> {
  const { data, signal, headers } = options
  if (signal?.aborted) throw new TradeKitError('ABORTED')
  const task = httpRequest({
    url: `${MERCHANT_BASE_URL}${path}`,
    method,
    data: data as Taro.request.Option['data'],
    header: { 'content-type': 'application/json', ...headers, Authorization: `Bearer ${session.token}` },
    timeout: 15_000,
  })
  // the checkout aborts calls it no longer waits for (timeouts, cancel): stop the request too
  const abort = () => task.abort?.()
  signal?.addEventListener('abort', abort)
  let res: Taro.request.SuccessCallbackResult
  try {
    res = await task
  } catch (error) {
    // Taro rejects with { errMsg: 'request:fail …' } when the network failed
    const errMsg = (error as { errMsg?: string }).errMsg ?? String(error)
    throw new TradeKitError('NETWORK', errMsg, { cause: error })
  } finally {
    signal?.removeEventListener('abort', abort)
  }
  if (res.statusCode === 401) throw new SessionRefused()
  if (res.statusCode >= 500 || res.statusCode === 429) {
    throw new TradeKitError('NETWORK', `HTTP ${res.statusCode}`)
  }
  if (res.statusCode >= 400) {
    const error = (res.data as ApiErrorBody | undefined)?.error ?? {}
    const message = error.message ?? `HTTP ${res.statusCode}`
    if (error.code === 'PRICE_CHANGED')
      throw new TradeKitError('PRICE_CHANGED', message, { quote: error.quote })
    if (error.code === 'OUT_OF_STOCK')
      throw new TradeKitError('OUT_OF_STOCK', message, { skuIds: error.skuIds })
    // a parcel without a shipping address (the checkout asks for one first; a stale client may not)
    if (error.reason === 'address_required') throw new TradeKitError('INVALID_ARGUMENT', '请添加收货地址')
    const code = PASSED_THROUGH.has(error.code as TradeKitErrorCode)
      ? (error.code as TradeKitErrorCode)
      : 'ORDER_REJECTED'
    throw new TradeKitError(code, message)
  }
  return withPictureUrls(res.data) as T
}

/**
 * The merchant server names its own pictures by path (`"image": "/static/products/mug.png"`); the app
 * loads them from where it reaches the server (on H5 through `/api`). Every `image` of an answer that
 * is such a path becomes that URL; a full URL (a CDN's) is kept as it is.
 */
function withPictureUrls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withPictureUrls)
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(
    Object.entries(value).map(([key, field]) => [
      key,
      key === 'image' && typeof field === 'string' && field.startsWith('/')
        ? `${MERCHANT_BASE_URL}${field}`
        : withPictureUrls(field),
    ]),
  )
}
