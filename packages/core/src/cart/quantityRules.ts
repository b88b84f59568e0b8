import type { CartItem, QuantityIssue } from './types'

/** The quantity rules of an item, in effective form. */
export interface QuantityRules {
  /** The smallest valid quantity: the least multiple of `step` at or above `minQuantity`. */
  readonly min: number
  readonly step: number
  /** The largest multiple of `step` allowed by `maxQuantity` and `perUserLimit` (∞ if neither). */
  readonly limitMax: number
  /** The largest multiple of `step` in stock (∞ if the stock is not tracked). */
  readonly stockMax: number
}

/** The effective quantity rules of a (normalized) item. */
export function quantityRules(item: CartItem): QuantityRules {
  const step = item.step ?? 1
  const floorToStep = (value: number) =>
    value === Number.POSITIVE_INFINITY ? value : Math.floor(value / step) * step
  return {
    step,
    min: Math.ceil((item.minQuantity ?? 1) / step) * step,
    limitMax: floorToStep(
      Math.min(item.maxQuantity ?? Number.POSITIVE_INFINITY, item.perUserLimit ?? Number.POSITIVE_INFINITY),
    ),
    stockMax: floorToStep(item.stock ?? Number.POSITIVE_INFINITY),
  }
}

/** The blocking status of an item: its own status, or `sold_out` when its stock is below the minimum. */
export function blockingStatus(
  item: CartItem,
  rules = quantityRules(item),
): 'sold_out' | 'off_shelf' | undefined {
  if (item.status === 'off_shelf') return 'off_shelf'
  if (item.status === 'sold_out' || rules.stockMax < rules.min) return 'sold_out'
  return undefined
}

/**
 * Clamps a requested quantity into the rules: raised to the minimum, lowered to the stock or limit,
 * rounded down to a multiple of `step`. `ignoreStock` for a blocked line (its stock no longer says
 * anything about what the user wants).
 */
export function clampQuantity(
  requested: number,
  rules: QuantityRules,
  ignoreStock = false,
): { quantity: number; issue?: QuantityIssue } {
  if (requested < rules.min) return { quantity: rules.min, issue: 'below_min' }
  const aligned = requested - (requested % rules.step)
  const stockMax = ignoreStock ? Number.POSITIVE_INFINITY : rules.stockMax
  if (aligned > stockMax && stockMax <= rules.limitMax) return { quantity: stockMax, issue: 'exceeds_stock' }
  if (aligned > rules.limitMax) return { quantity: rules.limitMax, issue: 'over_limit' }
  if (aligned !== requested) return { quantity: aligned, issue: 'not_multiple_of_step' }
  return { quantity: requested }
}
