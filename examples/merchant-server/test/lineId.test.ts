import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { cartLineId } from '../../../packages/core/src/cart/cartLineId.ts'
import { lineIdOf } from '../src/pricing/lineId.ts'

// The server mirrors TradeKit's cart line id (it does not depend on @tradekit/core): the client
// finds the line of a quote in its cart by this id, so the two must give the same id for every
// sku and every options the server accepts (an object of strings, see parseOrderRequest).

// Any text, often with what hurts: unicode, astral characters, lone surrogates, quotes, NUL.
const awkward = fc.oneof(
  {
    weight: 1,
    arbitrary: fc.constantFrom('\u0000', '\ud800', '\udfff', "'", '"', '\\', '😀', '预约', '\n', '~'),
  },
  { weight: 4, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
)
const text = (minLength: number, maxLength: number) =>
  fc.oneof(
    fc.string({ unit: awkward, minLength, maxLength }),
    fc.string({ unit: 'grapheme', minLength, maxLength }),
  )
const skuId = fc.oneof(fc.constantFrom('legal-consult-30', 'tea-gift-box'), text(1, 64))
// Keys include ones that sort differently as numbers and as text, and `__proto__`.
const key = fc.oneof(fc.constantFrom('slot', 'size', '10', '2', '__proto__', 'constructor', ''), text(0, 64))
// The entries of an options object (none to ten, as the server allows), built as the server's
// parser builds it: Object.fromEntries, so every key is an own property of a plain object.
const entries = fc.uniqueArray(fc.tuple(key, text(0, 200)), { maxLength: 10, selector: ([k]) => k })

describe("the server's quote line id is the client's cart line id", () => {
  it('is the skuId for a line without options or with empty options', () => {
    fc.assert(
      fc.property(skuId, (sku) => {
        expect(lineIdOf(sku)).toBe(sku)
        expect(lineIdOf(sku, {})).toBe(sku)
        expect(lineIdOf(sku, {})).toBe(cartLineId(sku, {}))
        expect(lineIdOf(sku)).toBe(cartLineId(sku))
      }),
    )
  })

  it('equals cartLineId for any sku and options, whatever order the keys come in', () => {
    fc.assert(
      fc.property(
        skuId,
        entries.chain((list) =>
          fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length })),
        ),
        (sku, [list, shuffled]) => {
          const client = cartLineId(sku, Object.fromEntries(list))
          expect(lineIdOf(sku, Object.fromEntries(list))).toBe(client)
          expect(lineIdOf(sku, Object.fromEntries(shuffled))).toBe(client)
        },
      ),
      { numRuns: 1000 },
    )
  })

  it('gives the client id of a booked consultation', () => {
    const options = { slot: '2026-01-20 10:00', lawyer: '张律师' }
    expect(lineIdOf('legal-consult-30', options)).toBe(cartLineId('legal-consult-30', options))
    expect(lineIdOf('legal-consult-30', options)).toMatch(/^legal-consult-30~[0-9a-z]+$/)
  })
})
