import {
  cartItemOf,
  money,
  type ProductStatus,
  type Sku,
  type SkuChoice,
  type SkuSpecGroup,
  skuMatrix,
  skuSelection,
} from '@tradekit/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { codeOf } from './codeOf'

// Random small products: up to 4 groups × 4 values, any subset of the combinations as SKUs (some
// sold out, off the shelf or with a minimum above their stock), and a random partial choice.
interface Case {
  specs: SkuSpecGroup[]
  skus: Sku[]
  choice: Record<string, string | undefined>
}

const STATUSES: (ProductStatus | undefined)[] = [undefined, undefined, 'on_sale', 'sold_out', 'off_shelf']

function cartesian(sizes: readonly number[]): number[][] {
  let combos: number[][] = [[]]
  for (const size of sizes)
    combos = combos.flatMap((combo) => Array.from({ length: size }, (_, v) => [...combo, v]))
  return combos
}

const caseArb: fc.Arbitrary<Case> = fc
  .array(fc.integer({ min: 1, max: 4 }), { minLength: 0, maxLength: 4 })
  .chain((sizes) => {
    const combos = cartesian(sizes)
    const skuArb = fc.record({
      present: fc.boolean(),
      price: fc.integer({ min: 0, max: 10_000 }),
      stock: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 3 })),
      status: fc.constantFrom(...STATUSES),
      minQuantity: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
    })
    const choiceArb = fc.tuple(...sizes.map((size) => fc.option(fc.nat(size - 1), { nil: undefined })))
    return fc.tuple(
      fc.constant(sizes),
      fc.constant(combos),
      fc.array(skuArb, { minLength: combos.length, maxLength: combos.length }),
      choiceArb,
    )
  })
  .map(([sizes, combos, drawn, picks]) => {
    const specs = sizes.map((size, g) => ({
      id: `g${g}`,
      name: `组${g}`,
      values: Array.from({ length: size }, (_, v) => ({ id: `v${v}`, name: `值${g}.${v}` })),
    }))
    const skus: Sku[] = []
    combos.forEach((combo, c) => {
      const { present, price, stock, status, minQuantity } = drawn[c]!
      if (!present) return
      skus.push({
        skuId: `sku-${combo.join('-') || 'only'}`,
        specs: Object.fromEntries(combo.map((v, g) => [`g${g}`, `v${v}`])),
        price: money(price),
        stock,
        ...(status ? { status } : {}),
        ...(minQuantity ? { minQuantity } : {}),
      })
    })
    const choice = Object.fromEntries(
      (picks as (number | undefined)[]).map((v, g) => [`g${g}`, v === undefined ? undefined : `v${v}`]),
    )
    return { specs, skus, choice }
  })

// The reference: every full combination of the spec values (the exponential way), each looked up
// among the SKUs by scanning them.
const buyable = (sku: Sku) => (sku.status ?? 'on_sale') === 'on_sale' && sku.stock >= (sku.minQuantity ?? 1)

function skuOfCombination(skus: readonly Sku[], specs: readonly SkuSpecGroup[], combo: readonly number[]) {
  return skus.find((sku) => specs.every((group, g) => sku.specs[group.id] === group.values[combo[g]!]!.id))
}

function bruteForce({ specs, skus, choice }: Case) {
  const combos = cartesian(specs.map((group) => group.values.length))
  const chosen = specs.map((group) => choice[group.id])
  const agrees = (combo: readonly number[], except: number) =>
    specs.every(
      (group, g) => g === except || chosen[g] === undefined || group.values[combo[g]!]!.id === chosen[g],
    )
  const possible: Record<string, Record<string, boolean>> = {}
  specs.forEach((group, g) => {
    possible[group.id] = {}
    group.values.forEach((value, v) => {
      possible[group.id]![value.id] = combos.some((combo) => {
        if (combo[g] !== v || !agrees(combo, g)) return false
        const sku = skuOfCombination(skus, specs, combo)
        return sku !== undefined && buyable(sku)
      })
    })
  })
  const left = combos
    .filter((combo) => agrees(combo, -1))
    .map((combo) => skuOfCombination(skus, specs, combo))
    .filter((sku): sku is Sku => sku !== undefined && buyable(sku))
  const amounts = left.map((sku) => sku.price.amount)
  const complete = chosen.every((value) => value !== undefined)
  const sku = complete
    ? skus.find((s) => specs.every((group) => s.specs[group.id] === choice[group.id]))
    : undefined
  return {
    possible,
    sku,
    range: left.length ? { min: Math.min(...amounts), max: Math.max(...amounts) } : undefined,
  }
}

describe('skuSelection equals the brute-force reference', () => {
  it('possible values, the chosen SKU and the price range', () => {
    fc.assert(
      fc.property(caseArb, (input) => {
        const selection = skuSelection(skuMatrix(input.specs, input.skus), input.choice)
        const expected = bruteForce(input)
        expect(selection.possible).toEqual(expected.possible)
        expect(selection.sku?.skuId).toBe(expected.sku?.skuId)
        expect(selection.buyable).toBe(expected.sku !== undefined && buyable(expected.sku))
        expect(selection.complete).toBe(input.specs.every((group) => input.choice[group.id] !== undefined))
        expect(
          selection.priceRange && {
            min: selection.priceRange.min.amount,
            max: selection.priceRange.max.amount,
          },
        ).toEqual(expected.range)
      }),
      { numRuns: 400 },
    )
  })

  it('picking a possible value never leaves the choice without a buyable SKU', () => {
    fc.assert(
      fc.property(caseArb, fc.nat(), (input, pick) => {
        const matrix = skuMatrix(input.specs, input.skus)
        const selection = skuSelection(matrix, input.choice)
        const options = input.specs.flatMap((group) =>
          group.values
            .filter((value) => selection.possible[group.id]![value.id])
            .map((value) => [group.id, value.id]),
        )
        if (options.length === 0) return
        const [groupId, valueId] = options[pick % options.length]!
        const next: SkuChoice = { ...input.choice, [groupId!]: valueId }
        expect(skuSelection(matrix, next).priceRange).toBeDefined()
      }),
      { numRuns: 300 },
    )
  })

  it('the cart item of a complete choice is its SKU, with one attribute per group', () => {
    fc.assert(
      fc.property(caseArb, (input) => {
        const matrix = skuMatrix(input.specs, input.skus)
        const item = cartItemOf(matrix, input.choice, { title: 'T' })
        const expected = bruteForce(input).sku
        expect(item?.skuId).toBe(expected?.skuId)
        if (item) {
          expect(item.price).toEqual(expected!.price)
          expect(item.attributes).toEqual(
            input.specs.map((group) => ({
              name: group.name,
              value: group.values.find((value) => value.id === input.choice[group.id])!.name,
            })),
          )
        }
      }),
      { numRuns: 200 },
    )
  })

  it('a second SKU with the specs of an existing one is refused, wherever it stands', () => {
    fc.assert(
      fc.property(caseArb, fc.nat(), fc.nat(), (input, from, to) => {
        fc.pre(input.skus.length > 0)
        const twin = { ...input.skus[from % input.skus.length]!, skuId: 'twin' }
        const skus = [...input.skus]
        skus.splice(to % (skus.length + 1), 0, twin)
        expect(codeOf(() => skuMatrix(input.specs, skus))).toBe('INVALID_ARGUMENT')
      }),
      { numRuns: 200 },
    )
  })
})
