import { type CartTotals, cartTotals, changedTotals } from './cartTotals'
import type { CartLine } from './types'

// What the cart keeps beside each immutable lines array, so that an action costs the same on a long
// cart as on a short one: where each line is, and the array's totals. An action builds the next
// array from these in one copy of the array and updates them for the changed line only.

/** Immutable lines, newest first. */
export type Lines = readonly CartLine[]

/** The empty, frozen list every cart starts from and clears to (also the empty list of issues). */
export const NO_LINES: readonly never[] = Object.freeze([])

// Every line gets a birth number when it enters the cart, and the lines are in descending order of
// it (a new line goes first; nothing else moves a line). So a line is found by binary search, and an
// add or a remove changes one entry of the table instead of the position of every line after it.
// The table is updated in place and moves on to each next array: an older array has none (it is
// built again if an action ever starts from there).
interface Table {
  readonly births: Map<string, number>
  readonly bySku: Map<string, Set<string>>
  next: number
}

const tables = new WeakMap<Lines, Table>()
const totalsByLines = new WeakMap<Lines, CartTotals>()

// a line enters the table as its newest
function enter(table: Table, { lineId, skuId }: CartLine): void {
  table.births.set(lineId, table.next++)
  const ids = table.bySku.get(skuId)
  if (ids) ids.add(lineId)
  else table.bySku.set(skuId, new Set([lineId]))
}

function tableOf(lines: Lines): Table {
  let table = tables.get(lines)
  if (!table) {
    table = { births: new Map(), bySku: new Map(), next: 0 }
    for (let index = lines.length - 1; index >= 0; index--) enter(table, lines[index]!)
    tables.set(lines, table)
  }
  return table
}

/** The position of the line with this id, or -1 when there is none. */
export function positionOf(lines: Lines, lineId: string): number {
  const { births } = tableOf(lines)
  const birth = births.get(lineId)
  let low = 0
  let high = birth === undefined ? -1 : lines.length - 1
  while (low <= high) {
    const middle = (low + high) >> 1
    const other = births.get(lines[middle]!.lineId)!
    if (other === birth) return middle
    if (other > birth!) low = middle + 1
    else high = middle - 1
  }
  return -1
}

/** The ids of the lines of a sku (one per set of options). */
export function lineIdsOfSku(lines: Lines, skuId: string): Iterable<string> {
  return tableOf(lines).bySku.get(skuId) ?? []
}

/**
 * The totals of the lines: kept for arrays an action built, summed once for others (a restored
 * cart).
 *
 * @throws TradeKitError as `cartTotals`
 */
export function totalsOf(lines: Lines): CartTotals {
  let totals = totalsByLines.get(lines)
  if (!totals) {
    totals = cartTotals(lines)
    totalsByLines.set(lines, totals)
  }
  return totals
}

// `next` frozen, taking over the table of `lines`, with its totals when known
function frozen(
  lines: Lines,
  next: CartLine[],
  totals: CartTotals | undefined,
  table = tableOf(lines),
): Lines {
  tables.delete(lines)
  const result = Object.freeze(next)
  tables.set(result, table)
  if (totals) totalsByLines.set(result, totals)
  return result
}

/**
 * The lines with some replaced in place (same ids, same order). `changed` lists the replaced
 * positions, to update the totals for them; without it the totals are summed when first read.
 *
 * @throws TradeKitError as `cartTotals`, before anything changed
 */
export function replacedLines(lines: Lines, next: CartLine[], changed?: readonly number[]): Lines {
  let totals: CartTotals | undefined
  if (changed) {
    totals = totalsOf(lines)
    for (const index of changed) totals = changedTotals(totals, lines[index], next[index])
  }
  return frozen(lines, next, totals)
}

/** The lines with a new line first. @throws as {@link replacedLines} */
export function prependedLine(lines: Lines, line: CartLine): Lines {
  const totals = changedTotals(totalsOf(lines), undefined, line)
  const table = tableOf(lines)
  enter(table, line)
  // Array.from, not slice: V8's slice takes a slow path on frozen arrays
  const next = Array.from(lines)
  next.unshift(line)
  return frozen(lines, next, totals, table)
}

/** The lines without the one at `index`. */
export function removedLine(lines: Lines, index: number): Lines {
  const line = lines[index]!
  const totals = changedTotals(totalsOf(lines), line, undefined)
  const table = tableOf(lines)
  table.births.delete(line.lineId)
  table.bySku.get(line.skuId)!.delete(line.lineId)
  const next = Array.from(lines)
  next.splice(index, 1)
  return frozen(lines, next, totals, table)
}
