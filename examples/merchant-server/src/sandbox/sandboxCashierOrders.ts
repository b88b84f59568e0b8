import { randomBytes } from 'node:crypto'
import type { Database, Queryable } from '../db/database.ts'

/**
 * The sandbox cashier's own order for a merchant order — what Douyin's `tt.requestOrder` makes
 * before its cashier opens. The example app's sandbox channel asks for one only when it has no
 * saved state for the order, so the count per order shows whether "continue to pay" reused it.
 */
export async function createCashierOrder(db: Database, orderId: string, now: number): Promise<string> {
  const cashierOrderId = `csh_${randomBytes(16).toString('hex')}`
  await db.query('INSERT INTO sandbox_cashier_orders (id, order_id, created_at) VALUES ($1, $2, $3)', [
    cashierOrderId,
    orderId,
    now,
  ])
  return cashierOrderId
}

/** How many cashier orders the sandbox made for an order. */
export async function countCashierOrders(db: Queryable, orderId: string): Promise<number> {
  const [row] = await db.query<{ count: number }>(
    'SELECT count(*)::int AS count FROM sandbox_cashier_orders WHERE order_id = $1',
    [orderId],
  )
  return row?.count ?? 0
}
