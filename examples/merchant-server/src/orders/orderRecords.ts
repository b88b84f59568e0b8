import type { Queryable } from '../db/database.ts'
import type { Money, Quote } from '../pricing/priceOrder.ts'
import type { LifecycleStatus, OrderKind } from './orderStatusTable.ts'
import type { OrderInput } from './parseOrderRequest.ts'

/** TradeKit's `OrderStatus`: the server's truth about an order. */
export type OrderStatus = 'pending' | 'paid' | 'closed' | 'failed' | 'refunded'

/** TradeKit's `CreatedOrder`; for the sandbox channel `payment` is `{ orderId }`. */
export interface CreatedOrder {
  readonly orderId: string
  readonly amount: Money
  /** Epoch milliseconds after which an unpaid order is closed. */
  readonly expiresAt: number
  readonly payment: { readonly orderId: string }
}

/** What `GET /orders/:orderId` answers. */
export interface OrderView {
  readonly orderId: string
  readonly status: OrderStatus
  readonly amount: Money
  readonly expiresAt: number
  readonly createdAt: number
  readonly paidAt?: number
  readonly closedAt?: number
  /** Why a closed order closed. */
  readonly closeReason?: 'cancelled' | 'expired'
  readonly channel: string
  readonly quote: Quote
  readonly request: OrderInput
}

/** An order row. */
export interface OrderRow {
  id: string
  user_id: string
  idempotency_key: string
  request_hash: string
  status: OrderStatus
  channel: string
  currency: string
  payable: number
  quote: Quote
  request: OrderInput
  stock_held: boolean
  created_at: number
  expires_at: number
  paid_at: number | null
  closed_at: number | null
  close_reason: 'cancelled' | 'expired' | null
  /** Insertion order: the order centre lists newest first and pages by it. */
  seq: number
  kind: OrderKind
  /** Where the order is in TradeKit's order table (orderStatusTable.ts). */
  lifecycle: LifecycleStatus
  /** The last status outside a refund request: where a withdrawn request returns the order. */
  fulfilment: LifecycleStatus
  verification_code: string | null
  /** Minor units refunded so far. */
  refunded: number
  shipment: { carrier: string; trackingNo: string } | null
  /** What the order's payment channel saved while it was unpaid (`PUT /orders/:id/channel-state`). */
  channel_state: unknown
  /** The order's revision: raised by every change to the order, its lines or its refunds (migrate.ts). */
  version: number
}

/** The `CreatedOrder` of an order row (the same answer every time its key is replayed). */
export function toCreatedOrder(row: OrderRow): CreatedOrder {
  return {
    orderId: row.id,
    amount: { amount: row.payable, currency: row.currency },
    expiresAt: row.expires_at,
    payment: { orderId: row.id },
  }
}

/** The public view of an order row. */
export function toOrderView(row: OrderRow): OrderView {
  return {
    orderId: row.id,
    status: row.status,
    amount: { amount: row.payable, currency: row.currency },
    expiresAt: row.expires_at,
    createdAt: row.created_at,
    ...(row.paid_at !== null ? { paidAt: row.paid_at } : {}),
    ...(row.closed_at !== null ? { closedAt: row.closed_at } : {}),
    ...(row.close_reason !== null ? { closeReason: row.close_reason } : {}),
    channel: row.channel,
    quote: row.quote,
    request: row.request,
  }
}

/** One order by id, optionally locking its row until the transaction ends. */
export async function findOrder(
  db: Queryable,
  orderId: string,
  options: { readonly lock: boolean } = { lock: false },
): Promise<OrderRow | undefined> {
  const [row] = await db.query<OrderRow>(
    `SELECT * FROM orders WHERE id = $1 ${options.lock ? 'FOR UPDATE' : ''}`,
    [orderId],
  )
  return row
}

/** The order a user created with an idempotency key, if any. */
export async function findOrderByKey(
  db: Queryable,
  userId: string,
  idempotencyKey: string,
): Promise<OrderRow | undefined> {
  const [row] = await db.query<OrderRow>('SELECT * FROM orders WHERE user_id = $1 AND idempotency_key = $2', [
    userId,
    idempotencyKey,
  ])
  return row
}

/** Units per sku an order holds. */
export async function orderQuantities(
  db: Queryable,
  orderId: string,
): Promise<{ skuId: string; quantity: number }[]> {
  return db.query<{ skuId: string; quantity: number }>(
    `SELECT sku_id AS "skuId", sum(quantity)::int AS quantity FROM order_lines
     WHERE order_id = $1 GROUP BY sku_id ORDER BY sku_id`,
    [orderId],
  )
}

/** Puts an order's reserved units back on the shelf (unlimited skus have nothing to return). */
export async function releaseStock(tx: Queryable, orderId: string): Promise<void> {
  for (const { skuId, quantity } of await orderQuantities(tx, orderId)) {
    await tx.query('UPDATE skus SET stock = stock + $2 WHERE id = $1 AND stock IS NOT NULL', [
      skuId,
      quantity,
    ])
  }
}

/**
 * Takes an order's units off the shelf again (a payment that arrived after the order closed).
 * False, changing nothing, when some sku has too few left.
 */
export async function retakeStock(tx: Queryable, orderId: string): Promise<boolean> {
  const wanted = await orderQuantities(tx, orderId)
  const rows = await tx.query<{ id: string; stock: number | null }>(
    'SELECT id, stock FROM skus WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE',
    [wanted.map((w) => w.skuId)],
  )
  const stock = new Map(rows.map((row) => [row.id, row.stock]))
  const short = wanted.some((w) => {
    const left = stock.get(w.skuId)
    return typeof left === 'number' && left < w.quantity
  })
  if (short) return false
  for (const { skuId, quantity } of wanted) {
    await tx.query('UPDATE skus SET stock = stock - $2 WHERE id = $1 AND stock IS NOT NULL', [
      skuId,
      quantity,
    ])
  }
  return true
}

/** The membership lines of an order (to grant once it is paid). */
export async function membershipLines(
  db: Queryable,
  orderId: string,
): Promise<{ lineNo: number; planId: string; quantity: number }[]> {
  return db.query<{ lineNo: number; planId: string; quantity: number }>(
    `SELECT l.line_no AS "lineNo", p.id AS "planId", l.quantity FROM order_lines l
     JOIN plans p ON p.id = l.sku_id WHERE l.order_id = $1 ORDER BY l.line_no`,
    [orderId],
  )
}
