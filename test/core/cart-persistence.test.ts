import {
  CART_RECORD_VERSION,
  type CartItem,
  createCart,
  memoryStorage,
  money,
  type StoragePort,
  storageKey,
} from '@tradekit/core'
import { describe, expect, it, vi } from 'vitest'

const tea: CartItem = { skuId: 'tea', title: '龙井', price: money(4800), stock: 10 }
const cup: CartItem = {
  skuId: 'cup',
  title: '茶杯',
  price: money(1200),
  attributes: [{ name: '颜色', value: '黑' }],
}

const GUEST_KEY = 'tradekit:default:guest:cart'

/** A storage whose reads resolve only when the test says so. */
function deferredStorage(initial: Record<string, string> = {}) {
  const inner = memoryStorage(initial)
  let release: () => void = () => {}
  const gate = new Promise<void>((resolve) => {
    release = resolve
  })
  const storage: StoragePort = {
    getItem: async (key) => {
      await gate
      return inner.getItem(key)
    },
    setItem: async (key, value) => inner.setItem(key, value),
    removeItem: async (key) => inner.removeItem(key),
  }
  return { storage, inner, release }
}

function savedCart(items: [CartItem, number][], options: { userId?: string; namespace?: string } = {}) {
  const storage = memoryStorage()
  const cart = createCart({ storage, ...options })
  for (const [item, quantity] of items) cart.add(item, quantity)
  return { storage, cart }
}

describe('cart persistence', () => {
  it('writes a versioned record under the scoped key, once per burst of changes', async () => {
    const storage = memoryStorage()
    const setItem = vi.spyOn(storage, 'setItem')
    const cart = createCart({ storage, namespace: 'shop', userId: 'u1' })
    cart.add(tea, 2)
    cart.add(cup)
    cart.setQuantity('tea', 3)
    expect(setItem).not.toHaveBeenCalled()
    await cart.flush()
    expect(setItem).toHaveBeenCalledTimes(1)
    expect(storageKey('cart', { namespace: 'shop', userId: 'u1' })).toBe('tradekit:shop:u1:cart')
    const record = JSON.parse(storage.dump()['tradekit:shop:u1:cart']!)
    expect(record.v).toBe(CART_RECORD_VERSION)
    expect(
      record.lines.map((line: { lineId: string; quantity: number }) => [line.lineId, line.quantity]),
    ).toEqual([
      ['cup', 1],
      ['tea', 3],
    ])
  })

  it('writes the record as JSON.stringify would, for a long cart and after each change', async () => {
    const storage = memoryStorage()
    const cart = createCart({ storage })
    const record = () => storage.dump()[GUEST_KEY]
    const expected = () => JSON.stringify({ v: CART_RECORD_VERSION, lines: cart.getSnapshot().lines })
    for (let index = 0; index < 150; index++)
      cart.add({ ...cup, skuId: `cup-${index}`, title: `茶杯 "${index}"\n` }, 1 + (index % 3))
    await cart.flush()
    expect(record()).toBe(expected())
    cart.setQuantity('cup-70', 9)
    await cart.flush()
    expect(record()).toBe(expected())
    expect(JSON.parse(record()!).lines[79].quantity).toBe(9)
    cart.select('cup-3', false)
    cart.remove('cup-149')
    cart.update([{ ...cup, skuId: 'cup-0', price: money(1300) }])
    await cart.flush()
    expect(record()).toBe(expected())
  })

  it('restores exactly the saved lines; a sync storage is ready at once', async () => {
    const { storage, cart } = savedCart([
      [tea, 2],
      [{ ...cup, options: { engraving: '茶' }, maxQuantity: 2 }, 5],
    ])
    cart.update([{ ...tea, price: money(4500) }])
    await cart.flush()
    const restored = createCart({ storage })
    expect(restored.getSnapshot().status).toBe('ready')
    expect(restored.getSnapshot().lines).toEqual(cart.getSnapshot().lines)
    expect(restored.getSnapshot().lines[1]!.issues).toEqual(['price_changed'])
    expect(restored.getSnapshot().lines[0]!.issues).toEqual(['over_limit'])
    expect(restored.getSnapshot().issues).toEqual([])
  })

  it("never shows one user's cart to another user, the guest or another namespace", async () => {
    const { storage, cart } = savedCart([[tea, 2]], { userId: 'alice' })
    await cart.flush()
    expect(createCart({ storage, userId: 'bob' }).getSnapshot().lines).toEqual([])
    expect(createCart({ storage }).getSnapshot().lines).toEqual([])
    expect(createCart({ storage, userId: 'alice', namespace: 'other' }).getSnapshot().lines).toEqual([])
    expect(createCart({ storage, userId: 'alice' }).getSnapshot().count).toBe(2)
  })

  it('removes the record when the cart becomes empty', async () => {
    const { storage, cart } = savedCart([[tea, 1]])
    await cart.flush()
    expect(Object.keys(storage.dump())).toEqual([GUEST_KEY])
    cart.clear()
    await cart.flush()
    expect(storage.dump()).toEqual({})
  })

  it('is loading until an async storage answers, then ready', async () => {
    const { storage, inner, release } = deferredStorage()
    await savedCartInto(inner, [[tea, 2]])
    const cart = createCart({ storage })
    const listener = vi.fn()
    cart.subscribe(listener)
    expect(cart.getSnapshot().status).toBe('loading')
    release()
    await cart.ready
    expect(cart.getSnapshot()).toMatchObject({ status: 'ready', count: 2 })
    expect(listener).toHaveBeenCalledTimes(1)
  })

  it('replays actions taken while loading over the stored lines: nothing lost, nothing overwritten', async () => {
    const { storage, inner, release } = deferredStorage()
    await savedCartInto(inner, [
      [tea, 2],
      [cup, 1],
    ])
    const cart = createCart({ storage })
    expect(cart.add(tea, 3)).toEqual({ ok: true, quantity: 3 }) // against what is known so far
    cart.add({ skuId: 'pot', title: '茶壶', price: money(9900) })
    expect(cart.getSnapshot()).toMatchObject({ status: 'loading', count: 4 })
    release()
    await cart.ready
    await cart.flush()
    const lines = cart.getSnapshot().lines.map((line) => [line.lineId, line.quantity])
    // a merged line keeps its stored place; a new one comes first
    expect(lines).toEqual([
      ['pot', 1],
      ['cup', 1],
      ['tea', 5],
    ])
    expect(
      createCart({ storage: inner })
        .getSnapshot()
        .lines.map((line) => [line.lineId, line.quantity]),
    ).toEqual(lines)
  })

  it('writes nothing while loading, so the stored cart cannot be overwritten before it is read', async () => {
    const { storage, inner, release } = deferredStorage()
    await savedCartInto(inner, [[tea, 2]])
    const setItem = vi.spyOn(storage, 'setItem')
    const cart = createCart({ storage })
    cart.add(cup)
    await Promise.resolve()
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(setItem).not.toHaveBeenCalled()
    release()
    await cart.flush()
    expect(setItem).toHaveBeenCalledTimes(1)
    expect(cart.getSnapshot().count).toBe(3)
  })

  it('settles ready even when a listener throws on hydration', async () => {
    vi.useFakeTimers()
    try {
      const { storage, release } = deferredStorage()
      const cart = createCart({ storage })
      cart.subscribe(() => {
        throw new Error('listener bug')
      })
      release()
      await expect(cart.ready).resolves.toBeUndefined()
      expect(cart.getSnapshot().status).toBe('ready')
      expect(() => vi.runAllTimers()).toThrow('listener bug')
    } finally {
      vi.useRealTimers()
    }
  })

  it('clear() while loading clears the stored lines too', async () => {
    const { storage, inner, release } = deferredStorage()
    await savedCartInto(inner, [[tea, 2]])
    const cart = createCart({ storage })
    cart.add(cup)
    cart.clear()
    release()
    await cart.flush()
    expect(cart.getSnapshot().lines).toEqual([])
    expect(inner.dump()).toEqual({})
  })
})

function savedCartInto(
  storage: StoragePort & { dump(): Record<string, string> },
  items: [CartItem, number][],
) {
  const cart = createCart({ storage })
  for (const [item, quantity] of items) cart.add(item, quantity)
  return cart.flush()
}

describe('corrupt or foreign data is discarded and reported, never a crash', () => {
  const line = (overrides: Record<string, unknown> = {}) => ({
    lineId: 'tea',
    skuId: 'tea',
    title: '龙井',
    price: { amount: 4800, currency: 'CNY' },
    stock: 10,
    quantity: 2,
    selected: true,
    issues: [],
    addedPrice: { amount: 4800, currency: 'CNY' },
    ...overrides,
  })
  const record = (...lines: unknown[]) => JSON.stringify({ v: 1, lines })

  it.each([
    ['text that is not JSON', '{"v":1,"lines":['],
    ['JSON null', 'null'],
    ['another version', JSON.stringify({ v: 2, lines: [line()] })],
    ['no version', JSON.stringify({ lines: [line()] })],
    ['lines that are not a list', JSON.stringify({ v: 1, lines: {} })],
    ['a bare list', JSON.stringify([line()])],
  ])('discards %s', async (_name, text) => {
    const storage = memoryStorage({ [GUEST_KEY]: text })
    const cart = createCart({ storage })
    await cart.ready
    expect(cart.getSnapshot()).toMatchObject({ status: 'ready', lines: [], issues: ['storage_corrupt'] })
    await cart.flush()
    expect(storage.dump()).toEqual({})
  })

  it.each([
    ['a float price', { price: { amount: 48.5, currency: 'CNY' } }],
    ['a price as a string', { price: '48.00' }],
    ['a price in another currency', { price: { amount: 4800, currency: 'USD' } }],
    ['a float quantity', { quantity: 1.5 }],
    ['a zero quantity', { quantity: 0 }],
    ['a quantity over the stock', { quantity: 11 }],
    ['a lineId that does not match the sku', { lineId: 'cup' }],
    ['options that do not match the lineId', { options: { slot: 1 } }],
    ['a missing addedPrice', { addedPrice: undefined }],
    ['an unknown issue', { issues: ['hacked'] }],
    ['two quantity issues', { issues: ['below_min', 'over_limit'] }],
    ['a selected sold-out line', { status: 'sold_out' }],
    ['a non-boolean selection', { selected: 'yes' }],
    ['a line that is not an object', 'tea'],
    [
      'a total beyond the safe integers',
      {
        price: { amount: 9e15, currency: 'CNY' },
        addedPrice: { amount: 9e15, currency: 'CNY' },
        stock: undefined,
      },
    ],
  ])('drops a line with %s and keeps the good ones', async (_name, overrides) => {
    const bad = typeof overrides === 'string' ? overrides : line({ ...overrides })
    const good = line({ lineId: 'cup', skuId: 'cup', title: '茶杯', quantity: 1, stock: undefined })
    const storage = memoryStorage({ [GUEST_KEY]: record(bad, good) })
    const cart = createCart({ storage })
    expect(cart.getSnapshot().lines.map((entry) => [entry.lineId, entry.quantity])).toEqual([['cup', 1]])
    expect(cart.getSnapshot().issues).toEqual(['storage_corrupt'])
    await cart.flush()
    expect(JSON.parse(storage.dump()[GUEST_KEY]!).lines).toHaveLength(1)
  })

  // each line passes the per-line checks; what the cart derives from them does not fit a safe integer
  const huge = { amount: 5e15, currency: 'CNY' }
  const beyondSafe: [string, string][] = [
    ['a line total', record(line({ price: huge, addedPrice: huge, stock: undefined }))],
    [
      'a subtotal',
      record(
        line({ price: huge, addedPrice: huge, stock: undefined, quantity: 1 }),
        line({ lineId: 'cup', skuId: 'cup', price: huge, addedPrice: huge, stock: undefined, quantity: 1 }),
      ),
    ],
    [
      'a count',
      record(
        line({ stock: undefined, quantity: 5e15, selected: false }),
        line({ lineId: 'cup', skuId: 'cup', stock: undefined, quantity: 5e15, selected: false }),
      ),
    ],
  ]

  async function expectDiscardedOnce(storage: StoragePort & { dump(): Record<string, string> }) {
    // the record is gone, the cart works, and the next launch has nothing to report
    expect(storage.dump()).toEqual({})
    const relaunched = createCart({ storage })
    await relaunched.ready
    expect(relaunched.getSnapshot()).toMatchObject({ status: 'ready', lines: [], issues: [] })
  }

  it.each(beyondSafe)(
    'discards a stored cart whose %s leaves the safe integers (sync storage)',
    async (_name, text) => {
      const storage = memoryStorage({ [GUEST_KEY]: text })
      const cart = createCart({ storage })
      expect(cart.getSnapshot()).toMatchObject({
        status: 'ready',
        lines: [],
        count: 0,
        issues: ['storage_corrupt'],
      })
      await cart.flush()
      await expectDiscardedOnce(storage)
      expect(cart.add(tea, 2)).toEqual({ ok: true, quantity: 2 })
      expect(cart.getSnapshot()).toMatchObject({
        count: 2,
        subtotal: money(9600),
        issues: ['storage_corrupt'],
      })
    },
  )

  it.each(beyondSafe)(
    'discards a stored cart whose %s leaves the safe integers (async storage)',
    async (_name, text) => {
      const { storage, inner, release } = deferredStorage({ [GUEST_KEY]: text })
      const cart = createCart({ storage })
      const listener = vi.fn()
      cart.subscribe(listener)
      release()
      await cart.ready
      expect(cart.getSnapshot()).toMatchObject({
        status: 'ready',
        lines: [],
        count: 0,
        issues: ['storage_corrupt'],
      })
      expect(listener).toHaveBeenCalledTimes(1)
      await cart.flush()
      await expectDiscardedOnce(inner)
      expect(cart.add(tea, 2)).toEqual({ ok: true, quantity: 2 })
      expect(cart.getSnapshot()).toMatchObject({ status: 'ready', count: 2, subtotal: money(9600) })
    },
  )

  it('drops an action taken while loading that the stored lines push beyond the safe integers', async () => {
    const { storage, inner, release } = deferredStorage({
      [GUEST_KEY]: record(line({ price: huge, addedPrice: huge, stock: undefined, quantity: 1 })),
    })
    const cart = createCart({ storage })
    expect(cart.add({ skuId: 'pot', title: '茶壶', price: money(5e15) })).toEqual({ ok: true, quantity: 1 })
    cart.add(cup)
    release()
    await cart.ready
    expect(cart.getSnapshot().lines.map((entry) => [entry.lineId, entry.quantity])).toEqual([
      ['cup', 1],
      ['tea', 1],
    ])
    expect(cart.getSnapshot()).toMatchObject({ status: 'ready', subtotal: money(5e15 + 1200), issues: [] })
    await cart.flush()
    expect(JSON.parse(inner.dump()[GUEST_KEY]!).lines).toHaveLength(2)
  })

  it("reads a storage's '' for a missing key as an empty cart, not as corrupt data", () => {
    const cart = createCart({ storage: memoryStorage({ [GUEST_KEY]: '' }) })
    expect(cart.getSnapshot()).toMatchObject({ status: 'ready', lines: [], issues: [] })
  })

  it("reads an async storage's '' or null as an empty cart and writes nothing over it", async () => {
    const stored: Record<string, string>[] = [{ [GUEST_KEY]: '' }, {}]
    for (const initial of stored) {
      const { storage, inner, release } = deferredStorage(initial)
      const setItem = vi.spyOn(storage, 'setItem')
      const removeItem = vi.spyOn(storage, 'removeItem')
      const cart = createCart({ storage })
      release()
      await cart.flush()
      expect(cart.getSnapshot()).toMatchObject({ status: 'ready', lines: [], issues: [] })
      expect(setItem).not.toHaveBeenCalled()
      expect(removeItem).not.toHaveBeenCalled()
      expect(inner.dump()).toEqual(initial)
    }
  })

  it('treats a stored value that is not text as corrupt', async () => {
    const storage: StoragePort = {
      ...memoryStorage(),
      getItem: () => ({ v: 1, lines: [] }) as unknown as string,
    }
    const cart = createCart({ storage })
    await cart.ready
    expect(cart.getSnapshot().issues).toEqual(['storage_corrupt'])
  })

  it('keeps the first of two lines with one id', () => {
    const storage = memoryStorage({ [GUEST_KEY]: record(line(), line({ quantity: 5 })) })
    const cart = createCart({ storage })
    expect(cart.getSnapshot().lines.map((entry) => entry.quantity)).toEqual([2])
    expect(cart.getSnapshot().issues).toEqual(['storage_corrupt'])
  })

  it('keeps a valid stored line as stored, recomputing what is derived', () => {
    const storage = memoryStorage({
      [GUEST_KEY]: record(line({ price: { amount: 4500, currency: 'CNY' }, issues: [], extra: 'ignored' })),
    })
    const cart = createCart({ storage })
    expect(cart.getSnapshot().issues).toEqual([])
    expect(cart.getSnapshot().lines[0]).toMatchObject({ issues: ['price_changed'], quantity: 2 })
    expect(cart.getSnapshot().lines[0]).not.toHaveProperty('extra')
  })
})

describe('a failing storage is reported, never thrown', () => {
  const failing = (overrides: Partial<StoragePort>): StoragePort => ({ ...memoryStorage(), ...overrides })

  it('reports a getItem that throws and starts empty', async () => {
    const cart = createCart({
      storage: failing({
        getItem: () => {
          throw new Error('disk')
        },
      }),
    })
    await expect(cart.ready).resolves.toBeUndefined()
    expect(cart.getSnapshot()).toMatchObject({ status: 'ready', lines: [], issues: ['storage_failed'] })
  })

  it('reports a getItem that rejects, keeping what the user did meanwhile', async () => {
    const cart = createCart({ storage: failing({ getItem: () => Promise.reject(new Error('disk')) }) })
    cart.add(tea)
    await expect(cart.ready).resolves.toBeUndefined()
    expect(cart.getSnapshot()).toMatchObject({ status: 'ready', count: 1, issues: ['storage_failed'] })
  })

  it('reports a setItem that throws or rejects, and clears the issue after a write succeeds', async () => {
    let mode: 'throw' | 'reject' | 'ok' = 'throw'
    const inner = memoryStorage()
    const cart = createCart({
      storage: failing({
        setItem: (key, value) => {
          if (mode === 'throw') throw new Error('quota')
          if (mode === 'reject') return Promise.reject(new Error('quota'))
          inner.setItem(key, value)
        },
      }),
    })
    const listener = vi.fn()
    cart.subscribe(listener)
    expect(() => cart.add(tea)).not.toThrow()
    await cart.flush()
    expect(cart.getSnapshot().issues).toEqual(['storage_failed'])
    mode = 'reject'
    cart.add(tea)
    await cart.flush()
    expect(cart.getSnapshot().issues).toEqual(['storage_failed'])
    mode = 'ok'
    cart.add(tea)
    await cart.flush()
    expect(cart.getSnapshot().issues).toEqual([])
    expect(JSON.parse(inner.dump()[GUEST_KEY]!).lines[0].quantity).toBe(3)
    // three changes, one issue appearing, one going away
    expect(listener).toHaveBeenCalledTimes(5)
  })

  it('writes in order with an async storage, the last state winning', async () => {
    const inner = memoryStorage()
    const writes: string[] = []
    const storage: StoragePort = {
      getItem: (key) => inner.getItem(key),
      setItem: (key, value) =>
        new Promise((resolve) =>
          setTimeout(() => {
            writes.push(value)
            inner.setItem(key, value)
            resolve()
          }, 5),
        ),
      removeItem: (key) => inner.removeItem(key),
    }
    const cart = createCart({ storage })
    cart.add(tea, 1)
    await Promise.resolve()
    await Promise.resolve()
    cart.add(tea, 1)
    cart.add(cup, 1)
    await cart.flush()
    expect(writes.length).toBeGreaterThanOrEqual(1)
    expect(writes.length).toBeLessThanOrEqual(2)
    expect(createCart({ storage: inner }).getSnapshot().lines).toEqual(cart.getSnapshot().lines)
  })
})

describe('a stored cart that could not be read is never written over unseen', () => {
  /** The record of a saved cart with 2 tea and 1 cup, and a storage over it whose reads fail on cue. */
  async function flakyReads(failures: number | 'always') {
    const { storage: saved, cart: savedBefore } = savedCart([
      [tea, 2],
      [cup, 1],
    ])
    await savedBefore.flush()
    const inner = memoryStorage(saved.dump())
    let left = failures
    const reads = { count: 0 }
    const storage: StoragePort = {
      getItem: (key) => {
        reads.count++
        if (left === 'always' || left-- > 0) throw new Error('storage busy')
        return inner.getItem(key)
      },
      setItem: (key, value) => inner.setItem(key, value),
      removeItem: (key) => inner.removeItem(key),
    }
    const stored = () => {
      const text = inner.dump()[GUEST_KEY]
      return text === undefined
        ? undefined
        : (JSON.parse(text).lines as { skuId: string; quantity: number }[])
    }
    return { storage, stored, reads }
  }
  const quantities = (lines: readonly { skuId: string; quantity: number }[] | undefined) =>
    Object.fromEntries((lines ?? []).map((line) => [line.skuId, line.quantity]))

  it('reads again before the first write after a failed read, and keeps the saved lines with the new one', async () => {
    const { storage, stored, reads } = await flakyReads(1)
    const cart = createCart({ storage })
    expect(cart.getSnapshot()).toMatchObject({ status: 'ready', lines: [], issues: ['storage_failed'] })
    cart.add(tea, 1)
    await cart.flush()
    expect(reads.count).toBe(2)
    // the saved 2 tea and 1 cup are still there, with the tea just added
    expect(quantities(stored())).toEqual({ tea: 3, cup: 1 })
    expect(quantities(cart.getSnapshot().lines)).toEqual({ tea: 3, cup: 1 })
    expect(cart.getSnapshot().issues).toEqual([])
  })

  it('writes nothing while the record cannot be read, showing what the user did and storage_failed', async () => {
    const { storage, stored } = await flakyReads('always')
    const cart = createCart({ storage })
    cart.add(tea, 1)
    cart.remove(cart.getSnapshot().lines[0]!.lineId)
    cart.add(cup, 4)
    await cart.flush()
    expect(quantities(stored())).toEqual({ tea: 2, cup: 1 })
    expect(quantities(cart.getSnapshot().lines)).toEqual({ cup: 4 })
    expect(cart.getSnapshot().issues).toEqual(['storage_failed'])
  })

  it('replays every action taken while unread once a read succeeds: clear() clears the saved lines too', async () => {
    const { storage, stored } = await flakyReads(2)
    const cart = createCart({ storage })
    cart.add(tea, 1)
    await cart.flush() // the second read fails too: nothing written
    expect(quantities(stored())).toEqual({ tea: 2, cup: 1 })
    cart.clear()
    cart.add(cup, 2)
    await cart.flush()
    expect(quantities(stored())).toEqual({ cup: 2 })
    expect(quantities(cart.getSnapshot().lines)).toEqual({ cup: 2 })
    expect(cart.getSnapshot().issues).toEqual([])
  })

  it('an async read past 5 s: ready with storage_failed, and what the user did is merged when it answers', async () => {
    vi.useFakeTimers()
    try {
      const { storage: saved, cart: savedBefore } = savedCart([[cup, 1]])
      await savedBefore.flush()
      const inner = memoryStorage(saved.dump())
      let answer: () => void = () => {}
      let first = true
      const storage: StoragePort = {
        getItem: (key) => {
          if (!first) return inner.getItem(key)
          first = false
          return new Promise((resolve) => {
            answer = () => resolve(inner.getItem(key))
          })
        },
        setItem: (key, value) => inner.setItem(key, value),
        removeItem: (key) => inner.removeItem(key),
      }
      const cart = createCart({ storage })
      cart.add(tea, 1)
      expect(cart.getSnapshot().status).toBe('loading')
      await vi.advanceTimersByTimeAsync(4_999)
      expect(cart.getSnapshot().status).toBe('loading')
      await vi.advanceTimersByTimeAsync(1)
      await cart.ready
      expect(cart.getSnapshot()).toMatchObject({ status: 'ready', issues: ['storage_failed'] })
      expect(quantities(cart.getSnapshot().lines)).toEqual({ tea: 1 })
      // nothing is written while the read has not answered: the write waits its turn
      await vi.advanceTimersByTimeAsync(10_000)
      expect(quantities(JSON.parse(inner.dump()[GUEST_KEY]!).lines)).toEqual({ cup: 1 })
      answer()
      await vi.advanceTimersByTimeAsync(0)
      expect(quantities(cart.getSnapshot().lines)).toEqual({ tea: 1, cup: 1 })
      cart.add(tea, 1)
      await cart.flush()
      expect(quantities(JSON.parse(inner.dump()[GUEST_KEY]!).lines)).toEqual({ tea: 2, cup: 1 })
      expect(cart.getSnapshot().issues).toEqual([])
    } finally {
      vi.useRealTimers()
    }
  })

  it('a late answer to a read that timed out is merged when no read succeeded since', async () => {
    vi.useFakeTimers()
    try {
      const { storage: saved, cart: savedBefore } = savedCart([[cup, 1]])
      await savedBefore.flush()
      let answer: (text: string | null) => void = () => {}
      const storage: StoragePort = {
        getItem: () =>
          new Promise((resolve) => {
            answer = resolve
          }),
        setItem: () => {},
        removeItem: () => {},
      }
      const cart = createCart({ storage })
      await vi.advanceTimersByTimeAsync(5_000)
      expect(cart.getSnapshot()).toMatchObject({ status: 'ready', lines: [], issues: ['storage_failed'] })
      answer(saved.dump()[GUEST_KEY]!)
      await vi.advanceTimersByTimeAsync(0)
      expect(quantities(cart.getSnapshot().lines)).toEqual({ cup: 1 })
    } finally {
      vi.useRealTimers()
    }
  })
})

describe('removeSelected before the stored lines were read', () => {
  it('removes the lines that were selected on screen, never a stored line the user did not see', async () => {
    const { storage: saved, cart: before } = savedCart([[cup, 1]])
    await before.flush()
    const { storage, inner, release } = deferredStorage(saved.dump())
    const cart = createCart({ storage })
    cart.add(tea, 1) // shown selected while the stored cup is still being read
    cart.removeSelected()
    release()
    await cart.ready
    await cart.flush()
    expect(cart.getSnapshot().lines.map((line) => line.skuId)).toEqual(['cup'])
    expect(JSON.parse(inner.dump()[GUEST_KEY]!).lines.map((line: { skuId: string }) => line.skuId)).toEqual([
      'cup',
    ])
  })
})

describe('a write that does not answer', () => {
  it('is reported as storage_failed after 5 s, and later changes wait behind it, never written before it', async () => {
    vi.useFakeTimers()
    try {
      const inner = memoryStorage()
      let land: () => void = () => {}
      let first = true
      const storage: StoragePort = {
        getItem: (key) => inner.getItem(key),
        setItem: (key, value) => {
          if (!first) return inner.setItem(key, value)
          first = false
          return new Promise<void>((resolve) => {
            land = () => {
              inner.setItem(key, value)
              resolve()
            }
          })
        },
        removeItem: (key) => inner.removeItem(key),
      }
      const cart = createCart({ storage })
      cart.add(tea, 1)
      let flushed = false
      void cart.flush().then(() => {
        flushed = true
      })
      await vi.advanceTimersByTimeAsync(4_999)
      expect(flushed).toBe(false)
      await vi.advanceTimersByTimeAsync(1)
      expect(flushed).toBe(true)
      expect(cart.getSnapshot().issues).toEqual(['storage_failed'])
      cart.add(cup, 1)
      await vi.advanceTimersByTimeAsync(60_000)
      expect(inner.dump()[GUEST_KEY]).toBeUndefined()
      expect(cart.getSnapshot().issues).toEqual(['storage_failed'])
      land()
      await vi.advanceTimersByTimeAsync(0)
      expect(JSON.parse(inner.dump()[GUEST_KEY]!).lines).toHaveLength(2)
      expect(cart.getSnapshot().issues).toEqual([])
    } finally {
      vi.useRealTimers()
    }
  })

  it('that answers after its time is never overtaken: the next write waits its turn, the last lines win', async () => {
    vi.useFakeTimers()
    try {
      const inner = memoryStorage()
      const delays = [7_000, 1_000]
      const storage: StoragePort = {
        getItem: (key) => inner.getItem(key),
        setItem: (key, value) =>
          new Promise<void>((resolve) =>
            setTimeout(() => {
              inner.setItem(key, value)
              resolve()
            }, delays.shift() ?? 0),
          ),
        removeItem: (key) => inner.removeItem(key),
      }
      const stored = () => JSON.parse(inner.dump()[GUEST_KEY]!).lines[0].quantity
      const cart = createCart({ storage })
      cart.add(tea, 1) // written slowly: lands at 7 s
      await vi.advanceTimersByTimeAsync(0)
      cart.setQuantity(cart.getSnapshot().lines[0]!.lineId, 2)
      await vi.advanceTimersByTimeAsync(5_000)
      // not saved yet, and said so; the second write waits for the first
      expect(cart.getSnapshot().issues).toEqual(['storage_failed'])
      expect(inner.dump()[GUEST_KEY]).toBeUndefined()
      await vi.advanceTimersByTimeAsync(2_000) // the first write lands
      expect(stored()).toBe(1)
      await vi.advanceTimersByTimeAsync(1_000) // then the second, never before it
      expect(stored()).toBe(2)
      expect(cart.getSnapshot().issues).toEqual([])
    } finally {
      vi.useRealTimers()
    }
  })
})
