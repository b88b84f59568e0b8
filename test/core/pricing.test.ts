import {
  assertQuote,
  type Coupon,
  createCart,
  createTranslator,
  describeCoupon,
  describeCouponReason,
  diffQuotes,
  money,
  type PricingLine,
  percentText,
  priceCart,
  type Quote,
  type TradeKitErrorCode,
} from '@tradekit/core'
import { enUS } from '@tradekit/core/locales/en-US'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { codeOf } from './codeOf'

const line = (
  lineId: string,
  price: number,
  quantity: number,
  extra: Partial<PricingLine> = {},
): PricingLine => ({
  lineId,
  skuId: lineId,
  price: money(price),
  quantity,
  ...extra,
})

const NOW = Date.UTC(2026, 4, 1)
const amounts = (quote: Quote) => ({
  subtotal: quote.subtotal.amount,
  discount: quote.discount.amount,
  fees: quote.fees.amount,
  payable: quote.payable.amount,
  savings: quote.savings.amount,
  lines: quote.lines.map((entry) => [
    entry.lineId,
    entry.lineTotal.amount,
    entry.discount.amount,
    entry.payable.amount,
  ]),
})

describe('priceCart: lines, member prices, savings', () => {
  it('prices each line and totals them', () => {
    const quote = priceCart([line('tea', 4800, 2), line('cup', 1200, 1, { originalPrice: money(1500) })], {
      now: NOW,
    })
    expect(amounts(quote)).toEqual({
      subtotal: 10800,
      discount: 0,
      fees: 0,
      payable: 10800,
      savings: 300,
      lines: [
        ['tea', 9600, 0, 9600],
        ['cup', 1200, 0, 1200],
      ],
    })
    expect(quote.lines[0]).toEqual({
      lineId: 'tea',
      skuId: 'tea',
      quantity: 2,
      unitPrice: money(4800),
      lineTotal: money(9600),
      discount: money(0),
      payable: money(9600),
    })
    expect(quote.lines[1]!.originalUnitPrice).toEqual(money(1500))
    expect(quote.couponId).toBeNull()
    expect(quote.coupon).toBeNull()
  })

  it('applies member prices only for members and only when lower', () => {
    const lines = [
      line('tea', 4800, 2, { memberPrice: money(4000), originalPrice: money(5000) }),
      line('cup', 1200, 1, { memberPrice: money(1500) }),
    ]
    expect(amounts(priceCart(lines, { now: NOW }))).toMatchObject({ subtotal: 10800, savings: 400 })
    const member = priceCart(lines, { member: true, now: NOW })
    expect(amounts(member)).toMatchObject({ subtotal: 9200, payable: 9200, savings: 2000 })
    expect(member.lines[0]).toMatchObject({ unitPrice: money(4000), originalUnitPrice: money(5000) })
    expect(member.lines[1]!.unitPrice).toEqual(money(1200))
  })

  it('leaves out unselected and blocked lines: a cart snapshot prices as it is', () => {
    const cart = createCart()
    cart.add({ skuId: 'tea', title: '龙井', price: money(4800) }, 2)
    cart.add({ skuId: 'cup', title: '茶杯', price: money(1200) })
    cart.add({ skuId: 'pot', title: '茶壶', price: money(9900) })
    cart.select('cup', false)
    cart.update([{ skuId: 'pot', title: '茶壶', price: money(9900), status: 'sold_out' }])
    const quote = priceCart(cart.getSnapshot().lines, { now: NOW })
    expect(quote.lines.map((entry) => entry.lineId)).toEqual(['tea'])
    expect(quote.subtotal).toEqual(cart.getSnapshot().subtotal)
    expect(priceCart([line('a', 100, 1, { status: 'off_shelf' })]).lines).toEqual([])
  })

  it('prices an empty cart as zero in its currency', () => {
    expect(amounts(priceCart([], { currency: 'USD' }))).toEqual({
      subtotal: 0,
      discount: 0,
      fees: 0,
      payable: 0,
      savings: 0,
      lines: [],
    })
    expect(priceCart([], { currency: 'USD' }).payable).toEqual(money(0, 'USD'))
  })
})

describe('coupons', () => {
  const lines = [line('tea', 4800, 2), line('cup', 1200, 1)] // 10 800

  it('满减: applies at the threshold, says how much is missing below it', () => {
    const coupon: Coupon = { id: 'm', kind: 'threshold', threshold: money(10000), amountOff: money(2000) }
    const quote = priceCart(lines, { coupons: [coupon], now: NOW })
    expect(quote.couponId).toBe('m')
    expect(amounts(quote)).toMatchObject({ discount: 2000, payable: 8800, savings: 2000 })
    const short = priceCart([line('cup', 1200, 1)], { coupons: [coupon], now: NOW })
    expect(short.coupons[0]).toMatchObject({
      applicable: false,
      reason: 'below_threshold',
      shortfall: money(8800),
    })
    expect(short.discount).toEqual(money(0))
  })

  it('每满减: repeats per full threshold', () => {
    const coupon: Coupon = {
      id: 'r',
      kind: 'threshold',
      threshold: money(5000),
      amountOff: money(500),
      repeat: true,
    }
    expect(priceCart(lines, { coupons: [coupon], now: NOW }).discount).toEqual(money(1000))
  })

  it('percent off rounds down by default, caps at maxDiscount, and takes an explicit rounding', () => {
    const odd = [line('a', 333, 1)]
    const coupon: Coupon = { id: 'p', kind: 'percent', percentOffBps: 1500 }
    expect(priceCart(odd, { coupons: [coupon], now: NOW }).discount).toEqual(money(49)) // 49.95
    expect(priceCart(odd, { coupons: [coupon], now: NOW, rounding: 'half-up' }).discount).toEqual(money(50))
    const capped: Coupon = { ...coupon, maxDiscount: money(1000) }
    expect(priceCart(lines, { coupons: [capped], now: NOW }).discount).toEqual(money(1000))
  })

  it('amount off never takes more than the lines it applies to', () => {
    const coupon: Coupon = { id: 'a', kind: 'amount', amountOff: money(5000), skuIds: ['cup'] }
    const quote = priceCart(lines, { coupons: [coupon], now: NOW })
    expect(amounts(quote)).toMatchObject({
      discount: 1200,
      lines: [
        ['tea', 9600, 0, 9600],
        ['cup', 1200, 1200, 0],
      ],
    })
  })

  it('sku scope: only the listed skus count toward the threshold and share the discount', () => {
    const coupon: Coupon = {
      id: 's',
      kind: 'threshold',
      threshold: money(5000),
      amountOff: money(1000),
      skuIds: ['tea', 'pot'],
    }
    const quote = priceCart([...lines, line('pot', 3000, 1)], { coupons: [coupon], now: NOW })
    expect(amounts(quote).lines).toEqual([
      ['tea', 9600, 762, 8838], // 1000 × 9600 / 12600 = 761.9
      ['cup', 1200, 0, 1200],
      ['pot', 3000, 238, 2762],
    ])
    const none = priceCart(lines, { coupons: [{ ...coupon, skuIds: ['other'] }], now: NOW })
    expect(none.coupons[0]).toMatchObject({ applicable: false, reason: 'no_eligible_lines' })
  })

  it('minimum spend', () => {
    const coupon: Coupon = { id: 'min', kind: 'amount', amountOff: money(500), minSpend: money(20000) }
    expect(priceCart(lines, { coupons: [coupon], now: NOW }).coupons[0]).toMatchObject({
      applicable: false,
      reason: 'below_min_spend',
      shortfall: money(9200),
    })
    expect(priceCart(lines, { coupons: [{ ...coupon, minSpend: money(10800) }], now: NOW }).discount).toEqual(
      money(500),
    )
  })

  it('validity window: startsAt inclusive, expiresAt exclusive', () => {
    const coupon: Coupon = {
      id: 't',
      kind: 'amount',
      amountOff: money(500),
      startsAt: NOW,
      expiresAt: NOW + 1000,
    }
    const at = (now: number) => priceCart(lines, { coupons: [coupon], now }).coupons[0]!
    expect(at(NOW - 1)).toMatchObject({ applicable: false, reason: 'not_started' })
    expect(at(NOW).applicable).toBe(true)
    expect(at(NOW + 999).applicable).toBe(true)
    expect(at(NOW + 1000)).toMatchObject({ applicable: false, reason: 'expired' })
  })

  it('chooses the best coupon, the earlier one on a tie; an explicit choice or none overrides', () => {
    const coupons: Coupon[] = [
      { id: 'five', kind: 'amount', amountOff: money(500) },
      { id: 'ten%', kind: 'percent', percentOffBps: 1000 }, // 1080
      { id: 'tie', kind: 'amount', amountOff: money(1080) },
      { id: 'expired', kind: 'amount', amountOff: money(9000), expiresAt: NOW },
    ]
    expect(priceCart(lines, { coupons, now: NOW }).couponId).toBe('ten%')
    expect(priceCart(lines, { coupons, now: NOW, couponId: 'five' }).discount).toEqual(money(500))
    expect(priceCart(lines, { coupons, now: NOW, couponId: null })).toMatchObject({
      couponId: null,
      coupon: null,
    })
    const inapplicable = priceCart(lines, { coupons, now: NOW, couponId: 'expired' })
    expect(inapplicable).toMatchObject({ couponId: null, discount: money(0) })
    expect(inapplicable.coupons.map((entry) => entry.reason)).toEqual([
      undefined,
      undefined,
      undefined,
      'expired',
    ])
    expect(codeOf(() => priceCart(lines, { coupons, couponId: 'nope' }))).toBe('INVALID_ARGUMENT')
  })

  it('allocates an order discount exactly across lines', () => {
    const quote = priceCart([line('a', 100, 1), line('b', 100, 1), line('c', 100, 1)], {
      coupons: [{ id: 'x', kind: 'amount', amountOff: money(100) }],
      now: NOW,
    })
    expect(quote.lines.map((entry) => entry.discount.amount)).toEqual([34, 33, 33])
  })
})

describe('fees', () => {
  it('adds fees and waives one from its free threshold, after discounts', () => {
    const fees = [
      { id: 'delivery', label: '运费', amount: money(800), freeFrom: money(9900) },
      { id: 'service', amount: money(100) },
    ]
    const lines = [line('tea', 5000, 2)]
    const free = priceCart(lines, { fees, now: NOW })
    expect(amounts(free)).toMatchObject({ fees: 100, payable: 10100 })
    expect(free.feeItems).toEqual([
      { id: 'delivery', label: '运费', amount: money(0), waived: true },
      { id: 'service', amount: money(100), waived: false },
    ])
    const discounted = priceCart(lines, {
      fees,
      coupons: [{ id: 'c', kind: 'amount', amountOff: money(200) }],
      now: NOW,
    })
    expect(amounts(discounted)).toMatchObject({ discount: 200, fees: 900, payable: 10700 })
  })

  it('leaves a fee with kinds out of orders that have no line of those kinds', () => {
    const delivery = {
      id: 'delivery',
      amount: money(800),
      freeFrom: money(9900),
      kinds: ['physical'] as const,
    }
    const parcel = line('tea', 2000, 1) // no kind: physical
    const lesson = { ...line('lesson', 3000, 1), kind: 'service' as const }
    const ebook = { ...line('ebook', 1000, 1), kind: 'virtual' as const }
    expect(priceCart([lesson, ebook], { fees: [delivery], now: NOW }).feeItems).toEqual([])
    expect(amounts(priceCart([lesson, ebook], { fees: [delivery], now: NOW }))).toMatchObject({ fees: 0 })
    expect(amounts(priceCart([parcel, lesson], { fees: [delivery], now: NOW }))).toMatchObject({
      fees: 800,
      payable: 5800,
    })
    // the free threshold counts the whole order after discounts, services included
    const big = { ...line('course', 9000, 1), kind: 'service' as const }
    expect(amounts(priceCart([parcel, big], { fees: [delivery], now: NOW }))).toMatchObject({ fees: 0 })
    expect(() =>
      priceCart([parcel], {
        fees: [{ ...delivery, kinds: 'physical' as unknown as ['physical'] }],
        now: NOW,
      }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }))
  })
})

describe('bad pricing input throws TradeKitError', () => {
  const ok = [line('a', 100, 1)]
  it.each<[string, () => unknown, TradeKitErrorCode]>([
    [
      'a line in another currency',
      () => priceCart([line('a', 100, 1), { ...line('b', 1, 1), price: money(1, 'USD') }]),
      'CURRENCY_MISMATCH',
    ],
    [
      'a float price',
      () => priceCart([{ ...line('a', 1, 1), price: { amount: 1.5, currency: 'CNY' } }]),
      'INVALID_AMOUNT',
    ],
    ['a zero quantity', () => priceCart([line('a', 100, 0)]), 'INVALID_QUANTITY'],
    ['a fractional quantity', () => priceCart([line('a', 100, 1.5)]), 'INVALID_QUANTITY'],
    ['one lineId twice', () => priceCart([line('a', 100, 1), line('a', 100, 1)]), 'INVALID_ARGUMENT'],
    [
      'a coupon in another currency',
      () => priceCart(ok, { coupons: [{ id: 'c', kind: 'amount', amountOff: money(1, 'USD') }] }),
      'CURRENCY_MISMATCH',
    ],
    [
      'a float coupon amount',
      () =>
        priceCart(ok, {
          coupons: [{ id: 'c', kind: 'amount', amountOff: { amount: 0.5, currency: 'CNY' } }],
        }),
      'INVALID_AMOUNT',
    ],
    [
      'a percent above 100 %',
      () => priceCart(ok, { coupons: [{ id: 'c', kind: 'percent', percentOffBps: 10001 }] }),
      'INVALID_ARGUMENT',
    ],
    [
      'a fractional percent',
      () => priceCart(ok, { coupons: [{ id: 'c', kind: 'percent', percentOffBps: 12.5 }] }),
      'INVALID_ARGUMENT',
    ],
    [
      'an unknown coupon kind',
      () => priceCart(ok, { coupons: [{ id: 'c', kind: 'gift' } as unknown as Coupon] }),
      'INVALID_ARGUMENT',
    ],
    [
      'a coupon without id',
      () => priceCart(ok, { coupons: [{ id: '', kind: 'amount', amountOff: money(1) }] }),
      'INVALID_ARGUMENT',
    ],
    ['a negative fee', () => priceCart(ok, { fees: [{ id: 'f', amount: money(-1) }] }), 'INVALID_AMOUNT'],
    ['an unknown rounding', () => priceCart(ok, { rounding: 'up' as 'floor' }), 'INVALID_ARGUMENT'],
  ])('%s', (_name, run, code) => {
    expect(codeOf(run)).toBe(code)
  })
})

describe('pricing properties', () => {
  const lineArb = fc.record({
    price: fc.integer({ min: 0, max: 100_000 }),
    member: fc.option(fc.integer({ min: 0, max: 100_000 })),
    quantity: fc.integer({ min: 1, max: 20 }),
    sku: fc.constantFrom('a', 'b', 'c', 'd'),
  })
  const couponArb: fc.Arbitrary<Coupon> = fc.oneof(
    fc.record({
      id: fc.constant('t'),
      kind: fc.constant('threshold' as const),
      threshold: fc.integer({ min: 1, max: 500_000 }).map((n) => money(n)),
      amountOff: fc.integer({ min: 0, max: 100_000 }).map((n) => money(n)),
      repeat: fc.boolean(),
    }),
    fc.record({
      id: fc.constant('p'),
      kind: fc.constant('percent' as const),
      percentOffBps: fc.integer({ min: 0, max: 10_000 }),
      skuIds: fc.subarray(['a', 'b', 'c', 'd']),
    }),
    fc.record({
      id: fc.constant('m'),
      kind: fc.constant('amount' as const),
      amountOff: fc.integer({ min: 0, max: 2_000_000 }).map((n) => money(n)),
      minSpend: fc.integer({ min: 0, max: 500_000 }).map((n) => money(n)),
    }),
  )

  it('adds up: line discounts sum to the discount, payable = subtotal − discount + fees, never negative', () => {
    fc.assert(
      fc.property(
        fc.array(lineArb, { maxLength: 12 }),
        fc.array(couponArb, { maxLength: 3 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 2000 }),
        (specs, coupons, member, fee) => {
          const lines = specs.map((spec, index) =>
            line(`l${index}`, spec.price, spec.quantity, {
              skuId: spec.sku,
              ...(spec.member === null ? {} : { memberPrice: money(spec.member) }),
            }),
          )
          const unique = coupons.map((coupon, index) => ({ ...coupon, id: `${coupon.id}${index}` }))
          const quote = priceCart(lines, {
            coupons: unique,
            member,
            fees: [{ id: 'f', amount: money(fee) }],
            now: NOW,
          })
          expect(() => assertQuote(quote)).not.toThrow()
          const sum = (pick: (entry: Quote['lines'][number]) => number) =>
            quote.lines.reduce((total, entry) => total + pick(entry), 0)
          expect(sum((entry) => entry.discount.amount)).toBe(quote.discount.amount)
          expect(sum((entry) => entry.lineTotal.amount)).toBe(quote.subtotal.amount)
          expect(quote.payable.amount).toBe(quote.subtotal.amount - quote.discount.amount + fee)
          for (const entry of quote.lines) {
            expect(entry.discount.amount).toBeGreaterThanOrEqual(0)
            expect(entry.payable.amount).toBeGreaterThanOrEqual(0)
          }
          const best = Math.max(0, ...quote.coupons.filter((c) => c.applicable).map((c) => c.discount.amount))
          expect(quote.discount.amount).toBe(best)
          expect(quote.savings.amount).toBeGreaterThanOrEqual(quote.discount.amount)
        },
      ),
      { numRuns: 300 },
    )
  })
})

describe('server quotes', () => {
  const local = priceCart([line('tea', 4800, 2), line('cup', 1200, 1)], { now: NOW })

  it('accepts a consistent quote and rejects one that does not add up', () => {
    expect(() => assertQuote(local)).not.toThrow()
    const broken: Quote = { ...local, payable: money(1) }
    expect(codeOf(() => assertQuote(broken))).toBe('INVALID_ARGUMENT')
    const badLine: Quote = { ...local, lines: [{ ...local.lines[0]!, discount: money(5) }, local.lines[1]!] }
    expect(codeOf(() => assertQuote(badLine))).toBe('INVALID_ARGUMENT')
    const float = { ...local, subtotal: { amount: 10.5, currency: 'CNY' } }
    expect(codeOf(() => assertQuote(float))).toBe('INVALID_AMOUNT')
    const mixed = { ...local, fees: money(0, 'USD') }
    expect(codeOf(() => assertQuote(mixed))).toBe('CURRENCY_MISMATCH')
    expect(codeOf(() => assertQuote('quote'))).toBe('INVALID_ARGUMENT')
  })

  it('says what moved between the shown quote and the server’s', () => {
    const server = priceCart([line('tea', 5000, 2), line('cup', 1200, 1)], { now: NOW })
    expect(diffQuotes(local, server)).toEqual({ changed: true, payableDelta: money(400), lineIds: ['tea'] })
    expect(diffQuotes(local, local)).toEqual({ changed: false, payableDelta: money(0), lineIds: [] })
    const fewer = priceCart([line('cup', 1200, 1)], { now: NOW })
    expect(diffQuotes(local, fewer)).toEqual({ changed: true, payableDelta: money(-9600), lineIds: ['tea'] })
  })
})

describe('coupon texts', () => {
  const zh = createTranslator()
  const en = createTranslator({ locale: 'en-US', messages: enUS })
  const threshold: Coupon = { id: 'a', kind: 'threshold', threshold: money(10000), amountOff: money(2000) }
  const percent: Coupon = { id: 'b', kind: 'percent', percentOffBps: 1250, maxDiscount: money(3050) }

  it('writes the rule in both locales', () => {
    expect(describeCoupon(threshold, zh)).toBe('满¥100减¥20')
    expect(describeCoupon(threshold, en, { locale: 'en-US' })).toBe('¥20 off orders of ¥100')
    expect(describeCoupon({ ...threshold, repeat: true }, zh)).toBe('每满¥100减¥20')
    expect(describeCoupon(percent, zh)).toBe('立减 12.5%，最高减¥30.50')
    expect(describeCoupon({ id: 'c', kind: 'percent', percentOffBps: 2000 }, en)).toBe('20% off')
    expect(
      describeCoupon({ id: 'd', kind: 'amount', amountOff: money(500), minSpend: money(5000) }, zh),
    ).toBe('立减¥5，满¥50可用')
  })

  it('says why a coupon cannot be used', () => {
    const quote = priceCart([line('cup', 1200, 1)], { coupons: [threshold], now: NOW })
    expect(describeCouponReason(quote.coupons[0]!, zh)).toBe('还差¥88可用')
    expect(describeCouponReason(quote.coupons[0]!, en)).toBe('Spend ¥88 more to use')
    const usable = priceCart([line('cup', 20000, 1)], { coupons: [threshold], now: NOW })
    expect(describeCouponReason(usable.coupons[0]!, zh)).toBeUndefined()
  })
})

describe('percentText', () => {
  it('writes basis points as a percentage with integers only', () => {
    expect([percentText(1500), percentText(1250), percentText(1205), percentText(5)]).toEqual([
      '15',
      '12.5',
      '12.05',
      '0.05',
    ])
  })
})
