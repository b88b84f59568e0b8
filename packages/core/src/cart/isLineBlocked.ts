import type { CartLine } from './types'

/**
 * True when a line cannot be selected nor bought (it is sold out or off the shelf): the one place
 * TradeKit decides "blocked".
 */
export function isLineBlocked(line: CartLine): boolean {
  // buildLine puts a blocking issue first
  const first = line.issues[0]
  return first === 'sold_out' || first === 'off_shelf'
}
