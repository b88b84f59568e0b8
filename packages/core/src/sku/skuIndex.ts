import { TradeKitError } from '../errors/TradeKitError'
import type { SpecLookup } from './checkSku'
import type { SkuMatrix } from './types'

/**
 * What {@link skuMatrix} precomputes so a selection is one pass over the buyable SKUs. A value is
 * known by its position among the values of all groups (see {@link SpecLookup}).
 */
export interface SkuIndex extends SpecLookup {
  /** SKU `s`, group `g` → the position of its value: `codes[s * groups + g]`. */
  readonly codes: Int32Array
  /** The positions of the SKUs that can be bought (on sale, stock at or above the minimum). */
  readonly buyable: Int32Array
  /** SKU `s` → its price's amount (read in the selection's inner loop). */
  readonly amounts: Float64Array
  /** A combination's key (see {@link combinationKey}) → SKU position. */
  readonly byCombination: ReadonlyMap<string, number>
}

const indexes = new WeakMap<SkuMatrix, SkuIndex>()

/** Files the index of a matrix (called once, by skuMatrix). */
export function attachIndex(matrix: SkuMatrix, index: SkuIndex): SkuMatrix {
  indexes.set(matrix, index)
  return matrix
}

/**
 * The index of a matrix made by skuMatrix.
 *
 * @throws TradeKitError `INVALID_ARGUMENT` for anything else (a copy, a hand-made object)
 */
export function indexOf(matrix: SkuMatrix): SkuIndex {
  const index = typeof matrix === 'object' && matrix !== null ? indexes.get(matrix) : undefined
  if (!index)
    throw new TradeKitError(
      'INVALID_ARGUMENT',
      process.env.NODE_ENV !== 'production' ? 'Expected a matrix made by skuMatrix(specs, skus)' : undefined,
    )
  return index
}

/** The key of the combination `positions[from]`, … `positions[from + length - 1]`. */
export function combinationKey(positions: ArrayLike<number>, from: number, length: number): string {
  let key = ''
  for (let i = 0; i < length; i++) key += i === 0 ? `${positions[from]}` : `,${positions[from + i]}`
  return key
}
