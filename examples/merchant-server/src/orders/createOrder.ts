import { createHash, randomUUID } from 'node:crypto'
import { loadSkus, type Sku } from '../catalogue/catalogue.ts'
import { checkCouponHeld, useClaimedCoupon } from '../coupons/couponWallet.ts'
import type { Database, Queryable } from '../db/database.ts'
import { ApiError } from '../http/ApiError.ts'
import { isGuest } from '../identity/identity.ts'
import { isMember } from '../membership/entitlement.ts'
import { isCouponCode, priceOrder, type Quote } from '../pricing/priceOrder.ts'
import { type CreatedOrder, findOrderByKey, type OrderRow, toCreatedOrder } from './orderRecords.ts'
import type { OrderKind } from './orderStatusTable.ts'
import type { OrderInput } from './parseOrderRequest.ts'

/** The channel every server has: the sandbox cashier. Real cashiers are added by configuration. */
export const CHANNELS = ['sandbox'] as const

/** Who orders, with which key, and when. */
export interface OrderContext {
  readonly userId: string
  readonly now: number
  /** The channels an order may name. @default ['sandbox'] */
  readonly channels?: readonly string[]
}

/**
 * What an order sells, which decides its fulfilment: a parcel when any line is physical (it is
 * shipped), else a service when any line is one, else virtual (both get a verification code).
 */
export function orderKindOf(kinds: readonly OrderKind[]): OrderKind {
  if (kinds.includes('physical')) return 'physical'
  return kinds.includes('service') ? 'service' : 'virtual'
}

/** Thrown inside the transaction when the key turns out to be taken: roll back, answer the stored order. */
class KeyTaken extends Error {}

/** A stable fingerprint of a request: same key + same fingerprint = the same order back. */
export function requestHash(input: OrderInput): string {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical)
    if (typeof value === 'object' && value !== null) {
      return Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])])
    }
    return value
  }
  return createHash('sha256')
    .update(JSON.stringify(canonical(input)))
    .digest('hex')
}

/** Checks that need no database: channel, coupon, contact for services is checked with the skus. */
function checkRequestShape(input: OrderInput, channels: readonly string[] = CHANNELS): void {
  if (!channels.includes(input.channel)) {
    throw new ApiError(422, 'PAYMENT_UNAVAILABLE', `Channel ${input.channel} is not available here`, {
      channel: input.channel,
      channels,
    })
  }
  if (input.coupon !== undefined && !isCouponCode(input.coupon)) {
    throw new ApiError(422, 'ORDER_REJECTED', `Unknown coupon ${input.coupon}`, {
      reason: 'unknown_coupon',
      coupon: input.coupon,
    })
  }
}

/**
 * Prices a request against the current catalogue, checking everything that would stop an order:
 * unknown or off-shelf skus, per-order limits, stock, a service without a contact phone, a parcel
 * without a shipping address, a membership bought without a user, a coupon to claim that the user
 * does not hold (or used). Pass a transaction that locked the skus to make it binding.
 */
export async function quoteOrder(
  db: Queryable,
  input: OrderInput,
  context: OrderContext,
  skus: ReadonlyMap<string, Sku>,
): Promise<Quote> {
  checkRequestShape(input, context.channels)
  const unknown = [...new Set(input.lines.map((l) => l.skuId).filter((id) => !skus.has(id)))]
  if (unknown.length > 0) {
    throw new ApiError(422, 'ORDER_REJECTED', `Unknown sku: ${unknown.join(', ')}`, {
      reason: 'unknown_sku',
      skuIds: unknown,
    })
  }
  const bySku = new Map<string, { sku: Sku; quantity: number }>()
  for (const line of input.lines) {
    const sku = skus.get(line.skuId)!
    const entry = bySku.get(sku.id) ?? { sku, quantity: 0 }
    entry.quantity += line.quantity
    bySku.set(sku.id, entry)
  }
  const entries = [...bySku.values()]
  const offShelf = entries.filter((e) => e.sku.status !== 'on_sale').map((e) => e.sku.id)
  if (offShelf.length > 0) {
    throw new ApiError(422, 'ORDER_REJECTED', `Not on sale: ${offShelf.join(', ')}`, {
      reason: 'off_shelf',
      skuIds: offShelf,
    })
  }
  const overLimit = entries.filter((e) => e.quantity > e.sku.maxPerOrder)
  if (overLimit.length > 0) {
    throw new ApiError(422, 'INVALID_QUANTITY', 'More units than one order may have', {
      reason: 'over_limit',
      skuIds: overLimit.map((e) => e.sku.id),
      limits: Object.fromEntries(overLimit.map((e) => [e.sku.id, e.sku.maxPerOrder])),
    })
  }
  if (entries.some((e) => e.sku.requiresContact) && !input.contact?.phone) {
    throw new ApiError(400, 'INVALID_ARGUMENT', 'A service needs contact.phone', {
      field: 'contact.phone',
      reason: 'contact_required',
      skuIds: entries.filter((e) => e.sku.requiresContact).map((e) => e.sku.id),
    })
  }
  if (entries.some((e) => e.sku.isPlan) && isGuest(context.userId)) {
    throw new ApiError(422, 'ORDER_REJECTED', 'A membership needs a signed-in user, not a guest session', {
      reason: 'login_required',
    })
  }
  const short = entries.filter((e) => e.sku.stock !== null && e.sku.stock < e.quantity)
  if (short.length > 0) {
    throw new ApiError(409, 'OUT_OF_STOCK', `Not enough stock: ${short.map((e) => e.sku.id).join(', ')}`, {
      skuIds: short.map((e) => e.sku.id),
      available: Object.fromEntries(short.map((e) => [e.sku.id, e.sku.stock])),
    })
  }
  // A parcel is shipped: no order (and no delivery price) without where to.
  const parcels = entries.filter((e) => e.sku.kind === 'physical')
  if (parcels.length > 0 && !input.address) {
    throw new ApiError(400, 'INVALID_ARGUMENT', 'An order with a parcel needs a shipping address', {
      field: 'address',
      reason: 'address_required',
      fields: { address: 'required' },
      skuIds: parcels.map((e) => e.sku.id),
    })
  }
  if (input.coupon !== undefined && isCouponCode(input.coupon)) {
    await checkCouponHeld(db, context.userId, input.coupon)
  }
  const member = !isGuest(context.userId) && (await isMember(db, context.userId, context.now))
  return priceOrder(input.lines, skus, {
    member,
    now: context.now,
    ...(input.coupon !== undefined && isCouponCode(input.coupon) ? { coupon: input.coupon } : {}),
    ...(input.address ? { province: input.address.region.province } : {}),
  })
}

function replay(row: OrderRow, hash: string): { order: CreatedOrder; replayed: true } {
  if (row.request_hash !== hash) {
    throw new ApiError(409, 'INVALID_ARGUMENT', 'This Idempotency-Key was used for a different request', {
      reason: 'idempotency_key_reused',
      field: 'Idempotency-Key',
    })
  }
  return { order: toCreatedOrder(row), replayed: true }
}

/**
 * Creates an order, or answers the order this key already made. The whole check-price-reserve-
 * insert runs in one transaction with the skus locked; the key is claimed by the UNIQUE
 * (user_id, idempotency_key) constraint, so concurrent duplicates make exactly one order.
 */
export async function createOrder(
  db: Database,
  request: { readonly input: OrderInput; readonly idempotencyKey: string; readonly ttlMs: number },
  context: OrderContext,
): Promise<{ order: CreatedOrder; replayed: boolean }> {
  const { input, idempotencyKey } = request
  const hash = requestHash(input)
  const existing = await findOrderByKey(db, context.userId, idempotencyKey)
  if (existing) return replay(existing, hash)
  checkRequestShape(input, context.channels)

  try {
    return await db.transaction(async (tx) => {
      const skus = await loadSkus(
        tx,
        input.lines.map((l) => l.skuId),
        { lock: true },
      )
      // A duplicate that waited for the skus' lock sees the order its twin just committed.
      if (await findOrderByKey(tx, context.userId, idempotencyKey)) throw new KeyTaken()

      const quote = await quoteOrder(tx, input, context, skus)
      const expected = input.expectedPayable!
      if (expected.amount !== quote.payable.amount || expected.currency !== quote.payable.currency) {
        throw new ApiError(409, 'PRICE_CHANGED', 'The payable amount changed since it was shown', {
          quote,
          expectedPayable: expected,
        })
      }

      const orderId = `ord_${randomUUID().replaceAll('-', '')}`
      const inserted = await tx.query<OrderRow>(
        `INSERT INTO orders (id, user_id, idempotency_key, request_hash, status, channel, currency, payable,
           quote, request, stock_held, created_at, expires_at, kind, lifecycle, fulfilment)
         VALUES ($1, $2, $3, $4, 'pending', $5, $6, $7, $8::jsonb, $9::jsonb, true, $10, $11, $12,
           'pending_payment', 'pending_payment')
         ON CONFLICT (user_id, idempotency_key) DO NOTHING
         RETURNING *`,
        [
          orderId,
          context.userId,
          idempotencyKey,
          hash,
          input.channel,
          quote.payable.currency,
          quote.payable.amount,
          JSON.stringify(quote),
          JSON.stringify(input),
          context.now,
          context.now + request.ttlMs,
          orderKindOf(input.lines.map((line) => skus.get(line.skuId)!.kind)),
        ],
      )
      const [row] = inserted
      if (!row) throw new KeyTaken()
      await tx.query(
        `INSERT INTO order_events (order_id, event, status, at) VALUES ($1, 'CREATE', 'pending_payment', $2)`,
        [orderId, context.now],
      )

      if (input.coupon !== undefined && isCouponCode(input.coupon) && quote.coupon?.applied) {
        await useClaimedCoupon(tx, { userId: context.userId, code: input.coupon, orderId }, context.now)
      }

      const reserved = new Map<string, number>()
      for (const line of input.lines)
        reserved.set(line.skuId, (reserved.get(line.skuId) ?? 0) + line.quantity)
      for (const [skuId, quantity] of [...reserved].sort(([a], [b]) => (a < b ? -1 : 1))) {
        await tx.query('UPDATE skus SET stock = stock - $2 WHERE id = $1 AND stock IS NOT NULL', [
          skuId,
          quantity,
        ])
      }
      for (const [index, line] of quote.lines.entries()) {
        await tx.query(
          `INSERT INTO order_lines (order_id, line_no, sku_id, quantity, unit_price, line_total, discount,
             payable, options)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb)`,
          [
            orderId,
            index,
            line.skuId,
            line.quantity,
            line.unitPrice.amount,
            line.lineTotal.amount,
            line.discount.amount,
            line.payable.amount,
            input.lines[index]?.options ? JSON.stringify(input.lines[index]?.options) : null,
          ],
        )
      }
      return { order: toCreatedOrder(row), replayed: false }
    })
  } catch (error) {
    if (!(error instanceof KeyTaken)) throw error
    const stored = await findOrderByKey(db, context.userId, idempotencyKey)
    if (!stored) throw new Error('Idempotency key taken but its order is missing')
    return replay(stored, hash)
  }
}
