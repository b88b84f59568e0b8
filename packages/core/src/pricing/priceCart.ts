import type { CartLine, ProductKind } from '../cart/types'
import { TradeKitError } from '../errors/TradeKitError'
import { allocateMoney } from '../money/allocateMoney'
import { type Money, money } from '../money/money'
import { assertRounding, multiplyDivideRounded, type Rounding } from '../money/rounding'
import { checkCoupon, checkMoney, invalid } from './checkPricingInput'
import type { Coupon, CouponEvaluation } from './coupon'
import type { Quote, QuoteLine } from './quote'

/**
 * What `priceCart` needs of a line: a cart line fits as it is. Lines with `selected: false` or a
 * blocking issue / status (sold out, off shelf) are left out of the quote.
 */
export type PricingLine = Pick<CartLine, 'lineId' | 'skuId' | 'quantity' | 'price'> &
  Partial<Pick<CartLine, 'memberPrice' | 'originalPrice' | 'selected' | 'issues' | 'status' | 'kind'>>

/** A fee added to the order (delivery, service). */
export interface PricingFee {
  /** The fee's id, e.g. `'delivery'`. */
  readonly id: string
  /** The name shown to the user. */
  readonly label?: string
  /** What it costs. */
  readonly amount: Money
  /** Waived when the goods (subtotal − discount) reach this amount (满 99 包邮). */
  readonly freeFrom?: Money
  /**
   * Charged only when the order has a line of one of these kinds — a delivery fee is
   * `kinds: ['physical']`, so an order of services or virtual goods pays none. A line without a
   * `kind` is `physical`.
   * @default every order
   */
  readonly kinds?: readonly ProductKind[]
}

/** The inputs of a price beyond the lines. */
export interface PricingContext {
  /**
   * The currency of the quote; every amount must be in it.
   * @default the first line's currency, else 'CNY'
   */
  currency?: string
  /**
   * Apply member prices (`memberPrice` where it is below `price`).
   * @default false
   */
  member?: boolean
  /** The coupons the user holds. */
  coupons?: readonly Coupon[]
  /**
   * The coupon the user picked: an id, `null` for none, or absent for the best applicable one
   * (the largest discount; the earlier coupon on a tie).
   * @default undefined (best coupon)
   */
  couponId?: string | null
  /** Fees added to the order. */
  fees?: readonly PricingFee[]
  /**
   * The moment coupons are checked against, epoch milliseconds.
   * @default Date.now()
   */
  now?: number
  /**
   * How a percent-off discount is rounded to the minor unit.
   * @default 'floor' (never more off than the stated percentage)
   */
  rounding?: Rounding
}

/** A fee as charged. */
export interface QuoteFee {
  /** The fee's id. */
  readonly id: string
  /** The name shown to the user. */
  readonly label?: string
  /** What is charged: zero when waived. */
  readonly amount: Money
  /** True when `freeFrom` was reached. */
  readonly waived: boolean
}

/** The client's quote: a {@link Quote} plus what the checkout screen shows about coupons and fees. */
export interface CartQuote extends Quote {
  /** The id of the applied coupon, `null` when none. */
  readonly couponId: string | null
  /** The applied coupon's evaluation, `null` when none applies or none was picked. */
  readonly coupon: CouponEvaluation | null
  /** Every held coupon with its evaluation, in the order given (for a coupon picker). */
  readonly coupons: readonly CouponEvaluation[]
  /** The fees one by one. */
  readonly feeItems: readonly QuoteFee[]
}

const BLOCKING = new Set(['sold_out', 'off_shelf'])
interface PricedLine {
  readonly line: PricingLine
  readonly unit: Money
  readonly reference: Money
  readonly total: number
}

function evaluateCoupon(
  coupon: Coupon,
  priced: readonly PricedLine[],
  now: number,
  currency: string,
  rounding: Rounding,
): CouponEvaluation {
  const scope = coupon.skuIds ? new Set(coupon.skuIds) : undefined
  const eligible = priced.filter((entry) => !scope || scope.has(entry.line.skuId))
  const lineIds = Object.freeze(eligible.map((entry) => entry.line.lineId))
  const base = eligible.reduce((sum, entry) => sum + entry.total, 0)
  const zero = money(0, currency)
  const unavailable = (
    reason: NonNullable<CouponEvaluation['reason']>,
    shortfall?: number,
  ): CouponEvaluation =>
    Object.freeze({
      coupon,
      applicable: false,
      discount: zero,
      reason,
      ...(shortfall === undefined ? {} : { shortfall: money(shortfall, currency) }),
      lineIds,
    })
  if (coupon.startsAt !== undefined && now < coupon.startsAt) return unavailable('not_started')
  if (coupon.expiresAt !== undefined && now >= coupon.expiresAt) return unavailable('expired')
  if (eligible.length === 0) return unavailable('no_eligible_lines')
  if (coupon.minSpend && base < coupon.minSpend.amount)
    return unavailable('below_min_spend', coupon.minSpend.amount - base)
  let discount: number
  if (coupon.kind === 'threshold') {
    if (base < coupon.threshold.amount) return unavailable('below_threshold', coupon.threshold.amount - base)
    const times = coupon.repeat ? Math.floor(base / coupon.threshold.amount) : 1
    discount = coupon.amountOff.amount * times
  } else if (coupon.kind === 'percent') {
    discount = multiplyDivideRounded(base, coupon.percentOffBps, 10_000, rounding)
    if (coupon.maxDiscount) discount = Math.min(discount, coupon.maxDiscount.amount)
  } else {
    discount = coupon.amountOff.amount
  }
  return Object.freeze({
    coupon,
    applicable: true,
    discount: money(Math.min(discount, base), currency),
    lineIds,
  })
}

// Checks every line and prices the ones the quote counts (selected, not blocked).
function priceLines(
  lines: readonly PricingLine[],
  currency: string,
  member: boolean | undefined,
): PricedLine[] {
  const seen = new Set<string>()
  const priced: PricedLine[] = []
  for (const line of lines) {
    if (typeof line !== 'object' || line === null || typeof line.lineId !== 'string')
      invalid(process.env.NODE_ENV !== 'production' ? 'A line needs a lineId' : undefined)
    if (seen.has(line.lineId))
      invalid(process.env.NODE_ENV !== 'production' ? `Line ${line.lineId} is given twice` : undefined)
    seen.add(line.lineId)
    if (typeof line.skuId !== 'string')
      invalid(process.env.NODE_ENV !== 'production' ? `Line ${line.lineId} needs a skuId` : undefined)
    const { quantity } = line
    if (typeof quantity !== 'number' || !Number.isSafeInteger(quantity) || quantity < 1) {
      throw new TradeKitError(
        'INVALID_QUANTITY',
        process.env.NODE_ENV !== 'production'
          ? `Line ${line.lineId}: quantity must be a positive safe integer`
          : undefined,
      )
    }
    const price = checkMoney(line.price, 'price', currency)!
    const memberPrice = checkMoney(line.memberPrice, 'memberPrice', currency, true)
    const originalPrice = checkMoney(line.originalPrice, 'originalPrice', currency, true)
    const blocked =
      line.selected === false ||
      (line.status !== undefined && BLOCKING.has(line.status)) ||
      line.issues?.some((issue: string) => BLOCKING.has(issue)) === true
    if (blocked) continue
    const unit = member && memberPrice && memberPrice.amount < price.amount ? memberPrice : price
    const reference = originalPrice && originalPrice.amount > price.amount ? originalPrice : price
    const total = unit.amount * quantity
    if (!Number.isSafeInteger(total))
      throw new TradeKitError(
        'INVALID_AMOUNT',
        process.env.NODE_ENV !== 'production' ? `Line ${line.lineId}: total too large` : undefined,
      )
    priced.push({ line, unit, reference, total })
  }
  return priced
}

// The picked coupon if it applies; without a pick, the largest discount (the earlier on a tie).
function chooseCoupon(
  evaluations: readonly CouponEvaluation[],
  couponId: string | null | undefined,
): CouponEvaluation | null {
  if (couponId === null) return null
  if (couponId !== undefined) {
    const picked = evaluations.find((evaluation) => evaluation.coupon.id === couponId)
    if (!picked)
      invalid(
        process.env.NODE_ENV !== 'production'
          ? `No coupon ${String(couponId)} among the held coupons`
          : undefined,
      )
    return picked.applicable ? picked : null
  }
  let chosen: CouponEvaluation | null = null
  for (const evaluation of evaluations) {
    if (evaluation.applicable && evaluation.discount.amount > (chosen ? chosen.discount.amount : 0))
      chosen = evaluation
  }
  return chosen
}

// Checks the fees and charges the ones the order has: `goods` is the subtotal after discount.
// Returns the fees one by one and their total.
function chargeFees(
  fees: readonly PricingFee[],
  priced: readonly PricedLine[],
  goods: number,
  currency: string,
): [QuoteFee[], number] {
  if (!Array.isArray(fees))
    invalid(process.env.NODE_ENV !== 'production' ? 'fees must be an array' : undefined)
  let feeTotal = 0
  const feeItems: QuoteFee[] = []
  for (const fee of fees) {
    if (typeof fee !== 'object' || fee === null || typeof fee.id !== 'string')
      invalid(process.env.NODE_ENV !== 'production' ? 'A fee needs an id' : undefined)
    const amount = checkMoney(fee.amount, `fee ${fee.id}`, currency)!
    const freeFrom = checkMoney(fee.freeFrom, `fee ${fee.id} freeFrom`, currency, true)
    const { kinds } = fee
    if (kinds !== undefined && !Array.isArray(kinds))
      invalid(process.env.NODE_ENV !== 'production' ? `fee ${fee.id}: kinds must be an array` : undefined)
    // a fee for kinds the order does not have is not part of it (no "delivery (waived)" on a lesson)
    if (kinds && !priced.some((entry) => kinds.includes(entry.line.kind ?? 'physical'))) continue
    const waived = freeFrom !== undefined && goods >= freeFrom.amount
    feeTotal += waived ? 0 : amount.amount
    feeItems.push(
      Object.freeze({
        id: fee.id,
        ...(fee.label === undefined ? {} : { label: fee.label }),
        amount: waived ? money(0, currency) : amount,
        waived,
      }),
    )
  }
  return [feeItems, feeTotal]
}

/**
 * Prices cart lines for display: member prices, the chosen (or best) coupon, fees, payable and
 * savings. The order discount is split across the lines it applies to in proportion to their
 * totals (largest remainder), so the line discounts always sum to the order discount. The server's
 * quote is the truth: show this one until it arrives, then show the server's (see {@link diffQuotes}).
 *
 * @throws TradeKitError `INVALID_QUANTITY`, `INVALID_AMOUNT`, `CURRENCY_MISMATCH` or
 *   `INVALID_ARGUMENT` for bad lines, coupons, fees or an unknown `couponId`
 * @example
 * ```ts
 * const quote = priceCart(cart.getSnapshot().lines, {
 *   member: true,
 *   coupons: [{ id: 'c1', kind: 'threshold', threshold: money(10000), amountOff: money(2000) }],
 *   fees: [{ id: 'delivery', amount: money(800), freeFrom: money(9900) }],
 * })
 * formatMoney(quote.payable)
 * ```
 */
export function priceCart(lines: readonly PricingLine[], context: PricingContext = {}): CartQuote {
  if (!Array.isArray(lines))
    invalid(process.env.NODE_ENV !== 'production' ? 'priceCart needs an array of lines' : undefined)
  const currency = context.currency ?? lines[0]?.price?.currency ?? 'CNY'
  money(0, currency)
  const rounding = context.rounding ?? 'floor'
  assertRounding(rounding)
  const now = context.now ?? Date.now()
  if (!Number.isFinite(now))
    invalid(process.env.NODE_ENV !== 'production' ? 'now must be epoch milliseconds' : undefined)
  const priced = priceLines(lines, currency, context.member)

  const coupons = context.coupons ?? []
  if (!Array.isArray(coupons))
    invalid(process.env.NODE_ENV !== 'production' ? 'coupons must be an array' : undefined)
  for (const coupon of coupons) checkCoupon(coupon, currency)
  const evaluations = Object.freeze(
    coupons.map((coupon) => evaluateCoupon(coupon, priced, now, currency, rounding)),
  )
  const chosen = chooseCoupon(evaluations, context.couponId)
  const lineDiscounts = new Map<string, number>()
  if (chosen && chosen.discount.amount > 0) {
    // a Set, not lineIds.includes: a coupon over every line of a long cart made this quadratic
    const applied = new Set(chosen.lineIds)
    const eligible = priced.filter((entry) => applied.has(entry.line.lineId))
    const parts = allocateMoney(
      chosen.discount,
      eligible.map((entry) => entry.total),
    )
    for (const [index, entry] of eligible.entries())
      lineDiscounts.set(entry.line.lineId, parts[index]!.amount)
  }

  let subtotal = 0
  let discount = 0
  let savings = 0
  const quoteLines: QuoteLine[] = priced.map(({ line, unit, reference, total }) => {
    const lineDiscount = lineDiscounts.get(line.lineId) ?? 0
    subtotal += total
    discount += lineDiscount
    savings += (reference.amount - unit.amount) * line.quantity
    return Object.freeze({
      lineId: line.lineId,
      skuId: line.skuId,
      quantity: line.quantity,
      unitPrice: unit,
      lineTotal: money(total, currency),
      discount: money(lineDiscount, currency),
      payable: money(total - lineDiscount, currency),
      ...(reference.amount > unit.amount ? { originalUnitPrice: reference } : {}),
    })
  })

  const [feeItems, feeTotal] = chargeFees(context.fees ?? [], priced, subtotal - discount, currency)
  return Object.freeze({
    lines: Object.freeze(quoteLines),
    subtotal: money(subtotal, currency),
    discount: money(discount, currency),
    fees: money(feeTotal, currency),
    payable: money(subtotal - discount + feeTotal, currency),
    savings: money(savings + discount, currency),
    couponId: chosen ? chosen.coupon.id : null,
    coupon: chosen,
    coupons: evaluations,
    feeItems: Object.freeze(feeItems),
  })
}
