import { isMoney, type Money } from '../money/money'
import { storedText } from '../storage/storage'
import type { CheckoutTiming, CreatedOrder, OrderRequest } from './types'

/** Where a pending order was last shown. */
export type ShownStatus = 'paying' | 'confirming' | 'cancelled' | 'failed' | 'unknown'

/** An order kept (and persisted) from the moment it exists until the server says it is final. */
export interface PendingOrder {
  orderId: string
  idempotencyKey: string
  amount: Money
  expiresAt?: number
  createdAt: number
  channelId: string
  method: 'pay' | 'sign'
  payment: unknown
  request: OrderRequest
  /** What the channel saved for this order (`PayContext.saveState`). */
  state?: unknown
  shown: ShownStatus
  /** The cashier was opened for this order at least once: it must never be closed by us. */
  payStarted: boolean
  /** This checkout asked the server to close it (a later `closed` then reads as `cancelled`). */
  closedByUs: boolean
  /** The last cashier failure allows paying the same order again. */
  retryable: boolean
}

/** Version of the persisted record. */
export const PENDING_VERSION = 1

/** Orders kept at most (newest first). */
export const MAX_PENDING = 5

const SHOWN: readonly string[] = ['paying', 'confirming', 'cancelled', 'failed', 'unknown']

function isPendingOrder(value: unknown): value is PendingOrder {
  if (typeof value !== 'object' || value === null) return false
  const r = value as Record<string, unknown>
  const request = r.request as Record<string, unknown> | null | undefined
  return (
    typeof r.orderId === 'string' &&
    r.orderId !== '' &&
    typeof r.idempotencyKey === 'string' &&
    isMoney(r.amount) &&
    (r.expiresAt === undefined || typeof r.expiresAt === 'number') &&
    typeof r.createdAt === 'number' &&
    typeof r.channelId === 'string' &&
    (r.method === 'pay' || r.method === 'sign') &&
    typeof r.shown === 'string' &&
    SHOWN.includes(r.shown) &&
    typeof r.payStarted === 'boolean' &&
    typeof r.closedByUs === 'boolean' &&
    typeof r.retryable === 'boolean' &&
    typeof request === 'object' &&
    request !== null &&
    Array.isArray(request.lines) &&
    isMoney(request.expectedPayable)
  )
}

/**
 * The idempotency key of an attempt that never got an answer: the next submit of the same request
 * reuses it (also after a relaunch), so the server answers with the order it may have made.
 */
export interface UnansweredKey {
  fingerprint: string
  key: string
  /** When the attempt started, in epoch milliseconds. */
  at: number
}

/** What the checkout persists. */
export interface StoredCheckout {
  orders: PendingOrder[]
  unanswered?: UnansweredKey
}

function isUnanswered(value: unknown): value is UnansweredKey {
  if (typeof value !== 'object' || value === null) return false
  const u = value as Record<string, unknown>
  return typeof u.fingerprint === 'string' && typeof u.key === 'string' && typeof u.at === 'number'
}

/**
 * Reads the persisted record. Nothing stored (`null` or `''`, see {@link storedText}) is no orders;
 * anything else that is not a valid versioned record is discarded and reported (`corrupt: true`),
 * never thrown.
 */
export function parsePendingOrders(raw: string | null): StoredCheckout & { corrupt: boolean } {
  const text = storedText(raw)
  if (text === undefined) return { orders: [], corrupt: false }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    return { orders: [], corrupt: true }
  }
  if (typeof data !== 'object' || data === null) return { orders: [], corrupt: true }
  const { version, orders, unanswered } = data as {
    version?: unknown
    orders?: unknown
    unanswered?: unknown
  }
  if (version !== PENDING_VERSION || !Array.isArray(orders)) return { orders: [], corrupt: true }
  const valid = orders.filter(isPendingOrder).slice(0, MAX_PENDING)
  const unansweredOk = unanswered === undefined || isUnanswered(unanswered)
  return {
    orders: valid,
    ...(isUnanswered(unanswered) ? { unanswered } : {}),
    corrupt: valid.length !== orders.length || !unansweredOk,
  }
}

/** The persisted form of the record. */
export function serializePendingOrders(stored: StoredCheckout): string {
  return JSON.stringify({ version: PENDING_VERSION, ...stored })
}

/** When a pending order is forgotten (the server has long closed it). */
export function forgetAt(order: PendingOrder, timing: CheckoutTiming): number {
  return order.expiresAt !== undefined
    ? order.expiresAt + timing.forgetAfterExpiryMs
    : order.createdAt + timing.forgetWithoutExpiryMs
}

/** The created order a pending order stands for. */
export function toCreatedOrder(order: PendingOrder): CreatedOrder {
  return order.expiresAt === undefined
    ? { orderId: order.orderId, amount: order.amount, payment: order.payment }
    : { orderId: order.orderId, amount: order.amount, expiresAt: order.expiresAt, payment: order.payment }
}
