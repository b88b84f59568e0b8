import { picturePath } from './productPictures.ts'

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
  /** A SKU of a product with specs: the product's id and this SKU's value id per spec group. */
  readonly product?: { readonly id: string; readonly specs: Readonly<Record<string, string>> }
}

/** One value of a spec group (白 in 颜色), in the shape of TradeKit's `SkuSpecValue`. */
export interface SeedSpecValue {
  readonly id: string
  readonly name: string
}

/** A product sold as SKUs, one per combination of spec values (TradeKit's `skuMatrix` specs). */
export interface SeedProduct {
  readonly id: string
  readonly title: string
  readonly kind: SkuKind
  readonly specs: readonly {
    readonly id: string
    readonly name: string
    readonly values: readonly SeedSpecValue[]
  }[]
  /** What the product page lists under the price (退换, 运费…). */
  readonly services: readonly string[]
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
    image: picturePath('tea-gift-box'),
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
    image: picturePath('mug'),
  },
  // 纯棉短袖T恤: 颜色 × 尺码, each combination a SKU with its own stock; 黑 / XL is sold out.
  {
    id: 'tee-white-m',
    title: '纯棉短袖T恤',
    kind: 'physical',
    currency: 'CNY',
    price: 6900,
    originalPrice: 8900,
    stock: 20,
    maxPerOrder: 5,
    status: 'on_sale',
    attributes: [
      { name: '颜色', value: '白' },
      { name: '尺码', value: 'M' },
    ],
    product: { id: 'cotton-tee', specs: { color: 'white', size: 'm' } },
    image: picturePath('tee-white'),
  },
  {
    id: 'tee-white-l',
    title: '纯棉短袖T恤',
    kind: 'physical',
    currency: 'CNY',
    price: 6900,
    originalPrice: 8900,
    stock: 12,
    maxPerOrder: 5,
    status: 'on_sale',
    attributes: [
      { name: '颜色', value: '白' },
      { name: '尺码', value: 'L' },
    ],
    product: { id: 'cotton-tee', specs: { color: 'white', size: 'l' } },
    image: picturePath('tee-white'),
  },
  {
    id: 'tee-white-xl',
    title: '纯棉短袖T恤',
    kind: 'physical',
    currency: 'CNY',
    price: 7900,
    originalPrice: 9900,
    stock: 6,
    maxPerOrder: 5,
    status: 'on_sale',
    attributes: [
      { name: '颜色', value: '白' },
      { name: '尺码', value: 'XL' },
    ],
    product: { id: 'cotton-tee', specs: { color: 'white', size: 'xl' } },
    image: picturePath('tee-white'),
  },
  {
    id: 'tee-black-m',
    title: '纯棉短袖T恤',
    kind: 'physical',
    currency: 'CNY',
    price: 6900,
    originalPrice: 8900,
    stock: 15,
    maxPerOrder: 5,
    status: 'on_sale',
    attributes: [
      { name: '颜色', value: '黑' },
      { name: '尺码', value: 'M' },
    ],
    product: { id: 'cotton-tee', specs: { color: 'black', size: 'm' } },
    image: picturePath('tee-black'),
  },
  {
    id: 'tee-black-l',
    title: '纯棉短袖T恤',
    kind: 'physical',
    currency: 'CNY',
    price: 6900,
    originalPrice: 8900,
    stock: 8,
    maxPerOrder: 5,
    status: 'on_sale',
    attributes: [
      { name: '颜色', value: '黑' },
      { name: '尺码', value: 'L' },
    ],
    product: { id: 'cotton-tee', specs: { color: 'black', size: 'l' } },
    image: picturePath('tee-black'),
  },
  {
    id: 'tee-black-xl',
    title: '纯棉短袖T恤',
    kind: 'physical',
    currency: 'CNY',
    price: 7900,
    originalPrice: 9900,
    stock: 0,
    maxPerOrder: 5,
    status: 'on_sale',
    attributes: [
      { name: '颜色', value: '黑' },
      { name: '尺码', value: 'XL' },
    ],
    product: { id: 'cotton-tee', specs: { color: 'black', size: 'xl' } },
    image: picturePath('tee-black'),
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
    image: picturePath('limited-print'),
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
    image: picturePath('desk-calendar'),
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
    image: picturePath('consult'),
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
    image: picturePath('book'),
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
    image: picturePath('sticker-pack'),
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
    image: picturePath('vip'),
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
    image: picturePath('vip'),
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
    image: picturePath('vip'),
  },
]

const BENEFITS = ['会员价购买', '专属内容', '咨询优先排期']

/** The membership plans (each also a sku above). */
export const PLANS: readonly SeedPlan[] = [
  { id: 'plan-monthly', period: { unit: 'month', count: 1 }, benefits: BENEFITS },
  { id: 'plan-monthly-auto', period: { unit: 'month', count: 1 }, autoRenew: true, benefits: BENEFITS },
  { id: 'plan-yearly', period: { unit: 'year', count: 1 }, benefits: BENEFITS },
]

/** The products sold as SKUs with specs (their SKUs are in the catalogue above, with `product`). */
export const PRODUCTS: readonly SeedProduct[] = [
  {
    id: 'cotton-tee',
    title: '纯棉短袖T恤',
    kind: 'physical',
    specs: [
      {
        id: 'color',
        name: '颜色',
        values: [
          { id: 'white', name: '白' },
          { id: 'black', name: '黑' },
        ],
      },
      {
        id: 'size',
        name: '尺码',
        values: [
          { id: 'm', name: 'M' },
          { id: 'l', name: 'L' },
          { id: 'xl', name: 'XL' },
        ],
      },
    ],
    services: ['7 天无理由退货', '48 小时发货', '满 99 包邮'],
  },
]

/** A coupon of the shop, in the terms of TradeKit's `Coupon` (amounts in fen, times epoch ms). */
export interface SeedCoupon {
  readonly code: string
  readonly title: string
  readonly kind: 'threshold' | 'amount'
  /** 满: what the applicable lines must reach (threshold coupons). */
  readonly threshold?: number
  readonly amountOff: number
  /** The skus it applies to; absent means every line that is not a membership. */
  readonly skuIds?: readonly string[]
  /**
   * `everyone`: every user holds it without claiming; `claim`: a user holds it once claimed, one per
   * user (`POST /coupons/:code/claim`), and it is used by one order.
   */
  readonly holding: 'everyone' | 'claim'
  readonly startsAt?: number
  readonly expiresAt?: number
}

/**
 * The shop's coupons: 满 100 减 20 on goods and services (not on memberships) that everyone holds,
 * ¥10 off the T-shirt to claim on its page (one per user), and a winter coupon long expired.
 */
export const COUPONS = {
  FULL100MINUS20: {
    code: 'FULL100MINUS20',
    title: '满 100 减 20',
    kind: 'threshold',
    threshold: 10000,
    amountOff: 2000,
    holding: 'everyone',
  },
  TEE10: {
    code: 'TEE10',
    title: 'T恤立减 10 元',
    kind: 'amount',
    amountOff: 1000,
    skuIds: CATALOGUE.filter((sku) => sku.product?.id === 'cotton-tee').map((sku) => sku.id),
    holding: 'claim',
    startsAt: Date.UTC(2026, 0, 1, -8),
    expiresAt: Date.UTC(2028, 0, 1, -8),
  },
  WINTER2025: {
    code: 'WINTER2025',
    title: '冬季满 50 减 5',
    kind: 'threshold',
    threshold: 5000,
    amountOff: 500,
    holding: 'everyone',
    startsAt: Date.UTC(2025, 11, 1, -8),
    expiresAt: Date.UTC(2026, 0, 1, -8),
  },
} as const satisfies Record<string, SeedCoupon>

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
