import { TradeKitError } from '../errors/TradeKitError'
import { isLineBlocked } from './isLineBlocked'
import type { CartLine } from './types'

/** What the cart snapshot sums over its lines (amounts in minor units). */
export interface CartTotals {
  /** Σ quantity over all lines. */
  readonly count: number
  /** Σ quantity over the selected lines. */
  readonly selectedCount: number
  /** Σ price × quantity over the selected lines. */
  readonly subtotal: number
  /** How many lines can be selected (are not blocked). */
  readonly selectable: number
  /** How many lines are selected. */
  readonly selected: number
}

// Adds one line's share to the totals (sign 1) or takes it away (sign -1). Every share is a
// non-negative integer within a safe total, so taking one away is exact.
function addShare(totals: { -readonly [K in keyof CartTotals]: number }, line: CartLine, sign: 1 | -1): void {
  totals.count += sign * line.quantity
  if (isLineBlocked(line)) return
  totals.selectable += sign
  if (!line.selected) return
  totals.selected += sign
  totals.selectedCount += sign * line.quantity
  totals.subtotal += sign * line.price.amount * line.quantity
}

function checked(totals: CartTotals): CartTotals {
  if (!Number.isSafeInteger(totals.count))
    throw new TradeKitError(
      'INVALID_QUANTITY',
      process.env.NODE_ENV !== 'production' ? 'The cart holds too many units' : undefined,
    )
  if (!Number.isSafeInteger(totals.subtotal))
    throw new TradeKitError(
      'INVALID_AMOUNT',
      process.env.NODE_ENV !== 'production' ? 'The subtotal is too large' : undefined,
    )
  return totals
}

/**
 * Sums the lines as the cart snapshot shows them: the one rule for the cart's totals, so live
 * changes and a restored record are checked alike.
 *
 * @throws TradeKitError `INVALID_QUANTITY` when the count, `INVALID_AMOUNT` when the subtotal is
 *   not a safe integer
 */
export function cartTotals(lines: readonly CartLine[]): CartTotals {
  const totals = { count: 0, selectedCount: 0, subtotal: 0, selectable: 0, selected: 0 }
  for (let index = 0; index < lines.length; index++) addShare(totals, lines[index]!, 1)
  return checked(totals)
}

/**
 * The totals after one line changed: `removed` (the line as it was, if any) taken away, `added`
 * (the line as it is now, if any) added — the same sums as {@link cartTotals}, without a pass over
 * the other lines.
 *
 * @throws TradeKitError as {@link cartTotals}
 */
export function changedTotals(
  totals: CartTotals,
  removed: CartLine | undefined,
  added: CartLine | undefined,
): CartTotals {
  const next = { ...totals }
  if (removed) addShare(next, removed, -1)
  if (added) addShare(next, added, 1)
  return checked(next)
}
