import { readFileSync, writeFileSync } from 'node:fs'
import {
  ORDER_GUARDS,
  ORDER_LIFECYCLE_STATUSES,
  ORDER_RULES,
  ORDER_TRANSITIONS,
  type OrderKind,
  type OrderLifecycleStatus,
  reachableStatuses,
} from '@tradekit/core'
import { describe, expect, it } from 'vitest'
import { ordersMermaid, ordersPage } from '../../stories/docs/orderLifecycle'

// docs/orders.md is written from the tables the order centre runs, so the page cannot drift from
// the code: `UPDATE_DOCS=1 pnpm exec vitest run --project core test/core/ordersDoc.test.ts` rewrites it.

const PAGE = new URL('../../docs/orders.md', import.meta.url)
const KINDS: OrderKind[] = ['physical', 'service', 'virtual']
describe('the order tables', () => {
  it('are what docs/orders.md shows (UPDATE_DOCS=1 rewrites the page)', () => {
    const page = ordersPage()
    if (process.env.UPDATE_DOCS === '1') writeFileSync(PAGE, page)
    expect(readFileSync(PAGE, 'utf8')).toBe(page)
  })

  it('have no cycle: no status leads back to itself, for any kind', () => {
    for (const kind of KINDS) {
      for (const status of ORDER_LIFECYCLE_STATUSES)
        expect(reachableStatuses(status, kind).has(status)).toBe(false)
    }
  })

  it('reach every status from pending_payment, each kind its own fulfilment', () => {
    const reach = (kind: OrderKind) =>
      new Set(['pending_payment', ...reachableStatuses('pending_payment', kind)])
    const physical = reach('physical')
    const service = reach('service')
    expect(new Set([...physical, ...service])).toEqual(new Set(ORDER_LIFECYCLE_STATUSES))
    expect([...physical].filter((s) => !service.has(s)).sort()).toEqual(['delivered', 'shipped'])
    expect([...service].filter((s) => !physical.has(s)).sort()).toEqual(['to_verify', 'verified'])
    expect(reach('virtual')).toEqual(service)
  })

  it('end a refund request in refunded or refund_rejected, and leave cancelled or closed only for paid', () => {
    const exits = (status: OrderLifecycleStatus) =>
      ORDER_TRANSITIONS.filter((row) => row.from.includes(status)).map((row) => row.to)
    expect(exits('refunded')).toEqual([])
    expect(exits('refund_rejected')).toEqual([])
    expect(exits('cancelled')).toEqual(['paid'])
    expect(exits('closed')).toEqual(['paid'])
  })

  it('use every guard, cite only rules that exist and each of them', () => {
    const used = new Set(ORDER_TRANSITIONS.flatMap((row) => (row.when ? [row.when] : [])))
    expect([...used].sort()).toEqual(Object.keys(ORDER_GUARDS).sort())
    const cited = new Set(ORDER_TRANSITIONS.flatMap((row) => (row.rule ? [String(row.rule)] : [])))
    expect([...cited].sort()).toEqual(Object.keys(ORDER_RULES).sort())
  })
})

describe('the README', () => {
  it('shows the order lifecycle diagram written from the table (UPDATE_DOCS=1 rewrites it)', () => {
    const readme = new URL('../../README.md', import.meta.url)
    const text = readFileSync(readme, 'utf8')
    const open = '<!-- orders:diagram (written from ORDER_TRANSITIONS by test/core/ordersDoc.test.ts) -->\n'
    const close = '<!-- /orders:diagram -->'
    const start = text.indexOf(open)
    const end = text.indexOf(close)
    expect(start).toBeGreaterThan(0)
    const written = `${text.slice(0, start + open.length)}\`\`\`mermaid\n${ordersMermaid()}\n\`\`\`\n${text.slice(end)}`
    if (process.env.UPDATE_DOCS === '1') writeFileSync(readme, written)
    expect(text).toBe(written)
  })
})
