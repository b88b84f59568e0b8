import type { Database } from '../db/database.ts'
import { ApiError } from '../http/ApiError.ts'
import { applyPaymentNotification } from '../orders/orderLifecycle.ts'
import { findOrder, type OrderRow } from '../orders/orderRecords.ts'
import { completeRefund, findRefund, type RefundRow } from '../orders/refunds.ts'
import type { PlatformChannel, PlatformEvent } from './platformChannels.ts'

/**
 * The payment of an order on its platform: made once, stored, and answered again for every replay
 * of the order's idempotency key (the platform is asked again only when the first try failed).
 */
export async function paymentFor(
  db: Database,
  channel: PlatformChannel,
  order: OrderRow,
  userId: string,
  now: number,
): Promise<unknown> {
  const [stored] = await db.query<{ payment: unknown }>(
    'SELECT payment FROM platform_payments WHERE order_id = $1',
    [order.id],
  )
  if (stored) return stored.payment
  if (order.status !== 'pending') {
    throw new ApiError(409, 'ORDER_REJECTED', `The order is ${order.status}`, {
      reason: 'not_pending',
      status: order.status,
    })
  }
  const lines = await db.query<{
    skuId: string
    title: string
    quantity: number
    unitPrice: number
    image: string | null
  }>(
    `SELECT l.sku_id AS "skuId", s.title, l.quantity, l.unit_price::int AS "unitPrice", s.image
     FROM order_lines l JOIN skus s ON s.id = l.sku_id WHERE l.order_id = $1 ORDER BY l.line_no`,
    [order.id],
  )
  let payment: unknown
  try {
    payment = await channel.createPayment({ order, lines, userId })
  } catch (error) {
    // The order stays pending with its stock held: the same Idempotency-Key asks the platform again.
    throw new ApiError(
      502,
      'NETWORK',
      `The ${channel.id} cashier could not make the payment; retry with the same Idempotency-Key`,
      {
        reason: 'platform_unavailable',
        retryable: true,
        cause: error instanceof Error ? error.message : String(error),
      },
    )
  }
  await db.query(
    `INSERT INTO platform_payments (order_id, channel, payment, created_at) VALUES ($1, $2, $3::jsonb, $4)
     ON CONFLICT (order_id) DO NOTHING`,
    [order.id, channel.id, JSON.stringify(payment), now],
  )
  const [kept] = await db.query<{ payment: unknown }>(
    'SELECT payment FROM platform_payments WHERE order_id = $1',
    [order.id],
  )
  return kept?.payment ?? payment
}

/**
 * Applies what a verified callback or a status query said. A payment for an order of another
 * channel or of another amount changes nothing (and is reported); a refund applies to a paid order only.
 */
export async function applyPlatformEvent(
  db: Database,
  channel: PlatformChannel,
  event: PlatformEvent,
  now: number,
  report: (error: unknown) => void,
): Promise<void> {
  if (event.kind === 'other') return
  if (event.kind === 'refund') {
    // A refund callback names the refund number this server gave: its record names the order.
    const refund = event.refundNo ? await findRefund(db, event.refundNo) : undefined
    const order = refund && (await findOrder(db, refund.order_id))
    if (!refund || !order || order.channel !== channel.id) {
      report(
        new Error(`${channel.id}: a refund ${event.refundNo ?? '?'} that is not a refund of this channel`),
      )
      return
    }
    // Idempotent and never downgrading: only a refunding record becomes refunded; a failure is
    // left refunding for the merchant to ask again (the same refund number refunds once).
    if (event.succeeded) await db.transaction((tx) => completeRefund(tx, refund.id, now))
    else report(new Error(`${channel.id}: refund ${refund.id} of ${order.id} failed on the platform`))
    return
  }
  const order = await findOrder(db, event.orderId)
  if (!order || order.channel !== channel.id) {
    report(
      new Error(`${channel.id}: a ${event.kind} for ${event.orderId}, which is not an order of this channel`),
    )
    return
  }
  if (
    event.outcome === 'paid' &&
    event.amount &&
    (event.amount.amount !== Number(order.payable) || event.amount.currency !== order.currency)
  ) {
    report(
      new Error(`${channel.id}: ${order.id} was paid ${event.amount.amount} instead of ${order.payable}`),
    )
    return
  }
  await applyPaymentNotification(db, { orderId: order.id, outcome: event.outcome }, now)
}

/** Asks the platform about a pending order (a callback may have been lost) and applies the answer. */
export async function refreshFromPlatform(
  db: Database,
  channel: PlatformChannel,
  order: OrderRow,
  now: number,
  report: (error: unknown) => void,
): Promise<void> {
  let said: 'paid' | 'failed' | 'pending'
  try {
    said = await channel.query(order)
  } catch {
    // No answer is no news: the local status stands, and the next read asks again.
    return
  }
  if (said === 'pending') return
  await applyPlatformEvent(db, channel, { kind: 'payment', orderId: order.id, outcome: said }, now, report)
}

/**
 * Moves the money of a `refunding` record through the order's platform (the record's id is the
 * refund number, so asking again refunds once); once the platform accepted it, the record is
 * `refunded`. When the platform fails, the record stays `refunding` and the answer is a 502.
 */
export async function refundThroughPlatform(
  db: Database,
  channel: PlatformChannel,
  order: OrderRow,
  refund: RefundRow,
  now: number,
): Promise<void> {
  try {
    await channel.refund(order, refund.id, { amount: refund.amount, currency: refund.currency })
  } catch (error) {
    throw new ApiError(502, 'NETWORK', `The ${channel.id} refund failed; asking again refunds once`, {
      reason: 'platform_unavailable',
      retryable: true,
      cause: error instanceof Error ? error.message : String(error),
    })
  }
  await db.transaction((tx) => completeRefund(tx, refund.id, now))
}
