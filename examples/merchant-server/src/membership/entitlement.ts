import { findPlan, type Plan } from '../catalogue/catalogue.ts'
import type { Queryable } from '../db/database.ts'
import type { Money } from '../pricing/priceOrder.ts'

/** TradeKit's `Entitlement`: what the user's membership unlocks right now. */
export interface Entitlement {
  readonly active: boolean
  readonly planId?: string
  /** Epoch milliseconds. */
  readonly expiresAt?: number
  readonly renewal?: { readonly nextChargeAt: number; readonly amount: Money; readonly manageRoute: string }
}

/** Where the example app lets a member manage auto-renewal. */
export const MANAGE_ROUTE = '/pages/membership/manage'

/** The user's entitlement as of `now`. */
export async function readEntitlement(db: Queryable, userId: string, now: number): Promise<Entitlement> {
  const [row] = await db.query<{ plan_id: string; expires_at: number }>(
    'SELECT plan_id, expires_at FROM entitlements WHERE user_id = $1',
    [userId],
  )
  if (!row) return { active: false }
  const active = row.expires_at > now
  const plan = active ? await findPlan(db, row.plan_id) : undefined
  return {
    active,
    planId: row.plan_id,
    expiresAt: row.expires_at,
    ...(plan?.autoRenew
      ? { renewal: { nextChargeAt: row.expires_at, amount: plan.price, manageRoute: MANAGE_ROUTE } }
      : {}),
  }
}

/** True when the user is a member at `now` (member prices apply). */
export async function isMember(db: Queryable, userId: string, now: number): Promise<boolean> {
  const rows = await db.query('SELECT 1 FROM entitlements WHERE user_id = $1 AND expires_at > $2', [
    userId,
    now,
  ])
  return rows.length > 0
}

/** `at` plus `count` periods, in UTC; a month from 31 January is the last day of February. */
export function addPeriod(at: number, unit: Plan['period']['unit'], count: number): number {
  const date = new Date(at)
  if (unit === 'day') return at + count * 86_400_000
  if (unit === 'week') return at + count * 7 * 86_400_000
  const months = unit === 'year' ? count * 12 : count
  const day = date.getUTCDate()
  date.setUTCDate(1)
  date.setUTCMonth(date.getUTCMonth() + months)
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate()
  date.setUTCDate(Math.min(day, lastDay))
  return date.getTime()
}

/**
 * Grants the membership lines of a paid order: each extends the user's entitlement from its end
 * (or from now when it lapsed) by the plan's period × quantity. Runs inside the transaction that
 * marked the order paid, which happens once per order; the grants' primary key makes a second
 * grant of one order line impossible.
 */
export async function grantMembership(
  tx: Queryable,
  grant: {
    readonly orderId: string
    readonly userId: string
    readonly lines: readonly { readonly lineNo: number; readonly planId: string; readonly quantity: number }[]
    readonly now: number
  },
): Promise<void> {
  // One user's grants run one at a time, also when that user has no entitlement row to lock yet.
  await tx.query('SELECT pg_advisory_xact_lock(8787002, hashtext($1))', [grant.userId])
  for (const line of grant.lines) {
    const plan = await findPlan(tx, line.planId)
    if (!plan) throw new Error(`Plan ${line.planId} is missing`)
    const [current] = await tx.query<{ expires_at: number }>(
      'SELECT expires_at FROM entitlements WHERE user_id = $1',
      [grant.userId],
    )
    const from = Math.max(current?.expires_at ?? 0, grant.now)
    const until = addPeriod(from, plan.period.unit, plan.period.count * line.quantity)
    await tx.query(
      `INSERT INTO entitlement_grants (order_id, line_no, user_id, plan_id, granted_from, granted_until)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [grant.orderId, line.lineNo, grant.userId, plan.id, from, until],
    )
    await tx.query(
      `INSERT INTO entitlements (user_id, plan_id, expires_at, updated_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (user_id) DO UPDATE SET plan_id = $2, expires_at = $3, updated_at = $4`,
      [grant.userId, plan.id, until, grant.now],
    )
  }
}
