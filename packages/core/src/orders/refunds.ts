import { TradeKitError } from '../errors/TradeKitError'
import { allocateMoney } from '../money/allocateMoney'
import { assertSameCurrency } from '../money/checks'
import { assertMoney, type Money, money } from '../money/money'
import type { Order, OrderItem, RefundInput, RefundLine, RefundRequest } from './types'

// Refunds in integer minor units, allocated exactly: what is left of a line is its amount minus
// what was refunded of it; an order-level amount is spread across lines by largest remainder in
// proportion to what is left of each, so the parts sum to the whole and none passes its line.

/**
 * What is left to refund of a line: `amount − refunded`, never below zero.
 *
 * @example
 * ```ts
 * refundableOf({ ...line, amount: money(3000), refunded: money(1000) }) // ¥20.00
 * ```
 */
export function refundableOf(line: Pick<OrderItem, 'amount' | 'refunded'>): Money {
  assertSameCurrency(line.amount, line.refunded)
  return money(Math.max(0, line.amount.amount - line.refunded.amount), line.amount.currency)
}

/**
 * What is left to refund of an order: what is left of its lines, and never more than the order's
 * `amount − refunded` (a fee that belongs to no line is the merchant's to refund).
 *
 * @example
 * ```ts
 * refundableTotal(order) // ¥58.00
 * ```
 */
export function refundableTotal(order: Pick<Order, 'amount' | 'refunded' | 'lines'>): Money {
  assertSameCurrency(order.amount, order.refunded)
  let lines = 0
  for (const line of order.lines) {
    assertSameCurrency(order.amount, line.amount)
    lines += refundableOf(line).amount
  }
  const left = Math.max(0, order.amount.amount - order.refunded.amount)
  return money(Math.min(lines, left), order.amount.currency)
}

const invalid = (message: string | undefined) => new TradeKitError('INVALID_ARGUMENT', message)
const tooMuch = (message: string | undefined) => new TradeKitError('INVALID_AMOUNT', message)

function checkAmount(value: unknown, currency: string, what: string | undefined): Money {
  assertMoney(value)
  assertSameCurrency(money(0, currency), value)
  if (value.amount <= 0)
    throw tooMuch(
      process.env.NODE_ENV !== 'production' ? `${what} must be positive, got ${value.amount}` : undefined,
    )
  return value
}

function linesOf(order: Order, input: RefundInput): { line: OrderItem; amount?: Money }[] {
  const asked = input.lines
  if (asked === undefined) return []
  if (!Array.isArray(asked) || asked.length === 0)
    throw invalid(process.env.NODE_ENV !== 'production' ? 'lines must list at least one line' : undefined)
  const byId = new Map(order.lines.map((line) => [line.lineId, line]))
  const seen = new Set<string>()
  const chosen = asked.map((entry) => {
    const line = byId.get(entry?.lineId)
    if (!line)
      throw invalid(
        process.env.NODE_ENV !== 'production' ? `The order has no line ${String(entry?.lineId)}` : undefined,
      )
    if (seen.has(line.lineId))
      throw invalid(process.env.NODE_ENV !== 'production' ? `Line ${line.lineId} is listed twice` : undefined)
    seen.add(line.lineId)
    const currency = order.amount.currency
    return entry.amount === undefined
      ? { line }
      : {
          line,
          amount: checkAmount(
            entry.amount,
            currency,
            process.env.NODE_ENV !== 'production' ? `The refund of line ${line.lineId}` : undefined,
          ),
        }
  })
  const withAmount = chosen.filter((entry) => entry.amount !== undefined).length
  if (withAmount !== 0 && withAmount !== chosen.length) {
    throw invalid(
      process.env.NODE_ENV !== 'production'
        ? 'Give every line an amount, or none (then the amount is spread across them)'
        : undefined,
    )
  }
  return chosen
}

function checkLeft(order: Order, total: Money, lines: readonly RefundLine[]): void {
  const byId = new Map(order.lines.map((line) => [line.lineId, line]))
  for (const part of lines) {
    const left = refundableOf(byId.get(part.lineId)!)
    if (part.amount.amount > left.amount) {
      throw tooMuch(
        process.env.NODE_ENV !== 'production'
          ? `Line ${part.lineId} has ${left.amount} left to refund, asked ${part.amount.amount}`
          : undefined,
      )
    }
  }
  const left = refundableTotal(order)
  if (total.amount > left.amount) {
    throw tooMuch(
      process.env.NODE_ENV !== 'production'
        ? `The order has ${left.amount} left to refund, asked ${total.amount}`
        : undefined,
    )
  }
}

function spread(order: Order, total: Money, lines: readonly OrderItem[]): RefundLine[] {
  const left = lines.map((line) => refundableOf(line).amount)
  const room = left.reduce((sum, amount) => sum + amount, 0)
  if (total.amount > room)
    throw tooMuch(
      process.env.NODE_ENV !== 'production'
        ? `These lines have ${room} left to refund, asked ${total.amount}`
        : undefined,
    )
  checkLeft(order, total, [])
  const parts = allocateMoney(total, left)
  return lines
    .map((line, i) => ({ lineId: line.lineId, amount: parts[i]! }))
    .filter((part) => part.amount.amount > 0)
}

/**
 * Turns what the user asks into the refund TradeKit sends: amounts per line in integer minor units,
 * summing exactly to `amount`, each at most what is left of its line and the whole at most what is
 * left of the order. An order-level amount is allocated with `allocateMoney` in proportion to
 * what is left of each line (largest remainder).
 *
 * @throws TradeKitError `INVALID_AMOUNT` for an amount that is not positive or passes what is left
 *   (of a line or of the order); `INVALID_ARGUMENT` for no reason, an unknown or repeated line, lines
 *   with and without amounts mixed, nothing to refund, or an `amount` that differs from the lines'
 *   sum; `CURRENCY_MISMATCH` for an amount in another currency
 * @example
 * ```ts
 * planRefund(order, { amount: money(1000), reason: '不想要了' })
 * // { lines: [{ lineId: 'a', amount: ¥6.67 }, { lineId: 'b', amount: ¥3.33 }], amount: ¥10.00, reason: '不想要了' }
 * planRefund(order, { lines: [{ lineId: 'a' }], reason: '质量问题' }) // all that is left of line a
 * ```
 */
export function planRefund(order: Order, input: RefundInput): RefundRequest {
  if (typeof input !== 'object' || input === null)
    throw invalid(
      process.env.NODE_ENV !== 'production' ? 'planRefund needs { reason, lines?, amount? }' : undefined,
    )
  if (typeof input.reason !== 'string' || input.reason.trim() === '')
    throw invalid(process.env.NODE_ENV !== 'production' ? 'A refund needs a reason' : undefined)
  if (input.note !== undefined && typeof input.note !== 'string')
    throw invalid(process.env.NODE_ENV !== 'production' ? 'The note must be text' : undefined)
  const currency = order.amount.currency
  const asked =
    input.amount === undefined
      ? undefined
      : checkAmount(input.amount, currency, process.env.NODE_ENV !== 'production' ? 'The refund' : undefined)
  const chosen = linesOf(order, input)
  let lines: RefundLine[]
  let total: Money
  if (chosen.length > 0 && chosen[0]!.amount !== undefined) {
    lines = chosen.map((entry) => ({ lineId: entry.line.lineId, amount: entry.amount! }))
    total = money(
      lines.reduce((sum, part) => sum + part.amount.amount, 0),
      currency,
    )
    if (asked && asked.amount !== total.amount) {
      throw invalid(
        process.env.NODE_ENV !== 'production'
          ? `amount ${asked.amount} is not the sum of the lines' amounts ${total.amount}`
          : undefined,
      )
    }
    checkLeft(order, total, lines)
  } else {
    const targets = chosen.length > 0 ? chosen.map((entry) => entry.line) : order.lines
    const open = targets.filter((line) => refundableOf(line).amount > 0)
    if (chosen.length > 0 && open.length < targets.length) {
      const spent = targets.find((line) => refundableOf(line).amount === 0)!
      throw tooMuch(
        process.env.NODE_ENV !== 'production' ? `Line ${spent.lineId} has nothing left to refund` : undefined,
      )
    }
    if (asked === undefined && chosen.length === 0)
      throw invalid(
        process.env.NODE_ENV !== 'production' ? 'Give an amount or the lines to refund' : undefined,
      )
    if (open.length === 0)
      throw tooMuch(process.env.NODE_ENV !== 'production' ? 'Nothing is left to refund' : undefined)
    total =
      asked ??
      money(
        open.reduce((sum, line) => sum + refundableOf(line).amount, 0),
        currency,
      )
    lines = spread(order, total, open)
  }
  return {
    lines,
    amount: total,
    reason: input.reason.trim(),
    ...(input.note !== undefined && input.note.trim() !== '' ? { note: input.note.trim() } : {}),
  }
}
