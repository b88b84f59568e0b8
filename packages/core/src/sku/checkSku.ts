import { normalizeItem } from '../cart/normalizeItem'
import { blockingStatus } from '../cart/quantityRules'
import type { CartItem } from '../cart/types'
import { isTradeKitError, TradeKitError } from '../errors/TradeKitError'
import { hasOwn } from '../internal/hasOwn'
import { combinationKey } from './skuIndex'
import type { Sku, SkuSpecGroup } from './types'

/** Throws the one error skuMatrix throws for bad input. */
export function invalid(message: string | undefined, cause?: unknown): never {
  throw new TradeKitError('INVALID_ARGUMENT', message, cause === undefined ? undefined : { cause })
}

/** True for an object that is not null and not an array. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * The spec groups as skuMatrix reads them: group id → position, and per group value id → the
 * value's position among the values of all groups (`offsets[g]` + its place in group `g`).
 */
export interface SpecLookup {
  readonly groups: readonly SkuSpecGroup[]
  readonly groupAt: ReadonlyMap<string, number>
  readonly valueAt: readonly ReadonlyMap<string, number>[]
  /** Per group: the position of its first value. */
  readonly offsets: Int32Array
  /** The number of values over all groups. */
  readonly valueCount: number
}

// Writes the value position of every group for one SKU's `specs` into `codes` from `base`, each
// group named exactly once, and returns the combination's key.
function specPositions(specs: unknown, skuId: string, lookup: SpecLookup, codes: Int32Array, base: number) {
  if (!isRecord(specs))
    invalid(
      process.env.NODE_ENV !== 'production'
        ? `SKU ${skuId}: specs must be an object { groupId: valueId }`
        : undefined,
    )
  const groupIds = Object.keys(specs)
  for (const groupId of groupIds) {
    const g = lookup.groupAt.get(groupId)
    if (g === undefined)
      invalid(
        process.env.NODE_ENV !== 'production'
          ? `SKU ${skuId} names an unknown spec group ${JSON.stringify(groupId)}`
          : undefined,
      )
    const valueId = specs[groupId]
    const v = typeof valueId === 'string' ? lookup.valueAt[g]!.get(valueId) : undefined
    if (v === undefined) {
      invalid(
        process.env.NODE_ENV !== 'production'
          ? `SKU ${skuId} names an unknown value ${JSON.stringify(valueId)} of spec group ${groupId}`
          : undefined,
      )
    }
    codes[base + g] = v
  }
  // the keys are distinct and each names a group: as many keys as groups means every group is named
  if (groupIds.length < lookup.groups.length) {
    const missing = lookup.groups.find((group) => !hasOwn(specs, group.id))!
    invalid(
      process.env.NODE_ENV !== 'production'
        ? `SKU ${skuId} names no value of spec group ${missing.id}`
        : undefined,
    )
  }
  return combinationKey(codes, base, lookup.groups.length)
}

const CART_FIELDS = [
  'price',
  'originalPrice',
  'memberPrice',
  'minQuantity',
  'maxQuantity',
  'step',
  'perUserLimit',
  'status',
  'image',
] as const
const MONEY_FIELDS = ['price', 'originalPrice', 'memberPrice'] as const

// The cart's own checks for the fields a SKU shares with a cart item, re-thrown as INVALID_ARGUMENT;
// the checked fields are copied onto `sku`.
function copyCartFields(raw: Record<string, unknown>, sku: Record<string, unknown>, currency: string): void {
  const skuId = sku.skuId as string
  for (const field of MONEY_FIELDS) {
    const value = raw[field]
    if (isRecord(value) && typeof value.currency === 'string' && value.currency !== currency) {
      invalid(
        process.env.NODE_ENV !== 'production'
          ? `SKU ${skuId}: ${field} is in ${value.currency}, the other prices in ${currency}`
          : undefined,
      )
    }
  }
  const input: Record<string, unknown> = { skuId, title: '' }
  for (const field of CART_FIELDS) if (raw[field] !== undefined) input[field] = raw[field]
  let item: CartItem
  try {
    item = normalizeItem(input as unknown as CartItem, currency)
  } catch (error) {
    invalid(
      process.env.NODE_ENV !== 'production'
        ? `SKU ${skuId}: ${isTradeKitError(error) ? error.message : String(error)}`
        : undefined,
      error,
    )
  }
  for (const field of CART_FIELDS) if (item[field] !== undefined) sku[field] = item[field]
}

/** One SKU, checked, with whether it can be bought and the key of its combination. */
export interface CheckedSku {
  readonly sku: Sku
  readonly buyable: boolean
  readonly key: string
}

/**
 * Checks one SKU from outside and returns a frozen copy with only the known fields; the value
 * position of each group goes into `codes` from `base`.
 *
 * @throws TradeKitError `INVALID_ARGUMENT` — the cart's code for a bad amount or currency is kept as
 *   the `cause`
 */
export function checkSku(
  raw: unknown,
  at: number,
  lookup: SpecLookup,
  currency: string,
  codes: Int32Array,
): CheckedSku {
  if (!isRecord(raw))
    invalid(process.env.NODE_ENV !== 'production' ? `SKU at ${at} must be an object` : undefined)
  const skuId = raw.skuId
  if (typeof skuId !== 'string' || skuId === '')
    invalid(
      process.env.NODE_ENV !== 'production' ? `SKU at ${at}: skuId must be a non-empty string` : undefined,
    )
  const stock = raw.stock
  if (typeof stock !== 'number' || !Number.isSafeInteger(stock) || stock < 0) {
    invalid(
      process.env.NODE_ENV !== 'production'
        ? `SKU ${skuId}: stock must be a safe integer of at least 0, got ${String(stock)}`
        : undefined,
    )
  }
  const base = at * lookup.groups.length
  const key = specPositions(raw.specs, skuId, lookup, codes, base)
  // built in group order, so every SKU's specs share one shape
  const specs: Record<string, string> = {}
  lookup.groups.forEach((group, g) => {
    specs[group.id] = group.values[codes[base + g]! - lookup.offsets[g]!]!.id
  })
  const sku: Record<string, unknown> = { skuId, specs: Object.freeze(specs), stock }
  copyCartFields(raw, sku, currency)
  Object.freeze(sku)
  return { sku: sku as unknown as Sku, buyable: blockingStatus(sku as unknown as Sku) === undefined, key }
}
