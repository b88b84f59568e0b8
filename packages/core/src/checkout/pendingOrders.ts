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

/**
 * Orders kept (newest first). Past it, `withOrder` drops one after one last question to the server;
 * a merge drops only orders whose cashier never opened (see {@link mergeOrders}).
 */
export const MAX_PENDING = 5

// A stored record holding more orders than this is not one the checkout wrote (a merge holds at most
// MAX_PENDING plus the orders whose cashier opened, each of which the next new order can push out)
const MAX_STORED = 4 * MAX_PENDING

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
  const valid = orders.filter(isPendingOrder).slice(0, MAX_STORED)
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

/**
 * When a pending order is past its time: from then on a launch no longer brings it back on screen.
 * It stays in the list, asked about in the background, until the server answers final.
 */
export function pastTimeAt(order: PendingOrder, timing: CheckoutTiming): number {
  return order.expiresAt !== undefined
    ? order.expiresAt + timing.forgetAfterExpiryMs
    : order.createdAt + timing.forgetWithoutExpiryMs
}

/**
 * A created order's `expiresAt` on the phone's clock (none when it has none): the server's clock
 * may be minutes off it, and its `serverNow` says by how much (without it, `expiresAt` is taken as
 * the phone's time).
 */
export function expiryOnPhone(created: unknown, now: number): { expiresAt?: number } {
  const { expiresAt, serverNow } = created as { expiresAt?: unknown; serverNow?: unknown }
  if (typeof expiresAt !== 'number') return {}
  return { expiresAt: Number.isFinite(serverNow) ? expiresAt + now - (serverNow as number) : expiresAt }
}

/** The created order a pending order stands for. */
export function toCreatedOrder(order: PendingOrder): CreatedOrder {
  return order.expiresAt === undefined
    ? { orderId: order.orderId, amount: order.amount, payment: order.payment }
    : { orderId: order.orderId, amount: order.amount, expiresAt: order.expiresAt, payment: order.payment }
}

// ---- the pending list, as pure functions over an immutable, newest-first array ----

/** Pending orders, newest first (at most {@link MAX_PENDING}, but see {@link mergeOrders}). */
export type PendingList = readonly PendingOrder[]

/**
 * Puts `order` first. Past {@link MAX_PENDING}, the oldest order whose cashier never opened goes
 * first (it cannot have been paid), else the oldest; `evicted` names an order whose cashier opened,
 * which deserves one last question to the server before it is forgotten.
 */
export function withOrder(
  list: PendingList,
  order: PendingOrder,
): { list: PendingList; evicted?: PendingOrder } {
  const next = [order, ...list.filter((o) => o.orderId !== order.orderId)]
  if (next.length <= MAX_PENDING) return { list: next }
  let index = next.length - 1
  for (let i = next.length - 1; i > 0; i--) {
    if (!next[i]!.payStarted) {
      index = i
      break
    }
  }
  const [evicted] = next.splice(index, 1)
  return evicted?.payStarted ? { list: next, evicted } : { list: next }
}

/** The list without `orderId` (the same array when it was not there). */
export function withoutOrder(list: PendingList, orderId: string): PendingList {
  return list.some((o) => o.orderId === orderId) ? list.filter((o) => o.orderId !== orderId) : list
}

/** The list with `orderId` changed by `patch` (the same array when it was not there). */
export function updateOrder(list: PendingList, orderId: string, patch: Partial<PendingOrder>): PendingList {
  return list.some((o) => o.orderId === orderId)
    ? list.map((o) => (o.orderId === orderId ? { ...o, ...patch } : o))
    : list
}

/**
 * Stored orders merged behind the ones this session already holds. Past {@link MAX_PENDING}, orders
 * whose cashier never opened (they cannot have been paid) are dropped, the oldest first; an order
 * whose cashier opened is never dropped without a word to the server, so the list may hold more
 * until new orders push them out (`withOrder`, after one last question) or the server answers them.
 */
export function mergeOrders(list: PendingList, stored: PendingList): PendingList {
  if (stored.length === 0) return list
  const known = new Set(list.map((o) => o.orderId))
  const merged = [...list, ...stored.filter((o) => !known.has(o.orderId))]
  for (let i = merged.length - 1; i >= 0 && merged.length > MAX_PENDING; i--) {
    if (!merged[i]!.payStarted) merged.splice(i, 1)
  }
  return merged
}

/** The orders not past their time, and those of `keep` (the same array when all are). */
export function withinTime(
  list: PendingList,
  timing: CheckoutTiming,
  now: number,
  keep: readonly (string | undefined)[] = [],
): PendingList {
  const kept = list.filter((o) => keep.includes(o.orderId) || pastTimeAt(o, timing) > now)
  return kept.length === list.length ? list : kept
}
