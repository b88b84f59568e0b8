import { COUPONS, type SeedCoupon } from '../catalogue/seedCatalogue.ts'
import type { Queryable } from '../db/database.ts'
import { ApiError } from '../http/ApiError.ts'
import { isGuest } from '../identity/identity.ts'
import { type CouponCode, couponOf, isCouponCode, type Money } from '../pricing/priceOrder.ts'

/** The tabs of a coupon wallet (TradeKit's `WalletStatus`). */
export const WALLET_STATUSES = ['available', 'used', 'expired'] as const
export type WalletStatus = (typeof WALLET_STATUSES)[number]

/** A coupon in the shape of TradeKit's `Coupon` (what `CouponPicker` and `CouponTicket` show). */
export interface CouponView {
  readonly id: string
  readonly title: string
  readonly kind: 'threshold' | 'amount'
  readonly threshold?: Money
  readonly amountOff: Money
  readonly skuIds?: readonly string[]
  readonly startsAt?: number
  readonly expiresAt?: number
}

/** A coupon the user holds, in the shape of TradeKit's `WalletCoupon`. */
export interface WalletCouponView {
  readonly coupon: CouponView
  readonly status: WalletStatus
  readonly claimedAt?: number
  readonly usedAt?: number
  /** Why a held coupon cannot be used now: `not_started` (available), `expired` (expired). */
  readonly reason?: 'not_started' | 'expired'
}

/** A coupon to claim and whether this user holds it already. */
export interface CouponOffer {
  readonly coupon: CouponView
  readonly claimed: boolean
}

interface ClaimRow {
  coupon_id: string
  idempotency_key: string
  claimed_at: number | string
  used_order_id: string | null
  used_at: number | string | null
  /** The status of the order that used it (joined). */
  used_status: string | null
}

const CURRENCY = 'CNY'
const money = (amount: number): Money => ({ amount, currency: CURRENCY })
/** A claim used by an order that was closed or failed unpaid is free to use again. */
const RELEASED = ['closed', 'failed']

/** The coupon as TradeKit's `Coupon`. */
export function couponView(code: CouponCode): CouponView {
  const coupon: SeedCoupon = couponOf(code)
  return {
    id: coupon.code,
    title: coupon.title,
    kind: coupon.kind,
    ...(coupon.threshold !== undefined ? { threshold: money(coupon.threshold) } : {}),
    amountOff: money(coupon.amountOff),
    ...(coupon.skuIds !== undefined ? { skuIds: coupon.skuIds } : {}),
    ...(coupon.startsAt !== undefined ? { startsAt: coupon.startsAt } : {}),
    ...(coupon.expiresAt !== undefined ? { expiresAt: coupon.expiresAt } : {}),
  }
}

const codes = () => Object.keys(COUPONS).filter(isCouponCode)

async function claimsOf(db: Queryable, userId: string): Promise<ClaimRow[]> {
  return db.query<ClaimRow>(
    `SELECT c.coupon_id, c.idempotency_key, c.claimed_at, c.used_order_id, c.used_at, o.status AS used_status
     FROM coupon_claims c LEFT JOIN orders o ON o.id = c.used_order_id
     WHERE c.user_id = $1 ORDER BY c.claimed_at DESC, c.coupon_id`,
    [userId],
  )
}

/** Where a held coupon belongs at `now`, and why it cannot be used when it cannot. */
function placeOf(
  coupon: SeedCoupon,
  used: boolean,
  now: number,
): Pick<WalletCouponView, 'status' | 'reason'> {
  if (used) return { status: 'used' }
  if (coupon.expiresAt !== undefined && now >= coupon.expiresAt)
    return { status: 'expired', reason: 'expired' }
  if (coupon.startsAt !== undefined && now < coupon.startsAt)
    return { status: 'available', reason: 'not_started' }
  return { status: 'available' }
}

function claimView(row: ClaimRow, now: number): WalletCouponView | undefined {
  if (!isCouponCode(row.coupon_id)) return undefined
  const used = row.used_order_id !== null && !RELEASED.includes(row.used_status ?? '')
  return {
    coupon: couponView(row.coupon_id),
    ...placeOf(couponOf(row.coupon_id), used, now),
    claimedAt: Number(row.claimed_at),
    ...(used && row.used_at !== null ? { usedAt: Number(row.used_at) } : {}),
  }
}

/**
 * The user's coupons of one tab: those everyone holds (满 100 减 20 can be used again and again) and
 * those the user claimed — used once an order took it (free again when that order closed unpaid),
 * expired past their validity, available otherwise (with `not_started` before it begins).
 */
export async function listWallet(
  db: Queryable,
  userId: string,
  status: WalletStatus,
  now: number,
): Promise<WalletCouponView[]> {
  const everyone = codes()
    .filter((code) => couponOf(code).holding === 'everyone')
    .map((code) => ({ coupon: couponView(code), ...placeOf(couponOf(code), false, now) }))
  const claimed = isGuest(userId)
    ? []
    : (await claimsOf(db, userId)).flatMap((row) => claimView(row, now) ?? [])
  return [...claimed, ...everyone].filter((entry) => entry.status === status)
}

/** The coupons to claim (one per user), each with whether this user holds it. */
export async function listOffers(db: Queryable, userId: string, now: number): Promise<CouponOffer[]> {
  const held = new Set(isGuest(userId) ? [] : (await claimsOf(db, userId)).map((row) => row.coupon_id))
  return codes()
    .filter((code) => {
      const coupon = couponOf(code)
      return coupon.holding === 'claim' && (coupon.expiresAt === undefined || now < coupon.expiresAt)
    })
    .map((code) => ({ coupon: couponView(code), claimed: held.has(code) }))
}

/** A coupon code from a path, or 404. */
export function readCouponCode(value: string): CouponCode {
  if (!isCouponCode(value)) {
    throw new ApiError(404, 'INVALID_ARGUMENT', `No coupon ${value}`, {
      reason: 'not_found',
      field: 'couponId',
    })
  }
  return value
}

async function claimByKey(db: Queryable, userId: string, key: string): Promise<ClaimRow | undefined> {
  const [row] = await db.query<ClaimRow>(
    `SELECT c.coupon_id, c.idempotency_key, c.claimed_at, c.used_order_id, c.used_at, o.status AS used_status
     FROM coupon_claims c LEFT JOIN orders o ON o.id = c.used_order_id
     WHERE c.user_id = $1 AND c.idempotency_key = $2`,
    [userId, key],
  )
  return row
}

function replayClaim(
  row: ClaimRow,
  code: CouponCode,
  now: number,
): { coupon: WalletCouponView; replayed: true } {
  if (row.coupon_id !== code) {
    throw new ApiError(409, 'INVALID_ARGUMENT', 'This Idempotency-Key was used to claim another coupon', {
      reason: 'idempotency_key_reused',
      field: 'Idempotency-Key',
    })
  }
  return { coupon: claimView(row, now)!, replayed: true }
}

/**
 * Claims a coupon for the user, once: the same Idempotency-Key answers the same held coupon again
 * (`replayed`); another claim of a coupon the user holds is refused (`already_claimed`, 409), as are
 * a coupon everyone holds (`not_claimable`), an expired one (`coupon_expired`) and a guest
 * (`login_required`). The (user, coupon) and (user, key) keys decide concurrent claims.
 */
export async function claimCoupon(
  db: Queryable,
  request: { readonly userId: string; readonly code: CouponCode; readonly key: string },
  now: number,
): Promise<{ coupon: WalletCouponView; replayed: boolean }> {
  const { userId, code, key } = request
  if (isGuest(userId)) {
    throw new ApiError(422, 'ORDER_REJECTED', 'Claiming a coupon needs a signed-in user', {
      reason: 'login_required',
    })
  }
  const earlier = await claimByKey(db, userId, key)
  if (earlier) return replayClaim(earlier, code, now)
  const coupon = couponOf(code)
  if (coupon.holding !== 'claim') {
    throw new ApiError(409, 'ORDER_REJECTED', `Every user holds ${code}: there is nothing to claim`, {
      reason: 'not_claimable',
      couponId: code,
    })
  }
  if (coupon.expiresAt !== undefined && now >= coupon.expiresAt) {
    throw new ApiError(409, 'ORDER_REJECTED', `Coupon ${code} has expired`, {
      reason: 'coupon_expired',
      couponId: code,
    })
  }
  const inserted = await db.query<ClaimRow>(
    `INSERT INTO coupon_claims (user_id, coupon_id, idempotency_key, claimed_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT DO NOTHING
     RETURNING coupon_id, idempotency_key, claimed_at, used_order_id, used_at, NULL AS used_status`,
    [userId, code, key, now],
  )
  const [row] = inserted
  if (row) return { coupon: claimView(row, now)!, replayed: false }
  // a twin with the same key won the race: its answer; otherwise the user holds it already
  const twin = await claimByKey(db, userId, key)
  if (twin) return replayClaim(twin, code, now)
  throw new ApiError(409, 'ORDER_REJECTED', `Coupon ${code} is one per user, and this user has claimed it`, {
    reason: 'already_claimed',
    couponId: code,
  })
}

/** A coupon to claim must be held and not used by another order before an order can name it. */
export async function checkCouponHeld(db: Queryable, userId: string, code: CouponCode): Promise<void> {
  if (couponOf(code).holding !== 'claim') return
  const held = isGuest(userId)
    ? undefined
    : (await claimsOf(db, userId)).find((row) => row.coupon_id === code)
  const free =
    held !== undefined && (held.used_order_id === null || RELEASED.includes(held.used_status ?? ''))
  if (!free) {
    throw new ApiError(422, 'ORDER_REJECTED', `Coupon ${code} is not held by this user, or already used`, {
      reason: held ? 'coupon_used' : 'coupon_not_held',
      coupon: code,
    })
  }
}

/** Marks the user's claimed coupon as used by an order (inside the order's transaction). */
export async function useClaimedCoupon(
  db: Queryable,
  request: { readonly userId: string; readonly code: CouponCode; readonly orderId: string },
  now: number,
): Promise<void> {
  if (couponOf(request.code).holding !== 'claim') return
  const updated = await db.query(
    `UPDATE coupon_claims c SET used_order_id = $3, used_at = $4
     WHERE c.user_id = $1 AND c.coupon_id = $2 AND (c.used_order_id IS NULL OR EXISTS (
       SELECT 1 FROM orders o WHERE o.id = c.used_order_id AND o.status = ANY($5::text[])))
     RETURNING c.coupon_id`,
    [request.userId, request.code, request.orderId, now, RELEASED],
  )
  if (updated.length === 0) {
    throw new ApiError(422, 'ORDER_REJECTED', `Coupon ${request.code} is already used`, {
      reason: 'coupon_used',
      coupon: request.code,
    })
  }
}
