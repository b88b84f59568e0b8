import type { Queryable } from '../db/database.ts'
import type { Money, PricedSku } from '../pricing/priceOrder.ts'
import { PRODUCTS, type SeedProduct, type SkuKind } from './seedCatalogue.ts'

/** A sku row as the server reads it. */
export interface Sku extends PricedSku {
  readonly title: string
  readonly stock: number | null
  readonly maxPerOrder: number
  readonly status: 'on_sale' | 'off_shelf'
  readonly requiresContact: boolean
  readonly attributes: readonly { readonly name: string; readonly value: string }[]
  readonly image: string | null
  /** The product this SKU is a combination of, and its value id per spec group. */
  readonly productId: string | null
  readonly specs: Readonly<Record<string, string>> | null
}

/** A catalogue entry in the shape of a TradeKit cart item (`createCart().add(item, quantity)`). */
export interface CatalogueItem {
  readonly skuId: string
  readonly title: string
  readonly kind: SkuKind
  readonly price: Money
  readonly originalPrice?: Money
  readonly memberPrice?: Money
  /** Units left; absent when unlimited. */
  readonly stock?: number
  readonly maxQuantity: number
  readonly status: 'on_sale' | 'sold_out' | 'off_shelf'
  readonly attributes: readonly { readonly name: string; readonly value: string }[]
  readonly image?: string
  /** The order must carry `contact.phone` (services). */
  readonly requiresContact: boolean
  /** The membership plan this sku sells, if it is one. */
  readonly planId?: string
  /** The product with specs this sku is one combination of (see `GET /products/:productId`). */
  readonly productId?: string
}

/**
 * A SKU of a product with specs, in the shape TradeKit's `skuMatrix` takes (`Sku`): the fields a
 * cart item has under the same names, plus `specs`.
 */
export interface ProductSku {
  readonly skuId: string
  readonly specs: Readonly<Record<string, string>>
  readonly price: Money
  readonly originalPrice?: Money
  readonly memberPrice?: Money
  readonly stock: number
  readonly maxQuantity: number
  readonly status: 'on_sale' | 'sold_out' | 'off_shelf'
  readonly image?: string
}

/** A product sold as SKUs: `skuMatrix(product.specs, product.skus)` on the client. */
export interface Product {
  readonly productId: string
  readonly title: string
  readonly kind: SkuKind
  /** Spec groups and their values, in display order (`SkuSpecGroup[]`). */
  readonly specs: SeedProduct['specs']
  readonly skus: readonly ProductSku[]
  readonly services: readonly string[]
  /** The lowest price of its SKUs on sale (the catalogue card's "from"). */
  readonly price: Money
}

/** A membership plan in the shape of TradeKit's `Plan`. */
export interface Plan {
  readonly id: string
  readonly title: string
  readonly price: Money
  readonly originalPrice?: Money
  readonly period: { readonly unit: 'day' | 'week' | 'month' | 'year'; readonly count: number }
  readonly autoRenew: boolean
  readonly trialDays?: number
  readonly benefits: readonly string[]
}

interface SkuRow {
  id: string
  title: string
  kind: SkuKind
  currency: string
  price: number
  original_price: number | null
  member_price: number | null
  stock: number | null
  max_per_order: number
  status: 'on_sale' | 'off_shelf'
  requires_contact: boolean
  attributes: { name: string; value: string }[]
  image: string | null
  plan_id: string | null
  product_id: string | null
  specs: Record<string, string> | null
}

const SKU_COLUMNS = `s.id, s.title, s.kind, s.currency, s.price, s.original_price, s.member_price, s.stock,
  s.max_per_order, s.status, s.requires_contact, s.attributes, s.image, p.id AS plan_id, s.product_id, s.specs`

function toSku(row: SkuRow): Sku {
  return {
    id: row.id,
    title: row.title,
    kind: row.kind,
    currency: row.currency,
    price: row.price,
    originalPrice: row.original_price,
    memberPrice: row.member_price,
    stock: row.stock,
    maxPerOrder: row.max_per_order,
    status: row.status,
    requiresContact: row.requires_contact,
    attributes: row.attributes,
    image: row.image,
    isPlan: row.plan_id !== null,
    productId: row.product_id,
    specs: row.specs,
  }
}

/** Renders a sku as a catalogue item. */
export function toCatalogueItem(sku: Sku): CatalogueItem {
  const money = (amount: number): Money => ({ amount, currency: sku.currency })
  return {
    skuId: sku.id,
    title: sku.title,
    kind: sku.kind,
    price: money(sku.price),
    ...(sku.originalPrice !== null && sku.originalPrice > sku.price
      ? { originalPrice: money(sku.originalPrice) }
      : {}),
    ...(sku.memberPrice !== null ? { memberPrice: money(sku.memberPrice) } : {}),
    ...(sku.stock !== null ? { stock: sku.stock } : {}),
    maxQuantity: sku.maxPerOrder,
    status: sku.status === 'off_shelf' ? 'off_shelf' : sku.stock === 0 ? 'sold_out' : 'on_sale',
    attributes: sku.attributes,
    ...(sku.image !== null ? { image: sku.image } : {}),
    requiresContact: sku.requiresContact,
    ...(sku.isPlan ? { planId: sku.id } : {}),
    ...(sku.productId !== null ? { productId: sku.productId } : {}),
  }
}

/** The products with specs, each with its SKUs read from `skus` (prices and stock as they are now). */
export function productsOf(skus: readonly Sku[]): Product[] {
  return PRODUCTS.flatMap((product) => {
    const own = skus.filter((sku) => sku.productId === product.id && sku.specs !== null)
    if (own.length === 0) return []
    const items = own.map(toCatalogueItem)
    const onSale = items.filter((item) => item.status !== 'off_shelf')
    const lowest = (onSale.length > 0 ? onSale : items).reduce((low, item) =>
      item.price.amount < low.price.amount ? item : low,
    )
    return [
      {
        productId: product.id,
        title: product.title,
        kind: product.kind,
        specs: product.specs,
        services: product.services,
        price: lowest.price,
        skus: own.map((sku, index) => {
          const item = items[index]!
          return {
            skuId: sku.id,
            specs: sku.specs!,
            price: item.price,
            ...(item.originalPrice ? { originalPrice: item.originalPrice } : {}),
            ...(item.memberPrice ? { memberPrice: item.memberPrice } : {}),
            stock: sku.stock ?? 0,
            maxQuantity: item.maxQuantity,
            status: item.status,
            ...(item.image ? { image: item.image } : {}),
          }
        }),
      },
    ]
  })
}

/** Every sku, in catalogue order. */
export async function listSkus(db: Queryable): Promise<Sku[]> {
  const rows = await db.query<SkuRow>(
    `SELECT ${SKU_COLUMNS} FROM skus s LEFT JOIN plans p ON p.id = s.id ORDER BY s.position, s.id`,
  )
  return rows.map(toSku)
}

/**
 * The skus with the given ids. With `lock`, their rows are locked (`FOR UPDATE`, in id order so two
 * orders never deadlock) until the transaction ends: price and stock cannot move underneath.
 */
export async function loadSkus(
  db: Queryable,
  ids: readonly string[],
  options: { readonly lock: boolean },
): Promise<Map<string, Sku>> {
  const unique = [...new Set(ids)].sort()
  const rows = await db.query<SkuRow>(
    `SELECT ${SKU_COLUMNS} FROM skus s LEFT JOIN plans p ON p.id = s.id
     WHERE s.id = ANY($1::text[]) ORDER BY s.id ${options.lock ? 'FOR UPDATE OF s' : ''}`,
    [unique],
  )
  return new Map(rows.map((row) => [row.id, toSku(row)]))
}

interface PlanRow {
  id: string
  title: string
  currency: string
  price: number
  original_price: number | null
  period_unit: Plan['period']['unit']
  period_count: number
  auto_renew: boolean
  trial_days: number | null
  benefits: string[]
}

const PLAN_COLUMNS = `p.id, s.title, s.currency, s.price, s.original_price, p.period_unit, p.period_count,
  p.auto_renew, p.trial_days, p.benefits`

function toPlan(row: PlanRow): Plan {
  const money = (amount: number): Money => ({ amount, currency: row.currency })
  return {
    id: row.id,
    title: row.title,
    price: money(row.price),
    ...(row.original_price !== null && row.original_price > row.price
      ? { originalPrice: money(row.original_price) }
      : {}),
    period: { unit: row.period_unit, count: row.period_count },
    autoRenew: row.auto_renew,
    ...(row.trial_days !== null ? { trialDays: row.trial_days } : {}),
    benefits: row.benefits,
  }
}

/** The membership plans on sale. */
export async function listPlans(db: Queryable): Promise<Plan[]> {
  const rows = await db.query<PlanRow>(
    `SELECT ${PLAN_COLUMNS} FROM plans p JOIN skus s ON s.id = p.id
     WHERE s.status = 'on_sale' ORDER BY s.position, p.id`,
  )
  return rows.map(toPlan)
}

/** One plan, on sale or not. */
export async function findPlan(db: Queryable, id: string): Promise<Plan | undefined> {
  const [row] = await db.query<PlanRow>(
    `SELECT ${PLAN_COLUMNS} FROM plans p JOIN skus s ON s.id = p.id WHERE p.id = $1`,
    [id],
  )
  return row ? toPlan(row) : undefined
}
