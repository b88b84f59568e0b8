import { TradeKitError } from '../errors/TradeKitError'
import { nextOrderStatus, reachableStatuses } from './orderStatus'
import type { Order, OrderKind, OrderRefund, RefundStatus } from './types'

// Two answers about one order, which is newer? Refund records first: the server never forgets a
// refund request and a request only moves on, so an answer that knows a request the other does not,
// or knows one further along, is the newer — a new request after a rejected one, or a request
// taken back (the order's fulfilment status again), moves the order although the table has no row
// back. With the same records, the order table decides (nextOrderStatus).

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
 * What to keep when the server answers `fresh` for an order cached as `cached`: `cached` when the
 * answer is older (a stale page: its status is behind, or it misses a refund request we know),
 * else the answer, with the fields it leaves out (a light list page's `refunds`, `timeline`…) kept
 * from `cached`. An answer that changes nothing but the clock returns `cached` itself.
 *
 * @throws TradeKitError `INVALID_ARGUMENT` when the two are not the same order
 * @example
 * ```ts
 * mergeOrder(shippedFromDetail, paidFromAStaleListPage) // shippedFromDetail
 * ```
 */
export function mergeOrder(cached: Order, fresh: Order): Order {
  if (cached.orderId !== fresh.orderId) {
    throw new TradeKitError(
      'INVALID_ARGUMENT',
      process.env.NODE_ENV !== 'production'
        ? `Cannot merge order ${fresh.orderId} into ${cached.orderId}`
        : undefined,
    )
  }
  const refunds = compareRefunds(cached.refunds, fresh.refunds)
  if (refunds === 'behind') return cached
  if (refunds !== 'ahead' && nextOrderStatus(cached.status, fresh.status, cached.kind) !== fresh.status) {
    return cached
  }
  const merged: Order = { ...cached, ...withoutUndefined(fresh) }
  return sameOrder(cached, merged) ? cached : merged
}

function withoutUndefined(order: Order): Order {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(order)) if (value !== undefined) out[key] = value
  return out as unknown as Order
}
