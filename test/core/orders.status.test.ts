import {
  type CheckoutSnapshot,
  isRefusedForGood,
  mergeOrder,
  money,
  nextOrderStatus,
  nextRefundStatus,
  ORDER_ACTIONS,
  ORDER_LIFECYCLE_STATUSES,
  ORDER_TAB_NAMES,
  type Order,
  type OrderKind,
  type OrderLifecycleStatus,
  type OrderRefund,
  type OrderTab,
  orderActions,
  orderInTab,
  type RefundStatus,
  remainingMs,
  TradeKitError,
} from '@tradekit/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

const KINDS: OrderKind[] = ['physical', 'service', 'virtual']
const S = ORDER_LIFECYCLE_STATUSES

// The lifecycle of the design, written out here on its own: each status and the statuses that may
// follow it directly. The table must lead exactly where this does, for every pair.
const AFTER_SALE: OrderLifecycleStatus[] = ['refund_requested']
const SPEC: Record<'physical' | 'service', Partial<Record<OrderLifecycleStatus, OrderLifecycleStatus[]>>> = {
  physical: {
    pending_payment: ['paid', 'cancelled', 'closed'],
    cancelled: ['paid'],
    closed: ['paid'],
    paid: ['shipped', 'refunding', ...AFTER_SALE],
    shipped: ['delivered', 'completed', ...AFTER_SALE],
    delivered: ['completed', ...AFTER_SALE],
    completed: AFTER_SALE,
    refund_requested: ['refunding', 'refund_rejected'],
    refunding: ['refunded'],
  },
  service: {
    pending_payment: ['paid', 'cancelled', 'closed'],
    cancelled: ['paid'],
    closed: ['paid'],
    paid: ['to_verify', 'refunding', ...AFTER_SALE],
    to_verify: ['verified', 'refunding', ...AFTER_SALE],
    verified: ['completed', ...AFTER_SALE],
    completed: AFTER_SALE,
    refund_requested: ['refunding', 'refund_rejected'],
    refunding: ['refunded'],
  },
}

function specReach(kind: OrderKind, from: OrderLifecycleStatus): Set<OrderLifecycleStatus> {
  const spec = SPEC[kind === 'physical' ? 'physical' : 'service']
  const seen = new Set<OrderLifecycleStatus>()
  const stack = [from]
  while (stack.length > 0) {
    for (const next of spec[stack.pop()!] ?? []) {
      if (!seen.has(next)) {
        seen.add(next)
        stack.push(next)
      }
    }
  }
  return seen
}

describe('nextOrderStatus: a status never goes back', () => {
  it('takes the answer exactly when the lifecycle leads to it, for every pair and kind', () => {
    let checked = 0
    for (const kind of KINDS) {
      for (const current of S) {
        const later = specReach(kind, current)
        for (const incoming of S) {
          const expected = later.has(incoming) ? incoming : current
          expect({ kind, current, incoming, next: nextOrderStatus(current, incoming, kind) }).toEqual({
            kind,
            current,
            incoming,
            next: expected,
          })
          checked++
        }
      }
    }
    expect(checked).toBe(3 * 13 * 13)
  })

  it('never goes back: what it takes never leads back, and two steps forward are one', () => {
    for (const kind of KINDS) {
      for (const a of S) {
        expect(nextOrderStatus(a, a, kind)).toBe(a)
        for (const b of S) {
          const ab = nextOrderStatus(a, b, kind)
          expect([a, b]).toContain(ab)
          if (ab === b && a !== b) expect(nextOrderStatus(b, a, kind)).toBe(b)
          for (const c of S) {
            if (ab === b && nextOrderStatus(b, c, kind) === c) expect(nextOrderStatus(a, c, kind)).toBe(c)
          }
        }
      }
    }
  })

  it('keeps shipped when a stale list page still says paid', () => {
    expect(nextOrderStatus('shipped', 'paid', 'physical')).toBe('shipped')
    expect(nextOrderStatus('paid', 'shipped', 'physical')).toBe('shipped')
    expect(nextOrderStatus('verified', 'to_verify', 'service')).toBe('verified')
  })

  it('takes a late payment after a close (nothing paid is lost), and no fulfilment the kind cannot have', () => {
    expect(nextOrderStatus('closed', 'paid', 'physical')).toBe('paid')
    expect(nextOrderStatus('cancelled', 'shipped', 'physical')).toBe('shipped')
    expect(nextOrderStatus('paid', 'shipped', 'service')).toBe('paid')
    expect(nextOrderStatus('paid', 'to_verify', 'physical')).toBe('paid')
    expect(nextOrderStatus('paid', 'cancelled', 'physical')).toBe('paid')
  })

  it('keeps what it knows for a status outside the table', () => {
    expect(nextOrderStatus('paid', 'lost' as OrderLifecycleStatus, 'physical')).toBe('paid')
  })
})

const cny = (amount: number) => money(amount)

function order(patch: Partial<Order> = {}): Order {
  return {
    orderId: 'o1',
    status: 'paid',
    kind: 'physical',
    lines: [
      {
        lineId: 'l1',
        skuId: 'tea',
        title: '龙井',
        quantity: 2,
        unitPrice: cny(4800),
        amount: cny(9000),
        refunded: cny(0),
      },
    ],
    amount: cny(9000),
    refunded: cny(0),
    createdAt: 1_000,
    ...patch,
  }
}

const refund = (refundId: string, status: RefundStatus, amount = 1000): OrderRefund => ({
  refundId,
  status,
  amount: cny(amount),
  lines: [{ lineId: 'l1', amount: cny(amount) }],
  reason: '不想要了',
})

describe('mergeOrder', () => {
  it('keeps the cached order itself for a stale answer, and takes a newer one', () => {
    const shipped = order({ status: 'shipped', timeline: [{ status: 'shipped', at: 5 }] })
    expect(mergeOrder(shipped, order({ status: 'paid' }))).toBe(shipped)
    const delivered = mergeOrder(shipped, order({ status: 'delivered' }))
    expect(delivered.status).toBe('delivered')
    // a light list page leaves the timeline out: the cached one stays
    expect(delivered.timeline).toEqual([{ status: 'shipped', at: 5 }])
  })

  it('returns the cached object when only the clock changed', () => {
    const cached = order({ serverNow: 1, receivedAt: 2 })
    expect(mergeOrder(cached, order({ serverNow: 50, receivedAt: 60 }))).toBe(cached)
  })

  it('takes a new refund request after a rejected one, and a withdrawal back to the fulfilment', () => {
    const rejected = order({ status: 'refund_rejected', refunds: [refund('r1', 'refund_rejected')] })
    const again = order({
      status: 'refund_requested',
      refunds: [refund('r1', 'refund_rejected'), refund('r2', 'refund_requested')],
    })
    expect(mergeOrder(rejected, again)).toMatchObject({ status: 'refund_requested' })
    // the old answer, from before the second request, does not take it back
    expect(mergeOrder(again, rejected)).toBe(again)

    const requested = order({ status: 'refund_requested', refunds: [refund('r1', 'refund_requested')] })
    const withdrawn = order({ status: 'shipped', refunds: [refund('r1', 'withdrawn')] })
    expect(mergeOrder(requested, withdrawn).status).toBe('shipped')
    expect(mergeOrder(withdrawn, requested)).toBe(withdrawn)
  })

  it('reads an answer without refunds by the status table alone', () => {
    const requested = order({ status: 'refund_requested', refunds: [refund('r1', 'refund_requested')] })
    expect(mergeOrder(requested, order({ status: 'paid' }))).toBe(requested)
    const refunding = mergeOrder(requested, order({ status: 'refunding' }))
    expect(refunding).toMatchObject({ status: 'refunding', refunds: requested.refunds })
  })

  it("keeps the status a light page set when a full answer's records lead to it (the page may be the newer)", () => {
    // a light page (no records) read after the merchant took the request; the answer made before
    const page = order({ status: 'refunding' })
    const requested = order({ status: 'refund_requested', refunds: [refund('r1', 'refund_requested')] })
    expect(mergeOrder(page, requested)).toBe(page)
    // records that cannot lead to the page's status without one we lack: the answer is the newer
    const withdrawn = order({ status: 'shipped', refunds: [refund('r1', 'withdrawn')] })
    expect(mergeOrder(order({ status: 'refund_requested' }), withdrawn).status).toBe('shipped')
    // a refund paid out since the page: the answer is the newer (a second request after it)
    const again = order({
      status: 'refund_requested',
      refunded: cny(1000),
      refunds: [refund('r1', 'refunded'), refund('r2', 'refund_requested')],
    })
    expect(mergeOrder(page, again)).toMatchObject({ status: 'refund_requested', refunded: cny(1000) })
    // the answer already there: it is taken (the records it brings fill the page's gap)
    expect(mergeOrder(order({ status: 'refund_requested' }), requested)).toMatchObject({
      status: 'refund_requested',
      refunds: requested.refunds,
    })
  })

  it('does not let a light page take back a status a light page moved the records on to', () => {
    // a page showed the request rejected (its records were not on it): records and status disagree
    const rejected = order({ status: 'refund_rejected', refunds: [refund('r1', 'refund_requested')] })
    // a page saying refund_requested may be from before the rejection: only a full read can show a new request
    expect(mergeOrder(rejected, order({ status: 'refund_requested' }))).toBe(rejected)
    const again = order({
      status: 'refund_requested',
      refunds: [refund('r1', 'refund_rejected'), refund('r2', 'refund_requested')],
    })
    expect(mergeOrder(rejected, again)).toMatchObject({ status: 'refund_requested', refunds: again.refunds })
    // a status the records do not lead to (a stale page set it) still gives way to one they show
    const stale = order({ status: 'shipped', refunds: [refund('r1', 'refund_requested')] })
    expect(mergeOrder(stale, order({ status: 'refund_requested' })).status).toBe('refund_requested')
  })

  it("orders two answers by the server's version when both carry it", () => {
    // a light page read after the merchant started a refund, then a slower read made before it
    const page = order({ status: 'refunding', version: 3, serverNow: 10 })
    const before = order({ status: 'paid', version: 2, serverNow: 10, refunds: [] })
    expect(mergeOrder(page, before)).toBe(page)
    // the full answer of the same revision fills in the records; a newer one is taken whole
    const same = order({ status: 'refunding', version: 3, refunds: [refund('r1', 'refunding')] })
    expect(mergeOrder(page, same)).toMatchObject({ status: 'refunding', refunds: same.refunds, version: 3 })
    const paidOut = order({ status: 'refunded', version: 4, refunds: [refund('r1', 'refunded')] })
    expect(mergeOrder(same, paidOut)).toMatchObject({ status: 'refunded', version: 4 })
    // a newer light page over the records held still has to agree with them: a request taken back
    // (records it cannot show) waits for the next full read
    const requested = order({
      status: 'refund_requested',
      version: 5,
      refunds: [refund('r1', 'refund_requested')],
    })
    expect(mergeOrder(requested, order({ status: 'paid', version: 6 }))).toBe(requested)
    expect(mergeOrder(requested, order({ status: 'refunding', version: 6 }))).toMatchObject({
      status: 'refunding',
      version: 6,
      refunds: requested.refunds,
    })
    // without a version on one side, the other rules decide
    expect(mergeOrder(order({ status: 'shipped', version: 9 }), order({ status: 'paid' })).status).toBe(
      'shipped',
    )
  })

  it("weighs a light page by the server's clock where the records cannot tell", () => {
    // the page says refunding (made at 20); a full answer made at 10 knows no request yet
    const page = order({ status: 'refunding', serverNow: 20 })
    const older = order({ status: 'paid', serverNow: 10, refunds: [] })
    expect(mergeOrder(page, older)).toMatchObject({ status: 'refunding', serverNow: 20, refunds: [] })
    expect(mergeOrder(page, order({ status: 'paid', serverNow: 10 }))).toBe(page)
    // a full answer made after the page is taken, even where its records lead to the page's status
    const requested = order({
      status: 'refund_requested',
      serverNow: 30,
      refunds: [refund('r1', 'refund_requested')],
    })
    expect(mergeOrder(order({ status: 'refunding', serverNow: 20 }), requested)).toMatchObject({
      status: 'refund_requested',
      serverNow: 30,
    })
    // the same millisecond tells nothing: the records rule keeps the page's status
    expect(mergeOrder(order({ status: 'refunding', serverNow: 30 }), requested).status).toBe('refunding')
  })

  it('refuses to merge two different orders', () => {
    expect(() => mergeOrder(order(), order({ orderId: 'o2' }))).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    )
  })

  it('moves a refund request only forward', () => {
    const all: RefundStatus[] = ['refund_requested', 'refunding', 'refunded', 'refund_rejected', 'withdrawn']
    const forward = new Set([
      'refund_requested>refunding',
      'refund_requested>refunded',
      'refund_requested>refund_rejected',
      'refund_requested>withdrawn',
      'refunding>refunded',
    ])
    for (const a of all) {
      for (const b of all) {
        expect(nextRefundStatus(a, b)).toBe(forward.has(`${a}>${b}`) ? b : a)
      }
    }
  })
})

// A server's true history of one order, walked through the lifecycle: fulfilment steps, refund
// requests (each a new record), their answers, and withdrawals back to the status before.
type Step = { status: OrderLifecycleStatus; refunds: OrderRefund[] }

function history(kind: OrderKind, choices: number[]): Step[] {
  const steps: Step[] = [{ status: 'pending_payment', refunds: [] }]
  let beforeRequest: OrderLifecycleStatus = 'paid'
  for (const choice of choices) {
    const { status, refunds } = steps[steps.length - 1]!
    const last = refunds.at(-1)
    const open =
      last && (last.status === 'refund_requested' || last.status === 'refunding') ? last : undefined
    const options: Step[] = (SPEC[kind === 'physical' ? 'physical' : 'service'][status] ?? [])
      .filter((to) => to !== 'refund_requested')
      .map((to) => {
        if (to !== 'refunding' && to !== 'refund_rejected' && to !== 'refunded')
          return { status: to, refunds }
        // the open request moves on; a refund the merchant starts on its own is a new record
        if (open) return { status: to, refunds: [...refunds.slice(0, -1), { ...open, status: to }] }
        return { status: to, refunds: [...refunds, refund(`r${refunds.length + 1}`, to)] }
      })
    const canRequest = ['paid', 'shipped', 'delivered', 'to_verify', 'verified', 'completed', 'refunded']
    if (canRequest.includes(status) || status === 'refund_rejected') {
      options.push({
        status: 'refund_requested',
        refunds: [...refunds, refund(`r${refunds.length + 1}`, 'refund_requested')],
      })
    }
    if (status === 'refund_requested' && open) {
      options.push({
        status: beforeRequest,
        refunds: [...refunds.slice(0, -1), { ...open, status: 'withdrawn' }],
      })
    }
    if (options.length === 0) break
    const next = options[choice % options.length]!
    if (next.status === 'refund_requested') beforeRequest = status
    steps.push(next)
  }
  return steps
}

describe('mergeOrder over a true history answered out of order', () => {
  it("with the server's version on every answer, light pages too, never shows an older revision", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...KINDS),
        fc.array(fc.nat(20), { minLength: 1, maxLength: 14 }),
        fc.array(fc.record({ at: fc.nat(100), light: fc.boolean() }), { minLength: 1, maxLength: 30 }),
        (kind, choices, arrivals) => {
          const steps = history(kind, choices)
          const answer = (i: number, light: boolean) =>
            order({
              kind,
              status: steps[i]!.status,
              version: i,
              ...(light ? {} : { refunds: steps[i]!.refunds }),
            })
          let cached = answer(arrivals[0]!.at % steps.length, arrivals[0]!.light)
          for (const { at, light } of arrivals.slice(1)) {
            const i = at % steps.length
            const shown = cached.version!
            cached = mergeOrder(cached, answer(i, light))
            // what is shown is one revision, never an older one than shown before
            expect(cached.version).toBeGreaterThanOrEqual(shown)
            expect(cached.status).toBe(steps[cached.version!]!.status)
            // a full answer of the newest revision shows it whole
            if (!light && i >= shown) expect(cached.refunds).toEqual(steps[i]!.refunds)
          }
        },
      ),
    )
  })

  it('always shows the newest answer it has seen', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...KINDS),
        fc.array(fc.nat(20), { minLength: 1, maxLength: 14 }),
        fc.array(fc.nat(100), { minLength: 1, maxLength: 30 }),
        (kind, choices, arrivals) => {
          const steps = history(kind, choices)
          const answer = (i: number) => order({ kind, status: steps[i]!.status, refunds: steps[i]!.refunds })
          let newest = arrivals[0]! % steps.length
          let cached = answer(newest)
          for (const arrival of arrivals.slice(1)) {
            const i = arrival % steps.length
            newest = Math.max(newest, i)
            cached = mergeOrder(cached, answer(i))
            expect({ status: cached.status, refunds: cached.refunds }).toEqual(steps[newest])
          }
        },
      ),
    )
  })
})

describe('what each status allows', () => {
  it('is one table over every status', () => {
    expect(Object.keys(ORDER_ACTIONS).sort()).toEqual([...S].sort())
    const allowing = (flag: keyof (typeof ORDER_ACTIONS)['paid']) => S.filter((s) => ORDER_ACTIONS[s][flag])
    expect(allowing('canCancel')).toEqual(['pending_payment'])
    expect(allowing('canPay')).toEqual(['pending_payment'])
    expect(allowing('canConfirmReceipt')).toEqual(['shipped', 'delivered'])
    expect(allowing('canRefund')).toEqual([
      'paid',
      'shipped',
      'delivered',
      'to_verify',
      'verified',
      'completed',
      'refunded',
      'refund_rejected',
    ])
    expect(S.filter((s) => !ORDER_ACTIONS[s].canBuyAgain)).toEqual(['pending_payment'])
  })

  it('lets an unpaid order be paid or cancelled until its time runs out, then only bought again', () => {
    const unpaid = order({
      status: 'pending_payment',
      expiresAt: 10_000,
      serverNow: 1_000,
      receivedAt: 1_000,
    })
    expect(orderActions(unpaid, 9_999)).toMatchObject({ canPay: true, canCancel: true, canBuyAgain: false })
    expect(orderActions(unpaid, 10_000)).toEqual({
      canCancel: false,
      canPay: false,
      canRefund: false,
      canConfirmReceipt: false,
      canBuyAgain: true,
    })
  })

  it('offers no "continue to pay" once the checkout\'s payment of the order was refused for good', () => {
    const unpaid = order({ status: 'pending_payment', expiresAt: 10_000 })
    const failed = (retryable: boolean, orderId = unpaid.orderId): CheckoutSnapshot =>
      ({
        status: 'failed',
        order: { orderId, amount: unpaid.amount, payment: {} },
        error: new TradeKitError('PAYMENT_FAILED', 'refused', { retryable }),
      }) as unknown as CheckoutSnapshot
    expect(orderActions(unpaid, 0, failed(false))).toMatchObject({ canPay: false, canCancel: true })
    // a failure that may be retried, or the checkout on another order, changes nothing
    expect(orderActions(unpaid, 0, failed(true)).canPay).toBe(true)
    expect(orderActions(unpaid, 0, failed(false, 'another')).canPay).toBe(true)
    expect(isRefusedForGood(new TradeKitError('PAYMENT_FAILED', 'x', { retryable: false }))).toBe(true)
    expect(isRefusedForGood(new TradeKitError('PAYMENT_FAILED'))).toBe(false)
    expect(isRefusedForGood(new TradeKitError('NETWORK'))).toBe(false)
  })

  it('offers a refund only while something is left, and receipt only for a parcel', () => {
    const spent = order({
      status: 'refunded',
      refunded: cny(9000),
      lines: [{ ...order().lines[0]!, refunded: cny(9000) }],
    })
    expect(orderActions(spent, 0).canRefund).toBe(false)
    const partly = order({
      status: 'refunded',
      refunded: cny(1000),
      lines: [{ ...order().lines[0]!, refunded: cny(1000) }],
    })
    expect(orderActions(partly, 0).canRefund).toBe(true)
    expect(orderActions(order({ status: 'shipped' }), 0).canConfirmReceipt).toBe(true)
    expect(orderActions(order({ status: 'shipped', kind: 'service' }), 0).canConfirmReceipt).toBe(false)
  })
})

describe('remainingMs', () => {
  it('counts down on the server clock whatever the device clock says', () => {
    const base = { status: 'pending_payment' as const, expiresAt: 1_900_000, serverNow: 1_000_000 }
    // a device 10 minutes fast, and one an hour slow, one minute after each got the answer
    expect(remainingMs({ ...base, receivedAt: 1_600_000 }, 1_660_000)).toBe(840_000)
    expect(remainingMs({ ...base, receivedAt: -2_600_000 }, -2_540_000)).toBe(840_000)
    expect(remainingMs({ ...base, receivedAt: 1_600_000 }, 9_999_999)).toBe(0)
  })

  it('has no countdown for a paid order or an order without a deadline; without the server clock, uses the device', () => {
    expect(remainingMs({ status: 'paid', expiresAt: 5 }, 0)).toBeNull()
    expect(remainingMs({ status: 'pending_payment' }, 0)).toBeNull()
    expect(remainingMs({ status: 'pending_payment', expiresAt: 5_000 }, 1_000)).toBe(4_000)
  })
})

describe('tabs', () => {
  const expected: Record<Exclude<OrderTab, 'all'>, string[]> = {
    pending_payment: ['physical:pending_payment', 'service:pending_payment', 'virtual:pending_payment'],
    to_ship: ['physical:paid'],
    to_receive: ['physical:shipped', 'physical:delivered'],
    to_verify: ['service:paid', 'service:to_verify', 'virtual:paid', 'virtual:to_verify'],
    after_sale: KINDS.flatMap((k) =>
      ['refund_requested', 'refunding', 'refunded', 'refund_rejected'].map((s) => `${k}:${s}`),
    ),
  }

  it('map statuses and kinds in one place', () => {
    for (const tab of ORDER_TAB_NAMES) {
      const shown = KINDS.flatMap((kind) =>
        S.filter((status) => orderInTab({ status, kind }, tab)).map((status) => `${kind}:${status}`),
      )
      if (tab === 'all') expect(shown).toHaveLength(3 * 13)
      else expect(shown.sort()).toEqual([...expected[tab]].sort())
    }
  })
})
