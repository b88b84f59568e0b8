import type { CartItem, QuantityIssue } from './types'

/** The quantity rules of an item, in effective form (see {@link quantityRules}). */
export interface QuantityRules {
  /** The smallest valid quantity: the least multiple of `step` at or above `minQuantity`. */
  readonly min: number
  /** Quantities are multiples of it. */
  readonly step: number
  /** The largest multiple of `step` allowed by `maxQuantity` and `perUserLimit` (∞ if neither). */
  readonly limitMax: number
  /** The largest multiple of `step` in stock (∞ if the stock is not tracked). */
  readonly stockMax: number
}

/** The parts of an item that rule its quantity (a stepper can pass just these). */
export type QuantityRulesInput = Pick<
  CartItem,
  'minQuantity' | 'maxQuantity' | 'step' | 'stock' | 'perUserLimit'
>

/**
 * The effective quantity rules of a (normalized) item: what the cart clamps to, and what a quantity
 * stepper offers.
 *
 * @example
 * ```ts
 * quantityRules({ minQuantity: 5, step: 6, stock: 20 }) // { min: 6, step: 6, limitMax: Infinity, stockMax: 18 }
 * ```
 */
export function quantityRules(item: QuantityRulesInput): QuantityRules {
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
  item: Pick<CartItem, 'status'> & QuantityRulesInput,
  rules = quantityRules(item),
): 'sold_out' | 'off_shelf' | undefined {
  if (item.status === 'off_shelf') return 'off_shelf'
  if (item.status === 'sold_out' || rules.stockMax < rules.min) return 'sold_out'
  return undefined
}

/**
 * Clamps a requested quantity into the rules, the way the cart does: raised to the minimum
 * (`below_min`), lowered to the stock (`exceeds_stock`) or the limit (`over_limit`, whichever is
 * tighter), else rounded down to a multiple of `step` (`not_multiple_of_step`). No `issue` means the
 * request was valid.
 *
 * @param ignoreStock - for a blocked line, whose stock says nothing about what the user wants
 * @default ignoreStock false
 * @example
 * ```ts
 * clampQuantity(13, quantityRules({ step: 6, stock: 20 })) // { quantity: 12, issue: 'not_multiple_of_step' }
 * ```
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
