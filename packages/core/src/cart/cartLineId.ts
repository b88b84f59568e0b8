import { TradeKitError } from '../errors/TradeKitError'
import type { CartItemOptions } from './types'

const MAX_DEPTH = 8

// JSON with sorted keys, so { a, b } and { b, a } give one text; refuses what JSON cannot say
function canonical(value: unknown, depth: number): string {
  if (depth > MAX_DEPTH)
    throw new TradeKitError(
      'INVALID_ARGUMENT',
      process.env.NODE_ENV !== 'production' ? 'Item options are nested too deeply' : undefined,
    )
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value)
  if (typeof value === 'number') {
    if (!Number.isFinite(value))
      throw new TradeKitError(
        'INVALID_ARGUMENT',
        process.env.NODE_ENV !== 'production' ? 'Item options hold a non-finite number' : undefined,
      )
    return JSON.stringify(value)
  }
  if (Array.isArray(value)) return `[${value.map((entry) => canonical(entry, depth + 1)).join(',')}]`
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const record = value as Record<string, unknown>
    const keys = Object.keys(record).sort()
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical(record[key], depth + 1)}`).join(',')}}`
  }
  throw new TradeKitError(
    'INVALID_ARGUMENT',
    process.env.NODE_ENV !== 'production'
      ? `Item options must be plain JSON, got ${typeof value}`
      : undefined,
  )
}

// cyrb53: a fast 53-bit string hash, plenty to tell one sku's option sets apart
function hash53(text: string): string {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ code, 2654435761)
    h2 = Math.imul(h2 ^ code, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36)
}

/**
 * The id of the cart line for a sku and its options: the `skuId` itself when there are no options
 * (or they are empty), else `skuId~<hash>` with a stable hash of the options (key order does not
 * matter). Use it to address a line of an item with options.
 *
 * @throws TradeKitError `INVALID_ARGUMENT` for an empty skuId or options that are not plain JSON
 * @example
 * ```ts
 * cartLineId('sku-1') // 'sku-1'
 * cartLineId('consult', { slot: '2026-05-01T10:00' }) // 'consult~…'
 * ```
 */
export function cartLineId(skuId: string, options?: CartItemOptions): string {
  if (typeof skuId !== 'string' || skuId === '') {
    throw new TradeKitError(
      'INVALID_ARGUMENT',
      process.env.NODE_ENV !== 'production' ? 'skuId must be a non-empty string' : undefined,
    )
  }
  if (options === undefined) return skuId
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new TradeKitError(
      'INVALID_ARGUMENT',
      process.env.NODE_ENV !== 'production' ? 'Item options must be a plain object' : undefined,
    )
  }
  if (Object.keys(options).length === 0) return skuId
  return `${skuId}~${hash53(canonical(options, 0))}`
}
