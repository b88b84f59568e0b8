import {
  buyAgainItems,
  type CartItem,
  createCart,
  memoryStorage,
  money,
  type Order,
  type OrderItem,
  putBackInCart,
} from '@tradekit/core'
import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'

function line(skuId: string, quantity: number, patch: Partial<OrderItem> = {}): OrderItem {
  return {
    lineId: `line-${skuId}`,
    skuId,
    title: `old ${skuId}`,
    quantity,
    unitPrice: money(1000),
    amount: money(1000 * quantity),
    refunded: money(0),
    ...patch,
  }
}

const order = (lines: OrderItem[]): Pick<Order, 'lines'> => ({ lines })

// a product the cart refuses is said to the developer (dev builds): keep it out of the output, and
// check it where it is the point
const warn = () => vi.spyOn(console, 'warn').mockImplementation(() => {})
afterEach(() => {
  vi.restoreAllMocks()
})

describe('buyAgainItems', () => {
  it("adds today's product at today's price, and reports every line it cannot add with why", () => {
    const current: CartItem[] = [
      { skuId: 'tea', title: '龙井 2026', price: money(5200), stock: 10 },
      { skuId: 'cup', title: '茶杯', price: money(1200), status: 'sold_out' },
      { skuId: 'pot', title: '茶壶', price: money(9900), status: 'off_shelf' },
      { skuId: 'tray', title: '茶盘', price: money(3000), stock: 0 },
    ]
    const result = buyAgainItems(
      order([line('tea', 2), line('cup', 1), line('pot', 1), line('gone', 3), line('tray', 1)]),
      current,
    )
    expect(result.items).toEqual([{ item: current[0], quantity: 2, line: line('tea', 2) }])
    expect(result.unavailable.map((u) => `${u.line.skuId}:${u.reason}`)).toEqual([
      'cup:sold_out',
      'pot:off_shelf',
      'gone:gone',
      'tray:sold_out',
    ])
  })

  it("fits the quantity into today's stock, limits and steps, and says why it changed", () => {
    const current: CartItem[] = [
      { skuId: 'tea', title: '龙井', price: money(4800), stock: 3 },
      { skuId: 'water', title: '矿泉水', price: money(250), step: 6 },
      { skuId: 'vip', title: '限量', price: money(9900), perUserLimit: 2 },
      { skuId: 'min', title: '起购', price: money(100), minQuantity: 5 },
    ]
    const result = buyAgainItems(
      order([line('tea', 5), line('water', 13), line('vip', 4), line('min', 1)]),
      current,
    )
    expect(result.items.map((i) => [i.item.skuId, i.quantity, i.issue])).toEqual([
      ['tea', 3, 'exceeds_stock'],
      ['water', 12, 'not_multiple_of_step'],
      ['vip', 2, 'over_limit'],
      ['min', 5, 'below_min'],
    ])
    expect(result.unavailable).toEqual([])
  })

  it("keeps the order line's options (a booking slot) on the item", () => {
    const current: CartItem[] = [{ skuId: 'consult', title: '咨询', price: money(19900), kind: 'service' }]
    const result = buyAgainItems(order([line('consult', 1, { options: { slot: 'A' } })]), current)
    expect(result.items[0]!.item).toEqual({ ...current[0], options: { slot: 'A' } })
  })

  it('puts into a real cart what it says, at the current price', async () => {
    const cart = createCart({ storage: memoryStorage() })
    await cart.ready
    const current: CartItem[] = [{ skuId: 'tea', title: '龙井', price: money(5200), stock: 10 }]
    for (const { item, quantity } of buyAgainItems(order([line('tea', 2)]), current).items)
      cart.add(item, quantity)
    expect(cart.getSnapshot()).toMatchObject({ count: 2, subtotal: money(10400) })
  })

  it('reports a product the cart would refuse as unavailable, so adding the rest never throws halfway', () => {
    const warned = warn()
    const current = [
      { skuId: 'tea', title: '龙井', price: money(5200) },
      { skuId: 'cup', title: '茶杯', price: { amount: 12.5, currency: 'CNY' } },
      { skuId: 'pot', title: '茶壶', price: money(9900, 'USD') },
      { skuId: 'tray', price: money(3000) },
    ] as unknown as CartItem[]
    const result = buyAgainItems(
      order([line('cup', 1), line('tea', 2), line('pot', 1), line('tray', 1)]),
      current,
      'CNY',
    )
    expect(result.items.map((i) => i.line.skuId)).toEqual(['tea'])
    expect(result.unavailable.map((u) => [u.line.skuId, u.reason])).toEqual([
      ['cup', 'unavailable'],
      ['pot', 'unavailable'],
      ['tray', 'unavailable'],
    ])
    const cart = createCart()
    for (const { item, quantity } of result.items) cart.add(item, quantity)
    expect(cart.getSnapshot()).toMatchObject({ count: 2, subtotal: money(10400) })
    // the developer learns which product and why
    expect(warned).toHaveBeenCalledTimes(3)
    expect(warned).toHaveBeenCalledWith(
      '[TradeKit] buyAgainItems: the product of pot is not one the cart accepts',
      expect.objectContaining({ code: 'CURRENCY_MISMATCH' }),
    )
  })

  it("checks the currency against the item's own when none is given", () => {
    warn()
    const current: CartItem[] = [{ skuId: 'tea', title: 'Tea', price: money(500, 'USD') }]
    expect(buyAgainItems(order([line('tea', 1)]), current).items).toHaveLength(1)
    expect(buyAgainItems(order([line('tea', 1)]), current, 'CNY').unavailable).toEqual([
      { line: line('tea', 1), reason: 'unavailable' },
    ])
  })

  it('gives only items a real cart accepts, whatever the server sends', () => {
    warn()
    const junk = fc.oneof(
      fc.constant(undefined),
      fc.constant(null),
      fc.string(),
      fc.double(),
      fc.integer({ min: -5, max: 5 }),
      fc.record({ amount: fc.oneof(fc.integer(), fc.double()), currency: fc.constantFrom('CNY', 'USD', '') }),
    )
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ price: junk, title: junk, stock: junk, step: junk, perUserLimit: junk, status: junk }),
          { minLength: 1, maxLength: 6 },
        ),
        (specs) => {
          const lines = specs.map((_, i) => line(`s${i}`, 2))
          const current = specs.map((s, i) => ({
            skuId: `s${i}`,
            ...Object.fromEntries(Object.entries(s).filter(([, v]) => v !== undefined)),
          })) as unknown as CartItem[]
          const { items, unavailable } = buyAgainItems(order(lines), current, 'CNY')
          expect(items.length + unavailable.length).toBe(lines.length)
          const cart = createCart()
          for (const { item, quantity } of items) expect(() => cart.add(item, quantity)).not.toThrow()
        },
      ),
    )
  })

  it('never drops a line: each is added or reported', () => {
    warn()
    const statuses = ['on_sale', 'sold_out', 'off_shelf', undefined] as const
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            quantity: fc.integer({ min: 1, max: 50 }),
            known: fc.boolean(),
            status: fc.constantFrom(...statuses),
            stock: fc.option(fc.nat(60)),
            limit: fc.option(fc.nat(20)),
            step: fc.integer({ min: 1, max: 6 }),
          }),
          { maxLength: 8 },
        ),
        (specs) => {
          const lines = specs.map((s, i) => line(`s${i}`, s.quantity))
          const current: CartItem[] = specs.flatMap((s, i) =>
            s.known
              ? [
                  {
                    skuId: `s${i}`,
                    title: `s${i}`,
                    price: money(100),
                    step: s.step,
                    ...(s.status ? { status: s.status } : {}),
                    ...(s.stock === null ? {} : { stock: s.stock }),
                    ...(s.limit === null ? {} : { perUserLimit: s.limit }),
                  },
                ]
              : [],
          )
          const { items, unavailable } = buyAgainItems(order(lines), current)
          const seen = [...items.map((i) => i.line.skuId), ...unavailable.map((u) => u.line.skuId)]
          expect(seen.sort()).toEqual(lines.map((l) => l.skuId).sort())
          for (const item of items) expect(item.quantity).toBeGreaterThan(0)
          for (const u of unavailable) {
            if (!current.some((c) => c.skuId === u.line.skuId)) expect(u.reason).toBe('gone')
          }
        },
      ),
    )
  })
})

describe('putBackInCart', () => {
  it('puts in every line the cart takes and reports the one it refuses, never stopping halfway', () => {
    const cart = createCart()
    // a cart whose total is near the largest safe amount: the tea fits, the cup would overflow it
    cart.add({ skuId: 'gold', title: '金条', price: money(Number.MAX_SAFE_INTEGER - 12_000) })
    const current: CartItem[] = [
      { skuId: 'tea', title: '龙井', price: money(5000) },
      { skuId: 'cup', title: '茶杯', price: money(4000) },
      { skuId: 'pot', title: '茶壶', price: money(3000), status: 'sold_out' },
    ]
    const found = buyAgainItems(order([line('tea', 2), line('cup', 1), line('pot', 1)]), current, 'CNY')
    const result = putBackInCart(cart, found)
    expect(result.items.map((i) => i.line.skuId)).toEqual(['tea'])
    expect(result.unavailable.map((u) => [u.line.skuId, u.reason])).toEqual([
      ['pot', 'sold_out'],
      ['cup', 'unavailable'],
    ])
    expect(cart.getSnapshot().lines.map((l) => [l.skuId, l.quantity])).toEqual([
      ['tea', 2],
      ['gold', 1],
    ])
    // nothing refused: the result is the one given
    expect(putBackInCart(createCart(), found)).toBe(found)
  })
})
