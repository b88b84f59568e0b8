import { createHash, randomUUID } from 'node:crypto'
import type { Database, Queryable } from '../db/database.ts'
import { ApiError, invalidArgument } from '../http/ApiError.ts'
import { readMoney, readObject, readOptionalString, readString } from '../http/validate.ts'
import { moveOrder, notAllowed, recordEvent } from './orderMoves.ts'
import { findOrder, type OrderRow } from './orderRecords.ts'

// Refunds of paid orders, as records: a user asks (lines and amounts, each at most what is left of
// its line, the whole at most what is left of the order), the merchant accepts or rejects, and the
// money moves (the sandbox, or the order's real cashier); then the order is `refunded`. One
// request is open at a time: the order table has no REQUEST_REFUND from `refund_requested` or
// `refunding`. A request never moves back: refund_requested → refunding → refunded |
// refund_rejected, or → withdrawn when the user takes it back before the merchant answered.

/** Where a refund record is (TradeKit's `RefundStatus`). */
export type RefundStatus = 'refund_requested' | 'refunding' | 'refunded' | 'refund_rejected' | 'withdrawn'

/** A refund row. */
export interface RefundRow {
  id: string
  order_id: string
  user_id: string | null
  idempotency_key: string | null
  request_hash: string | null
  status: RefundStatus
  amount: number
  currency: string
  reason: string
  note: string | null
  requested_by: 'user' | 'merchant' | 'server'
  requested_at: number
  decided_at: number | null
  refunded_at: number | null
  reject_reason: string | null
}

/** A refund as the order centre shows it (TradeKit's `OrderRefund`). */
export interface RefundView {
  readonly refundId: string
  readonly status: RefundStatus
  readonly amount: { amount: number; currency: string }
  readonly lines: readonly { lineId: string; amount: { amount: number; currency: string } }[]
  readonly reason: string
  readonly note?: string
  readonly requestedAt: number
  readonly rejectReason?: string
}

/** A refund's id: `rfd_` and 32 hex digits (the number the platform's refund API is given). */
export const REFUND_ID = /^rfd_[0-9a-f]{32}$/

/** The line id the order centre shows for an order line. */
export const lineIdOf = (lineNo: number) => String(lineNo + 1)
const LINE_ID = /^[1-9][0-9]{0,2}$/

/** The refunds of some orders, oldest first per order. */
export async function refundsOf(
  db: Queryable,
  orderIds: readonly string[],
): Promise<Map<string, RefundView[]>> {
  const byOrder = new Map<string, RefundView[]>()
  if (orderIds.length === 0) return byOrder
  const rows = await db.query<RefundRow>(
    'SELECT * FROM refunds WHERE order_id = ANY($1::text[]) ORDER BY order_id, seq',
    [orderIds],
  )
  const lines = await db.query<{ refund_id: string; line_no: number; amount: number }>(
    `SELECT rl.refund_id, rl.line_no, rl.amount FROM refund_lines rl JOIN refunds r ON r.id = rl.refund_id
     WHERE r.order_id = ANY($1::text[]) ORDER BY rl.refund_id, rl.line_no`,
    [orderIds],
  )
  const linesOf = new Map<string, { line_no: number; amount: number }[]>()
  for (const line of lines) linesOf.set(line.refund_id, [...(linesOf.get(line.refund_id) ?? []), line])
  for (const row of rows) {
    const view: RefundView = {
      refundId: row.id,
      status: row.status,
      amount: { amount: row.amount, currency: row.currency },
      lines: (linesOf.get(row.id) ?? []).map((line) => ({
        lineId: lineIdOf(line.line_no),
        amount: { amount: line.amount, currency: row.currency },
      })),
      reason: row.reason,
      ...(row.note !== null ? { note: row.note } : {}),
      requestedAt: row.requested_at,
      ...(row.reject_reason !== null ? { rejectReason: row.reject_reason } : {}),
    }
    byOrder.set(row.order_id, [...(byOrder.get(row.order_id) ?? []), view])
  }
  return byOrder
}

/** A validated refund request: per line amounts in minor units that sum to `amount`. */
export interface RefundInput {
  readonly lines: readonly { readonly lineNo: number; readonly amount: number }[]
  readonly amount: number
  readonly currency: string
  readonly reason: string
  readonly note?: string
}

/** Validates `{ lines: [{ lineId, amount }], amount, reason, note? }` (TradeKit's `RefundRequest`). */
export function parseRefundRequest(body: unknown): RefundInput {
  const request = readObject(body, 'body')
  if (!Array.isArray(request.lines) || request.lines.length === 0 || request.lines.length > 50) {
    throw invalidArgument('lines', 'lines must list 1 to 50 order lines, each with its amount')
  }
  const amount = readMoney(request.amount, 'amount')
  const seen = new Set<number>()
  const lines = request.lines.map((raw, index) => {
    const field = `lines[${index}]`
    const line = readObject(raw, field)
    const lineId = readString(line.lineId, `${field}.lineId`, 3, LINE_ID)
    const part = readMoney(line.amount, `${field}.amount`)
    if (part.amount === 0) {
      throw new ApiError(400, 'INVALID_AMOUNT', `${field}.amount must be positive`, {
        field: `${field}.amount`,
      })
    }
    if (part.currency !== amount.currency) {
      throw new ApiError(400, 'INVALID_AMOUNT', `${field}.amount is not in ${amount.currency}`, {
        field: `${field}.amount.currency`,
      })
    }
    const lineNo = Number(lineId) - 1
    if (seen.has(lineNo)) throw invalidArgument(`${field}.lineId`, `Line ${lineId} is listed twice`)
    seen.add(lineNo)
    return { lineNo, amount: part.amount }
  })
  const sum = lines.reduce((total, line) => total + line.amount, 0)
  if (sum !== amount.amount) {
    throw new ApiError(
      400,
      'INVALID_AMOUNT',
      `amount ${amount.amount} is not the sum of the lines (${sum})`,
      {
        field: 'amount',
        reason: 'amount_not_sum',
      },
    )
  }
  const reason = readString(request.reason, 'reason', 64)
  const note = readOptionalString(request.note, 'note', 500)
  return {
    lines,
    amount: amount.amount,
    currency: amount.currency,
    reason,
    ...(note !== undefined ? { note } : {}),
  }
}

function refundHash(orderId: string, input: RefundInput): string {
  return createHash('sha256')
    .update(
      JSON.stringify([
        orderId,
        input.lines.map((l) => [l.lineNo, l.amount]),
        input.amount,
        input.currency,
        input.reason,
        input.note ?? null,
      ]),
    )
    .digest('hex')
}

const newRefundId = () => `rfd_${randomUUID().replaceAll('-', '')}`

/** What is left to refund: of each line (`payable − refunded`) and of the order. */
export async function refundableOf(
  db: Queryable,
  order: OrderRow,
): Promise<{ total: number; lines: Map<number, number> }> {
  const rows = await db.query<{ line_no: number; payable: number; refunded: number }>(
    'SELECT line_no, payable, refunded FROM order_lines WHERE order_id = $1 ORDER BY line_no',
    [order.id],
  )
  const lines = new Map(rows.map((row) => [row.line_no, Math.max(0, row.payable - row.refunded)]))
  const linesLeft = [...lines.values()].reduce((sum, left) => sum + left, 0)
  return { total: Math.min(linesLeft, Math.max(0, order.payable - order.refunded)), lines }
}

async function insertRefund(
  tx: Queryable,
  order: OrderRow,
  refund: {
    id: string
    input: RefundInput
    by: RefundRow['requested_by']
    status: RefundStatus
    userId?: string
    key?: string
    hash?: string
  },
  now: number,
): Promise<void> {
  const { input } = refund
  await tx.query(
    `INSERT INTO refunds (id, order_id, user_id, idempotency_key, request_hash, status, amount, currency, reason,
       note, requested_by, requested_at, decided_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [
      refund.id,
      order.id,
      refund.userId ?? null,
      refund.key ?? null,
      refund.hash ?? null,
      refund.status,
      input.amount,
      input.currency,
      input.reason,
      input.note ?? null,
      refund.by,
      now,
      refund.status === 'refund_requested' ? null : now,
    ],
  )
  for (const line of input.lines) {
    await tx.query('INSERT INTO refund_lines (refund_id, line_no, amount) VALUES ($1, $2, $3)', [
      refund.id,
      line.lineNo,
      line.amount,
    ])
  }
}

/**
 * A user's refund request, idempotent on the user's key: the same key and request answer the
 * request already made (`replayed`), the same key with another request is a 409. Amounts are
 * checked against what is left of each line and of the order (`exceeds_refundable`).
 */
export async function requestRefund(
  db: Database,
  request: {
    readonly userId: string
    readonly orderId: string
    readonly key: string
    readonly input: RefundInput
  },
  now: number,
  ownOrder: (row: OrderRow | undefined) => OrderRow,
): Promise<{ replayed: boolean }> {
  const { userId, orderId, key, input } = request
  const hash = refundHash(orderId, input)
  return db.transaction(async (tx) => {
    const order = ownOrder(await findOrder(tx, orderId, { lock: true }))
    const [known] = await tx.query<RefundRow>(
      'SELECT * FROM refunds WHERE user_id = $1 AND idempotency_key = $2',
      [userId, key],
    )
    if (known) {
      if (known.request_hash !== hash || known.order_id !== orderId) {
        throw new ApiError(409, 'INVALID_ARGUMENT', 'This Idempotency-Key was used for a different refund', {
          reason: 'idempotency_key_reused',
          field: 'Idempotency-Key',
        })
      }
      return { replayed: true }
    }
    // A new request after a settled one is a new record: it starts from the fulfilment status.
    const settled = order.lifecycle === 'refunded' || order.lifecycle === 'refund_rejected'
    const from = settled ? order.fulfilment : order.lifecycle
    if (input.currency !== order.currency) {
      throw new ApiError(400, 'INVALID_AMOUNT', `The order is paid in ${order.currency}`, {
        field: 'amount.currency',
      })
    }
    const left = await refundableOf(tx, order)
    const unknown = input.lines.filter((line) => !left.lines.has(line.lineNo))
    if (unknown.length > 0) {
      throw new ApiError(422, 'INVALID_ARGUMENT', 'The order has no such line', {
        reason: 'unknown_line',
        field: 'lines',
        lineIds: unknown.map((line) => lineIdOf(line.lineNo)),
      })
    }
    // The table first (an unpaid order, an open request), then the amounts.
    const moved = await moveOrder(tx, order, 'REQUEST_REFUND', now, { from })
    const over = input.lines.filter((line) => line.amount > left.lines.get(line.lineNo)!)
    if (over.length > 0 || input.amount > left.total) {
      throw new ApiError(422, 'INVALID_AMOUNT', 'More than is left to refund', {
        reason: 'exceeds_refundable',
        refundable: {
          amount: { amount: left.total, currency: order.currency },
          lines: Object.fromEntries([...left.lines].map(([lineNo, amount]) => [lineIdOf(lineNo), amount])),
        },
      })
    }
    await insertRefund(
      tx,
      moved,
      { id: newRefundId(), input, by: 'user', status: 'refund_requested', userId, key, hash },
      now,
    )
    return { replayed: false }
  })
}

async function lockRefund(tx: Queryable, orderId: string, refundId: string): Promise<[OrderRow, RefundRow]> {
  const order = await findOrder(tx, orderId, { lock: true })
  const [refund] = order
    ? await tx.query<RefundRow>('SELECT * FROM refunds WHERE id = $1 AND order_id = $2 FOR UPDATE', [
        refundId,
        orderId,
      ])
    : []
  if (!order || !refund) {
    throw new ApiError(404, 'INVALID_ARGUMENT', `No refund ${refundId} of order ${orderId}`, {
      reason: 'not_found',
    })
  }
  return [order, refund]
}

const refundNotAllowed = (refund: RefundRow, action: string) =>
  new ApiError(409, 'ORDER_REJECTED', `Refund ${refund.id} is ${refund.status}: cannot ${action}`, {
    reason: 'refund_not_open',
    status: refund.status,
  })

/**
 * The user takes back a request the merchant has not answered: the record becomes `withdrawn`
 * (it never moves again) and the order shows its fulfilment status again — TradeKit's
 * `mergeOrder` reads that from the records. Withdrawing a withdrawn request changes nothing.
 */
export async function withdrawRefund(
  db: Database,
  orderId: string,
  refundId: string,
  now: number,
  ownOrder: (row: OrderRow | undefined) => OrderRow,
): Promise<void> {
  await db.transaction(async (tx) => {
    ownOrder(await findOrder(tx, orderId))
    const [order, refund] = await lockRefund(tx, orderId, refundId)
    if (refund.status === 'withdrawn') return
    if (refund.status !== 'refund_requested' || order.lifecycle !== 'refund_requested') {
      throw refundNotAllowed(refund, 'withdraw it')
    }
    await tx.query(`UPDATE refunds SET status = 'withdrawn', decided_at = $2 WHERE id = $1`, [refundId, now])
    await tx.query('UPDATE orders SET lifecycle = fulfilment WHERE id = $1', [orderId])
    await recordEvent(tx, orderId, 'WITHDRAW_REFUND', order.fulfilment, now)
  })
}

/**
 * The merchant accepts a request: `refund_requested` → `refunding` (the money is then moved by the
 * caller). Accepting a request that is already `refunding` answers it again (the caller asks the
 * platform again with the same refund number: it refunds once); `refunded` is answered as it is.
 */
export async function acceptRefund(
  db: Database,
  orderId: string,
  refundId: string,
  now: number,
): Promise<RefundRow> {
  return db.transaction(async (tx) => {
    const [order, refund] = await lockRefund(tx, orderId, refundId)
    if (refund.status === 'refunding' || refund.status === 'refunded') return refund
    if (refund.status !== 'refund_requested') throw refundNotAllowed(refund, 'accept it')
    await moveOrder(tx, order, 'ACCEPT_REFUND', now)
    const [accepted] = await tx.query<RefundRow>(
      `UPDATE refunds SET status = 'refunding', decided_at = $2 WHERE id = $1 RETURNING *`,
      [refundId, now],
    )
    return accepted!
  })
}

/** The merchant rejects a request (with a reason the user sees); rejecting it again changes nothing. */
export async function rejectRefund(
  db: Database,
  orderId: string,
  refundId: string,
  reason: string | undefined,
  now: number,
): Promise<void> {
  await db.transaction(async (tx) => {
    const [order, refund] = await lockRefund(tx, orderId, refundId)
    if (refund.status === 'refund_rejected') return
    if (refund.status !== 'refund_requested') throw refundNotAllowed(refund, 'reject it')
    await moveOrder(tx, order, 'REJECT_REFUND', now)
    await tx.query(
      `UPDATE refunds SET status = 'refund_rejected', decided_at = $2, reject_reason = $3 WHERE id = $1`,
      [refundId, now, reason ?? null],
    )
  })
}

/**
 * The merchant (or the server: a payment that arrived when the stock was gone) refunds all that is
 * left of a paid order on its own: `START_REFUND` → `refunding`, with a record whose id is `id`.
 * The order row must be locked by `tx`.
 */
export async function startFullRefund(
  tx: Queryable,
  order: OrderRow,
  refund: { readonly id: string; readonly by: 'merchant' | 'server'; readonly reason: string },
  now: number,
): Promise<OrderRow> {
  const left = await refundableOf(tx, order)
  const moved = await moveOrder(tx, order, 'START_REFUND', now)
  const lines = [...left.lines]
    .filter(([, amount]) => amount > 0)
    .map(([lineNo, amount]) => ({ lineNo, amount }))
  // What is left of the order beyond its lines (delivery) is refunded with the first line's share.
  const extra =
    Math.max(0, order.payable - order.refunded) - lines.reduce((sum, line) => sum + line.amount, 0)
  const amount = lines.reduce((sum, line) => sum + line.amount, 0)
  if (amount === 0 && extra === 0) throw notAllowed(order, 'START_REFUND')
  await insertRefund(
    tx,
    moved,
    {
      id: refund.id,
      input: { lines, amount: amount + Math.max(0, extra), currency: order.currency, reason: refund.reason },
      by: refund.by,
      status: 'refunding',
    },
    now,
  )
  return moved
}

/**
 * The money of a `refunding` record moved: the record becomes `refunded`, the lines and the order
 * count it, the order moves `REFUNDED`, a line refunded in full puts its units back on the shelf
 * (unless `returnStock` is false: the order held none), and an order refunded in full is
 * `refunded` for the checkout too. Idempotent and monotonic: any other record status changes
 * nothing. The caller holds no lock; this takes the order's, then the record's.
 */
export async function completeRefund(
  tx: Queryable,
  refundId: string,
  now: number,
  options: { readonly returnStock?: boolean } = {},
): Promise<'applied' | 'ignored'> {
  const [ref] = await tx.query<{ order_id: string }>('SELECT order_id FROM refunds WHERE id = $1', [refundId])
  if (!ref) return 'ignored'
  const [order, refund] = await lockRefund(tx, ref.order_id, refundId)
  if (refund.status !== 'refunding') return 'ignored'
  await tx.query(`UPDATE refunds SET status = 'refunded', refunded_at = $2 WHERE id = $1`, [refundId, now])
  const parts = await tx.query<{ line_no: number; amount: number }>(
    'SELECT line_no, amount FROM refund_lines WHERE refund_id = $1 ORDER BY line_no',
    [refundId],
  )
  for (const part of parts) {
    await tx.query('UPDATE order_lines SET refunded = refunded + $3 WHERE order_id = $1 AND line_no = $2', [
      order.id,
      part.line_no,
      part.amount,
    ])
  }
  const [counted] = await tx.query<OrderRow>(
    'UPDATE orders SET refunded = LEAST(payable, refunded + $2) WHERE id = $1 RETURNING *',
    [order.id, refund.amount],
  )
  let row = counted!
  if (row.lifecycle === 'refunding') row = await moveOrder(tx, row, 'REFUNDED', now)
  if (row.refunded >= row.payable && row.status === 'paid') {
    await tx.query(`UPDATE orders SET status = 'refunded', stock_held = false WHERE id = $1`, [order.id])
  }
  const full = await tx.query<{ sku_id: string; quantity: number; line_no: number }>(
    `SELECT sku_id, quantity, line_no FROM order_lines
     WHERE order_id = $1 AND line_no = ANY($2::int[]) AND refunded >= payable AND NOT stock_returned
     ORDER BY sku_id, line_no`,
    [order.id, parts.map((part) => part.line_no)],
  )
  for (const line of full) {
    await tx.query('UPDATE order_lines SET stock_returned = true WHERE order_id = $1 AND line_no = $2', [
      order.id,
      line.line_no,
    ])
    if (options.returnStock !== false) {
      await tx.query('UPDATE skus SET stock = stock + $2 WHERE id = $1 AND stock IS NOT NULL', [
        line.sku_id,
        line.quantity,
      ])
    }
  }
  return 'applied'
}

/** The refund record of a refund number, if this server made it. */
export async function findRefund(db: Queryable, refundId: string): Promise<RefundRow | undefined> {
  const [row] = await db.query<RefundRow>('SELECT * FROM refunds WHERE id = $1', [refundId])
  return row
}
