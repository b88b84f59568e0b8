import { describe, expect, it } from 'vitest'
import { cartLineId } from '../../../packages/core/src/cart/cartLineId.ts'
import { addPeriod } from '../src/membership/entitlement.ts'
import { allocate, type PricedSku, priceOrder } from '../src/pricing/priceOrder.ts'

const sku = (id: string, price: number, extra: Partial<PricedSku> = {}): PricedSku => ({
  id,
  kind: 'physical',
  currency: 'CNY',
  price,
  originalPrice: null,
  memberPrice: null,
  isPlan: false,
  ...extra,
})

describe('allocate', () => {
  it('splits by largest remainder and always sums to the whole', () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33])
    expect(allocate(2000, [12800, 2900, 0])).toEqual([1631, 369, 0])
    expect(allocate(0, [5, 5])).toEqual([0, 0])
    expect(allocate(7, [0, 0])).toEqual([0, 0])
    for (const [total, weights] of [
      [999, [3, 7, 11, 13]],
      [1, [1000, 1, 1]],
      [12345, [9999, 1, 5000, 77]],
    ] as const) {
      const parts = allocate(total, weights)
      expect(parts.reduce((a, b) => a + b, 0)).toBe(total)
      expect(parts.every((p) => Number.isInteger(p) && p >= 0)).toBe(true)
    }
  })
})

describe('priceOrder', () => {
  const skus = new Map([
    ['a', sku('a', 4000, { memberPrice: 3500, originalPrice: 5000 })],
    ['b', sku('b', 3000)],
    ['e', sku('e', 990, { kind: 'virtual' })],
    ['plan', sku('plan', 1500, { kind: 'virtual', isPlan: true })],
  ])

  it('charges delivery under 99 yuan of parcels and waives it from 99', () => {
    const small = priceOrder([{ skuId: 'b', quantity: 1 }], skus, { member: false })
    expect(small.fees).toEqual({ amount: 800, currency: 'CNY' })
    expect(small.payable).toEqual({ amount: 3800, currency: 'CNY' })
    const large = priceOrder([{ skuId: 'b', quantity: 4 }], skus, { member: false })
    expect(large.fees.amount).toBe(0)
    const virtual = priceOrder([{ skuId: 'e', quantity: 1 }], skus, { member: false })
    expect(virtual.fees.amount).toBe(0)
  })

  it('counts the free-delivery threshold on the whole order after the coupon, like the client', () => {
    const coupon = { member: false, coupon: 'FULL100MINUS20' } as const
    // ¥100 of parcels, ¥20 off: ¥80 of goods, so delivery is due
    const couponed = priceOrder(
      [
        { skuId: 'a', quantity: 1 },
        { skuId: 'b', quantity: 2 },
      ],
      skus,
      coupon,
    )
    expect(couponed).toMatchObject({
      subtotal: { amount: 10000 },
      discount: { amount: 2000 },
      fees: { amount: 800 },
      payable: { amount: 8800 },
    })
    // ¥120 of parcels, ¥20 off: ¥100 of goods, free
    const large = priceOrder([{ skuId: 'b', quantity: 4 }], skus, coupon)
    expect(large).toMatchObject({
      discount: { amount: 2000 },
      fees: { amount: 0 },
      payable: { amount: 10000 },
    })
    // ¥90 of parcels and a ¥9.90 e-book: ¥99.90 of goods, free
    const mixed = priceOrder(
      [
        { skuId: 'b', quantity: 3 },
        { skuId: 'e', quantity: 1 },
      ],
      skus,
      { member: false },
    )
    expect(mixed).toMatchObject({ subtotal: { amount: 9990 }, fees: { amount: 0 } })
  })

  it('uses member prices for members and counts savings against the original price', () => {
    const quote = priceOrder([{ skuId: 'a', quantity: 3 }], skus, { member: true })
    expect(quote.lines[0]).toMatchObject({ unitPrice: { amount: 3500 }, lineTotal: { amount: 10500 } })
    expect(quote.savings.amount).toBe((5000 - 3500) * 3)
    const guest = priceOrder([{ skuId: 'a', quantity: 3 }], skus, { member: false })
    expect(guest.lines[0]?.unitPrice.amount).toBe(4000)
  })

  it('keeps every invariant: line payables sum to payable minus fees, discounts to the discount', () => {
    const quote = priceOrder(
      [
        { skuId: 'a', quantity: 2 },
        { skuId: 'b', quantity: 1 },
        { skuId: 'plan', quantity: 1 },
      ],
      skus,
      { member: false, coupon: 'FULL100MINUS20' },
    )
    const sum = (pick: (l: (typeof quote.lines)[number]) => number) =>
      quote.lines.reduce((s, l) => s + pick(l), 0)
    expect(quote.discount.amount).toBe(2000)
    expect(sum((l) => l.discount.amount)).toBe(quote.discount.amount)
    expect(sum((l) => l.lineTotal.amount)).toBe(quote.subtotal.amount)
    expect(sum((l) => l.payable.amount) + quote.fees.amount).toBe(quote.payable.amount)
    expect(quote.lines.find((l) => l.skuId === 'plan')?.discount.amount).toBe(0)
  })

  it("gives each line the client's cart line id, options or not", () => {
    const consult = new Map([['consult', sku('consult', 19900, { kind: 'service' })], ...skus])
    const morning = { slot: '2026-01-20 10:00', lawyer: '张律师' }
    const afternoon = { lawyer: '张律师', slot: '2026-01-20 15:00' }
    const quote = priceOrder(
      [
        { skuId: 'consult', quantity: 1, options: morning },
        { skuId: 'consult', quantity: 1, options: afternoon },
        { skuId: 'b', quantity: 1 },
        { skuId: 'a', quantity: 1, options: {} },
      ],
      consult,
      { member: false },
    )
    expect(quote.lines.map((l) => l.lineId)).toEqual([
      cartLineId('consult', morning),
      cartLineId('consult', afternoon),
      'b',
      'a',
    ])
    expect(quote.lines[0]?.lineId).not.toBe(quote.lines[1]?.lineId)
  })

  it('does not apply the coupon to memberships alone', () => {
    const quote = priceOrder([{ skuId: 'plan', quantity: 12 }], skus, {
      member: false,
      coupon: 'FULL100MINUS20',
    })
    expect(quote.discount.amount).toBe(0)
    expect(quote.coupon).toEqual({ code: 'FULL100MINUS20', applied: false })
  })
})

describe('addPeriod', () => {
  it('adds calendar months in UTC, clamping to the last day of a shorter month', () => {
    expect(addPeriod(Date.UTC(2026, 0, 31, 12), 'month', 1)).toBe(Date.UTC(2026, 1, 28, 12))
    expect(addPeriod(Date.UTC(2028, 0, 31), 'month', 1)).toBe(Date.UTC(2028, 1, 29))
    expect(addPeriod(Date.UTC(2026, 10, 15), 'month', 3)).toBe(Date.UTC(2027, 1, 15))
    expect(addPeriod(Date.UTC(2028, 1, 29), 'year', 1)).toBe(Date.UTC(2029, 1, 28))
    expect(addPeriod(Date.UTC(2026, 0, 1), 'week', 2)).toBe(Date.UTC(2026, 0, 15))
    expect(addPeriod(Date.UTC(2026, 0, 1), 'day', 45)).toBe(Date.UTC(2026, 1, 15))
  })
})
