import { randomInt } from 'node:crypto'
import type { Queryable } from '../db/database.ts'
import { ApiError } from '../http/ApiError.ts'
import type { OrderRow } from './orderRecords.ts'
import {
  FULFILMENT_STATUSES,
  findTransition,
  type LifecycleStatus,
  type OrderEventName,
} from './orderStatusTable.ts'

/** 409 for a move the order table has no row for (a status never goes back). */
export function notAllowed(row: Pick<OrderRow, 'id' | 'lifecycle'>, event: string): ApiError {
  return new ApiError(
    409,
    'ORDER_REJECTED',
    `Order ${row.id} is ${row.lifecycle}: ${event} is not possible`,
    {
      reason: row.lifecycle === 'pending_payment' ? 'not_paid' : 'status_not_allowed',
      status: row.lifecycle,
      event,
    },
  )
}

/**
 * Moves a locked order by one row of the order table and records the step in its timeline. The
 * row is found from `from` (the order's status unless told otherwise: a new refund request starts
 * from the order's fulfilment status, as a new refund record); without a row the move is refused
 * (409) and nothing is written.
 */
export async function moveOrder(
  tx: Queryable,
  row: OrderRow,
  event: OrderEventName,
  now: number,
  options: { readonly from?: LifecycleStatus } = {},
): Promise<OrderRow> {
  const step = findTransition(options.from ?? row.lifecycle, event, row.kind)
  if (!step) throw notAllowed(row, event)
  const fulfilment = FULFILMENT_STATUSES.includes(step.to) ? step.to : row.fulfilment
  const [moved] = await tx.query<OrderRow>(
    `UPDATE orders SET lifecycle = $2, fulfilment = $3 WHERE id = $1 AND lifecycle = $4 RETURNING *`,
    [row.id, step.to, fulfilment, row.lifecycle],
  )
  if (!moved) throw new Error(`Order ${row.id} moved under a lock`)
  await recordEvent(tx, row.id, event, step.to, now)
  return moved
}

/** One step of an order's timeline. */
export async function recordEvent(
  tx: Queryable,
  orderId: string,
  event: string,
  status: LifecycleStatus,
  now: number,
): Promise<void> {
  await tx.query('INSERT INTO order_events (order_id, event, status, at) VALUES ($1, $2, $3, $4)', [
    orderId,
    event,
    status,
    now,
  ])
}

/** A verification code: 12 digits, unique among orders (a collision is drawn again). */
async function newVerificationCode(tx: Queryable): Promise<string> {
  for (;;) {
    const code = Array.from({ length: 3 }, () => String(randomInt(0, 10_000)).padStart(4, '0')).join('')
    const [taken] = await tx.query('SELECT 1 FROM orders WHERE verification_code = $1', [code])
    if (!taken) return code
  }
}

/**
 * What follows a payment: a service or virtual good gets its verification code at once (the
 * merchant's server issues it: `ISSUE_CODE`); a parcel waits to be shipped.
 */
export async function afterPaid(tx: Queryable, row: OrderRow, now: number): Promise<OrderRow> {
  if (row.kind === 'physical' || row.lifecycle !== 'paid') return row
  const code = await newVerificationCode(tx)
  await tx.query('UPDATE orders SET verification_code = $2 WHERE id = $1', [row.id, code])
  return moveOrder(tx, { ...row, verification_code: code }, 'ISSUE_CODE', now)
}
