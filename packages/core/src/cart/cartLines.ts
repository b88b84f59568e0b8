import { TradeKitError } from '../errors/TradeKitError'
import { equalMoney } from '../money/equalMoney'
import type { Money } from '../money/money'
import { cartLineId } from './cartLineId'
import { isLineBlocked } from './isLineBlocked'
import {
  type Lines,
  lineIdsOfSku,
  NO_LINES,
  positionOf,
  prependedLine,
  removedLine,
  replacedLines,
} from './lineTable'
import { lineText } from './lineText'
import { normalizeItem } from './normalizeItem'
import { blockingStatus, clampQuantity, quantityRules } from './quantityRules'
import type { CartItem, CartLine, LineIssue, QuantityIssue, QuantityResult } from './types'

export { isLineBlocked } from './isLineBlocked'
export type { Lines } from './lineTable'

// The cart's state transitions as pure functions over an immutable list of lines. Each returns the
// same array when nothing changed, and keeps the identity of every line whose data did not change.
// An action on one line costs the same on a long cart as on a short one (see lineTable), apart from
// one copy of the array.

/** A transition's outcome: the next lines and what the action returns. */
export interface Transition<R> {
  readonly lines: Lines
  readonly result: R
}

type QuantityLineIssue = 'exceeds_stock' | 'over_limit' | 'below_min'
const QUANTITY_ISSUES: readonly unknown[] = ['exceeds_stock', 'over_limit', 'below_min']

/** The value as a line's quantity issue (what its last quantity change was clamped by), if it is one. */
export function toLineIssue(issue: unknown): QuantityLineIssue | undefined {
  return QUANTITY_ISSUES.includes(issue) ? (issue as QuantityLineIssue) : undefined
}

/** The quantity issue a line carries from its last quantity change, if any. */
export function quantityIssueOf(line: CartLine): QuantityLineIssue | undefined {
  return line.issues.find(toLineIssue) as QuantityLineIssue | undefined
}

/** Builds a frozen line from a normalized item and the line's own state; issues are derived. */
export function buildLine(
  item: CartItem,
  state: {
    lineId: string
    quantity: number
    selected: boolean
    addedPrice: Money
    quantityIssue?: QuantityLineIssue | undefined
  },
): CartLine {
  const blocking = blockingStatus(item)
  const issues: LineIssue[] = []
  if (blocking) issues.push(blocking)
  if (!equalMoney(item.price, state.addedPrice)) issues.push('price_changed')
  if (state.quantityIssue) issues.push(state.quantityIssue)
  return Object.freeze({
    ...item,
    lineId: state.lineId,
    quantity: state.quantity,
    selected: state.selected && !blocking,
    issues: Object.freeze(issues),
    addedPrice: state.addedPrice,
  })
}

/**
 * True when two lines hold the same data (so the older object can be kept): the same JSON. A line is
 * built field by field in one order (buildLine over normalizeItem), so equal data is equal text; the
 * text is the one the cart's record writes, made once per line.
 */
export function sameLine(a: CartLine, b: CartLine): boolean {
  return a === b || lineText(a) === lineText(b)
}

function indexOf(lines: Lines, lineId: string): number {
  const index = positionOf(lines, lineId)
  if (index < 0)
    throw new TradeKitError(
      'UNKNOWN_LINE',
      process.env.NODE_ENV !== 'production' ? `No cart line ${String(lineId)}` : undefined,
      { lineIds: [lineId] },
    )
  return index
}

// The lines with `line` at `index`; the same array when the line holds the same data, which a caller
// that changed a field already knows is not the case (`changed`: no comparison).
function replaceAt(lines: Lines, index: number, line: CartLine, changed = false): Lines {
  if (!changed && sameLine(lines[index]!, line)) return lines
  const next = Array.from(lines)
  next[index] = line
  return replacedLines(lines, next, [index])
}

function assertQuantity(quantity: unknown, least: number): asserts quantity is number {
  if (typeof quantity !== 'number' || !Number.isSafeInteger(quantity) || quantity < least) {
    throw new TradeKitError(
      'INVALID_QUANTITY',
      process.env.NODE_ENV !== 'production'
        ? `Quantity must be a safe integer of at least ${least}, got ${String(quantity)}`
        : undefined,
    )
  }
}

function assertBoolean(value: unknown): asserts value is boolean {
  if (typeof value !== 'boolean')
    throw new TradeKitError(
      'INVALID_ARGUMENT',
      process.env.NODE_ENV !== 'production' ? `selected must be a boolean, got ${String(value)}` : undefined,
    )
}

function outcome(quantity: number, issue: QuantityIssue | undefined): QuantityResult {
  return issue ? { ok: false, quantity, issue } : { ok: true, quantity }
}

/** Adds units of an item (see `CartStore.add`). */
export function addLine(
  lines: Lines,
  rawItem: CartItem,
  quantity: number,
  currency: string,
): Transition<QuantityResult> {
  assertQuantity(quantity, 1)
  const item = normalizeItem(rawItem, currency)
  const lineId = cartLineId(item.skuId, item.options)
  const index = positionOf(lines, lineId)
  const existing = index < 0 ? undefined : lines[index]!
  const rules = quantityRules(item)
  const blocking = blockingStatus(item, rules)
  if (blocking) return { lines, result: { ok: false, quantity: existing?.quantity ?? 0, issue: blocking } }
  const clamped = clampQuantity((existing?.quantity ?? 0) + quantity, rules)
  const line = buildLine(item, {
    lineId,
    quantity: clamped.quantity,
    selected: true,
    addedPrice: item.price,
    quantityIssue: toLineIssue(clamped.issue),
  })
  const next = existing ? replaceAt(lines, index, line) : prependedLine(lines, line)
  return { lines: next, result: outcome(clamped.quantity, clamped.issue) }
}

/** Sets a line's quantity (see `CartStore.setQuantity`). */
export function setLineQuantity(lines: Lines, lineId: string, quantity: number): Transition<QuantityResult> {
  assertQuantity(quantity, 0)
  const index = indexOf(lines, lineId)
  const line = lines[index]!
  const clamped = clampQuantity(quantity, quantityRules(line), isLineBlocked(line))
  const next = buildLine(line, {
    lineId,
    quantity: clamped.quantity,
    selected: line.selected,
    addedPrice: line.addedPrice,
    quantityIssue: toLineIssue(clamped.issue),
  })
  return { lines: replaceAt(lines, index, next), result: outcome(clamped.quantity, clamped.issue) }
}

/** Removes a line. */
export function removeLine(lines: Lines, lineId: string): Transition<void> {
  return { lines: removedLine(lines, indexOf(lines, lineId)), result: undefined }
}

/** Selects or deselects a line; a blocked line stays unselected (result false). */
export function selectLine(lines: Lines, lineId: string, selected: boolean): Transition<boolean> {
  assertBoolean(selected)
  const index = indexOf(lines, lineId)
  const line = lines[index]!
  if (selected && isLineBlocked(line)) return { lines, result: false }
  if (line.selected === selected) return { lines, result: true }
  return { lines: replaceAt(lines, index, Object.freeze({ ...line, selected }), true), result: true }
}

/** Selects every selectable line, or deselects all. */
export function selectAllLines(lines: Lines, selected: boolean): Transition<void> {
  assertBoolean(selected)
  let next: CartLine[] | undefined
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!
    const wanted = selected && !isLineBlocked(line)
    if (line.selected !== wanted) {
      next ??= Array.from(lines)
      next[index] = Object.freeze({ ...line, selected: wanted })
    }
  }
  // the totals are summed again when read: this visits every line anyway
  return { lines: next ? replacedLines(lines, next) : lines, result: undefined }
}

/** Removes every line. */
export function clearLines(lines: Lines): Transition<void> {
  return { lines: lines.length === 0 ? lines : NO_LINES, result: undefined }
}

/**
 * Removes the selected lines — or, given `ids`, the lines of those ids: what was selected when the
 * user acted, replayed over lines read later (a stored line the user never saw is not removed).
 */
export function removeSelectedLines(lines: Lines, ids?: ReadonlySet<string>): Transition<void> {
  const kept = Array.from(lines).filter((line) => !(ids ? ids.has(line.lineId) : line.selected))
  return { lines: kept.length === lines.length ? lines : Object.freeze(kept), result: undefined }
}

/** Refreshes lines from the server's items (see `CartStore.update`). */
export function updateLines(lines: Lines, rawItems: readonly CartItem[], currency: string): Transition<void> {
  if (!Array.isArray(rawItems))
    throw new TradeKitError(
      'INVALID_ARGUMENT',
      process.env.NODE_ENV !== 'production' ? 'update needs an array of items' : undefined,
    )
  const byLineId = new Map<string, CartItem>()
  const bySku = new Map<string, CartItem>()
  for (const raw of rawItems) {
    const item = normalizeItem(raw, currency)
    byLineId.set(cartLineId(item.skuId, item.options), item)
    if (item.options === undefined || Object.keys(item.options).length === 0) bySku.set(item.skuId, item)
  }
  // only the lines an item names are visited: an update of a few skus costs no more on a long cart
  const touched = new Set<number>()
  for (const lineId of byLineId.keys()) touched.add(positionOf(lines, lineId))
  for (const skuId of bySku.keys())
    for (const lineId of lineIdsOfSku(lines, skuId)) touched.add(positionOf(lines, lineId))
  touched.delete(-1)
  let next: CartLine[] | undefined
  const replaced: number[] = []
  for (const index of touched) {
    const line = lines[index]!
    const item = byLineId.get(line.lineId) ?? bySku.get(line.skuId)
    if (!item) continue
    const data: CartItem = { ...item, options: line.options }
    if (data.options === undefined) delete (data as { options?: unknown }).options
    const rules = quantityRules(data)
    const blocked = blockingStatus(data, rules) !== undefined
    const clamped = clampQuantity(line.quantity, rules, blocked)
    const changed = clamped.quantity !== line.quantity
    const updated = buildLine(data, {
      lineId: line.lineId,
      quantity: clamped.quantity,
      selected: line.selected,
      addedPrice: line.addedPrice,
      quantityIssue: changed ? toLineIssue(clamped.issue) : quantityIssueOf(line),
    })
    if (!sameLine(line, updated)) {
      next ??= Array.from(lines)
      next[index] = updated
      replaced.push(index)
    }
  }
  return { lines: next ? replacedLines(lines, next, replaced) : lines, result: undefined }
}
