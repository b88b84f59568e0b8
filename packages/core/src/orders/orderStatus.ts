import type { OrderKind, OrderLifecycleStatus } from './types'

// A placed order's life as data: one flat table of the moves the server may report. Each row names
// what happened, the statuses it leaves, a named guard on the order's kind, the status that
// follows, who does it and the rule it keeps. The table has no cycle, so "a status never goes
// back" has one meaning: the server's word is taken only when the table leads from what we know to
// it (nextOrderStatus). Client and example server read the same table.

/** Every status, in the order of an order's life. */
export const ORDER_LIFECYCLE_STATUSES: readonly OrderLifecycleStatus[] = Object.freeze([
  'pending_payment',
  'paid',
  'shipped',
  'delivered',
  'to_verify',
  'verified',
  'completed',
  'refund_requested',
  'refunding',
  'refunded',
  'refund_rejected',
  'cancelled',
  'closed',
])

/**
 * The rules the table keeps (a row cites one by number).
 *
 * @example
 * ```ts
 * ORDER_RULES[2] // 'nothing paid is lost'
 * ```
 */
export const ORDER_RULES = Object.freeze({
  1: 'the server decides',
  2: 'nothing paid is lost',
  3: 'the kind decides the fulfilment',
  4: 'a refund never exceeds paid − refunded',
} as const)

/** A rule's number. */
export type OrderRule = keyof typeof ORDER_RULES

/** The named guards of the table: conditions on the order's kind. */
export const ORDER_GUARDS = Object.freeze({
  physical: (kind: OrderKind) => kind === 'physical',
  notPhysical: (kind: OrderKind) => kind !== 'physical',
})

/** A guard's name. */
export type OrderGuardName = keyof typeof ORDER_GUARDS

/** What happens to an order. */
export type OrderEventName =
  | 'PAY'
  | 'CANCEL'
  | 'CLOSE'
  | 'PAY_LATE'
  | 'SHIP'
  | 'DELIVER'
  | 'CONFIRM_RECEIPT'
  | 'ISSUE_CODE'
  | 'VERIFY'
  | 'COMPLETE'
  | 'REQUEST_REFUND'
  | 'ACCEPT_REFUND'
  | 'REJECT_REFUND'
  | 'START_REFUND'
  | 'REFUNDED'

/** One row of the order table. */
export interface OrderTransitionRow {
  /** What happened. */
  readonly on: OrderEventName
  /** The statuses it leaves. */
  readonly from: readonly OrderLifecycleStatus[]
  /** The guard on the order's kind that must hold (see {@link ORDER_GUARDS}). */
  readonly when?: OrderGuardName
  /** The status that follows. */
  readonly to: OrderLifecycleStatus
  /** Who makes it happen: the user, the merchant, or the server on its own (payment, timers, carrier). */
  readonly by: 'user' | 'merchant' | 'server'
  /** The rule of {@link ORDER_RULES} the row keeps. */
  readonly rule?: OrderRule
}

const PAID_NOT_IN_AFTER_SALE: readonly OrderLifecycleStatus[] = [
  'paid',
  'shipped',
  'delivered',
  'to_verify',
  'verified',
  'completed',
]

/**
 * The order table. `refunded` and `refund_rejected` end a refund request; a new request on the same
 * order is a new refund record (see `mergeOrder`), never a row back.
 *
 * @example
 * ```ts
 * ORDER_TRANSITIONS.filter((row) => row.by === 'user').map((row) => row.on)
 * // ['CANCEL', 'CONFIRM_RECEIPT', 'REQUEST_REFUND']
 * ```
 */
export const ORDER_TRANSITIONS: readonly OrderTransitionRow[] = Object.freeze([
  // ---- payment: only the server's word makes an order paid
  { on: 'PAY', from: ['pending_payment'], to: 'paid', by: 'server', rule: 1 },
  { on: 'CANCEL', from: ['pending_payment'], to: 'cancelled', by: 'user', rule: 1 },
  { on: 'CLOSE', from: ['pending_payment'], to: 'closed', by: 'server', rule: 1 },
  // money that moved after the order closed still makes it paid
  { on: 'PAY_LATE', from: ['cancelled', 'closed'], to: 'paid', by: 'server', rule: 2 },
  // ---- fulfilment of a parcel
  { on: 'SHIP', from: ['paid'], when: 'physical', to: 'shipped', by: 'merchant', rule: 3 },
  { on: 'DELIVER', from: ['shipped'], when: 'physical', to: 'delivered', by: 'server', rule: 3 },
  {
    on: 'CONFIRM_RECEIPT',
    from: ['shipped', 'delivered'],
    when: 'physical',
    to: 'completed',
    by: 'user',
    rule: 3,
  },
  // ---- fulfilment of a service or virtual good: a code the merchant verifies
  { on: 'ISSUE_CODE', from: ['paid'], when: 'notPhysical', to: 'to_verify', by: 'merchant', rule: 3 },
  { on: 'VERIFY', from: ['to_verify'], when: 'notPhysical', to: 'verified', by: 'merchant', rule: 3 },
  { on: 'COMPLETE', from: ['delivered', 'verified'], to: 'completed', by: 'server' },
  // ---- after-sale: what is left to refund bounds every refund
  { on: 'REQUEST_REFUND', from: PAID_NOT_IN_AFTER_SALE, to: 'refund_requested', by: 'user', rule: 4 },
  { on: 'ACCEPT_REFUND', from: ['refund_requested'], to: 'refunding', by: 'merchant', rule: 4 },
  { on: 'REJECT_REFUND', from: ['refund_requested'], to: 'refund_rejected', by: 'merchant' },
  // the merchant refunds on its own: out of stock, a code that expired unused
  { on: 'START_REFUND', from: ['paid', 'to_verify'], to: 'refunding', by: 'merchant', rule: 4 },
  { on: 'REFUNDED', from: ['refunding'], to: 'refunded', by: 'server', rule: 4 },
] satisfies OrderTransitionRow[])

/**
 * True when `value` is an order status of the table (for data from outside).
 *
 * @example
 * ```ts
 * isOrderLifecycleStatus('to_verify') // true
 * isOrderLifecycleStatus('pending') // false: the checkout's payment status, not an order's
 * ```
 */
export function isOrderLifecycleStatus(value: unknown): value is OrderLifecycleStatus {
  return typeof value === 'string' && (ORDER_LIFECYCLE_STATUSES as readonly string[]).includes(value)
}

/**
 * The rows that apply to an order of `kind` in `status`: what may happen to it next.
 *
 * @example
 * ```ts
 * orderTransitionsFrom('paid', 'service').map((row) => row.on) // ['ISSUE_CODE', 'REQUEST_REFUND', 'START_REFUND']
 * ```
 */
export function orderTransitionsFrom(status: OrderLifecycleStatus, kind: OrderKind): OrderTransitionRow[] {
  return ORDER_TRANSITIONS.filter(
    (row) => row.from.includes(status) && (row.when === undefined || ORDER_GUARDS[row.when](kind)),
  )
}

const reachable = new Map<string, ReadonlySet<OrderLifecycleStatus>>()

function walk(status: OrderLifecycleStatus, kind: OrderKind): ReadonlySet<OrderLifecycleStatus> {
  const key = `${kind}:${status}`
  let found = reachable.get(key)
  if (!found) {
    const seen = new Set<OrderLifecycleStatus>()
    const stack = [status]
    while (stack.length > 0) {
      for (const row of orderTransitionsFrom(stack.pop()!, kind)) {
        if (!seen.has(row.to)) {
          seen.add(row.to)
          stack.push(row.to)
        }
      }
    }
    found = seen
    reachable.set(key, found)
  }
  return found
}

/**
 * Every status the table leads to from `status` for an order of `kind` (not `status` itself). A
 * status the kind never has (a parcel `to_verify`) leads nowhere.
 *
 * @example
 * ```ts
 * reachableStatuses('delivered', 'physical') // completed, refund_requested, refunding, refunded, refund_rejected
 * ```
 */
export function reachableStatuses(
  status: OrderLifecycleStatus,
  kind: OrderKind,
): ReadonlySet<OrderLifecycleStatus> {
  if (status !== 'pending_payment' && !walk('pending_payment', kind).has(status)) return new Set()
  return walk(status, kind)
}

/**
 * The status to show when the server answers `incoming` for an order we know in `current`: the
 * answer when the table leads from `current` to it, else `current` — a stale page never takes an
 * order back, and a status the order's kind cannot have (a shipped service) is not taken.
 *
 * @example
 * ```ts
 * nextOrderStatus('shipped', 'paid', 'physical') // 'shipped': a stale list page
 * nextOrderStatus('paid', 'shipped', 'physical') // 'shipped'
 * nextOrderStatus('closed', 'paid', 'physical') // 'paid': money that moved late is not lost
 * ```
 */
export function nextOrderStatus(
  current: OrderLifecycleStatus,
  incoming: OrderLifecycleStatus,
  kind: OrderKind,
): OrderLifecycleStatus {
  if (incoming === current || !isOrderLifecycleStatus(incoming) || !isOrderLifecycleStatus(current)) {
    return current
  }
  return reachableStatuses(current, kind).has(incoming) ? incoming : current
}
