// The order status table of TradeKit (`@tradekit/core`'s `orderStatus.ts` and `orderTabs.ts`),
// mirrored row for row: this server does not depend on @tradekit/core, and
// test/orderStatusTable.test.ts proves the two tables are equal. Every change of an order's status
// on this server goes through `findTransition` (see orderCentre.ts): a status never goes back.

/** Where a placed order is (TradeKit's `OrderLifecycleStatus`). */
export type LifecycleStatus =
  | 'pending_payment'
  | 'paid'
  | 'shipped'
  | 'delivered'
  | 'to_verify'
  | 'verified'
  | 'completed'
  | 'refund_requested'
  | 'refunding'
  | 'refunded'
  | 'refund_rejected'
  | 'cancelled'
  | 'closed'

/** What an order sells: a parcel is shipped, a service or virtual good gets a code to verify. */
export type OrderKind = 'physical' | 'service' | 'virtual'

/** What happens to an order (TradeKit's `OrderEventName`). */
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

/** Every status, in the order of an order's life. */
export const LIFECYCLE_STATUSES: readonly LifecycleStatus[] = Object.freeze([
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

/** The guards of the table: conditions on the order's kind. */
export const GUARDS = Object.freeze({
  physical: (kind: OrderKind) => kind === 'physical',
  notPhysical: (kind: OrderKind) => kind !== 'physical',
})

/** One row of the table. */
export interface TransitionRow {
  readonly on: OrderEventName
  readonly from: readonly LifecycleStatus[]
  readonly when?: keyof typeof GUARDS
  readonly to: LifecycleStatus
  readonly by: 'user' | 'merchant' | 'server'
  readonly rule?: 1 | 2 | 3 | 4
}

/** The statuses an order rests in when no refund request is open: where a new request starts. */
export const FULFILMENT_STATUSES: readonly LifecycleStatus[] = [
  'paid',
  'shipped',
  'delivered',
  'to_verify',
  'verified',
  'completed',
]

/** The table (the same rows as TradeKit's `ORDER_TRANSITIONS`). */
export const TRANSITIONS: readonly TransitionRow[] = Object.freeze([
  { on: 'PAY', from: ['pending_payment'], to: 'paid', by: 'server', rule: 1 },
  { on: 'CANCEL', from: ['pending_payment'], to: 'cancelled', by: 'user', rule: 1 },
  { on: 'CLOSE', from: ['pending_payment'], to: 'closed', by: 'server', rule: 1 },
  { on: 'PAY_LATE', from: ['cancelled', 'closed'], to: 'paid', by: 'server', rule: 2 },
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
  { on: 'ISSUE_CODE', from: ['paid'], when: 'notPhysical', to: 'to_verify', by: 'merchant', rule: 3 },
  { on: 'VERIFY', from: ['to_verify'], when: 'notPhysical', to: 'verified', by: 'merchant', rule: 3 },
  { on: 'COMPLETE', from: ['delivered', 'verified'], to: 'completed', by: 'server' },
  { on: 'REQUEST_REFUND', from: FULFILMENT_STATUSES, to: 'refund_requested', by: 'user', rule: 4 },
  { on: 'ACCEPT_REFUND', from: ['refund_requested'], to: 'refunding', by: 'merchant', rule: 4 },
  { on: 'REJECT_REFUND', from: ['refund_requested'], to: 'refund_rejected', by: 'merchant' },
  { on: 'START_REFUND', from: ['paid', 'to_verify'], to: 'refunding', by: 'merchant', rule: 4 },
  { on: 'REFUNDED', from: ['refunding'], to: 'refunded', by: 'server', rule: 4 },
] satisfies TransitionRow[])

/** The row that moves an order of `kind` in `from` on `event`, if the table has one. */
export function findTransition(
  from: LifecycleStatus,
  event: OrderEventName,
  kind: OrderKind,
): TransitionRow | undefined {
  return TRANSITIONS.find(
    (row) =>
      row.on === event && row.from.includes(from) && (row.when === undefined || GUARDS[row.when](kind)),
  )
}

/** A tab of the order centre (TradeKit's `OrderTab`). */
export type OrderTab = 'all' | 'pending_payment' | 'to_ship' | 'to_receive' | 'to_verify' | 'after_sale'

/** Which orders a tab lists (TradeKit's `ORDER_TABS`). */
export const TABS: Readonly<
  Record<OrderTab, { readonly statuses: readonly LifecycleStatus[]; readonly kinds?: readonly OrderKind[] }>
> = Object.freeze({
  all: { statuses: LIFECYCLE_STATUSES },
  pending_payment: { statuses: ['pending_payment'] },
  to_ship: { statuses: ['paid'], kinds: ['physical'] },
  to_receive: { statuses: ['shipped', 'delivered'], kinds: ['physical'] },
  to_verify: { statuses: ['paid', 'to_verify'], kinds: ['service', 'virtual'] },
  after_sale: { statuses: ['refund_requested', 'refunding', 'refunded', 'refund_rejected'] },
})

/** The tab names in display order. */
export const TAB_NAMES = Object.keys(TABS) as OrderTab[]
