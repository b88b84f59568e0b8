import { TradeKitError } from '../errors/TradeKitError'
import { isLineBlocked, type Lines } from './cartLines'

/** What the cart snapshot sums over its lines (amounts in minor units). */
export interface CartTotals {
  /** Σ quantity over all lines. */
  readonly count: number
  /** Σ quantity over the selected lines. */
  readonly selectedCount: number
  /** Σ price × quantity over the selected lines. */
  readonly subtotal: number
  /** True when there is a selectable line and every selectable line is selected. */
  readonly allSelected: boolean
}

/**
 * Sums the lines as the cart snapshot shows them: the one place the cart's totals are derived, so
 * live changes and a restored record are checked by the same rule.
 *
 * @throws TradeKitError `INVALID_QUANTITY` when the count, `INVALID_AMOUNT` when the subtotal is
 *   not a safe integer
 */
export function cartTotals(lines: Lines): CartTotals {
  let count = 0
  let selectedCount = 0
  let subtotal = 0
  let selectable = 0
  let selected = 0
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!
    count += line.quantity
    if (isLineBlocked(line)) continue
    selectable++
    if (!line.selected) continue
    selected++
    selectedCount += line.quantity
    subtotal += line.price.amount * line.quantity
  }
  if (!Number.isSafeInteger(count))
    throw new TradeKitError('INVALID_QUANTITY', 'The cart holds too many units')
  if (!Number.isSafeInteger(subtotal)) throw new TradeKitError('INVALID_AMOUNT', 'The subtotal is too large')
  return { count, selectedCount, subtotal, allSelected: selectable > 0 && selected === selectable }
}
