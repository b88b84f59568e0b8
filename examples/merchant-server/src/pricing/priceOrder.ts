import { COUPONS, DELIVERY, type SeedCoupon, type SkuKind } from '../catalogue/seedCatalogue.ts'
import { lineIdOf } from './lineId.ts'

/** Money on the wire: integer minor units and an ISO 4217 code. */
export interface Money {
  readonly amount: number
  readonly currency: string
}

/**
 * A priced line, the same shape as `@tradekit/core`'s `QuoteLine`. Its `lineId` is the client's
 * cart line id (see `lineIdOf`): the skuId, or for a line with options the skuId plus a stable hash
 * of them. Quote lines keep the request's order.
 */
export interface QuoteLine {
  readonly lineId: string
  readonly skuId: string
  readonly quantity: number
  readonly unitPrice: Money
  readonly lineTotal: Money
  readonly discount: Money
  readonly payable: Money
}

/** The server's authoritative quote, the same shape as `@tradekit/core`'s `Quote` (plus the coupon used). */
export interface Quote {
  readonly lines: readonly QuoteLine[]
  readonly subtotal: Money
  readonly discount: Money
  readonly fees: Money
  readonly payable: Money
  readonly savings: Money
  /** The coupon the request named and whether it applied. */
  readonly coupon?: { readonly code: string; readonly applied: boolean }
}

/** What pricing needs to know of a sku. */
export interface PricedSku {
  readonly id: string
  readonly kind: SkuKind
  readonly currency: string
  readonly price: number
  readonly originalPrice: number | null
  readonly memberPrice: number | null
  /** Memberships are not discounted by coupons. */
  readonly isPlan: boolean
}

/** The coupon codes this shop knows. */
export type CouponCode = keyof typeof COUPONS

/** True when `code` is a coupon of the shop. */
export function isCouponCode(code: string): code is CouponCode {
  return Object.hasOwn(COUPONS, code)
}

/** The coupon of a code. */
export function couponOf(code: CouponCode): SeedCoupon {
  return COUPONS[code]
}

/** True when the coupon can be used at `now` (its validity has started and not ended). */
export function couponValidAt(coupon: SeedCoupon, now: number): boolean {
  return (
    (coupon.startsAt === undefined || now >= coupon.startsAt) &&
    (coupon.expiresAt === undefined || now < coupon.expiresAt)
  )
}

/**
 * Prices an order: member prices for members, the coupon (满减 or 立减, on its skus if it names
 * them) on goods and services
 * (allocated across those lines by largest remainder, so line discounts sum exactly to the
 * discount), delivery for an order with a parcel whose total after the coupon is under the
 * free-delivery threshold (the client's `priceCart` rule) — or, to a remote province, its fixed
 * remote fee. All integer minor units.
 */
export function priceOrder(
  lines: readonly {
    readonly skuId: string
    readonly quantity: number
    readonly options?: Readonly<Record<string, string>>
  }[],
  skus: ReadonlyMap<string, PricedSku>,
  context: {
    readonly member: boolean
    readonly coupon?: CouponCode
    readonly province?: string
    /** When the order is priced: a coupon outside its validity does not apply. */
    readonly now?: number
  },
): Quote {
  const priced = lines.map((line) => {
    const sku = skus.get(line.skuId)
    if (!sku) throw new Error(`priceOrder: unknown sku ${line.skuId}`)
    const unit = context.member && sku.memberPrice !== null ? Math.min(sku.memberPrice, sku.price) : sku.price
    const reference = Math.max(sku.originalPrice ?? sku.price, sku.price)
    return { line, sku, unit, lineTotal: unit * line.quantity, saved: (reference - unit) * line.quantity }
  })
  const currency = priced[0]?.sku.currency ?? 'CNY'
  if (priced.some((p) => p.sku.currency !== currency)) throw new Error('priceOrder: mixed currencies')

  const subtotal = priced.reduce((sum, p) => sum + p.lineTotal, 0)
  const coupon = context.coupon ? couponOf(context.coupon) : undefined
  // memberships are never discounted; a coupon naming skus applies to their lines only
  const eligible = priced.map((p) =>
    p.sku.isPlan || (coupon?.skuIds !== undefined && !coupon.skuIds.includes(p.sku.id)) ? 0 : p.lineTotal,
  )
  const eligibleTotal = eligible.reduce((sum, total) => sum + total, 0)
  const couponApplies =
    coupon !== undefined &&
    (context.now === undefined || couponValidAt(coupon, context.now)) &&
    eligibleTotal > 0 &&
    eligibleTotal >= (coupon.threshold ?? 0)
  const discount = couponApplies ? Math.min(coupon.amountOff, eligibleTotal) : 0
  const lineDiscounts = allocate(discount, eligible)

  const hasParcel = priced.some((p) => p.sku.kind === 'physical')
  const remote =
    context.province !== undefined && (DELIVERY.remote as readonly string[]).includes(context.province)
  const fees = !hasParcel
    ? 0
    : remote
      ? DELIVERY.remoteFee
      : subtotal - discount < DELIVERY.freeFrom
        ? DELIVERY.fee
        : 0
  const savings = priced.reduce((sum, p) => sum + p.saved, 0) + discount
  const money = (amount: number): Money => ({ amount, currency })

  return {
    lines: priced.map((p, index) => {
      const lineDiscount = lineDiscounts[index] ?? 0
      return {
        lineId: lineIdOf(p.line.skuId, p.line.options),
        skuId: p.line.skuId,
        quantity: p.line.quantity,
        unitPrice: money(p.unit),
        lineTotal: money(p.lineTotal),
        discount: money(lineDiscount),
        payable: money(p.lineTotal - lineDiscount),
      }
    }),
    subtotal: money(subtotal),
    discount: money(discount),
    fees: money(fees),
    payable: money(subtotal - discount + fees),
    savings: money(savings),
    ...(coupon ? { coupon: { code: coupon.code, applied: couponApplies } } : {}),
  }
}

/** Splits `total` in proportion to `weights` by largest remainder; the parts sum exactly to `total`. */
export function allocate(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0)
  if (total === 0 || sum === 0) return weights.map(() => 0)
  const parts = weights.map((w) => Math.floor((total * w) / sum))
  let left = total - parts.reduce((a, b) => a + b, 0)
  const order = weights
    .map((w, index) => ({ index, remainder: (total * w) % sum }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index)
  for (const { index } of order) {
    if (left === 0) break
    parts[index] = (parts[index] ?? 0) + 1
    left -= 1
  }
  return parts
}
