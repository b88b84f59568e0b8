import { TradeKitError } from '../errors/TradeKitError'
import { checkMoneyIn } from '../money/checks'
import type { Money } from '../money/money'
import { cartLineId } from './cartLineId'
import type { CartAttribute, CartItem, CartItemOptions, ProductKind, ProductStatus } from './types'

const STATUSES: readonly ProductStatus[] = ['on_sale', 'sold_out', 'off_shelf']
const KINDS: readonly ProductKind[] = ['physical', 'service', 'virtual']
const PRICES = ['originalPrice', 'memberPrice'] as const
// each quantity field with its least value
const COUNTS = [
  ['stock', 0],
  ['minQuantity', 1],
  ['maxQuantity', 1],
  ['step', 1],
  ['perUserLimit', 1],
] as const

function invalid(message: string | undefined): never {
  throw new TradeKitError('INVALID_ARGUMENT', message)
}

function checkPrice(value: unknown, field: string, currency: string): Money {
  const price = checkMoneyIn(value, currency, field, 'the cart', true)
  return Object.isFrozen(price) ? price : Object.freeze({ amount: price.amount, currency: price.currency })
}

function checkCount(value: unknown, field: string, least: number): number | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < least) {
    invalid(
      process.env.NODE_ENV !== 'production'
        ? `${field} must be a safe integer of at least ${least}, got ${String(value)}`
        : undefined,
    )
  }
  return value
}

function checkAttributes(value: unknown): readonly CartAttribute[] | undefined {
  if (value === undefined) return undefined
  if (!Array.isArray(value))
    invalid(
      process.env.NODE_ENV !== 'production' ? 'attributes must be an array of { name, value }' : undefined,
    )
  return Object.freeze(
    value.map((entry: unknown) => {
      const { name, value: text } = (entry ?? {}) as { name?: unknown; value?: unknown }
      if (typeof name !== 'string' || typeof text !== 'string')
        invalid(
          process.env.NODE_ENV !== 'production' ? 'attributes must be { name, value } strings' : undefined,
        )
      return Object.freeze({ name, value: text })
    }),
  )
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const entry of Object.values(value)) deepFreeze(entry)
    Object.freeze(value)
  }
  return value
}

/**
 * Checks an item from outside (an integrator, the server, storage) and returns a frozen copy with
 * only the known fields. Also checks that its quantity rules leave at least one valid quantity.
 */
export function normalizeItem(item: CartItem, currency: string): CartItem {
  if (typeof item !== 'object' || item === null)
    invalid(process.env.NODE_ENV !== 'production' ? 'A cart item must be an object' : undefined)
  const skuId = item.skuId
  if (typeof skuId !== 'string' || skuId === '')
    invalid(process.env.NODE_ENV !== 'production' ? 'skuId must be a non-empty string' : undefined)
  if (typeof item.title !== 'string')
    invalid(process.env.NODE_ENV !== 'production' ? 'title must be a string' : undefined)
  if (item.image !== undefined && typeof item.image !== 'string')
    invalid(process.env.NODE_ENV !== 'production' ? 'image must be a URL string' : undefined)
  if (item.status !== undefined && !STATUSES.includes(item.status))
    invalid(process.env.NODE_ENV !== 'production' ? `Unknown status ${String(item.status)}` : undefined)
  if (item.kind !== undefined && !KINDS.includes(item.kind))
    invalid(process.env.NODE_ENV !== 'production' ? `Unknown kind ${String(item.kind)}` : undefined)
  let options: CartItemOptions | undefined
  if (item.options !== undefined) {
    cartLineId(skuId, item.options) // throws for options that are not plain JSON
    options = deepFreeze(JSON.parse(JSON.stringify(item.options)) as CartItemOptions)
  }
  // the fields in one order, so that equal items make equal JSON (cartLines' sameLine)
  const normalized: { -readonly [K in keyof CartItem]: CartItem[K] } = {
    skuId,
    title: item.title,
    price: checkPrice(item.price, 'price', currency),
  }
  if (item.image !== undefined) normalized.image = item.image
  for (const field of PRICES) {
    if (item[field] !== undefined) normalized[field] = checkPrice(item[field], field, currency)
  }
  for (const [field, least] of COUNTS) {
    const count = checkCount(item[field], field, least)
    if (count !== undefined) normalized[field] = count
  }
  if (item.status !== undefined) normalized.status = item.status
  if (item.kind !== undefined) normalized.kind = item.kind
  const attributes = checkAttributes(item.attributes)
  if (attributes !== undefined) normalized.attributes = attributes
  if (options !== undefined) normalized.options = options
  const { minQuantity = 1, step = 1, maxQuantity = Infinity, perUserLimit = Infinity } = normalized
  const min = Math.ceil(minQuantity / step) * step
  const limit = Math.min(maxQuantity, perUserLimit)
  if (limit < min) {
    invalid(
      process.env.NODE_ENV !== 'production'
        ? `${skuId}: maxQuantity / perUserLimit (${limit}) leave no quantity at or above the minimum (${min})`
        : undefined,
    )
  }
  return Object.freeze(normalized)
}
