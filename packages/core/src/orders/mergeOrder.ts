import { TradeKitError } from '../errors/TradeKitError'
import { nextOrderStatus, reachableStatuses } from './orderStatus'
import type { Order, OrderKind, OrderRefund, RefundStatus } from './types'

// Two answers about one order, which is newer? Refund records first: the server never forgets a
// refund request and a request only moves on, so an answer that knows a request the other does not,
// or knows one further along, is the newer — a new request after a rejected one, or a request
// taken back (the order's fulfilment status again), moves the order although the table has no row
// back. With the same records, the order table decides (nextOrderStatus). A light list page (no
// records) moves an order whose records we know only to a status those records can lead to and no
// older request had (else it may be from then: the next full read tells); neither an answer whose
// records lead to the status a light page set, nor another light page, takes it back. The answer
// to an action is newer than anything held when it was sent; an answer that arrived meanwhile may
// be newer still. Where records cannot tell (one side a light page), the server's clock does
// (`serverNow`, when the answers differ by it); and an order's `version`, when both answers carry
// it, orders them before anything else.

/**
 * The status to keep for one refund request when an answer says `incoming`: the refund rows of
 * the order table, plus `withdrawn` after `refund_requested`.
 *
 * @example
 * ```ts
 * nextRefundStatus('refunding', 'refund_requested') // 'refunding'
 * nextRefundStatus('refund_requested', 'withdrawn') // 'withdrawn'
 * ```
 */
export function nextRefundStatus(current: RefundStatus, incoming: RefundStatus): RefundStatus {
  if (current === incoming) return current
  if (incoming === 'withdrawn') return current === 'refund_requested' ? incoming : current
  if (current === 'withdrawn') return current
  const kind: OrderKind = 'physical'
  return reachableStatuses(current, kind).has(incoming) ? incoming : current
}

type Progress = 'ahead' | 'behind' | 'same' | 'unknown'

function compareRefunds(
  cached: readonly OrderRefund[] | undefined,
  fresh: readonly OrderRefund[] | undefined,
): Progress {
  if (cached === undefined || fresh === undefined) return 'unknown'
  const known = new Map(cached.map((refund) => [refund.refundId, refund.status]))
  let ahead = false
  let behind = false
  for (const refund of fresh) {
    const status = known.get(refund.refundId)
    if (status === undefined) ahead = true
    else if (status !== refund.status) {
      if (nextRefundStatus(status, refund.status) === refund.status) ahead = true
      else behind = true
    }
  }
  const ids = new Set(fresh.map((refund) => refund.refundId))
  if (cached.some((refund) => !ids.has(refund.refundId))) behind = true
  // answers that disagree both ways cannot both be the server's: keep what we have
  if (behind) return 'behind'
  return ahead ? 'ahead' : 'same'
}

const AFTER_SALE = new Set<Order['status']>(['refund_requested', 'refunding', 'refunded', 'refund_rejected'])

/** The request an order's after-sale status follows: the one still open, else the latest. */
function currentRequest(records: readonly OrderRefund[]): OrderRefund | undefined {
  const open = records.find((r) => r.status === 'refund_requested' || r.status === 'refunding')
  return open ?? records[records.length - 1]
}

/** Whether the records show the order in `status` (a fulfilment status: no request in after-sale). */
function consistent(records: readonly OrderRefund[], status: Order['status']): boolean {
  const current = currentRequest(records)
  const shown = current && current.status !== 'withdrawn' ? current.status : undefined
  return AFTER_SALE.has(status) ? shown === status : shown === undefined
}

/** Whether an order whose records are `records` may move on to `status` without a record we lack. */
function mayFollow(records: readonly OrderRefund[], status: Order['status']): boolean {
  const current = currentRequest(records)
  if (!AFTER_SALE.has(status))
    return current?.status !== 'refund_requested' && current?.status !== 'refunding'
  // an older request that was in `status` makes the page ambiguous: it may be from then
  return (
    current !== undefined &&
    nextRefundStatus(current.status, status as RefundStatus) === status &&
    !records.some((r) => r !== current && r.status === status)
  )
}

const CLOCK_FIELDS = new Set(['serverNow', 'receivedAt'])

function sameOrder(a: Order, b: Order): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)].filter((key) => !CLOCK_FIELDS.has(key)))
  const json = (value: unknown) => JSON.stringify(value)
  for (const key of keys) {
    const left = (a as unknown as Record<string, unknown>)[key]
    const right = (b as unknown as Record<string, unknown>)[key]
    if (left !== right && json(left) !== json(right)) return false
  }
  return true
}

/**
 * What to keep when the server answers `fresh` for an order cached as `cached` (`latest`: an answer
 * known to be newer — to an action, or a read sent after one, with nothing about the order arrived
 * since it was sent): `cached` when the answer is older (a stale page: its status is behind, or it
 * misses a refund request we know; a full answer behind the status a light page set), else the
 * answer, with the fields it leaves out (a light list page's `refunds`, `timeline`…) kept from
 * `cached`. An answer that changes nothing but the clock returns `cached` itself.
 *
 * @throws TradeKitError `INVALID_ARGUMENT` when the two are not the same order
 * @example
 * ```ts
 * mergeOrder(shippedFromDetail, paidFromAStaleListPage) // shippedFromDetail
 * ```
 */
export function mergeOrder(cached: Order, fresh: Order, latest = false): Order {
  if (cached.orderId !== fresh.orderId) {
    throw new TradeKitError(
      'INVALID_ARGUMENT',
      process.env.NODE_ENV !== 'production'
        ? `Cannot merge order ${fresh.orderId} into ${cached.orderId}`
        : undefined,
    )
  }
  // the server's revisions order two answers exactly; a newer light page over records we hold goes
  // through the rules below, which keep the records and the status shown consistent
  if (cached.version !== undefined && fresh.version !== undefined) {
    if (fresh.version < cached.version) return cached
    if (fresh.version === cached.version || fresh.refunds || !cached.refunds) return merge(cached, fresh)
  }
  const refunds = compareRefunds(cached.refunds, fresh.refunds)
  if (refunds === 'behind') return cached
  // the server's answer to an action, or a read sent after one, is newer than what we hold
  if (latest) return merge(cached, fresh)
  if (refunds === 'unknown' && cached.serverNow !== undefined && fresh.serverNow !== undefined) {
    // records cannot order a light page, the server's clock can: an answer made before the one we
    // hold does not take its status back (it may bring the records), and a status a light page set
    // gives way to an answer made after it
    if (fresh.serverNow < cached.serverNow) return keepShown(cached, fresh)
    if (fresh.serverNow > cached.serverNow && !cached.refunds) return merge(cached, fresh)
  }
  // a light page whose status our records cannot lead to is stale (or knows a request we do not:
  // the next full read tells)
  if (refunds === 'unknown' && cached.refunds && !mayFollow(cached.refunds, fresh.status)) return cached
  // a light page set a status the answer's records lead to, and no refund was paid out since the
  // answer was made: the page may be the newer (asked after it), so it stays until a full read
  if (
    refunds === 'unknown' &&
    !cached.refunds &&
    fresh.refunds &&
    cached.status !== fresh.status &&
    nextOrderStatus(fresh.status, cached.status, cached.kind) === cached.status &&
    mayFollow(fresh.refunds, cached.status) &&
    cached.refunded.amount >= fresh.refunded.amount
  )
    return cached
  // the records known (both the same, or one side's): a status they show replaces one they do not
  // (a light page set it) — but another light page does not take back a status the records lead to
  // (a request since rejected or taken on): only a full read can show a request we do not know
  const records = refunds === 'same' || refunds === 'unknown' ? (fresh.refunds ?? cached.refunds) : undefined
  if (
    records &&
    consistent(records, fresh.status) &&
    !consistent(records, cached.status) &&
    (fresh.refunds !== undefined || !mayFollow(records, cached.status))
  )
    return merge(cached, fresh)
  if (refunds !== 'ahead' && nextOrderStatus(cached.status, fresh.status, cached.kind) !== fresh.status) {
    // a light page's status we keep, with the records this answer knows: the next read decides
    return keepShown(cached, fresh)
  }
  return merge(cached, fresh)
}

/** The status shown stays; an answer with refund records fills in a light page's missing ones. */
function keepShown(cached: Order, fresh: Order): Order {
  return cached.refunds || !fresh.refunds ? cached : merge(cached, { ...cached, refunds: fresh.refunds })
}

function merge(cached: Order, fresh: Order): Order {
  const merged: Order = { ...cached, ...withoutUndefined(fresh) }
  return sameOrder(cached, merged) ? cached : merged
}

function withoutUndefined(order: Order): Order {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(order)) if (value !== undefined) out[key] = value
  return out as unknown as Order
}
