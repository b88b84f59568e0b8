import { ORDER_LIFECYCLE_STATUSES } from './orderStatus'
import type { Order, OrderKind, OrderLifecycleStatus, OrderTab } from './types'

/** Which orders a tab shows: these statuses, of these kinds (every kind when absent). */
export interface OrderTabRule {
  readonly statuses: readonly OrderLifecycleStatus[]
  readonly kinds?: readonly OrderKind[]
}

/** The tabs in display order: 全部 / 待支付 / 待发货 / 待收货 / 待使用 / 售后. */
export const ORDER_TAB_NAMES: readonly OrderTab[] = Object.freeze([
  'all',
  'pending_payment',
  'to_ship',
  'to_receive',
  'to_verify',
  'after_sale',
])

/**
 * The one place tabs meet statuses. A paid parcel waits to be shipped (待发货); a paid service or
 * virtual good waits for its code to be used (待使用).
 *
 * @example
 * ```ts
 * ORDER_TABS.to_receive.statuses // ['shipped', 'delivered']
 * ```
 */
export const ORDER_TABS: Readonly<Record<OrderTab, OrderTabRule>> = Object.freeze({
  all: { statuses: ORDER_LIFECYCLE_STATUSES },
  pending_payment: { statuses: ['pending_payment'] },
  to_ship: { statuses: ['paid'], kinds: ['physical'] },
  to_receive: { statuses: ['shipped', 'delivered'], kinds: ['physical'] },
  to_verify: { statuses: ['paid', 'to_verify'], kinds: ['service', 'virtual'] },
  after_sale: { statuses: ['refund_requested', 'refunding', 'refunded', 'refund_rejected'] },
})

/**
 * True when `tab` shows `order` as it is now.
 *
 * @example
 * ```ts
 * orderInTab({ ...order, status: 'paid', kind: 'service' }, 'to_verify') // true
 * ```
 */
export function orderInTab(order: Pick<Order, 'status' | 'kind'>, tab: OrderTab): boolean {
  const rule = ORDER_TABS[tab]
  if (!rule) return false
  return rule.statuses.includes(order.status) && (rule.kinds === undefined || rule.kinds.includes(order.kind))
}
