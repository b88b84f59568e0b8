import { CATALOGUE, PLANS } from '../catalogue/seedCatalogue.ts'
import { LIFECYCLE_STATUSES } from '../orders/orderStatusTable.ts'
import type { Database } from './database.ts'

const LIFECYCLE = LIFECYCLE_STATUSES.map((status) => `'${status}'`).join(', ')

/** Bumped when the tables change; a database of another version is refused, never half-migrated. */
export const SCHEMA_VERSION = 1

// Money columns hold integer minor units (fen); times are epoch milliseconds.
const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS schema_meta (
    id integer PRIMARY KEY CHECK (id = 1),
    version integer NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS skus (
    id text PRIMARY KEY,
    title text NOT NULL,
    kind text NOT NULL CHECK (kind IN ('physical', 'service', 'virtual')),
    currency text NOT NULL,
    price integer NOT NULL CHECK (price >= 0),
    original_price integer CHECK (original_price >= 0),
    member_price integer CHECK (member_price >= 0),
    stock integer CHECK (stock >= 0),
    max_per_order integer NOT NULL CHECK (max_per_order > 0),
    status text NOT NULL CHECK (status IN ('on_sale', 'off_shelf')),
    requires_contact boolean NOT NULL DEFAULT false,
    attributes jsonb NOT NULL DEFAULT '[]',
    image text,
    position integer NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS plans (
    id text PRIMARY KEY REFERENCES skus (id),
    period_unit text CHECK (period_unit IN ('day', 'week', 'month', 'year')),
    period_count integer CHECK (period_count > 0),
    auto_renew boolean NOT NULL DEFAULT false,
    trial_days integer,
    benefits jsonb NOT NULL DEFAULT '[]'
  )`,
  `CREATE TABLE IF NOT EXISTS orders (
    id text PRIMARY KEY,
    user_id text NOT NULL,
    idempotency_key text NOT NULL,
    request_hash text NOT NULL,
    status text NOT NULL CHECK (status IN ('pending', 'paid', 'closed', 'failed', 'refunded')),
    channel text NOT NULL,
    currency text NOT NULL,
    payable bigint NOT NULL CHECK (payable >= 0),
    quote jsonb NOT NULL,
    request jsonb NOT NULL,
    stock_held boolean NOT NULL,
    created_at bigint NOT NULL,
    expires_at bigint NOT NULL,
    paid_at bigint,
    closed_at bigint,
    close_reason text,
    UNIQUE (user_id, idempotency_key)
  )`,
  `CREATE INDEX IF NOT EXISTS orders_pending_expiry ON orders (expires_at) WHERE status = 'pending'`,
  `CREATE TABLE IF NOT EXISTS order_lines (
    order_id text NOT NULL REFERENCES orders (id),
    line_no integer NOT NULL,
    sku_id text NOT NULL REFERENCES skus (id),
    quantity integer NOT NULL CHECK (quantity > 0),
    unit_price bigint NOT NULL,
    line_total bigint NOT NULL,
    discount bigint NOT NULL,
    payable bigint NOT NULL,
    options jsonb,
    PRIMARY KEY (order_id, line_no)
  )`,
  `CREATE TABLE IF NOT EXISTS payment_events (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id text NOT NULL REFERENCES orders (id),
    outcome text NOT NULL CHECK (outcome IN ('paid', 'failed')),
    effect text NOT NULL CHECK (effect IN ('applied', 'ignored', 'refunded')),
    status_before text NOT NULL,
    status_after text NOT NULL,
    received_at bigint NOT NULL
  )`,
  // Added without a version change: new tables only, which an older database simply gains.
  `CREATE TABLE IF NOT EXISTS platform_payments (
    order_id text PRIMARY KEY REFERENCES orders (id),
    channel text NOT NULL,
    payment jsonb NOT NULL,
    created_at bigint NOT NULL,
    refund_no text,
    refunded_at bigint
  )`,
  `CREATE TABLE IF NOT EXISTS seen_nonces (
    key text PRIMARY KEY,
    expires_at bigint NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS entitlements (
    user_id text PRIMARY KEY,
    plan_id text NOT NULL REFERENCES plans (id),
    expires_at bigint NOT NULL,
    updated_at bigint NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS entitlement_grants (
    order_id text NOT NULL REFERENCES orders (id),
    line_no integer NOT NULL,
    user_id text NOT NULL,
    plan_id text NOT NULL REFERENCES plans (id),
    granted_from bigint NOT NULL,
    granted_until bigint NOT NULL,
    PRIMARY KEY (order_id, line_no)
  )`,
  // The order centre (added without a version change: new columns with defaults and new tables,
  // which an older database gains; its orders are given their kind and status below).
  `ALTER TABLE orders ADD COLUMN IF NOT EXISTS seq bigint GENERATED ALWAYS AS IDENTITY`,
  `ALTER TABLE orders ADD COLUMN IF NOT EXISTS kind text CHECK (kind IN ('physical', 'service', 'virtual'))`,
  `ALTER TABLE orders ADD COLUMN IF NOT EXISTS lifecycle text CHECK (lifecycle IN (${LIFECYCLE}))`,
  `ALTER TABLE orders ADD COLUMN IF NOT EXISTS fulfilment text CHECK (fulfilment IN (${LIFECYCLE}))`,
  `ALTER TABLE orders ADD COLUMN IF NOT EXISTS verification_code text`,
  `ALTER TABLE orders ADD COLUMN IF NOT EXISTS refunded bigint NOT NULL DEFAULT 0 CHECK (refunded >= 0)`,
  `ALTER TABLE orders ADD COLUMN IF NOT EXISTS shipment jsonb`,
  `ALTER TABLE order_lines ADD COLUMN IF NOT EXISTS refunded bigint NOT NULL DEFAULT 0 CHECK (refunded >= 0)`,
  `ALTER TABLE order_lines ADD COLUMN IF NOT EXISTS stock_returned boolean NOT NULL DEFAULT false`,
  `UPDATE orders o SET kind = COALESCE((
     SELECT CASE WHEN bool_or(s.kind = 'physical') THEN 'physical'
                 WHEN bool_or(s.kind = 'service') THEN 'service' ELSE 'virtual' END
     FROM order_lines l JOIN skus s ON s.id = l.sku_id WHERE l.order_id = o.id), 'physical')
   WHERE kind IS NULL`,
  `UPDATE orders SET lifecycle = CASE status WHEN 'pending' THEN 'pending_payment' WHEN 'paid' THEN 'paid'
     WHEN 'refunded' THEN 'refunded' ELSE CASE close_reason WHEN 'cancelled' THEN 'cancelled' ELSE 'closed' END END
   WHERE lifecycle IS NULL`,
  `UPDATE orders SET fulfilment = CASE lifecycle WHEN 'refunded' THEN 'paid' ELSE lifecycle END WHERE fulfilment IS NULL`,
  `CREATE INDEX IF NOT EXISTS orders_by_user ON orders (user_id, seq DESC)`,
  `CREATE UNIQUE INDEX IF NOT EXISTS orders_verification_code ON orders (verification_code)
   WHERE verification_code IS NOT NULL`,
  `CREATE TABLE IF NOT EXISTS order_events (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id text NOT NULL REFERENCES orders (id),
    event text NOT NULL,
    status text NOT NULL CHECK (status IN (${LIFECYCLE})),
    at bigint NOT NULL
  )`,
  `CREATE INDEX IF NOT EXISTS order_events_by_order ON order_events (order_id, id)`,
  `CREATE TABLE IF NOT EXISTS refunds (
    id text PRIMARY KEY,
    seq bigint GENERATED ALWAYS AS IDENTITY,
    order_id text NOT NULL REFERENCES orders (id),
    user_id text,
    idempotency_key text,
    request_hash text,
    status text NOT NULL CHECK (status IN ('refund_requested', 'refunding', 'refunded', 'refund_rejected', 'withdrawn')),
    amount bigint NOT NULL CHECK (amount > 0),
    currency text NOT NULL,
    reason text NOT NULL,
    note text,
    requested_by text NOT NULL CHECK (requested_by IN ('user', 'merchant', 'server')),
    requested_at bigint NOT NULL,
    decided_at bigint,
    refunded_at bigint,
    reject_reason text,
    UNIQUE (user_id, idempotency_key)
  )`,
  // Products with specs (added without a version change: new columns an older database gains).
  `ALTER TABLE skus ADD COLUMN IF NOT EXISTS product_id text`,
  `ALTER TABLE skus ADD COLUMN IF NOT EXISTS specs jsonb`,
  // Coupons a user claimed (one per user and coupon) and the order that used one.
  `CREATE TABLE IF NOT EXISTS coupon_claims (
    user_id text NOT NULL,
    coupon_id text NOT NULL,
    idempotency_key text NOT NULL,
    claimed_at bigint NOT NULL,
    used_order_id text REFERENCES orders (id),
    used_at bigint,
    PRIMARY KEY (user_id, coupon_id),
    UNIQUE (user_id, idempotency_key)
  )`,
  `CREATE INDEX IF NOT EXISTS refunds_by_order ON refunds (order_id, seq)`,
  `CREATE TABLE IF NOT EXISTS refund_lines (
    refund_id text NOT NULL REFERENCES refunds (id),
    line_no integer NOT NULL,
    amount bigint NOT NULL CHECK (amount > 0),
    PRIMARY KEY (refund_id, line_no)
  )`,
  // What a payment channel saved for an unpaid order (TradeKit's saveChannelState: Douyin trade's
  // { douyinOrderId }), sent back with it so "continue to pay" on another device reuses the platform
  // order; and the sandbox cashier's own orders, counted per order (a new column and a new table,
  // without a version change).
  `ALTER TABLE orders ADD COLUMN IF NOT EXISTS channel_state jsonb`,
  `CREATE TABLE IF NOT EXISTS sandbox_cashier_orders (
    id text PRIMARY KEY,
    order_id text NOT NULL REFERENCES orders (id),
    created_at bigint NOT NULL
  )`,
  `CREATE INDEX IF NOT EXISTS sandbox_cashier_orders_by_order ON sandbox_cashier_orders (order_id)`,
  // The order's revision (TradeKit's Order.version): raised by every change to the order's row and
  // by every change to its lines or refunds, so the phone can tell which of two answers is newer (a
  // new column and triggers, without a version change).
  `ALTER TABLE orders ADD COLUMN IF NOT EXISTS version bigint NOT NULL DEFAULT 1`,
  `CREATE OR REPLACE FUNCTION order_revised() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN NEW.version := OLD.version + 1; RETURN NEW; END $$`,
  `DROP TRIGGER IF EXISTS orders_revised ON orders`,
  `CREATE TRIGGER orders_revised BEFORE UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION order_revised()`,
  `CREATE OR REPLACE FUNCTION order_part_revised() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN UPDATE orders SET version = version WHERE id = NEW.order_id; RETURN NULL; END $$`,
  `DROP TRIGGER IF EXISTS refunds_revise_order ON refunds`,
  `CREATE TRIGGER refunds_revise_order AFTER INSERT OR UPDATE ON refunds
   FOR EACH ROW EXECUTE FUNCTION order_part_revised()`,
  `DROP TRIGGER IF EXISTS order_lines_revise_order ON order_lines`,
  `CREATE TRIGGER order_lines_revise_order AFTER UPDATE ON order_lines
   FOR EACH ROW EXECUTE FUNCTION order_part_revised()`,
]

/**
 * Creates the tables and the example catalogue when they are missing, in one transaction under an
 * advisory lock (two servers starting on one database do not race). Existing rows are kept, so a
 * price changed through the admin endpoint survives a restart.
 */
export async function migrate(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(8787001)')
    for (const statement of SCHEMA) await tx.query(statement)
    const [meta] = await tx.query<{ version: number }>('SELECT version FROM schema_meta WHERE id = 1')
    if (meta && meta.version !== SCHEMA_VERSION) {
      throw new Error(`Database schema version ${meta.version}, this server needs ${SCHEMA_VERSION}`)
    }
    if (!meta) await tx.query('INSERT INTO schema_meta (id, version) VALUES (1, $1)', [SCHEMA_VERSION])

    for (const [position, sku] of CATALOGUE.entries()) {
      await tx.query(
        `INSERT INTO skus (id, title, kind, currency, price, original_price, member_price, stock,
           max_per_order, status, requires_contact, attributes, image, position, product_id, specs)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::jsonb, $13, $14, $15, $16::jsonb)
         ON CONFLICT (id) DO NOTHING`,
        [
          sku.id,
          sku.title,
          sku.kind,
          sku.currency,
          sku.price,
          sku.originalPrice ?? null,
          sku.memberPrice ?? null,
          sku.stock,
          sku.maxPerOrder,
          sku.status,
          sku.requiresContact ?? false,
          JSON.stringify(sku.attributes ?? []),
          sku.image ?? null,
          position,
          sku.product?.id ?? null,
          sku.product ? JSON.stringify(sku.product.specs) : null,
        ],
      )
      // a database seeded before the catalogue had pictures gets them (a picture set since is kept)
      if (sku.image)
        await tx.query('UPDATE skus SET image = $2 WHERE id = $1 AND image IS NULL', [sku.id, sku.image])
    }
    for (const plan of PLANS) {
      await tx.query(
        `INSERT INTO plans (id, period_unit, period_count, auto_renew, trial_days, benefits)
         VALUES ($1, $2, $3, $4, $5, $6::jsonb)
         ON CONFLICT (id) DO NOTHING`,
        [
          plan.id,
          plan.period?.unit ?? null,
          plan.period?.count ?? null,
          plan.autoRenew ?? false,
          plan.trialDays ?? null,
          JSON.stringify(plan.benefits),
        ],
      )
    }
  })
}
