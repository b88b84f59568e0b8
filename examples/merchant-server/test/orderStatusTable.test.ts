import { describe, expect, it } from 'vitest'
import {
  ORDER_GUARDS,
  ORDER_LIFECYCLE_STATUSES,
  ORDER_TRANSITIONS,
  orderTransitionsFrom,
} from '../../../packages/core/src/orders/orderStatus.ts'
import { ORDER_TAB_NAMES, ORDER_TABS } from '../../../packages/core/src/orders/orderTabs.ts'
import {
  findTransition,
  GUARDS,
  LIFECYCLE_STATUSES,
  TAB_NAMES,
  TABS,
  TRANSITIONS,
} from '../src/orders/orderStatusTable.ts'

// The server mirrors TradeKit's order table (it does not depend on @tradekit/core): the two must
// be the same table, row for row, or a client would refuse what the server does.
describe("the server's order table is TradeKit's", () => {
  it('has the same statuses, rows, guards and tabs', () => {
    expect(LIFECYCLE_STATUSES).toEqual(ORDER_LIFECYCLE_STATUSES)
    expect(TRANSITIONS).toEqual(ORDER_TRANSITIONS)
    expect(Object.keys(GUARDS)).toEqual(Object.keys(ORDER_GUARDS))
    expect(TAB_NAMES).toEqual(ORDER_TAB_NAMES)
    expect(TABS).toEqual(ORDER_TABS)
  })

  it('finds the same move as the client for every status, kind and event', () => {
    for (const kind of ['physical', 'service', 'virtual'] as const) {
      for (const status of LIFECYCLE_STATUSES) {
        const client = orderTransitionsFrom(status, kind)
        for (const row of TRANSITIONS) {
          const server = findTransition(status, row.on, kind)
          expect(server?.to, `${kind} ${status} ${row.on}`).toBe(client.find((r) => r.on === row.on)?.to)
        }
      }
    }
  })

  it('never leads back: no status is reachable from a status it leads to', () => {
    for (const kind of ['physical', 'service', 'virtual'] as const) {
      const next = (status: string) =>
        TRANSITIONS.filter(
          (row) => row.from.includes(status as never) && (row.when === undefined || GUARDS[row.when](kind)),
        ).map((row) => row.to as string)
      for (const start of LIFECYCLE_STATUSES) {
        const seen = new Set<string>()
        const stack = next(start)
        while (stack.length > 0) {
          const status = stack.pop()!
          if (seen.has(status)) continue
          seen.add(status)
          stack.push(...next(status))
        }
        expect(seen.has(start), `${kind}: ${start} comes back to itself`).toBe(false)
      }
    }
  })
})
