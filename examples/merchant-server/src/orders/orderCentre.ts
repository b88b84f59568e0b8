import { type Database, type Queryable, readSnapshot } from '../db/database.ts'
import { ApiError, invalidArgument } from '../http/ApiError.ts'
import type { Money } from '../pricing/priceOrder.ts'
import { moveOrder } from './orderMoves.ts'
import { findOrder, type OrderRow } from './orderRecords.ts'
import { type LifecycleStatus, type OrderKind, type OrderTab, TABS } from './orderStatusTable.ts'
import { lineIdOf, type RefundView, refundsOf } from './refunds.ts'

// The order centre of the signed-in user: TradeKit's `Order` (packages/core/src/orders/types.ts),
// listed by tab newest first with cursor paging, and the user's and the merchant's moves on it.

/** One line of an order as the order centre shows it (TradeKit's `OrderItem`). */
export interface OrderItemView {
  readonly lineId: string
  readonly skuId: string
  readonly title: string
  readonly image?: string
  readonly attributes?: readonly { name: string; value: string }[]
  readonly options?: Readonly<Record<string, string>>
  readonly kind: OrderKind
  readonly quantity: number
  readonly unitPrice: Money
  readonly amount: Money
  readonly refunded: Money
}

/** An order as the order centre shows it (TradeKit's `Order`). */
export interface CentreOrder {
  readonly orderId: string
  readonly status: LifecycleStatus
  readonly kind: OrderKind
  readonly lines: readonly OrderItemView[]
  readonly amount: Money
  readonly refunded: Money
  readonly subtotal: Money
  readonly discount: Money
  readonly fee: Money
  readonly createdAt: number
  readonly paidAt?: number
  readonly expiresAt?: number
  /** The server's clock when it answered (the countdown of an unpaid order runs on it). */
  readonly serverNow: number
  /** The order's revision: the higher of two answers is the newer (TradeKit's `Order.version`). */
  readonly version: number
  readonly verification?: { readonly code: string }
  readonly refunds: readonly RefundView[]
  readonly contact?: unknown
  readonly address?: unknown
  readonly shipment?: { readonly carrier: string; readonly trackingNo: string }
  readonly timeline?: readonly {
    readonly status: LifecycleStatus
    readonly at: number
    readonly event: string
  }[]
  readonly channel: string
  readonly payment?: unknown
  /**
   * What the order's channel saved for it (`PUT /orders/:id/channel-state`), while it is unpaid
   * only: "continue to pay" hands it to the channel, which reuses the platform order.
   */
  readonly channelState?: unknown
}

interface LineRow {
  order_id: string
  line_no: number
  sku_id: string
  quantity: number
  unit_price: number
  payable: number
  refunded: number
  options: Record<string, string> | null
  title: string
  image: string | null
  attributes: { name: string; value: string }[]
  kind: OrderKind
}

/** The order centre's view of some order rows, with their lines, refunds and (optionally) timelines. */
export async function toCentreOrders(
  db: Queryable,
  rows: readonly OrderRow[],
  now: number,
  options: { readonly timeline: boolean },
): Promise<CentreOrder[]> {
  const ids = rows.map((row) => row.id)
  if (ids.length === 0) return []
  const lines = await db.query<LineRow>(
    `SELECT l.order_id, l.line_no, l.sku_id, l.quantity, l.unit_price, l.payable, l.refunded, l.options,
       s.title, s.image, s.attributes, s.kind
     FROM order_lines l JOIN skus s ON s.id = l.sku_id
     WHERE l.order_id = ANY($1::text[]) ORDER BY l.order_id, l.line_no`,
    [ids],
  )
  const refunds = await refundsOf(db, ids)
  const pending = rows.filter((row) => row.lifecycle === 'pending_payment').map((row) => row.id)
  const payments = new Map(
    (pending.length === 0
      ? []
      : await db.query<{ order_id: string; payment: unknown }>(
          'SELECT order_id, payment FROM platform_payments WHERE order_id = ANY($1::text[])',
          [pending],
        )
    ).map((row) => [row.order_id, row.payment]),
  )
  const events = options.timeline
    ? await db.query<{ order_id: string; event: string; status: LifecycleStatus; at: number }>(
        'SELECT order_id, event, status, at FROM order_events WHERE order_id = ANY($1::text[]) ORDER BY order_id, id',
        [ids],
      )
    : []
  return rows.map((row) => {
    const money = (amount: number): Money => ({ amount, currency: row.currency })
    const own = lines.filter((line) => line.order_id === row.id)
    const isPending = row.lifecycle === 'pending_payment'
    const payment = isPending
      ? (payments.get(row.id) ?? (row.channel === 'sandbox' ? { orderId: row.id } : undefined))
      : undefined
    return {
      orderId: row.id,
      status: row.lifecycle,
      kind: row.kind,
      lines: own.map((line) => ({
        lineId: lineIdOf(line.line_no),
        skuId: line.sku_id,
        title: line.title,
        ...(line.image !== null ? { image: line.image } : {}),
        ...(line.attributes.length > 0 ? { attributes: line.attributes } : {}),
        ...(line.options !== null ? { options: line.options } : {}),
        kind: line.kind,
        quantity: line.quantity,
        unitPrice: money(line.unit_price),
        amount: money(line.payable),
        refunded: money(line.refunded),
      })),
      amount: money(row.payable),
      refunded: money(row.refunded),
      subtotal: row.quote.subtotal,
      discount: row.quote.discount,
      fee: row.quote.fees,
      createdAt: row.created_at,
      ...(row.paid_at !== null ? { paidAt: row.paid_at } : {}),
      ...(isPending ? { expiresAt: row.expires_at } : {}),
      serverNow: now,
      version: row.version,
      ...(row.verification_code !== null ? { verification: { code: row.verification_code } } : {}),
      refunds: refunds.get(row.id) ?? [],
      ...(row.request.contact !== undefined ? { contact: row.request.contact } : {}),
      ...(row.request.address !== undefined ? { address: row.request.address } : {}),
      ...(row.shipment !== null ? { shipment: row.shipment } : {}),
      ...(options.timeline
        ? {
            timeline: events
              .filter((event) => event.order_id === row.id)
              .map(({ status, at, event }) => ({ status, at, event })),
          }
        : {}),
      channel: row.channel,
      ...(payment !== undefined ? { payment } : {}),
      // never once the order is paid or closed: there is nothing left to continue
      ...(isPending && row.channel_state !== null ? { channelState: row.channel_state } : {}),
    }
  })
}

/** One order of the order centre, with its timeline, read in one snapshot. */
export function centreOrder(db: Database, row: OrderRow, now: number): Promise<CentreOrder> {
  return readSnapshot(db, async (tx) => {
    const fresh = (await findOrder(tx, row.id)) ?? row
    const [order] = await toCentreOrders(tx, [fresh], now, { timeline: true })
    return order!
  })
}

const CURSOR = /^[1-9][0-9]{0,14}$/

/** A page of a tab (`{ orders, nextCursor }`, TradeKit's `OrderPage`), newest first. */
export function listOrders(
  db: Database,
  query: {
    readonly userId: string
    readonly tab: OrderTab
    readonly cursor?: string
    readonly limit: number
  },
  now: number,
): Promise<{ orders: CentreOrder[]; nextCursor: string | null }> {
  if (query.cursor !== undefined && !CURSOR.test(query.cursor)) {
    throw invalidArgument('cursor', 'cursor must be a nextCursor this server answered')
  }
  const rule = TABS[query.tab]
  return readSnapshot(db, async (tx) => {
    const rows = await tx.query<OrderRow>(
      `SELECT * FROM orders WHERE user_id = $1 AND lifecycle = ANY($2::text[])
         AND ($3::text[] IS NULL OR kind = ANY($3::text[])) AND ($4::bigint IS NULL OR seq < $4::bigint)
       ORDER BY seq DESC LIMIT $5`,
      [query.userId, rule.statuses, rule.kinds ?? null, query.cursor ?? null, query.limit + 1],
    )
    const page = rows.slice(0, query.limit)
    return {
      orders: await toCentreOrders(tx, page, now, { timeline: false }),
      nextCursor: rows.length > query.limit ? String(page[page.length - 1]!.seq) : null,
    }
  })
}

/** The user says the parcel arrived: `CONFIRM_RECEIPT` (shipped or delivered → completed). */
export async function confirmReceipt(
  db: Database,
  orderId: string,
  now: number,
  ownOrder: (row: OrderRow | undefined) => OrderRow,
): Promise<void> {
  await db.transaction(async (tx) => {
    const row = ownOrder(await findOrder(tx, orderId, { lock: true }))
    if (row.lifecycle === 'completed') return
    await moveOrder(tx, row, 'CONFIRM_RECEIPT', now)
  })
}

function orderNotFound(orderId: string): ApiError {
  return new ApiError(404, 'INVALID_ARGUMENT', `No order ${orderId}`, { reason: 'not_found' })
}

/** The merchant ships a paid parcel: `SHIP`, with the carrier and tracking number. */
export async function shipOrder(
  db: Database,
  orderId: string,
  shipment: { readonly carrier: string; readonly trackingNo: string },
  now: number,
): Promise<OrderRow> {
  return db.transaction(async (tx) => {
    const row = await findOrder(tx, orderId, { lock: true })
    if (!row) throw orderNotFound(orderId)
    const moved = await moveOrder(tx, row, 'SHIP', now)
    await tx.query('UPDATE orders SET shipment = $2::jsonb WHERE id = $1', [
      orderId,
      JSON.stringify(shipment),
    ])
    return moved
  })
}

/** The carrier says the parcel arrived: `DELIVER` (shipped → delivered). */
export async function deliverOrder(db: Database, orderId: string, now: number): Promise<OrderRow> {
  return db.transaction(async (tx) => {
    const row = await findOrder(tx, orderId, { lock: true })
    if (!row) throw orderNotFound(orderId)
    return moveOrder(tx, row, 'DELIVER', now)
  })
}

/**
 * The merchant verifies a service's or virtual good's code: `VERIFY` then `COMPLETE` (to_verify →
 * verified → completed). An unknown code is a 404; a code already used is a 409.
 */
export async function verifyCode(db: Database, code: string, now: number): Promise<OrderRow> {
  return db.transaction(async (tx) => {
    const [found] = await tx.query<{ id: string }>('SELECT id FROM orders WHERE verification_code = $1', [
      code,
    ])
    if (!found) {
      throw new ApiError(404, 'INVALID_ARGUMENT', 'No order has this verification code', {
        reason: 'unknown_code',
      })
    }
    const row = (await findOrder(tx, found.id, { lock: true }))!
    if (row.lifecycle === 'verified' || row.lifecycle === 'completed') {
      throw new ApiError(409, 'ORDER_REJECTED', 'This code was already used', {
        reason: 'already_verified',
        orderId: row.id,
        status: row.lifecycle,
      })
    }
    const verified = await moveOrder(tx, row, 'VERIFY', now)
    return moveOrder(tx, verified, 'COMPLETE', now)
  })
}
