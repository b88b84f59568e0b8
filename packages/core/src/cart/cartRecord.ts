import { assertMoney } from '../money/money'
import { storedText } from '../storage/storage'
import { cartLineId } from './cartLineId'
import { buildLine, isLineBlocked, type Lines, toLineIssue } from './cartLines'
import { NO_LINES, totalsOf } from './lineTable'
import { lineText } from './lineText'
import { normalizeItem } from './normalizeItem'
import { blockingStatus, clampQuantity, quantityRules } from './quantityRules'
import type { CartItem, CartLine } from './types'

/** The version of the persisted cart record. */
export const CART_RECORD_VERSION = 1

/** The persisted form of the cart: `{ v: 1, lines }`, each line as in the snapshot. */
export interface CartRecord {
  readonly v: typeof CART_RECORD_VERSION
  readonly lines: readonly CartLine[]
}

// Lines are joined a few dozen at a time and the parts concatenated: one join of a long cart makes
// a string too big for the engine's regular heap (over 128 KB in V8), which costs far more than the
// serialising itself.
const PART = 64

/** The text written to storage for these lines: `JSON.stringify` of the {@link CartRecord}. */
export function serializeCart(lines: Lines): string {
  let text = ''
  for (let start = 0; start < lines.length; start += PART) {
    const part = lines
      .slice(start, start + PART)
      .map(lineText)
      .join(',')
    text += start ? `,${part}` : part
  }
  return `{"v":${CART_RECORD_VERSION},"lines":[${text}]}`
}

/** What was read back: the valid lines, and whether anything was discarded. */
export interface ParsedCart {
  readonly lines: Lines
  readonly corrupt: boolean
}

const DERIVED_ISSUES = ['sold_out', 'off_shelf', 'price_changed']

// One stored line back into a line, or undefined when anything about it is not what we write.
function restoreLine(raw: unknown, currency: string): CartLine | undefined {
  try {
    if (typeof raw !== 'object' || raw === null) return undefined
    const stored = raw as Partial<Record<keyof CartLine, unknown>>
    const item = normalizeItem(stored as unknown as CartItem, currency)
    if (stored.lineId !== cartLineId(item.skuId, item.options)) return undefined
    assertMoney(stored.addedPrice)
    if (stored.addedPrice.currency !== currency || stored.addedPrice.amount < 0) return undefined
    const { quantity, selected, issues } = stored
    if (typeof quantity !== 'number' || typeof selected !== 'boolean' || !Array.isArray(issues))
      return undefined
    const rules = quantityRules(item)
    const blocked = blockingStatus(item, rules) !== undefined
    if (!Number.isSafeInteger(quantity) || clampQuantity(quantity, rules, blocked).quantity !== quantity) {
      return undefined
    }
    const quantityIssues = issues.filter((issue) => !DERIVED_ISSUES.includes(issue as string))
    if (quantityIssues.length > 1) return undefined
    const quantityIssue = toLineIssue(quantityIssues[0])
    if (quantityIssues.length === 1 && !quantityIssue) return undefined
    const line = buildLine(item, {
      lineId: stored.lineId,
      quantity,
      selected,
      addedPrice: Object.freeze({ amount: stored.addedPrice.amount, currency }),
      quantityIssue,
    })
    if (selected && isLineBlocked(line)) return undefined
    // what the cart derives from the line must fit too, or every launch would throw on it
    if (!Number.isSafeInteger(line.price.amount * line.quantity)) return undefined
    return line
  } catch {
    return undefined
  }
}

/**
 * Reads a stored cart. Nothing stored (`null` or `''`, see {@link storedText}) is an empty cart.
 * Never throws: unreadable text, another version or shape, and every line that fails validation
 * (its total included) are discarded and reported as `corrupt`; so is the whole record when the
 * lines' count or subtotal would not be a safe integer.
 */
export function parseCart(raw: string | null, currency: string): ParsedCart {
  const text = storedText(raw)
  if (text === undefined) return { lines: NO_LINES, corrupt: false }
  try {
    const record = JSON.parse(text as string) as { v?: unknown; lines?: unknown } | null
    if (typeof text !== 'string' || record?.v !== CART_RECORD_VERSION || !Array.isArray(record.lines)) {
      throw new TypeError('not a cart record')
    }
    const lines: CartLine[] = []
    const seen = new Set<string>()
    let corrupt = false
    for (const raw of record.lines) {
      const line = restoreLine(raw, currency)
      if (!line || seen.has(line.lineId)) {
        corrupt = true
        continue
      }
      seen.add(line.lineId)
      lines.push(line)
    }
    const restored = Object.freeze(lines)
    // each line fits, their count or subtotal may not: then no line is the wrong one, the record is
    totalsOf(restored)
    return { lines: restored, corrupt }
  } catch {
    // unreadable text, another version or shape, or totals beyond the safe integers
    return { lines: NO_LINES, corrupt: true }
  }
}
