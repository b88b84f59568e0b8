import { checkSku, invalid, isRecord, type SpecLookup } from './checkSku'
import { attachIndex } from './skuIndex'
import type { Sku, SkuMatrix, SkuSpecGroup, SkuSpecValue } from './types'

// Ids become keys of plain records (a selection's `possible`, a SKU's `specs`).
function checkId(value: unknown, what: string | undefined): string {
  if (typeof value !== 'string' || value === '')
    invalid(process.env.NODE_ENV !== 'production' ? `${what} must be a non-empty string` : undefined)
  if (value === '__proto__')
    invalid(process.env.NODE_ENV !== 'production' ? `${what} must not be __proto__` : undefined)
  return value
}

function checkValue(raw: unknown, groupId: string, at: number): SkuSpecValue {
  if (!isRecord(raw))
    invalid(
      process.env.NODE_ENV !== 'production'
        ? `Value at ${at} of spec group ${groupId} must be an object { id, name }`
        : undefined,
    )
  const id = checkId(
    raw.id,
    process.env.NODE_ENV !== 'production' ? `The id of value ${at} of spec group ${groupId}` : undefined,
  )
  if (typeof raw.name !== 'string')
    invalid(
      process.env.NODE_ENV !== 'production'
        ? `Value ${id} of spec group ${groupId}: name must be a string`
        : undefined,
    )
  if (raw.image !== undefined && typeof raw.image !== 'string') {
    invalid(
      process.env.NODE_ENV !== 'production'
        ? `Value ${id} of spec group ${groupId}: image must be a URL string`
        : undefined,
    )
  }
  const value: SkuSpecValue = { id, name: raw.name }
  return Object.freeze(raw.image === undefined ? value : { ...value, image: raw.image })
}

// `first` is the position of the group's first value among the values of all groups.
function checkGroup(raw: unknown, at: number, first: number) {
  if (!isRecord(raw))
    invalid(
      process.env.NODE_ENV !== 'production'
        ? `Spec group at ${at} must be an object { id, name, values }`
        : undefined,
    )
  const id = checkId(raw.id, process.env.NODE_ENV !== 'production' ? `The id of spec group ${at}` : undefined)
  if (typeof raw.name !== 'string')
    invalid(process.env.NODE_ENV !== 'production' ? `Spec group ${id}: name must be a string` : undefined)
  if (!Array.isArray(raw.values) || raw.values.length === 0) {
    invalid(
      process.env.NODE_ENV !== 'production'
        ? `Spec group ${id}: values must be a non-empty array`
        : undefined,
    )
  }
  const valueAt = new Map<string, number>()
  // Array.from visits the holes of a sparse array too (map would leave them)
  const values = Array.from(raw.values as unknown[], (entry, v) => {
    const value = checkValue(entry, id, v)
    if (valueAt.has(value.id))
      invalid(
        process.env.NODE_ENV !== 'production'
          ? `Spec group ${id} has the value ${value.id} twice`
          : undefined,
      )
    valueAt.set(value.id, first + v)
    return value
  })
  const group: SkuSpecGroup = Object.freeze({ id, name: raw.name, values: Object.freeze(values) })
  return { group, valueAt }
}

function checkSpecs(specs: unknown): SpecLookup {
  if (!Array.isArray(specs))
    invalid(process.env.NODE_ENV !== 'production' ? 'specs must be an array of spec groups' : undefined)
  const groupAt = new Map<string, number>()
  const valueAt: Map<string, number>[] = []
  const offsets = new Int32Array(specs.length)
  let valueCount = 0
  const groups = Array.from(specs as unknown[], (raw, g) => {
    const checked = checkGroup(raw, g, valueCount)
    if (groupAt.has(checked.group.id))
      invalid(
        process.env.NODE_ENV !== 'production' ? `Spec group ${checked.group.id} is given twice` : undefined,
      )
    groupAt.set(checked.group.id, g)
    valueAt.push(checked.valueAt)
    offsets[g] = valueCount
    valueCount += checked.group.values.length
    return checked.group
  })
  return { groups: Object.freeze(groups), groupAt, valueAt, offsets, valueCount }
}

// The currency every price must share: the first SKU's (its own checks come later).
function currencyOf(skus: readonly unknown[]): string | undefined {
  if (skus.length === 0) return undefined
  const first = skus[0]
  const price = isRecord(first) ? first.price : undefined
  return isRecord(price) && typeof price.currency === 'string' ? price.currency : 'CNY'
}

/**
 * Checks spec groups and SKUs and indexes them for {@link skuSelection}: per SKU the value position
 * of each group, the SKUs that can be bought, and each combination's SKU.
 *
 * Building costs O(N·G + V) time and memory for N SKUs, G groups and V values over all groups;
 * each selection then costs at most O(B·G + V) for the B buyable SKUs — never a search over the
 * combinations (10 groups of 10 values make 10¹⁰ of them).
 *
 * Every SKU names exactly one value of every group. A SKU can be bought when its `status` is
 * `'on_sale'` (the default) and its stock is at least its minimum quantity — the cart's rule.
 *
 * @throws TradeKitError `INVALID_ARGUMENT` for any bad input, nothing dropped: a group or value id
 *   given twice, empty or `__proto__`, a group without values, a SKU that is not an object, a
 *   duplicate or empty skuId, a SKU naming an unknown group or value or missing a group, two SKUs
 *   with one combination, a stock that is not a safe integer ≥ 0, a price that is not Money (the
 *   money error is the `cause`), prices in more than one currency, quantity rules the cart would
 *   refuse
 * @example
 * ```ts
 * const matrix = skuMatrix(
 *   [
 *     { id: 'color', name: '颜色', values: [{ id: 'black', name: '黑' }, { id: 'white', name: '白' }] },
 *     { id: 'size', name: '尺码', values: [{ id: 'm', name: 'M' }, { id: 'xl', name: 'XL' }] },
 *   ],
 *   [
 *     { skuId: 'tee-bm', specs: { color: 'black', size: 'm' }, price: money(3900), stock: 5 },
 *     { skuId: 'tee-bxl', specs: { color: 'black', size: 'xl' }, price: money(4900), stock: 0 },
 *     { skuId: 'tee-wm', specs: { color: 'white', size: 'm' }, price: money(3900), stock: 8 },
 *     { skuId: 'tee-wxl', specs: { color: 'white', size: 'xl' }, price: money(5900), stock: 2 },
 *   ],
 * )
 * skuSelection(matrix, { color: 'black' }).possible.size // { m: true, xl: false }
 * ```
 */
export function skuMatrix(specs: readonly SkuSpecGroup[], skus: readonly Sku[]): SkuMatrix {
  const lookup = checkSpecs(specs)
  if (!Array.isArray(skus))
    invalid(process.env.NODE_ENV !== 'production' ? 'skus must be an array' : undefined)
  const currency = currencyOf(skus)
  const codes = new Int32Array(skus.length * lookup.groups.length)
  const amounts = new Float64Array(skus.length)
  const buyable: number[] = []
  const byCombination = new Map<string, number>()
  const checked: Sku[] = []
  const seen = new Set<string>()
  for (let s = 0; s < skus.length; s++) {
    const { sku, buyable: canBuy, key } = checkSku(skus[s], s, lookup, currency ?? 'CNY', codes)
    if (seen.has(sku.skuId))
      invalid(process.env.NODE_ENV !== 'production' ? `skuId ${sku.skuId} is given twice` : undefined)
    seen.add(sku.skuId)
    const twin = byCombination.get(key)
    if (twin !== undefined) {
      invalid(
        process.env.NODE_ENV !== 'production'
          ? `SKUs ${checked[twin]!.skuId} and ${sku.skuId} have the same specs ${JSON.stringify(sku.specs)}`
          : undefined,
      )
    }
    byCombination.set(key, s)
    amounts[s] = sku.price.amount
    if (canBuy) buyable.push(s)
    checked.push(sku)
  }
  const matrix: SkuMatrix = Object.freeze({ specs: lookup.groups, skus: Object.freeze(checked), currency })
  return attachIndex(matrix, { ...lookup, codes, amounts, buyable: Int32Array.from(buyable), byCombination })
}
