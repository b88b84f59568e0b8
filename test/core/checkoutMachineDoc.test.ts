import { readFileSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { CHECKOUT_TRANSITIONS, GUARDS } from '../../packages/core/src/checkout/machine'
import { checkoutMachinePage } from '../../stories/docs/checkoutMachine'
import { ALL_STATUSES } from './checkoutFakes'

const PAGE = new URL('../../docs/checkout-machine.md', import.meta.url)
const STATUSES = ALL_STATUSES

describe('the checkout table', () => {
  it('is what docs/checkout-machine.md shows (UPDATE_DOCS=1 rewrites the page)', () => {
    const page = checkoutMachinePage()
    if (process.env.UPDATE_DOCS === '1') writeFileSync(PAGE, page)
    expect(readFileSync(PAGE, 'utf8')).toBe(page)
  })

  it('reaches every status from idle', () => {
    const reached = new Set<string>(['idle'])
    for (let grew = true; grew; ) {
      grew = false
      for (const row of CHECKOUT_TRANSITIONS) {
        const sources = row.from === '*' ? [...reached] : row.from.filter((s) => reached.has(s))
        if (sources.length > 0 && row.to !== 'same' && !reached.has(row.to)) {
          reached.add(row.to)
          grew = true
        }
      }
    }
    expect([...reached].sort()).toEqual([...STATUSES].sort())
  })

  it('leaves paid only by RESET: nothing follows paid', () => {
    const leaving = CHECKOUT_TRANSITIONS.filter(
      (row) => row.to !== 'same' && row.to !== 'paid' && (row.from === '*' || row.from.includes('paid')),
    )
    expect(leaving.map((row) => row.on)).toEqual(['RESET'])
  })

  it("moves a settled status without the user only to paid — and a shown unknown to the server's final answer", () => {
    const user = new Set(['SUBMIT', 'CONTINUE', 'RETRY', 'CANCEL', 'RESET', 'RESUME'])
    const automatic = (settled: readonly string[]) =>
      CHECKOUT_TRANSITIONS.filter(
        (row) =>
          !user.has(row.on) &&
          row.to !== 'same' &&
          (row.from === '*' || row.from.some((status) => settled.includes(status))),
      )
    // a shown cancel, failure or expiry stays true whatever else the server says: only paid moves it
    expect(new Set(automatic(['cancelled', 'failed', 'expired']).map((row) => row.to))).toEqual(
      new Set(['paid']),
    )
    // "we are confirming, we'll let you know" is kept by the server's answer, and only by it
    const fromUnknown = automatic(['unknown'])
    expect(new Set(fromUnknown.map((row) => row.to))).toEqual(
      new Set(['paid', 'cancelled', 'expired', 'failed']),
    )
    expect(fromUnknown.every((row) => row.on === 'RECHECKED')).toBe(true)
  })

  it('names only guards that exist, uses every guard, and cites each of the six rules', () => {
    const used = new Set(CHECKOUT_TRANSITIONS.flatMap((row) => (row.when ? [row.when] : [])))
    expect([...used].sort()).toEqual(Object.keys(GUARDS).sort())
    expect(new Set(CHECKOUT_TRANSITIONS.flatMap((row) => (row.rule ? [row.rule] : [])))).toEqual(
      new Set([1, 2, 3, 4, 5, 6]),
    )
  })
})
