import {
  money,
  type Order,
  type OrderItem,
  planRefund,
  type RefundInput,
  type RefundRequest,
  refundableOf,
  refundableTotal,
} from '@tradekit/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { codeOf } from './codeOf'

function line(lineId: string, amount: number, refunded = 0): OrderItem {
  return {
    lineId,
    skuId: `sku-${lineId}`,
    title: lineId,
    quantity: 1,
    unitPrice: money(amount),
    amount: money(amount),
    refunded: money(refunded),
  }
}

function order(lines: OrderItem[], patch: Partial<Order> = {}): Order {
  const amount = lines.reduce((sum, l) => sum + l.amount.amount, 0)
  const refunded = lines.reduce((sum, l) => sum + l.refunded.amount, 0)
  return {
    orderId: 'o1',
    status: 'completed',
    kind: 'physical',
    lines,
    amount: money(amount),
    refunded: money(refunded),
    createdAt: 0,
    ...patch,
  }
}

/** What the server does with an accepted refund: each line's refunded grows by its part. */
function applied(o: Order, request: RefundRequest): Order {
  const parts = new Map(request.lines.map((part) => [part.lineId, part.amount.amount]))
  const lines = o.lines.map((l) => ({
    ...l,
    refunded: money(l.refunded.amount + (parts.get(l.lineId) ?? 0)),
  }))
  return { ...o, lines, refunded: money(o.refunded.amount + request.amount.amount) }
}

const sum = (request: RefundRequest) => request.lines.reduce((total, part) => total + part.amount.amount, 0)

describe('planRefund', () => {
  const tea = order([line('a', 2000), line('b', 1000)])

  it('spreads an order-level amount by what is left of each line, largest remainder, summing exactly', () => {
    expect(planRefund(tea, { amount: money(1000), reason: '不想要了' })).toEqual({
      lines: [
        { lineId: 'a', amount: money(667) },
        { lineId: 'b', amount: money(333) },
      ],
      amount: money(1000),
      reason: '不想要了',
    })
    const partly = order([line('a', 2000, 1500), line('b', 1000)])
    expect(planRefund(partly, { amount: money(600), reason: 'r' }).lines).toEqual([
      { lineId: 'a', amount: money(200) },
      { lineId: 'b', amount: money(400) },
    ])
  })

  it('refunds all that is left of the lines chosen without amounts, or spreads the amount across them', () => {
    const partly = order([line('a', 2000, 500), line('b', 1000)])
    expect(planRefund(partly, { lines: [{ lineId: 'a' }], reason: ' 质量问题 ', note: '  ' })).toEqual({
      lines: [{ lineId: 'a', amount: money(1500) }],
      amount: money(1500),
      reason: '质量问题',
    })
    expect(
      planRefund(partly, {
        lines: [{ lineId: 'b' }, { lineId: 'a' }],
        amount: money(5),
        reason: 'r',
        note: '坏了',
      }),
    ).toEqual({
      lines: [
        { lineId: 'b', amount: money(2) },
        { lineId: 'a', amount: money(3) },
      ],
      amount: money(5),
      reason: 'r',
      note: '坏了',
    })
  })

  it('takes amounts per line as given, each within what is left', () => {
    const request = planRefund(tea, {
      lines: [
        { lineId: 'a', amount: money(1999) },
        { lineId: 'b', amount: money(1) },
      ],
      amount: money(2000),
      reason: 'r',
    })
    expect(request.amount).toEqual(money(2000))
    expect(sum(request)).toBe(2000)
  })

  it('refuses what is not left, what is not an amount and what is not clear, with typed codes', () => {
    const partly = order([line('a', 2000, 2000), line('b', 1000)])
    const ask = (input: Partial<RefundInput>, o = partly) =>
      codeOf(() => planRefund(o, { reason: 'r', ...input }))
    expect(ask({ amount: money(1001) })).toBe('INVALID_AMOUNT')
    expect(ask({ amount: money(0) })).toBe('INVALID_AMOUNT')
    expect(ask({ amount: money(-5) })).toBe('INVALID_AMOUNT')
    expect(ask({ amount: { amount: 1.5, currency: 'CNY' } })).toBe('INVALID_AMOUNT')
    expect(ask({ lines: [{ lineId: 'a' }] })).toBe('INVALID_AMOUNT')
    expect(ask({ lines: [{ lineId: 'b', amount: money(1001) }] })).toBe('INVALID_AMOUNT')
    expect(ask({ lines: [{ lineId: 'a', amount: money(1) }] })).toBe('INVALID_AMOUNT')
    expect(ask({ amount: money(100, 'USD') })).toBe('CURRENCY_MISMATCH')
    expect(ask({ reason: '  ' })).toBe('INVALID_ARGUMENT')
    expect(ask({})).toBe('INVALID_ARGUMENT')
    expect(ask({ lines: [] })).toBe('INVALID_ARGUMENT')
    expect(ask({ lines: [{ lineId: 'zz' }] })).toBe('INVALID_ARGUMENT')
    expect(ask({ lines: [{ lineId: 'b' }, { lineId: 'b' }] })).toBe('INVALID_ARGUMENT')
    expect(ask({ lines: [{ lineId: 'b', amount: money(10) }, { lineId: 'a' }] })).toBe('INVALID_ARGUMENT')
    expect(ask({ lines: [{ lineId: 'b', amount: money(10) }], amount: money(11) })).toBe('INVALID_ARGUMENT')
    // the order-level cap holds even where the lines would allow more
    expect(ask({ amount: money(600) }, { ...order([line('b', 1000)]), refunded: money(500) })).toBe(
      'INVALID_AMOUNT',
    )
    expect(ask({ amount: money(500) }, { ...order([line('b', 1000)]), refunded: money(500) })).toBe(
      'no error',
    )
  })

  it('knows what is left of a line and of an order', () => {
    expect(refundableOf(line('a', 3000, 1000))).toEqual(money(2000))
    expect(refundableOf(line('a', 3000, 3500))).toEqual(money(0))
    expect(refundableTotal(order([line('a', 3000, 1000), line('b', 500)]))).toEqual(money(2500))
  })
})

const lineArb = fc
  .record({ amount: fc.integer({ min: 0, max: 1_000_000 }), spent: fc.integer({ min: 0, max: 100 }) })
  .map(({ amount, spent }) => ({ amount, refunded: Math.floor((amount * spent) / 100) }))
const orderArb = fc
  .array(lineArb, { minLength: 1, maxLength: 6 })
  .map((lines) => order(lines.map((l, i) => line(`l${i}`, l.amount, l.refunded))))

type Ask =
  | { kind: 'amount'; amount: number }
  | { kind: 'lines'; picks: number[]; amount: number | null }
  | { kind: 'each'; parts: { pick: number; amount: number }[] }

const askArb: fc.Arbitrary<Ask> = fc.oneof(
  fc.record({ kind: fc.constant('amount' as const), amount: fc.integer({ min: 1, max: 3_000_000 }) }),
  fc.record({
    kind: fc.constant('lines' as const),
    picks: fc.uniqueArray(fc.nat(5), { minLength: 1, maxLength: 6 }),
    amount: fc.option(fc.integer({ min: 1, max: 3_000_000 })),
  }),
  fc.record({
    kind: fc.constant('each' as const),
    parts: fc.uniqueArray(fc.record({ pick: fc.nat(5), amount: fc.integer({ min: 1, max: 600_000 }) }), {
      minLength: 1,
      maxLength: 6,
      selector: (part) => part.pick,
    }),
  }),
)

function inputOf(o: Order, ask: Ask): RefundInput {
  const id = (pick: number) => o.lines[pick % o.lines.length]!.lineId
  if (ask.kind === 'amount') return { amount: money(ask.amount), reason: 'r' }
  if (ask.kind === 'lines') {
    const ids = [...new Set(ask.picks.map(id))]
    return {
      lines: ids.map((lineId) => ({ lineId })),
      ...(ask.amount === null ? {} : { amount: money(ask.amount) }),
      reason: 'r',
    }
  }
  const parts = new Map(ask.parts.map((part) => [id(part.pick), part.amount]))
  return { lines: [...parts].map(([lineId, amount]) => ({ lineId, amount: money(amount) })), reason: 'r' }
}

describe('refund properties', () => {
  it('an order-level amount is allocated exactly and never passes what is left of a line', () => {
    fc.assert(
      fc.property(orderArb, fc.integer({ min: 1, max: 3_000_000 }), (o, wanted) => {
        const left = refundableTotal(o).amount
        const input = { amount: money(wanted), reason: 'r' }
        if (wanted > left) {
          expect(codeOf(() => planRefund(o, input))).toBe('INVALID_AMOUNT')
          return
        }
        const request = planRefund(o, input)
        expect(sum(request)).toBe(wanted)
        expect(request.amount).toEqual(money(wanted))
        for (const part of request.lines) {
          const l = o.lines.find((x) => x.lineId === part.lineId)!
          expect(part.amount.amount).toBeGreaterThan(0)
          expect(part.amount.amount).toBeLessThanOrEqual(refundableOf(l).amount)
        }
        expect(new Set(request.lines.map((part) => part.lineId)).size).toBe(request.lines.length)
      }),
    )
  })

  it('repeated partial refunds never pass the paid amount, per line or per order', () => {
    fc.assert(
      fc.property(orderArb, fc.array(askArb, { minLength: 1, maxLength: 12 }), (start, asks) => {
        let o = start
        for (const ask of asks) {
          const input = inputOf(o, ask)
          let request: RefundRequest
          try {
            request = planRefund(o, input)
          } catch (error) {
            expect(['INVALID_AMOUNT', 'INVALID_ARGUMENT']).toContain((error as { code?: string }).code)
            continue
          }
          expect(sum(request)).toBe(request.amount.amount)
          expect(request.amount.amount).toBeLessThanOrEqual(refundableTotal(o).amount)
          o = applied(o, request)
          for (const l of o.lines) expect(l.refunded.amount).toBeLessThanOrEqual(l.amount.amount)
          expect(o.refunded.amount).toBeLessThanOrEqual(o.amount.amount)
        }
        // what is left is exactly what was paid minus what was refunded
        expect(refundableTotal(o).amount).toBe(o.amount.amount - o.refunded.amount)
      }),
    )
  })

  it('asking for everything that is left leaves nothing', () => {
    fc.assert(
      fc.property(orderArb, (o) => {
        const left = refundableTotal(o).amount
        fc.pre(left > 0)
        const done = applied(o, planRefund(o, { amount: money(left), reason: 'r' }))
        expect(refundableTotal(done).amount).toBe(0)
        expect(codeOf(() => planRefund(done, { amount: money(1), reason: 'r' }))).toBe('INVALID_AMOUNT')
      }),
    )
  })
})
