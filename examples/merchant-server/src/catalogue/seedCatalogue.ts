/** What a sku is: a parcel, a booked service or something delivered online. */
export type SkuKind = 'physical' | 'service' | 'virtual'

/** One sellable sku as seeded into the database. */
export interface SeedSku {
  readonly id: string
  readonly title: string
  readonly kind: SkuKind
  readonly currency: string
  /** Unit price in minor units (fen). */
  readonly price: number
  readonly originalPrice?: number
  readonly memberPrice?: number
  /** Units left; `null` for unlimited (virtual goods, memberships). */
  readonly stock: number | null
  readonly maxPerOrder: number
  readonly status: 'on_sale' | 'off_shelf'
  /** Services need a contact phone on the order. */
  readonly requiresContact?: boolean
  readonly attributes?: readonly { readonly name: string; readonly value: string }[]
  readonly image?: string
}

/** A membership plan; its sku (same id) carries title and price. */
export interface SeedPlan {
  readonly id: string
  readonly period: { readonly unit: 'day' | 'week' | 'month' | 'year'; readonly count: number }
  readonly autoRenew?: boolean
  readonly trialDays?: number
  readonly benefits: readonly string[]
}

/** The example mini-shop's catalogue: goods, a paid consultation, virtual goods and plans. */
export const CATALOGUE: readonly SeedSku[] = [
  {
    id: 'tea-gift-box',
    title: '明前龙井礼盒',
    kind: 'physical',
    currency: 'CNY',
    price: 12800,
    originalPrice: 15800,
    memberPrice: 11800,
    stock: 50,
    maxPerOrder: 5,
    status: 'on_sale',
    attributes: [{ name: '规格', value: '250g' }],
  },
  {
    id: 'ceramic-mug',
    title: '手作陶瓷马克杯',
    kind: 'physical',
    currency: 'CNY',
    price: 2900,
    stock: 3,
    maxPerOrder: 10,
    status: 'on_sale',
    attributes: [{ name: '颜色', value: '黑' }],
  },
  {
    id: 'limited-print',
    title: '限量版画',
    kind: 'physical',
    currency: 'CNY',
    price: 39900,
    stock: 0,
    maxPerOrder: 1,
    status: 'on_sale',
  },
  {
    id: 'desk-calendar-2025',
    title: '2025 台历',
    kind: 'physical',
    currency: 'CNY',
    price: 1900,
    stock: 10,
    maxPerOrder: 5,
    status: 'off_shelf',
  },
  {
    id: 'legal-consult-30',
    title: '30 分钟法律咨询',
    kind: 'service',
    currency: 'CNY',
    price: 19900,
    memberPrice: 16900,
    stock: 20,
    maxPerOrder: 2,
    status: 'on_sale',
    requiresContact: true,
    attributes: [{ name: '时长', value: '30 分钟' }],
  },
  {
    id: 'ebook-trading-guide',
    title: '电子书：小程序交易指南',
    kind: 'virtual',
    currency: 'CNY',
    price: 990,
    stock: null,
    maxPerOrder: 1,
    status: 'on_sale',
  },
  {
    id: 'sticker-pack',
    title: '表情包',
    kind: 'virtual',
    currency: 'CNY',
    price: 600,
    memberPrice: 300,
    stock: null,
    maxPerOrder: 10,
    status: 'on_sale',
  },
  {
    id: 'plan-monthly',
    title: '月度会员',
    kind: 'virtual',
    currency: 'CNY',
    price: 1500,
    stock: null,
    maxPerOrder: 12,
    status: 'on_sale',
  },
  {
    id: 'plan-monthly-auto',
    title: '连续包月',
    kind: 'virtual',
    currency: 'CNY',
    price: 1200,
    originalPrice: 1500,
    stock: null,
    maxPerOrder: 1,
    status: 'on_sale',
  },
  {
    id: 'plan-yearly',
    title: '年度会员',
    kind: 'virtual',
    currency: 'CNY',
    price: 12800,
    originalPrice: 18000,
    stock: null,
    maxPerOrder: 3,
    status: 'on_sale',
  },
]

const BENEFITS = ['会员价购买', '专属内容', '咨询优先排期']

/** The membership plans (each also a sku above). */
export const PLANS: readonly SeedPlan[] = [
  { id: 'plan-monthly', period: { unit: 'month', count: 1 }, benefits: BENEFITS },
  { id: 'plan-monthly-auto', period: { unit: 'month', count: 1 }, autoRenew: true, benefits: BENEFITS },
  { id: 'plan-yearly', period: { unit: 'year', count: 1 }, benefits: BENEFITS },
]

/** The one coupon of the example: 满 100 减 20 on goods and services (not on memberships). */
export const COUPONS = {
  FULL100MINUS20: { code: 'FULL100MINUS20', threshold: 10000, amountOff: 2000 },
} as const

/**
 * Delivery fee of an order with a parcel, waived when the order (after the coupon) reaches `freeFrom`
 * (满 99 包邮) — the rule of `@tradekit/core`'s `priceCart` with `fees: [{ kinds: ['physical'], freeFrom }]`.
 */
export const DELIVERY = {
  fee: 800,
  freeFrom: 9900,
  /** Parcels to these provinces cost `remoteFee` and are never free: a changed address re-prices the order. */
  remote: ['新疆维吾尔自治区', '西藏自治区'],
  remoteFee: 2000,
} as const
