import {
  type CartItem,
  type CartSnapshot,
  cartLineId,
  clampQuantity,
  createCart,
  type Money,
  money,
  quantityRules,
  type TradeKitErrorCode,
} from '@tradekit/core'
import { describe, expect, it, vi } from 'vitest'
import { codeOf } from './codeOf'

const tea: CartItem = { skuId: 'tea', title: '龙井', price: money(4800), stock: 10 }
const cup: CartItem = {
  skuId: 'cup',
  title: '茶杯',
  price: money(1200),
  attributes: [{ name: '颜色', value: '黑' }],
}
const consult: CartItem = { skuId: 'consult', title: '法律咨询', price: money(19900), kind: 'service' }

const summary = (snapshot: CartSnapshot) => ({
  lines: snapshot.lines.map((line) => [line.lineId, line.quantity, line.selected, [...line.issues]]),
  count: snapshot.count,
  selectedCount: snapshot.selectedCount,
  subtotal: snapshot.subtotal.amount,
})

describe('createCart without storage', () => {
  it('starts ready and empty', async () => {
    const cart = createCart()
    expect(cart.getSnapshot()).toEqual({
      status: 'ready',
      lines: [],
      count: 0,
      selectedCount: 0,
      subtotal: money(0),
      allSelected: false,
      issues: [],
    })
    await expect(cart.ready).resolves.toBeUndefined()
  })

  it('adds selected lines newest first and merges the same sku', () => {
    const cart = createCart()
    expect(cart.add(tea, 2)).toEqual({ ok: true, quantity: 2 })
    expect(cart.add(cup)).toEqual({ ok: true, quantity: 1 })
    expect(cart.add(tea, 3)).toEqual({ ok: true, quantity: 5 })
    const snapshot = cart.getSnapshot()
    expect(summary(snapshot)).toEqual({
      lines: [
        ['cup', 1, true, []],
        ['tea', 5, true, []],
      ],
      count: 6,
      selectedCount: 6,
      subtotal: 5 * 4800 + 1200,
    })
    expect(snapshot.allSelected).toBe(true)
    expect(snapshot.lines[0]).toMatchObject({
      skuId: 'cup',
      title: '茶杯',
      attributes: [{ name: '颜色', value: '黑' }],
      addedPrice: money(1200),
    })
  })

  it('keeps two bookings of one service as two lines, keyed by a stable hash of their options', () => {
    const cart = createCart()
    cart.add({ ...consult, options: { slot: '10:00', lawyer: 'wang' } })
    cart.add({ ...consult, options: { slot: '11:00', lawyer: 'wang' } })
    cart.add({ ...consult, options: { lawyer: 'wang', slot: '10:00' } })
    const ids = cart.getSnapshot().lines.map((line) => [line.lineId, line.quantity])
    expect(ids).toEqual([
      [cartLineId('consult', { slot: '11:00', lawyer: 'wang' }), 1],
      [cartLineId('consult', { slot: '10:00', lawyer: 'wang' }), 2],
    ])
    expect(cartLineId('consult', { slot: '10:00' })).toMatch(/^consult~[0-9a-z]+$/)
    expect(cartLineId('consult', { slot: '10:00' })).not.toBe(cartLineId('consult', { slot: '11:00' }))
    expect(cartLineId('consult', { a: 1, b: [1, { c: null }] })).toBe(
      cartLineId('consult', { b: [1, { c: null }], a: 1 }),
    )
    expect(cartLineId('consult', {})).toBe('consult')
    expect(cartLineId('consult')).toBe('consult')
  })

  it('snapshots are frozen', () => {
    const cart = createCart()
    cart.add(tea)
    const snapshot = cart.getSnapshot()
    expect(Object.isFrozen(snapshot)).toBe(true)
    expect(Object.isFrozen(snapshot.lines)).toBe(true)
    expect(Object.isFrozen(snapshot.lines[0])).toBe(true)
    expect(Object.isFrozen(snapshot.lines[0]!.issues)).toBe(true)
  })
})

describe('quantity rules clamp and report', () => {
  it('clamps to the stock', () => {
    const cart = createCart()
    expect(cart.add(tea, 12)).toEqual({ ok: false, quantity: 10, issue: 'exceeds_stock' })
    expect(cart.getSnapshot().lines[0]!.issues).toEqual(['exceeds_stock'])
    expect(cart.setQuantity('tea', 4)).toEqual({ ok: true, quantity: 4 })
    expect(cart.getSnapshot().lines[0]!.issues).toEqual([])
    expect(cart.add(tea, 7)).toEqual({ ok: false, quantity: 10, issue: 'exceeds_stock' })
  })

  it('clamps to maxQuantity and perUserLimit as over_limit', () => {
    const cart = createCart()
    expect(cart.add({ ...cup, maxQuantity: 3 }, 5)).toEqual({ ok: false, quantity: 3, issue: 'over_limit' })
    expect(cart.add({ ...tea, perUserLimit: 2 }, 5)).toEqual({ ok: false, quantity: 2, issue: 'over_limit' })
    expect(cart.getSnapshot().lines.map((line) => line.issues)).toEqual([['over_limit'], ['over_limit']])
  })

  it('names the tighter bound when stock and limit both apply', () => {
    const cart = createCart()
    expect(cart.add({ ...tea, stock: 3, maxQuantity: 5 }, 9)).toMatchObject({
      quantity: 3,
      issue: 'exceeds_stock',
    })
    expect(cart.add({ ...cup, stock: 8, maxQuantity: 5 }, 9)).toMatchObject({
      quantity: 5,
      issue: 'over_limit',
    })
  })

  it('raises to the minimum', () => {
    const cart = createCart()
    expect(cart.add({ ...cup, minQuantity: 3 }, 1)).toEqual({ ok: false, quantity: 3, issue: 'below_min' })
    expect(cart.setQuantity('cup', 0)).toEqual({ ok: false, quantity: 3, issue: 'below_min' })
    expect(cart.getSnapshot().lines[0]!.issues).toEqual(['below_min'])
  })

  it('keeps quantities to multiples of step, the minimum being the first multiple at or above minQuantity', () => {
    const cart = createCart()
    const pack: CartItem = { ...cup, step: 6, minQuantity: 4, stock: 20 }
    expect(cart.add(pack, 1)).toEqual({ ok: false, quantity: 6, issue: 'below_min' })
    expect(cart.setQuantity('cup', 13)).toEqual({ ok: false, quantity: 12, issue: 'not_multiple_of_step' })
    expect(cart.getSnapshot().lines[0]!.issues).toEqual([])
    expect(cart.setQuantity('cup', 24)).toEqual({ ok: false, quantity: 18, issue: 'exceeds_stock' })
    expect(cart.setQuantity('cup', 12)).toEqual({ ok: true, quantity: 12 })
  })

  it('does not add a sold-out or off-shelf item', () => {
    const cart = createCart()
    expect(cart.add({ ...tea, status: 'sold_out' })).toEqual({ ok: false, quantity: 0, issue: 'sold_out' })
    expect(cart.add({ ...tea, stock: 0 })).toEqual({ ok: false, quantity: 0, issue: 'sold_out' })
    expect(cart.add({ ...tea, status: 'off_shelf' })).toEqual({ ok: false, quantity: 0, issue: 'off_shelf' })
    expect(cart.getSnapshot().lines).toEqual([])
  })
})

describe('quantityRules and clampQuantity (shared with steppers)', () => {
  it('derive the effective bounds from an item', () => {
    expect(quantityRules({ minQuantity: 4, step: 6, stock: 20 })).toEqual({
      min: 6,
      step: 6,
      limitMax: Number.POSITIVE_INFINITY,
      stockMax: 18,
    })
    expect(quantityRules({ maxQuantity: 9, perUserLimit: 5 })).toMatchObject({ min: 1, limitMax: 5 })
  })

  it('clamp like the cart and say why', () => {
    const rules = quantityRules({ minQuantity: 2, maxQuantity: 8, stock: 6, step: 2 })
    expect(clampQuantity(4, rules)).toEqual({ quantity: 4 })
    expect(clampQuantity(1, rules)).toEqual({ quantity: 2, issue: 'below_min' })
    expect(clampQuantity(5, rules)).toEqual({ quantity: 4, issue: 'not_multiple_of_step' })
    expect(clampQuantity(9, rules)).toEqual({ quantity: 6, issue: 'exceeds_stock' })
    expect(clampQuantity(10, rules, true)).toEqual({ quantity: 8, issue: 'over_limit' })
    expect(clampQuantity(9, rules, true)).toEqual({ quantity: 8, issue: 'not_multiple_of_step' })
  })
})

describe('programmer errors throw and leave the cart unchanged', () => {
  const cases: [string, (cart: ReturnType<typeof createCart>) => unknown, TradeKitErrorCode][] = [
    ['a NaN quantity', (cart) => cart.setQuantity('tea', Number.NaN), 'INVALID_QUANTITY'],
    ['a negative quantity', (cart) => cart.setQuantity('tea', -1), 'INVALID_QUANTITY'],
    ['a fractional quantity', (cart) => cart.setQuantity('tea', 1.5), 'INVALID_QUANTITY'],
    ['an unsafe quantity', (cart) => cart.setQuantity('tea', 2 ** 53), 'INVALID_QUANTITY'],
    ['a string quantity', (cart) => cart.setQuantity('tea', '2' as unknown as number), 'INVALID_QUANTITY'],
    ['adding zero', (cart) => cart.add(cup, 0), 'INVALID_QUANTITY'],
    ['adding a fraction', (cart) => cart.add(cup, 0.5), 'INVALID_QUANTITY'],
    ['an unknown line in setQuantity', (cart) => cart.setQuantity('nope', 1), 'UNKNOWN_LINE'],
    ['an unknown line in remove', (cart) => cart.remove('nope'), 'UNKNOWN_LINE'],
    ['an unknown line in select', (cart) => cart.select('nope', true), 'UNKNOWN_LINE'],
    ['a non-boolean selection', (cart) => cart.select('tea', 1 as unknown as boolean), 'INVALID_ARGUMENT'],
    ['an item without skuId', (cart) => cart.add({ ...cup, skuId: '' }), 'INVALID_ARGUMENT'],
    [
      'an item without title',
      (cart) => cart.add({ ...cup, title: 3 as unknown as string }),
      'INVALID_ARGUMENT',
    ],
    [
      'a float price',
      (cart) => cart.add({ ...cup, price: { amount: 12.5, currency: 'CNY' } }),
      'INVALID_AMOUNT',
    ],
    ['a string price', (cart) => cart.add({ ...cup, price: '12' as unknown as Money }), 'INVALID_AMOUNT'],
    ['a negative price', (cart) => cart.add({ ...cup, price: money(-1) }), 'INVALID_AMOUNT'],
    [
      'a price in another currency',
      (cart) => cart.add({ ...cup, price: money(1, 'USD') }),
      'CURRENCY_MISMATCH',
    ],
    [
      'a member price in another currency',
      (cart) => cart.add({ ...cup, memberPrice: money(1, 'USD') }),
      'CURRENCY_MISMATCH',
    ],
    ['a negative stock', (cart) => cart.add({ ...cup, stock: -1 }), 'INVALID_ARGUMENT'],
    ['a zero step', (cart) => cart.add({ ...cup, step: 0 }), 'INVALID_ARGUMENT'],
    [
      'a limit under the minimum',
      (cart) => cart.add({ ...cup, minQuantity: 3, perUserLimit: 2 }),
      'INVALID_ARGUMENT',
    ],
    [
      'a max under the stepped minimum',
      (cart) => cart.add({ ...cup, step: 4, maxQuantity: 3 }),
      'INVALID_ARGUMENT',
    ],
    ['an unknown status', (cart) => cart.add({ ...cup, status: 'gone' as 'sold_out' }), 'INVALID_ARGUMENT'],
    ['an unknown kind', (cart) => cart.add({ ...cup, kind: 'digital' as 'virtual' }), 'INVALID_ARGUMENT'],
    [
      'bad attributes',
      (cart) => cart.add({ ...cup, attributes: [{ name: 'x' }] as never }),
      'INVALID_ARGUMENT',
    ],
    [
      'non-JSON options',
      (cart) => cart.add({ ...cup, options: { at: new Date() as never } }),
      'INVALID_ARGUMENT',
    ],
    ['NaN in options', (cart) => cart.add({ ...cup, options: { n: Number.NaN } }), 'INVALID_ARGUMENT'],
    [
      'a bad item in update',
      (cart) =>
        cart.update([
          { ...tea, price: money(1) },
          { ...cup, stock: 1.5 },
        ]),
      'INVALID_ARGUMENT',
    ],
    ['update without an array', (cart) => cart.update(tea as never), 'INVALID_ARGUMENT'],
    ['subscribe without a function', (cart) => cart.subscribe('x' as never), 'INVALID_ARGUMENT'],
    [
      'a subtotal beyond the safe range',
      (cart) => cart.add({ ...cup, price: money(2 ** 51) }, 4),
      'INVALID_AMOUNT',
    ],
  ]

  it.each(cases)('%s', (_name, act, code) => {
    const cart = createCart()
    cart.add(tea, 2)
    const before = cart.getSnapshot()
    const listener = vi.fn()
    cart.subscribe(listener)
    expect(codeOf(() => act(cart))).toBe(code)
    expect(cart.getSnapshot()).toBe(before)
    expect(listener).not.toHaveBeenCalled()
  })

  it('refuses a cart currency that is not an ISO code', () => {
    expect(codeOf(() => createCart({ currency: 'yuan' }))).toBe('INVALID_ARGUMENT')
  })
})

describe('selection, remove, clear', () => {
  it('selects, deselects, selects all and sums only the selection', () => {
    const cart = createCart()
    cart.add(tea, 2)
    cart.add(cup, 3)
    expect(cart.select('tea', false)).toBe(true)
    let snapshot = cart.getSnapshot()
    expect([snapshot.selectedCount, snapshot.subtotal, snapshot.count, snapshot.allSelected]).toEqual([
      3,
      money(3600),
      5,
      false,
    ])
    cart.selectAll(false)
    snapshot = cart.getSnapshot()
    expect([snapshot.selectedCount, snapshot.subtotal.amount]).toEqual([0, 0])
    cart.selectAll(true)
    expect(cart.getSnapshot().subtotal).toEqual(money(2 * 4800 + 3600))
    expect(cart.getSnapshot().allSelected).toBe(true)
  })

  it('removes a line, the selected lines, or all', () => {
    const cart = createCart()
    cart.add(tea)
    cart.add(cup)
    cart.add(consult)
    cart.remove('cup')
    expect(cart.getSnapshot().lines.map((line) => line.lineId)).toEqual(['consult', 'tea'])
    cart.select('tea', false)
    cart.removeSelected()
    expect(cart.getSnapshot().lines.map((line) => line.lineId)).toEqual(['tea'])
    cart.clear()
    expect(cart.getSnapshot().lines).toEqual([])
    expect(cart.getSnapshot().count).toBe(0)
  })

  it('keeps two carts apart after each was cleared and filled again', () => {
    const first = createCart()
    const second = createCart()
    for (const cart of [first, second]) {
      cart.add(consult)
      cart.clear()
    }
    first.add(tea)
    second.add(cup)
    first.add(cup)
    second.add(tea, 3)
    first.setQuantity('tea', 2)
    second.remove('cup')
    second.setQuantity('tea', 4)
    expect(summary(first.getSnapshot()).lines).toEqual([
      ['cup', 1, true, []],
      ['tea', 2, true, []],
    ])
    expect(summary(second.getSnapshot()).lines).toEqual([['tea', 4, true, []]])
  })
})

describe('update(items) from the server', () => {
  it('marks a changed price, blocks sold-out and off-shelf lines, leaves others alone', () => {
    const cart = createCart()
    cart.add(tea, 2)
    cart.add(cup, 1)
    cart.add(consult, 1)
    const untouched = cart.getSnapshot().lines.find((line) => line.lineId === 'consult')
    cart.update([
      { ...tea, price: money(4500) },
      { ...cup, status: 'sold_out' },
      { skuId: 'unknown', title: 'x', price: money(1) },
    ])
    const snapshot = cart.getSnapshot()
    expect(summary(snapshot)).toEqual({
      lines: [
        ['consult', 1, true, []],
        ['cup', 1, false, ['sold_out']],
        ['tea', 2, true, ['price_changed']],
      ],
      count: 4,
      selectedCount: 3,
      subtotal: 19900 + 2 * 4500,
    })
    expect(snapshot.lines[0]).toBe(untouched)
    expect(snapshot.lines[2]).toMatchObject({ price: money(4500), addedPrice: money(4800) })
    expect(cart.select('cup', true)).toBe(false)
    cart.selectAll(true)
    expect(cart.getSnapshot().lines[1]!.selected).toBe(false)
    expect(cart.getSnapshot().allSelected).toBe(true)
  })

  it('treats a stock below the minimum as sold out and off_shelf as blocking', () => {
    const cart = createCart()
    cart.add(tea, 2)
    cart.add({ ...cup, minQuantity: 2 }, 2)
    cart.update([
      { ...tea, status: 'off_shelf' },
      { ...cup, minQuantity: 2, stock: 1 },
    ])
    expect(cart.getSnapshot().lines.map((line) => [line.lineId, [...line.issues], line.quantity])).toEqual([
      ['cup', ['sold_out'], 2],
      ['tea', ['off_shelf'], 2],
    ])
    expect(cart.getSnapshot().subtotal).toEqual(money(0))
    expect(cart.getSnapshot().selectedCount).toBe(0)
    expect(cart.getSnapshot().allSelected).toBe(false)
  })

  it('clamps to a lower stock and reports it on the line', () => {
    const cart = createCart()
    cart.add(tea, 8)
    cart.update([{ ...tea, stock: 5 }])
    expect(cart.getSnapshot().lines[0]).toMatchObject({ quantity: 5, issues: ['exceeds_stock'] })
    cart.update([{ ...tea, stock: 5 }])
    expect(cart.getSnapshot().lines[0]!.issues).toEqual(['exceeds_stock'])
  })

  it('clears the price mark when the price returns or the user adds the item again', () => {
    const cart = createCart()
    cart.add(tea)
    cart.update([{ ...tea, price: money(5000) }])
    expect(cart.getSnapshot().lines[0]!.issues).toEqual(['price_changed'])
    cart.update([tea])
    expect(cart.getSnapshot().lines[0]!.issues).toEqual([])
    cart.update([{ ...tea, price: money(5000) }])
    cart.add({ ...tea, price: money(5000) })
    expect(cart.getSnapshot().lines[0]).toMatchObject({ issues: [], quantity: 2, addedPrice: money(5000) })
  })

  it('updates every line of a sku from an item without options, and one line from an item with', () => {
    const cart = createCart()
    cart.add({ ...consult, options: { slot: '10:00' } })
    cart.add({ ...consult, options: { slot: '11:00' } })
    cart.update([{ ...consult, price: money(9900) }])
    expect(cart.getSnapshot().lines.map((line) => line.price.amount)).toEqual([9900, 9900])
    cart.update([{ ...consult, options: { slot: '10:00' }, status: 'sold_out' }])
    expect(cart.getSnapshot().lines.map((line) => [line.options, [...line.issues]])).toEqual([
      [{ slot: '11:00' }, ['price_changed']],
      [{ slot: '10:00' }, ['sold_out']], // its item carries the price it was added at
    ])
  })

  it('brings a line back when it is on sale again, unselected until the user selects it', () => {
    const cart = createCart()
    cart.add(tea, 2)
    cart.update([{ ...tea, status: 'sold_out' }])
    cart.update([tea])
    expect(cart.getSnapshot().lines[0]).toMatchObject({ issues: [], selected: false, quantity: 2 })
    expect(cart.select('tea', true)).toBe(true)
  })
})

describe('snapshots and notifications', () => {
  it('returns the same snapshot until something changes', () => {
    const cart = createCart()
    cart.add(tea)
    expect(cart.getSnapshot()).toBe(cart.getSnapshot())
  })

  it('notifies once per change and never for a no-op', () => {
    const cart = createCart()
    const listener = vi.fn()
    const unsubscribe = cart.subscribe(listener)
    cart.add(tea, 2)
    expect(listener).toHaveBeenCalledTimes(1)
    expect(listener).toHaveBeenLastCalledWith(cart.getSnapshot())
    const before = cart.getSnapshot()
    cart.setQuantity('tea', 2)
    cart.select('tea', true)
    cart.selectAll(true)
    cart.update([tea])
    cart.update([])
    cart.removeSelected.call(undefined) // removes tea: a change
    expect(listener).toHaveBeenCalledTimes(2)
    cart.clear()
    cart.removeSelected()
    cart.selectAll(false)
    expect(listener).toHaveBeenCalledTimes(2)
    expect(before).not.toBe(cart.getSnapshot())
    cart.add(tea, 12) // clamped: still a change
    expect(listener).toHaveBeenCalledTimes(3)
    cart.setQuantity('tea', 11) // clamped to the same quantity and issue: no change
    expect(listener).toHaveBeenCalledTimes(3)
    unsubscribe()
    cart.remove('tea')
    expect(listener).toHaveBeenCalledTimes(3)
  })

  it('keeps the identity of every line that did not change', () => {
    const cart = createCart()
    cart.add(tea)
    cart.add(cup)
    cart.add(consult)
    const [a, b, c] = cart.getSnapshot().lines
    cart.setQuantity('cup', 4)
    const [a2, b2, c2] = cart.getSnapshot().lines
    expect(a2).toBe(a)
    expect(b2).not.toBe(b)
    expect(c2).toBe(c)
    cart.select('consult', false)
    expect(cart.getSnapshot().lines[1]).toBe(b2)
    expect(cart.getSnapshot().lines[2]).toBe(c)
    cart.update([{ ...tea }, { ...cup }])
    expect(cart.getSnapshot().lines[1]).toBe(b2)
    expect(cart.getSnapshot().lines[2]).toBe(c)
  })

  it('a throwing listener neither stops the others nor undoes the change', () => {
    vi.useFakeTimers()
    try {
      const cart = createCart()
      const other = vi.fn()
      cart.subscribe(() => {
        throw new Error('listener bug')
      })
      cart.subscribe(other)
      expect(cart.add(tea)).toEqual({ ok: true, quantity: 1 })
      expect(other).toHaveBeenCalledTimes(1)
      expect(cart.getSnapshot().count).toBe(1)
      expect(() => vi.runAllTimers()).toThrow('listener bug')
    } finally {
      vi.useRealTimers()
    }
  })
})
