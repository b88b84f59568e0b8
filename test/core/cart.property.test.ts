import {
  CART_RECORD_VERSION,
  type CartItem,
  type CartLine,
  type CartSnapshot,
  type CartStore,
  cartLineId,
  createCart,
  isTradeKitError,
  memoryStorage,
  money,
} from '@tradekit/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

const ITEMS: CartItem[] = [
  { skuId: 'tea', title: '龙井', price: money(4800), stock: 10 },
  { skuId: 'cup', title: '茶杯', price: money(1200), attributes: [{ name: '颜色', value: '黑' }] },
  { skuId: 'pack', title: '矿泉水', price: money(250), step: 3, minQuantity: 2, stock: 20 },
  { skuId: 'limited', title: '限量版', price: money(9900), perUserLimit: 4, maxQuantity: 5 },
  {
    skuId: 'consult',
    title: '咨询',
    price: money(19900),
    kind: 'service',
    minQuantity: 2,
    options: { slot: 'A' },
  },
  {
    skuId: 'consult',
    title: '咨询',
    price: money(19900),
    kind: 'service',
    minQuantity: 2,
    options: { slot: 'B' },
  },
]

type Op =
  | { kind: 'add'; item: number; quantity: number }
  | { kind: 'setQuantity'; line: number; quantity: number }
  | { kind: 'remove'; line: number }
  | { kind: 'select'; line: number; selected: boolean }
  | { kind: 'selectAll'; selected: boolean }
  | { kind: 'clear' }
  | { kind: 'removeSelected' }
  | { kind: 'update'; changes: { item: number; price: number; stock: number | null; status: number }[] }
  | { kind: 'bad'; line: number; quantity: number }

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('add' as const),
      item: fc.nat(5),
      quantity: fc.integer({ min: 1, max: 15 }),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('setQuantity' as const),
      line: fc.nat(7),
      quantity: fc.nat(25),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove' as const), line: fc.nat(7) }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('select' as const), line: fc.nat(7), selected: fc.boolean() }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('selectAll' as const), selected: fc.boolean() }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'clear' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'removeSelected' as const }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('update' as const),
      changes: fc.array(
        fc.record({
          item: fc.nat(5),
          price: fc.integer({ min: 0, max: 20000 }),
          stock: fc.option(fc.nat(30)),
          status: fc.nat(5),
        }),
        { maxLength: 4 },
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('bad' as const),
      line: fc.nat(7),
      quantity: fc.constantFrom(Number.NaN, -1, 1.5, Number.POSITIVE_INFINITY),
    }),
  },
)

const STATUSES = ['on_sale', 'on_sale', 'on_sale', 'on_sale', 'sold_out', 'off_shelf'] as const

// lineId 8 of 8 picks a line that does not exist, to exercise UNKNOWN_LINE
function lineIdAt(snapshot: CartSnapshot, index: number): string {
  return snapshot.lines[index % (snapshot.lines.length + 1)]?.lineId ?? 'ghost'
}

function apply(cart: CartStore, op: Op): void {
  const snapshot = cart.getSnapshot()
  switch (op.kind) {
    case 'add':
      cart.add(ITEMS[op.item]!, op.quantity)
      return
    case 'setQuantity':
      cart.setQuantity(lineIdAt(snapshot, op.line), op.quantity)
      return
    case 'remove':
      cart.remove(lineIdAt(snapshot, op.line))
      return
    case 'select':
      cart.select(lineIdAt(snapshot, op.line), op.selected)
      return
    case 'selectAll':
      cart.selectAll(op.selected)
      return
    case 'clear':
      cart.clear()
      return
    case 'removeSelected':
      cart.removeSelected()
      return
    case 'update':
      cart.update(
        op.changes.map((change) => {
          const { stock: _stock, ...item } = ITEMS[change.item]!
          return {
            ...item,
            price: money(change.price),
            status: STATUSES[change.status]!,
            ...(change.stock === null ? {} : { stock: change.stock }),
          }
        }),
      )
      return
    case 'bad':
      cart.setQuantity(lineIdAt(snapshot, op.line), op.quantity)
  }
}

const blocked = (line: CartLine) => line.issues.includes('sold_out') || line.issues.includes('off_shelf')

function checkInvariants(snapshot: CartSnapshot): void {
  const { lines } = snapshot
  expect(new Set(lines.map((line) => line.lineId)).size).toBe(lines.length)
  expect(snapshot.count).toBe(lines.reduce((sum, line) => sum + line.quantity, 0))
  const selected = lines.filter((line) => line.selected)
  expect(selected.every((line) => !blocked(line))).toBe(true)
  expect(snapshot.selectedCount).toBe(selected.reduce((sum, line) => sum + line.quantity, 0))
  expect(snapshot.subtotal).toEqual(
    money(selected.reduce((sum, line) => sum + line.price.amount * line.quantity, 0)),
  )
  const selectable = lines.filter((line) => !blocked(line))
  expect(snapshot.allSelected).toBe(selectable.length > 0 && selectable.every((line) => line.selected))
  for (const line of lines) {
    const step = line.step ?? 1
    const min = Math.ceil((line.minQuantity ?? 1) / step) * step
    expect(line.quantity % step).toBe(0)
    expect(line.quantity).toBeGreaterThanOrEqual(min)
    expect(line.quantity).toBeLessThanOrEqual(
      Math.min(line.maxQuantity ?? Infinity, line.perUserLimit ?? Infinity),
    )
    if (!blocked(line)) expect(line.quantity).toBeLessThanOrEqual(line.stock ?? Infinity)
    expect(line.issues.includes('price_changed')).toBe(line.price.amount !== line.addedPrice.amount)
  }
  expect(Object.isFrozen(snapshot) && Object.isFrozen(lines)).toBe(true)
}

function runOps(cart: CartStore, ops: readonly Op[]): void {
  let notifications = 0
  const unsubscribe = cart.subscribe(() => {
    notifications++
  })
  for (const op of ops) {
    const before = cart.getSnapshot()
    notifications = 0
    let threw = false
    try {
      apply(cart, op)
    } catch (error) {
      threw = true
      expect(isTradeKitError(error)).toBe(true)
    }
    const after = cart.getSnapshot()
    if (threw) expect(after).toBe(before)
    if (op.kind === 'bad') expect(threw).toBe(true)
    // one notification per change, none for a no-op
    expect(notifications).toBe(after === before ? 0 : 1)
    // an unchanged line keeps its identity
    const previous = new Map(before.lines.map((line) => [line.lineId, line]))
    for (const line of after.lines) {
      const old = previous.get(line.lineId)
      if (old && JSON.stringify(old) === JSON.stringify(line)) expect(line).toBe(old)
    }
    checkInvariants(after)
  }
  unsubscribe()
}

describe('cart properties over random sequences of operations', () => {
  it('keeps totals, quantity rules, one line per id, identity and notification invariants', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 60 }), (ops) => {
        runOps(createCart(), ops)
      }),
      { numRuns: 300 },
    )
  })

  it('restores exactly the saved cart, and never one user’s cart for another', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(opArb, { maxLength: 40 }),
        fc.array(opArb, { maxLength: 40 }),
        async (opsA, opsB) => {
          const storage = memoryStorage()
          const alice = createCart({ storage, userId: 'alice' })
          const guest = createCart({ storage })
          runOps(alice, opsA)
          runOps(guest, opsB)
          await Promise.all([alice.flush(), guest.flush()])

          const aliceAgain = createCart({ storage, userId: 'alice' })
          await aliceAgain.ready
          expect(aliceAgain.getSnapshot().lines).toEqual(alice.getSnapshot().lines)
          expect(aliceAgain.getSnapshot().issues).toEqual([])
          const guestAgain = createCart({ storage })
          expect(guestAgain.getSnapshot().lines).toEqual(guest.getSnapshot().lines)
          const bob = createCart({ storage, userId: 'bob' })
          expect(bob.getSnapshot().lines).toEqual([])
          // nothing stored under a key another user reads
          for (const key of Object.keys(storage.dump())) expect(key).not.toContain(':bob:')
        },
      ),
      { numRuns: 150 },
    )
  })

  it('replays actions taken while loading over the stored cart, keeping every invariant', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(opArb, { maxLength: 30 }),
        fc.array(
          opArb.filter(
            (op) =>
              op.kind === 'add' || op.kind === 'selectAll' || op.kind === 'clear' || op.kind === 'update',
          ),
          {
            maxLength: 10,
          },
        ),
        async (stored, early) => {
          const inner = memoryStorage()
          const first = createCart({ storage: inner })
          runOps(first, stored)
          await first.flush()
          // the same actions on an already loaded cart give the expected result
          const expected = createCart({ storage: memoryStorage(inner.dump()) })
          for (const op of early) apply(expected, op)

          const slow = {
            getItem: (key: string) => Promise.resolve(inner.getItem(key)),
            setItem: (key: string, value: string) => inner.setItem(key, value),
            removeItem: (key: string) => inner.removeItem(key),
          }
          const cart = createCart({ storage: slow })
          for (const op of early) apply(cart, op)
          await cart.ready
          checkInvariants(cart.getSnapshot())
          expect(cart.getSnapshot().lines).toEqual(expected.getSnapshot().lines)
          await cart.flush()
          expect(createCart({ storage: inner }).getSnapshot().lines).toEqual(cart.getSnapshot().lines)
        },
      ),
      { numRuns: 150 },
    )
  })
})

// A long cart (more lines than one part of the stored record) where every action is checked
// against what it must do to the lines: lines are found by id wherever they are after any mix of
// adds and removes, and nothing else moves or changes.
const CATALOGUE: CartItem[] = Array.from({ length: 90 }, (_, index) => ({
  skuId: `sku-${index % 70}`,
  title: `商品 ${index}`,
  price: money(100 + index),
  stock: 30,
  ...(index >= 70 || index % 9 === 0 ? { options: { slot: `slot-${index}` } } : {}),
}))

type LongOp =
  | { kind: 'add'; item: number; quantity: number }
  | { kind: 'setQuantity' | 'select' | 'remove'; line: number; value: number }
  | { kind: 'update'; item: number; price: number; status: number }
  | { kind: 'selectAll' | 'removeSelected' | 'clear'; value: number }

const longOpArb: fc.Arbitrary<LongOp> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('add' as const),
      item: fc.nat(89),
      quantity: fc.integer({ min: 1, max: 4 }),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constantFrom('setQuantity' as const, 'select' as const),
      line: fc.nat(200),
      value: fc.nat(12),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('remove' as const), line: fc.nat(200), value: fc.nat(1) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('update' as const),
      item: fc.nat(89),
      price: fc.nat(500),
      status: fc.nat(5),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constantFrom('selectAll' as const, 'removeSelected' as const, 'clear' as const),
      value: fc.nat(1),
    }),
  },
)

// every line but `lineId` is the same object as before, in the same order
function expectOthersKept(before: readonly CartLine[], after: readonly CartLine[], lineId: string): void {
  const was = before.filter((line) => line.lineId !== lineId)
  const now = after.filter((line) => line.lineId !== lineId)
  expect(now).toHaveLength(was.length)
  for (let index = 0; index < now.length; index++) expect(now[index]).toBe(was[index])
}

function applyLong(cart: CartStore, op: LongOp): void {
  const before = cart.getSnapshot().lines
  const at = 'line' in op ? op.line % Math.max(before.length, 1) : 0
  const target = before[at]
  switch (op.kind) {
    case 'add': {
      const item = CATALOGUE[op.item]!
      const lineId = cartLineId(item.skuId, item.options)
      const existed = before.some((line) => line.lineId === lineId)
      const result = cart.add(item, op.quantity)
      const after = cart.getSnapshot().lines
      const line = after.find((entry) => entry.lineId === lineId)!
      expect(line.quantity).toBe(result.quantity)
      if (!existed) expect(after[0]).toBe(line)
      expectOthersKept(before, after, lineId)
      return
    }
    case 'setQuantity':
    case 'select':
    case 'remove': {
      if (!target) return
      if (op.kind === 'setQuantity') {
        const result = cart.setQuantity(target.lineId, op.value)
        expect(cart.getSnapshot().lines[at]!.quantity).toBe(result.quantity)
      } else if (op.kind === 'select') {
        const done = cart.select(target.lineId, op.value % 2 === 0)
        expect(cart.getSnapshot().lines[at]!.selected).toBe(done && op.value % 2 === 0)
      } else {
        cart.remove(target.lineId)
        expect(cart.getSnapshot().lines.some((line) => line.lineId === target.lineId)).toBe(false)
      }
      const after = cart.getSnapshot().lines
      if (op.kind !== 'remove') expect(after[at]!.lineId).toBe(target.lineId)
      expectOthersKept(before, after, target.lineId)
      expect(after).toHaveLength(op.kind === 'remove' ? before.length - 1 : before.length)
      return
    }
    case 'update': {
      const { options: _options, ...item } = CATALOGUE[op.item]!
      cart.update([{ ...item, price: money(op.price), status: STATUSES[op.status]! }])
      const after = cart.getSnapshot().lines
      expect(after.map((line) => line.lineId)).toEqual(before.map((line) => line.lineId))
      after.forEach((line, index) => {
        if (line.skuId !== item.skuId) expect(line).toBe(before[index])
        else expect(line.price).toEqual(money(op.price))
      })
      return
    }
    case 'selectAll':
      cart.selectAll(op.value === 0)
      return
    case 'removeSelected':
      cart.removeSelected()
      return
    case 'clear':
      cart.clear()
  }
}

describe('a long cart: each action changes its own line, wherever the line is', () => {
  it('finds lines by id after any mix of adds and removes, keeps the others, and never changes an earlier snapshot', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(longOpArb, { minLength: 40, maxLength: 250 }), async (ops) => {
        const storage = memoryStorage()
        const cart = createCart({ storage })
        const seen: [CartSnapshot, string][] = []
        for (const op of ops) {
          applyLong(cart, op)
          checkInvariants(cart.getSnapshot())
          seen.push([cart.getSnapshot(), JSON.stringify(cart.getSnapshot())])
        }
        for (const [snapshot, text] of seen) expect(JSON.stringify(snapshot)).toBe(text)
        await cart.flush()
        const lines = cart.getSnapshot().lines
        expect(storage.dump()['tradekit:default:guest:cart']).toBe(
          lines.length ? JSON.stringify({ v: CART_RECORD_VERSION, lines }) : undefined,
        )
      }),
      { numRuns: 60 },
    )
  })
})
