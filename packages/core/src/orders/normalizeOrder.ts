import { TradeKitError } from '../errors/TradeKitError'
import { malformedAnswer } from '../internal/teamApi'
import { isMoney, type Money } from '../money/money'
import { isOrderLifecycleStatus } from './orderStatus'
import type { Order, OrderPage } from './types'

// The team's API handed TradeKit a value of the wrong shape: the integrator's bug, named after the
// method, with what was wrong — never shown as an order. What was wrong is developer text in
// development builds; in production builds (where the error's message is its code) only a non-empty
// mark of it (the bad field's name, or '?'), so the text drops out.

type Check = (value: unknown) => boolean
type Fields = Record<string, unknown>

const KINDS = new Set(['physical', 'service', 'virtual'])
const REFUND_STATUSES = new Set(['refund_requested', 'refunding', 'refunded', 'refund_rejected', 'withdrawn'])

const isText: Check = (v) => typeof v === 'string' && v !== ''
const isString: Check = (v) => typeof v === 'string'
const isTime: Check = (v) => typeof v === 'number' && Number.isFinite(v)
const isCount: Check = (v) => typeof v === 'number' && Number.isSafeInteger(v) && v > 0
const isObject = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v)
const optional = (v: unknown, check: Check) => v === undefined || check(v)
const listOf = (v: unknown, check: Check) => Array.isArray(v) && v.every(check)

/** The first field of `value` that fails its check, or undefined. */
function firstBad(value: Fields, checks: Record<string, Check>): string | undefined {
  return Object.keys(checks).find((key) => !checks[key]!(value[key]))
}

function moneyIn(currency: string): Check {
  return (v) => isMoney(v) && (v as Money).currency === currency
}

function lineProblem(line: unknown, currency: string): string | undefined {
  if (!isObject(line)) return process.env.NODE_ENV !== 'production' ? 'is not an object' : '?'
  const inCurrency = moneyIn(currency)
  const bad = firstBad(line, {
    lineId: isText,
    skuId: isText,
    title: isString,
    quantity: isCount,
    unitPrice: inCurrency,
    amount: inCurrency,
    refunded: (v) => inCurrency(v) && (v as Money).amount >= 0,
    image: (v) => optional(v, isString),
  })
  return bad && (process.env.NODE_ENV !== 'production' ? `has a bad ${bad}` : bad)
}

function refundProblem(refund: unknown, currency: string): string | undefined {
  if (!isObject(refund)) return process.env.NODE_ENV !== 'production' ? 'is not an object' : '?'
  const inCurrency = moneyIn(currency)
  const isPart: Check = (v) => isObject(v) && isText(v.lineId) && inCurrency(v.amount)
  const bad = firstBad(refund, {
    refundId: isText,
    status: (v) => REFUND_STATUSES.has(v as string),
    amount: inCurrency,
    lines: (v) => listOf(v, isPart),
    reason: isString,
    note: (v) => optional(v, isString),
    requestedAt: (v) => optional(v, isTime),
  })
  return bad && (process.env.NODE_ENV !== 'production' ? `has a bad ${bad}` : bad)
}

function orderProblem(value: unknown): string | undefined {
  if (!isObject(value)) return process.env.NODE_ENV !== 'production' ? 'something that is not an order' : '?'
  if (!isMoney(value.amount))
    return process.env.NODE_ENV !== 'production' ? 'an order without a valid amount' : 'amount'
  const currency = value.amount.currency
  const inCurrency = moneyIn(currency)
  const bad = firstBad(value, {
    orderId: isText,
    status: isOrderLifecycleStatus,
    kind: (v) => KINDS.has(v as string),
    lines: (v) => Array.isArray(v) && v.length > 0,
    refunded: (v) => inCurrency(v) && (v as Money).amount >= 0,
    createdAt: isTime,
    subtotal: (v) => optional(v, inCurrency),
    discount: (v) => optional(v, inCurrency),
    fee: (v) => optional(v, inCurrency),
    expiresAt: (v) => optional(v, isTime),
    serverNow: (v) => optional(v, isTime),
    version: (v) => optional(v, (n) => Number.isSafeInteger(n) && (n as number) >= 0),
    verification: (v) => optional(v, (c) => isObject(c) && isText(c.code) && optional(c.expiresAt, isTime)),
    refunds: (v) => optional(v, Array.isArray),
    timeline: (v) => optional(v, (t) => listOf(t, (e) => isObject(e) && isOrderLifecycleStatus(e.status))),
  })
  if (bad) return process.env.NODE_ENV !== 'production' ? `an order with a bad ${bad}` : bad
  const lines = value.lines as unknown[]
  for (let i = 0; i < lines.length; i++) {
    const problem = lineProblem(lines[i], currency)
    if (problem)
      return process.env.NODE_ENV !== 'production' ? `an order whose line ${i} ${problem}` : problem
  }
  const refunds = (value.refunds ?? []) as unknown[]
  for (let i = 0; i < refunds.length; i++) {
    const problem = refundProblem(refunds[i], currency)
    if (problem)
      return process.env.NODE_ENV !== 'production' ? `an order whose refund ${i} ${problem}` : problem
  }
  return undefined
}

/**
 * Checks an order the team's API answered.
 *
 * @throws TradeKitError `INVALID_ARGUMENT` naming the method and what is wrong
 */
export function toOrder(value: unknown, method: string): Order {
  const problem = orderProblem(value)
  if (problem) throw malformedAnswer(method, problem)
  return value as Order
}

/**
 * Checks an answer about one order: an order, and the one asked about.
 *
 * @throws TradeKitError `INVALID_ARGUMENT` naming what is wrong
 */
export function toOrderOf(answer: unknown, method: string, orderId: string): Order {
  const order = toOrder(answer, method)
  if (order.orderId !== orderId)
    throw new TradeKitError(
      'INVALID_ARGUMENT',
      process.env.NODE_ENV !== 'production'
        ? `${method} answered order ${order.orderId} for ${orderId}`
        : undefined,
    )
  return order
}

/**
 * Checks a page the team's API answered.
 *
 * @throws TradeKitError `INVALID_ARGUMENT` naming what is wrong
 */
export function toPage(value: unknown): { orders: readonly Order[]; nextCursor: string | null } {
  if (!isObject(value) || !Array.isArray(value.orders)) {
    throw new TradeKitError(
      'INVALID_ARGUMENT',
      process.env.NODE_ENV !== 'production'
        ? 'listOrders answered something that is not { orders, nextCursor }'
        : undefined,
    )
  }
  const { nextCursor } = value as Partial<OrderPage>
  if (!optional(nextCursor, (c) => c === null || isText(c))) {
    throw new TradeKitError(
      'INVALID_ARGUMENT',
      process.env.NODE_ENV !== 'production'
        ? 'listOrders answered a nextCursor that is not text or null'
        : undefined,
    )
  }
  return {
    orders: value.orders.map((order, i) => toOrder(order, `listOrders (order ${i})`)),
    nextCursor: nextCursor ?? null,
  }
}
