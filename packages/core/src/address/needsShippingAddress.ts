import type { ProductKind } from '../cart/types'

/**
 * True when the lines include physical goods (a line without a `kind` is physical): such an order
 * must carry a shipping address; services and virtual goods do not.
 *
 * @example
 * ```ts
 * needsShippingAddress(cart.getSnapshot().lines.filter((line) => line.selected))
 * ```
 */
export function needsShippingAddress(lines: readonly { readonly kind?: ProductKind }[]): boolean {
  return lines.some((line) => line.kind === undefined || line.kind === 'physical')
}
