import {
  cartItemOf,
  createCart,
  formatPriceRange,
  isTradeKitError,
  money,
  type Sku,
  type SkuSpecGroup,
  skuMatrix,
  skuSelection,
} from '@tradekit/core'
import { describe, expect, it } from 'vitest'
import { codeOf } from './codeOf'

const SPECS: SkuSpecGroup[] = [
  {
    id: 'color',
    name: '颜色',
    values: [
      { id: 'black', name: '黑', image: 'black.png' },
      { id: 'white', name: '白', image: 'white.png' },
      { id: 'red', name: '红' },
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
]

// A T-shirt: black XL sold out, no red L at all, red XL off the shelf.
const SKUS: Sku[] = [
  { skuId: 'bm', specs: { color: 'black', size: 'm' }, price: money(3900), stock: 5 },
  { skuId: 'bl', specs: { color: 'black', size: 'l' }, price: money(4900), stock: 3, perUserLimit: 2 },
  { skuId: 'bxl', specs: { color: 'black', size: 'xl' }, price: money(5900), stock: 0 },
  { skuId: 'wm', specs: { color: 'white', size: 'm' }, price: money(3900), stock: 8, image: 'wm.png' },
  { skuId: 'wl', specs: { color: 'white', size: 'l' }, price: money(4900), stock: 8, maxQuantity: 6 },
  {
    skuId: 'wxl',
    specs: { size: 'xl', color: 'white' },
    price: money(5900),
    originalPrice: money(6900),
    memberPrice: money(5500),
    stock: 2,
  },
  { skuId: 'rm', specs: { color: 'red', size: 'm' }, price: money(2900), stock: 1 },
  { skuId: 'rxl', specs: { color: 'red', size: 'xl' }, price: money(9900), stock: 9, status: 'off_shelf' },
]

const tee = () => skuMatrix(SPECS, SKUS)

describe('skuSelection: which values are still possible', () => {
  it('before any choice, every value with a buyable SKU', () => {
    const selection = skuSelection(tee(), {})
    expect(selection.possible).toEqual({
      color: { black: true, white: true, red: true },
      size: { m: true, l: true, xl: true },
    })
    expect(selection).toMatchObject({ complete: false, sku: undefined, buyable: false, stock: undefined })
    expect(selection.missing.map((group) => group.id)).toEqual(['color', 'size'])
    expect(selection.priceRange).toEqual({ min: money(2900), max: money(5900) })
    expect(selection.attributes).toEqual([])
    expect(selection.image).toBeUndefined()
  })

  it('a chosen colour disables the sizes sold out or missing in it', () => {
    expect(skuSelection(tee(), { color: 'black' }).possible).toEqual({
      color: { black: true, white: true, red: true },
      size: { m: true, l: true, xl: false },
    })
    // red L does not exist, red XL is off the shelf
    expect(skuSelection(tee(), { color: 'red' }).possible.size).toEqual({ m: true, l: false, xl: false })
  })

  it('a chosen size disables the colours without it, and keeps the other sizes of the other groups’ choice', () => {
    const selection = skuSelection(tee(), { size: 'xl' })
    expect(selection.possible).toEqual({
      color: { black: false, white: true, red: false },
      size: { m: true, l: true, xl: true },
    })
    expect(selection.priceRange).toEqual({ min: money(5900), max: money(5900) })
  })

  it('a complete choice names its SKU, with stock, limit, picture and attributes', () => {
    const selection = skuSelection(tee(), { color: 'black', size: 'l' })
    expect(selection).toMatchObject({
      choice: { color: 'black', size: 'l' },
      complete: true,
      buyable: true,
      stock: 3,
      limit: 2,
      image: 'black.png',
      missing: [],
    })
    expect(selection.sku?.skuId).toBe('bl')
    expect(selection.priceRange).toEqual({ min: money(4900), max: money(4900) })
    expect(selection.attributes).toEqual([
      { name: '颜色', value: '黑' },
      { name: '尺码', value: 'L' },
    ])
    // the other values answer for the choice of the other group
    expect(selection.possible).toEqual({
      color: { black: true, white: true, red: false },
      size: { m: true, l: true, xl: false },
    })
  })

  it('the limit is the lower of maxQuantity and perUserLimit, undefined without either', () => {
    expect(skuSelection(tee(), { color: 'white', size: 'l' }).limit).toBe(6)
    expect(skuSelection(tee(), { color: 'white', size: 'm' }).limit).toBeUndefined()
    const both = skuMatrix(
      [SPECS[0]!],
      [
        {
          skuId: 'a',
          specs: { color: 'black' },
          price: money(100),
          stock: 9,
          maxQuantity: 3,
          perUserLimit: 5,
        },
      ],
    )
    expect(skuSelection(both, { color: 'black' }).limit).toBe(3)
  })

  it('a SKU’s own picture wins over its value’s', () => {
    expect(skuSelection(tee(), { color: 'white', size: 'm' }).image).toBe('wm.png')
    expect(skuSelection(tee(), { color: 'white' }).image).toBe('white.png')
    expect(skuSelection(tee(), { color: 'red', size: 'm' }).image).toBeUndefined()
  })

  it('a sold-out or off-shelf combination is named but not buyable, and leaves no price range', () => {
    const soldOut = skuSelection(tee(), { color: 'black', size: 'xl' })
    expect(soldOut).toMatchObject({ complete: true, buyable: false, stock: 0, priceRange: undefined })
    expect(soldOut.sku?.skuId).toBe('bxl')
    expect(soldOut.possible.size).toEqual({ m: true, l: true, xl: false })
    expect(soldOut.possible.color).toEqual({ black: false, white: true, red: false })
    const offShelf = skuSelection(tee(), { color: 'red', size: 'xl' })
    expect(offShelf).toMatchObject({ buyable: false, priceRange: undefined })
    expect(offShelf.sku?.status).toBe('off_shelf')
  })

  it('a combination without a SKU is complete without a SKU', () => {
    const selection = skuSelection(tee(), { color: 'red', size: 'l' })
    expect(selection).toMatchObject({ complete: true, sku: undefined, buyable: false, stock: undefined })
  })

  it('undefined in a choice means not chosen; no choice is the empty one', () => {
    expect(skuSelection(tee(), { color: undefined, size: 'm' }).choice).toEqual({ size: 'm' })
    expect(skuSelection(tee()).possible).toEqual(skuSelection(tee(), {}).possible)
  })

  it('a stock below the minimum quantity cannot be bought, as in the cart', () => {
    const matrix = skuMatrix(
      [SPECS[1]!],
      [
        { skuId: 'm', specs: { size: 'm' }, price: money(100), stock: 5, minQuantity: 6 },
        { skuId: 'l', specs: { size: 'l' }, price: money(100), stock: 11, step: 6 },
        { skuId: 'xl', specs: { size: 'xl' }, price: money(100), stock: 1, status: 'sold_out' },
      ],
    )
    expect(skuSelection(matrix).possible.size).toEqual({ m: false, l: true, xl: false })
  })

  it('a product without spec groups has its one SKU chosen from the start', () => {
    const matrix = skuMatrix([], [{ skuId: 'only', specs: {}, price: money(1990), stock: 1 }])
    const selection = skuSelection(matrix, {})
    expect(selection).toMatchObject({ complete: true, buyable: true, possible: {}, stock: 1 })
    expect(selection.sku?.skuId).toBe('only')
  })

  it('a product without SKUs has nothing possible', () => {
    const matrix = skuMatrix(SPECS, [])
    expect(matrix.currency).toBeUndefined()
    const selection = skuSelection(matrix, { color: 'black' })
    expect(selection.possible.color).toEqual({ black: false, white: false, red: false })
    expect(selection.priceRange).toBeUndefined()
  })

  it('the result is frozen, and the matrix keeps copies of its input', () => {
    const skus = structuredClone(SKUS)
    const matrix = skuMatrix(SPECS, skus)
    ;(skus[0] as { stock: number }).stock = 0
    const selection = skuSelection(matrix, { color: 'black', size: 'm' })
    expect(selection.stock).toBe(5)
    expect(Object.isFrozen(selection)).toBe(true)
    expect(Object.isFrozen(selection.possible.color)).toBe(true)
    expect(Object.isFrozen(matrix.skus[0]!.specs)).toBe(true)
  })

  it('a matrix keeps only the known SKU fields', () => {
    const extra = { ...SKUS[0]!, kind: 'virtual', note: 'x' } as Sku
    const sku = skuMatrix(SPECS, [extra]).skus[0]!
    expect(sku).toEqual({ skuId: 'bm', specs: { color: 'black', size: 'm' }, price: money(3900), stock: 5 })
  })
})

describe('skuSelection: bad choices', () => {
  it.each([
    ['an unknown group', { colour: 'black' }],
    ['an unknown value', { color: 'blue' }],
    ['a value of another group', { color: 'xl' }],
    ['a value that is not a string', { color: 1 }],
  ])('%s is INVALID_ARGUMENT', (_, choice) => {
    expect(codeOf(() => skuSelection(tee(), choice as never))).toBe('INVALID_ARGUMENT')
  })

  it('a choice that is not an object, or a matrix not made by skuMatrix, is INVALID_ARGUMENT', () => {
    expect(codeOf(() => skuSelection(tee(), null as never))).toBe('INVALID_ARGUMENT')
    expect(codeOf(() => skuSelection({ ...tee() }, {}))).toBe('INVALID_ARGUMENT')
    expect(codeOf(() => skuSelection(undefined as never, {}))).toBe('INVALID_ARGUMENT')
  })
})

describe('skuMatrix: bad input is INVALID_ARGUMENT, never a crash', () => {
  const sku = (patch: Record<string, unknown>) => ({ ...SKUS[0]!, ...patch }) as Sku
  const cases: [string, unknown, unknown][] = [
    ['specs that are not an array', {}, []],
    ['skus that are not an array', SPECS, null],
    ['a group that is not an object', [null], []],
    ['a group without an id', [{ name: 'x', values: [{ id: 'a', name: 'a' }] }], []],
    ['a group without values', [{ id: 'g', name: 'g', values: [] }], []],
    ['a group given twice', [SPECS[0], SPECS[0]], []],
    [
      'a group id that would be a prototype',
      [{ id: '__proto__', name: 'g', values: [{ id: 'a', name: 'a' }] }],
      [],
    ],
    [
      'a value given twice',
      [
        {
          id: 'g',
          name: 'g',
          values: [
            { id: 'a', name: 'a' },
            { id: 'a', name: 'b' },
          ],
        },
      ],
      [],
    ],
    ['a value without a name', [{ id: 'g', name: 'g', values: [{ id: 'a' }] }], []],
    [
      'a value image that is not a string',
      [{ id: 'g', name: 'g', values: [{ id: 'a', name: 'a', image: 1 }] }],
      [],
    ],
    ['a SKU that is not an object', SPECS, [42]],
    // biome-ignore lint/suspicious/noSparseArray: a hole is a SKU that is not there
    ['a hole among the SKUs', SPECS, [, SKUS[0]]],
    // biome-ignore lint/suspicious/noSparseArray: a hole is a group that is not there
    ['a hole among the groups', [, SPECS[0]], []],
    // biome-ignore lint/suspicious/noSparseArray: a hole is a value that is not there
    ['a hole among the values', [{ id: 'g', name: 'g', values: [, { id: 'a', name: 'a' }] }], []],
    ['an empty skuId', SPECS, [sku({ skuId: '' })]],
    ['a skuId given twice', SPECS, [SKUS[0], sku({ specs: { color: 'white', size: 'm' } })]],
    ['a SKU naming an unknown group', SPECS, [sku({ specs: { color: 'black', size: 'm', fit: 'slim' } })]],
    ['a SKU naming an unknown value', SPECS, [sku({ specs: { color: 'black', size: 'xxl' } })]],
    ['a SKU missing a group', SPECS, [sku({ specs: { color: 'black' } })]],
    ['a SKU without specs', SPECS, [sku({ specs: undefined })]],
    ['two SKUs with the same specs', SPECS, [SKUS[0], sku({ skuId: 'twin' })]],
    ['a fractional stock', SPECS, [sku({ stock: 1.5 })]],
    ['a negative stock', SPECS, [sku({ stock: -1 })]],
    ['no stock', SPECS, [sku({ stock: undefined })]],
    ['a NaN stock', SPECS, [sku({ stock: Number.NaN })]],
    ['a price in yuan as a float', SPECS, [sku({ price: { amount: 39.9, currency: 'CNY' } })]],
    ['a price as a string', SPECS, [sku({ price: '39.00' })]],
    ['no price', SPECS, [sku({ price: undefined })]],
    ['a negative price', SPECS, [sku({ price: money(-1) })]],
    ['an originalPrice that is not Money', SPECS, [sku({ originalPrice: 6900 })]],
    ['a memberPrice in another currency', SPECS, [sku({ memberPrice: money(100, 'USD') })]],
    ['prices in two currencies', SPECS, [SKUS[0], { ...SKUS[3]!, price: money(100, 'USD') }]],
    ['an unknown status', SPECS, [sku({ status: 'hidden' })]],
    ['a perUserLimit of 0', SPECS, [sku({ perUserLimit: 0 })]],
    ['a limit below the minimum', SPECS, [sku({ minQuantity: 5, maxQuantity: 2 })]],
    ['an image that is not a string', SPECS, [sku({ image: {} })]],
  ]

  it.each(cases)('%s', (_, specs, skus) => {
    expect(codeOf(() => skuMatrix(specs as never, skus as never))).toBe('INVALID_ARGUMENT')
  })

  it('the message names the SKUs, and a money error is kept as the cause', () => {
    try {
      skuMatrix(SPECS, [SKUS[0]!, { ...SKUS[0]!, skuId: 'twin' }])
      expect.unreachable()
    } catch (error) {
      expect(isTradeKitError(error, 'INVALID_ARGUMENT') && error.message).toMatch(/bm and twin/)
    }
    try {
      skuMatrix(SPECS, [{ ...SKUS[0]!, price: { amount: 39.9, currency: 'CNY' } }])
      expect.unreachable()
    } catch (error) {
      expect(isTradeKitError(error, 'INVALID_ARGUMENT') && error.message).toMatch(/^SKU bm: /)
      expect(isTradeKitError((error as Error).cause, 'INVALID_AMOUNT')).toBe(true)
    }
  })
})

describe('cartItemOf: a chosen SKU becomes a cart line', () => {
  it('carries the SKU’s fields, the product’s title and kind, and the spec text as attributes', () => {
    const item = cartItemOf(tee(), { color: 'white', size: 'xl' }, { title: '纯棉T恤', image: 'tee.png' })
    expect(item).toEqual({
      skuId: 'wxl',
      title: '纯棉T恤',
      price: money(5900),
      originalPrice: money(6900),
      memberPrice: money(5500),
      stock: 2,
      image: 'white.png',
      attributes: [
        { name: '颜色', value: '白' },
        { name: '尺码', value: 'XL' },
      ],
    })
    const red = cartItemOf(
      tee(),
      { color: 'red', size: 'm' },
      { title: '纯棉T恤', image: 'tee.png', kind: 'physical' },
    )
    expect(red).toMatchObject({ skuId: 'rm', image: 'tee.png', kind: 'physical' })
  })

  it('the cart takes it as it is: line, limit and sold-out rules included', () => {
    const cart = createCart()
    const item = cartItemOf(tee(), { color: 'black', size: 'l' }, { title: '纯棉T恤' })!
    expect(cart.add(item, 3)).toEqual({ ok: false, quantity: 2, issue: 'over_limit' })
    expect(cart.getSnapshot().lines[0]).toMatchObject({
      lineId: 'bl',
      quantity: 2,
      attributes: [
        { name: '颜色', value: '黑' },
        { name: '尺码', value: 'L' },
      ],
    })
    const soldOut = cartItemOf(tee(), { color: 'black', size: 'xl' }, { title: '纯棉T恤' })!
    expect(cart.add(soldOut)).toEqual({ ok: false, quantity: 0, issue: 'sold_out' })
  })

  it('is undefined for an incomplete choice or a combination without a SKU', () => {
    expect(cartItemOf(tee(), { color: 'black' }, { title: 'T' })).toBeUndefined()
    expect(cartItemOf(tee(), { color: 'red', size: 'l' }, { title: 'T' })).toBeUndefined()
  })

  it('a bad product or choice is INVALID_ARGUMENT', () => {
    const choice = { color: 'black', size: 'm' }
    expect(codeOf(() => cartItemOf(tee(), choice, null as never))).toBe('INVALID_ARGUMENT')
    expect(codeOf(() => cartItemOf(tee(), choice, { title: 1 } as never))).toBe('INVALID_ARGUMENT')
    expect(codeOf(() => cartItemOf(tee(), choice, { title: 'T', kind: 'digital' } as never))).toBe(
      'INVALID_ARGUMENT',
    )
    expect(codeOf(() => cartItemOf(tee(), { size: 'huge' }, { title: 'T' }))).toBe('INVALID_ARGUMENT')
  })
})

describe('formatPriceRange', () => {
  const range = { min: money(3900), max: money(5900) }

  it('writes the range once for every component', () => {
    expect(formatPriceRange(range, { trimZeros: true })).toBe('¥39–59')
    expect(formatPriceRange(range)).toBe('¥39.00–59.00')
    expect(formatPriceRange(range, { locale: 'zh-CN' })).toBe('¥39.00–59.00')
    expect(formatPriceRange(range, { locale: 'en-US' })).toBe('¥39.00–¥59.00')
    expect(formatPriceRange(range, { locale: 'en-US', repeatSymbol: false })).toBe('¥39.00–59.00')
    expect(formatPriceRange({ min: money(3950), max: money(123400) }, { trimZeros: true })).toBe(
      '¥39.50–1,234',
    )
    expect(formatPriceRange({ min: money(999, 'USD'), max: money(1999, 'USD') }, { locale: 'en-US' })).toBe(
      '$9.99–$19.99',
    )
  })

  it('one price when both ends are equal', () => {
    expect(formatPriceRange({ min: money(3900), max: money(3900) }, { trimZeros: true })).toBe('¥39')
  })

  it('formats what skuSelection gives', () => {
    expect(formatPriceRange(skuSelection(tee()).priceRange!, { trimZeros: true })).toBe('¥29–59')
  })

  it('refuses a range that is not one', () => {
    expect(codeOf(() => formatPriceRange(null as never))).toBe('INVALID_ARGUMENT')
    expect(codeOf(() => formatPriceRange({ min: 3900, max: money(1) } as never))).toBe('INVALID_AMOUNT')
    expect(codeOf(() => formatPriceRange({ min: money(1), max: money(2, 'USD') }))).toBe('CURRENCY_MISMATCH')
  })
})
