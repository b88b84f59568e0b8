import type { Database, Queryable } from '../db/database.ts'
import { ApiError } from '../http/ApiError.ts'
import { grantMembership } from '../membership/entitlement.ts'
import { refundNoOf } from '../payments/platformChannels.ts'
import { afterPaid, moveOrder } from './orderMoves.ts'
import {
  findOrder,
  membershipLines,
  type OrderRow,
  type OrderStatus,
  type OrderView,
  releaseStock,
  retakeStock,
  toOrderView,
} from './orderRecords.ts'
import { findTransition } from './orderStatusTable.ts'
import { completeRefund, startFullRefund } from './refunds.ts'

/** What a payment notification says happened to the money. */
export type PaymentOutcome = 'paid' | 'failed'

/** What a notification did: changed the order, changed nothing, or arrived for an order it could not fulfil. */
export type NotificationEffect = 'applied' | 'ignored' | 'refunded'

function notFound(orderId: string): ApiError {
  return new ApiError(404, 'INVALID_ARGUMENT', `No order ${orderId}`, { reason: 'not_found', orderId })
}

/** 403: the order exists but belongs to another user (who it is stays unsaid). */
function notYours(orderId: string): ApiError {
  return new ApiError(403, 'INVALID_ARGUMENT', 'This order belongs to another user', {
    reason: 'forbidden',
    orderId,
  })
}

/** The order of `userId`: 404 when there is none, 403 when it is someone else's. */
export function ownOrder(row: OrderRow | undefined, userId: string, orderId: string): OrderRow {
  if (!row) throw notFound(orderId)
  if (row.user_id !== userId) throw notYours(orderId)
  return row
}

/** Closes a locked pending order and returns its units; the row must be locked by `tx`. */
async function closeOrder(
  tx: Queryable,
  orderId: string,
  reason: 'cancelled' | 'expired',
  now: number,
): Promise<OrderRow> {
  const [row] = await tx.query<OrderRow>(
    `UPDATE orders SET status = 'closed', close_reason = $2, closed_at = $3, stock_held = false
     WHERE id = $1 AND status = 'pending' RETURNING *`,
    [orderId, reason, now],
  )
  if (!row) throw new Error(`Order ${orderId} was not pending`)
  await releaseStock(tx, orderId)
  return moveOrder(tx, row, reason === 'cancelled' ? 'CANCEL' : 'CLOSE', now)
}

/**
 * Closes every pending order past its `expiresAt` and returns its reserved stock, in one
 * transaction. Sweeps are serialised by an advisory lock and rows are taken in id order.
 */
export async function expireOrders(db: Database, now: number): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(8787003)')
    const due = await tx.query<{ id: string }>(
      `SELECT id FROM orders WHERE status = 'pending' AND expires_at <= $1 ORDER BY id FOR UPDATE`,
      [now],
    )
    if (due.length === 0) return 0
    const ids = due.map((row) => row.id)
    // Every pending order closes by the same row of the order table, whatever its kind.
    const close = findTransition('pending_payment', 'CLOSE', 'physical')!
    await tx.query(
      `UPDATE orders SET status = 'closed', close_reason = 'expired', closed_at = $2, stock_held = false,
         lifecycle = $3 WHERE id = ANY($1::text[])`,
      [ids, now, close.to],
    )
    await tx.query(
      `INSERT INTO order_events (order_id, event, status, at)
       SELECT id, 'CLOSE', $3, $2 FROM unnest($1::text[]) AS id ORDER BY id`,
      [ids, now, close.to],
    )
    // All the skus at once, in id order, like every other transaction that locks skus: no deadlock.
    const returned = await tx.query<{ skuId: string; quantity: number }>(
      `SELECT sku_id AS "skuId", sum(quantity)::int AS quantity FROM order_lines
       WHERE order_id = ANY($1::text[]) GROUP BY sku_id ORDER BY sku_id`,
      [ids],
    )
    for (const { skuId, quantity } of returned) {
      await tx.query('UPDATE skus SET stock = stock + $2 WHERE id = $1 AND stock IS NOT NULL', [
        skuId,
        quantity,
      ])
    }
    return due.length
  })
}

/** The order as its owner sees it; another user's order is refused (403). */
export async function getOrder(db: Queryable, userId: string, orderId: string): Promise<OrderView> {
  return toOrderView(ownOrder(await findOrder(db, orderId), userId, orderId))
}

/**
 * Closes an unpaid order and returns its stock. Idempotent: a closed or failed order is answered
 * as it is; a paid one cannot be cancelled (409 `ORDER_REJECTED`).
 */
export async function cancelOrder(
  db: Database,
  userId: string,
  orderId: string,
  now: number,
): Promise<OrderView> {
  return db.transaction(async (tx) => {
    const row = ownOrder(await findOrder(tx, orderId, { lock: true }), userId, orderId)
    if (row.status === 'pending') {
      return toOrderView(await closeOrder(tx, orderId, row.expires_at <= now ? 'expired' : 'cancelled', now))
    }
    if (row.status === 'paid' || row.status === 'refunded') {
      throw new ApiError(409, 'ORDER_REJECTED', 'A paid order cannot be cancelled', {
        reason: 'already_paid',
        status: row.status,
      })
    }
    return toOrderView(row)
  })
}

/**
 * Marks a locked order paid (its stock held) and grants its membership lines, once: `PAY` from
 * pending, `PAY_LATE` from closed or failed (money that moved after the order closed); a service or
 * virtual good then gets its verification code.
 */
async function markPaid(tx: Queryable, row: OrderRow, now: number): Promise<OrderRow> {
  const [paid] = await tx.query<OrderRow>(
    `UPDATE orders SET status = 'paid', paid_at = $2, stock_held = true WHERE id = $1 RETURNING *`,
    [row.id, now],
  )
  if (!paid) throw new Error(`Order ${row.id} vanished`)
  const plans = await membershipLines(tx, row.id)
  if (plans.length > 0) await grantMembership(tx, { orderId: row.id, userId: row.user_id, lines: plans, now })
  const moved = await moveOrder(tx, paid, row.status === 'pending' ? 'PAY' : 'PAY_LATE', now)
  return afterPaid(tx, moved, now)
}

/**
 * Applies a payment notification. Idempotent and monotonic: `paid` and `refunded` are final, so
 * a late or duplicated notification never downgrades a paid order. A `paid` that arrives after
 * the order closed or failed (money moved anyway) takes the stock again and makes the order paid,
 * or — when the stock is gone — marks it `refunded`. Every notification is recorded in
 * `payment_events`.
 */
export async function applyPaymentNotification(
  db: Database,
  notification: { readonly orderId: string; readonly outcome: PaymentOutcome },
  now: number,
): Promise<{ orderId: string; status: OrderStatus; effect: NotificationEffect }> {
  return db.transaction(async (tx) => {
    let row = await findOrder(tx, notification.orderId, { lock: true })
    if (!row) throw notFound(notification.orderId)
    const before = row.status
    if (row.status === 'pending' && row.expires_at <= now) row = await closeOrder(tx, row.id, 'expired', now)

    let effect: NotificationEffect = 'ignored'
    if (notification.outcome === 'paid') {
      if (row.status === 'pending') {
        row = await markPaid(tx, row, now)
        effect = 'applied'
      } else if (row.status === 'closed' || row.status === 'failed') {
        if (await retakeStock(tx, row.id)) {
          row = await markPaid(tx, row, now)
          effect = 'applied'
        } else {
          // The money moved but the goods are gone: paid late, then refunded in full by the server
          // (a refund record, through the table). The order held no stock, so none is returned.
          const [paid] = await tx.query<OrderRow>(
            `UPDATE orders SET status = 'paid', paid_at = $2 WHERE id = $1 RETURNING *`,
            [row.id, now],
          )
          const late = await moveOrder(tx, paid!, 'PAY_LATE', now)
          const refundId = refundNoOf(row.id)
          await startFullRefund(tx, late, { id: refundId, by: 'server', reason: 'out_of_stock' }, now)
          await completeRefund(tx, refundId, now, { returnStock: false })
          row = (await findOrder(tx, row.id))!
          effect = 'refunded'
        }
      }
    } else if (row.status === 'pending') {
      const [failed] = await tx.query<OrderRow>(
        `UPDATE orders SET status = 'failed', closed_at = $2, stock_held = false WHERE id = $1 RETURNING *`,
        [row.id, now],
      )
      await releaseStock(tx, row.id)
      row = await moveOrder(tx, failed!, 'CLOSE', now)
      effect = 'applied'
    }
    await tx.query(
      `INSERT INTO payment_events (order_id, outcome, effect, status_before, status_after, received_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [row.id, notification.outcome, effect, before, row.status, now],
    )
    return { orderId: row.id, status: row.status, effect }
  })
}
