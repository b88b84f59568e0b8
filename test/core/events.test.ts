import {
  addToCartEvent,
  beginCheckoutEvent,
  buyAgainItems,
  type CartItem,
  checkoutPurchaseEvent,
  eventKey,
  money,
  type Order,
  planRefund,
  purchaseEvent,
  refundEvent,
  removeFromCartEvent,
  repurchaseEvent,
  safeEmit,
  TRADE_EVENT_NAMES,
  type TradeEvent,
  viewItemEvent,
} from '@tradekit/core'
import { afterEach, describe, expect, it, vi } from 'vitest'

const tea: CartItem = { skuId: 'tea', title: '龙井', price: money(4800) }
const cup: CartItem = { skuId: 'cup', title: '茶杯', price: money(1250) }

const order: Order = {
  orderId: 'o1',
  status: 'paid',
  kind: 'physical',
  channel: 'douyin',
  lines: [
    {
      lineId: 'a',
      skuId: 'tea',
      title: '龙井',
      quantity: 2,
      unitPrice: money(4800),
      amount: money(9000),
      refunded: money(0),
    },
    {
      lineId: 'b',
      skuId: 'cup',
      title: '茶杯',
      quantity: 1,
      unitPrice: money(1250),
      amount: money(1000),
      refunded: money(0),
    },
  ],
  amount: money(10000),
  refunded: money(0),
  createdAt: 0,
}

describe('event mappers', () => {
  it('map cart items and lines with money in minor units', () => {
    expect(viewItemEvent(tea)).toEqual({
      name: 'view_item',
      value: money(4800),
      items: [{ skuId: 'tea', title: '龙井', quantity: 1, price: money(4800) }],
    })
    expect(addToCartEvent(cup, 3)).toEqual({
      name: 'add_to_cart',
      value: money(3750),
      items: [{ skuId: 'cup', title: '茶杯', quantity: 3, price: money(1250) }],
    })
    expect(removeFromCartEvent({ ...cup, quantity: 4 }).value).toEqual(money(5000))
    expect(removeFromCartEvent({ ...cup, quantity: 4 }, 1).value).toEqual(money(1250))
  })

  it('begin_checkout: the payable the user saw when given, else the lines total', () => {
    const lines = [
      { ...tea, quantity: 2 },
      { ...cup, quantity: 1 },
    ]
    expect(beginCheckoutEvent(lines)).toMatchObject({ name: 'begin_checkout', value: money(10850) })
    expect(beginCheckoutEvent(lines, { value: money(9850), coupon: 'NEW10' })).toMatchObject({
      value: money(9850),
      coupon: 'NEW10',
    })
    expect(() => beginCheckoutEvent([])).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }))
    expect(() =>
      beginCheckoutEvent([
        { ...tea, quantity: 1 },
        { ...cup, price: money(1, 'USD'), quantity: 1 },
      ]),
    ).toThrow(expect.objectContaining({ code: 'CURRENCY_MISMATCH' }))
  })

  it('purchase: from an order of the order centre, or from a paid checkout', () => {
    expect(purchaseEvent(order)).toEqual({
      name: 'purchase',
      orderId: 'o1',
      value: money(10000),
      channel: 'douyin',
      items: [
        { skuId: 'tea', title: '龙井', quantity: 2, price: money(4800), amount: money(9000) },
        { skuId: 'cup', title: '茶杯', quantity: 1, price: money(1250), amount: money(1000) },
      ],
    })
    expect(
      checkoutPurchaseEvent({ orderId: 'o2', amount: money(4800) }, [{ ...tea, quantity: 1 }], {
        channel: 'wechat',
      }),
    ).toEqual({
      name: 'purchase',
      orderId: 'o2',
      value: money(4800),
      channel: 'wechat',
      items: [{ skuId: 'tea', title: '龙井', quantity: 1, price: money(4800) }],
    })
  })

  it('refund: the refunded amount and what was taken from each line', () => {
    const request = planRefund(order, { amount: money(1000), reason: 'r' })
    const event = refundEvent(order, { ...request, refundId: 'r1' })
    expect(event).toMatchObject({ name: 'refund', orderId: 'o1', refundId: 'r1', value: money(1000) })
    expect(event.items.map((i) => [i.skuId, i.amount])).toEqual([
      ['tea', money(900)],
      ['cup', money(100)],
    ])
    expect(() =>
      refundEvent(order, { amount: money(1), lines: [{ lineId: 'zz', amount: money(1) }] }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }))
  })

  it('repurchase: what went back into the cart at today’s prices, and how many lines could not', () => {
    const result = buyAgainItems(order, [{ ...tea, price: money(5000) }])
    expect(repurchaseEvent(order, result)).toEqual({
      name: 'repurchase',
      sourceOrderId: 'o1',
      value: money(10000),
      items: [{ skuId: 'tea', title: '龙井', quantity: 2, price: money(5000) }],
      unavailable: 1,
    })
    expect(repurchaseEvent(order, buyAgainItems(order, []))).toMatchObject({
      value: money(0),
      items: [],
      unavailable: 2,
    })
  })

  it('name every event once, and count a purchase once per order and a refund once per request', () => {
    expect(new Set(TRADE_EVENT_NAMES).size).toBe(7)
    expect(eventKey(purchaseEvent(order))).toBe('purchase:o1')
    expect(
      eventKey(
        refundEvent(order, { amount: money(5), lines: [{ lineId: 'a', amount: money(5) }], refundId: 'r1' }),
      ),
    ).toBe('refund:o1:r1')
    expect(
      eventKey(refundEvent(order, { amount: money(5), lines: [{ lineId: 'a', amount: money(5) }] })),
    ).toBe('refund:o1:CNY5')
    expect(eventKey(viewItemEvent(tea))).toBeUndefined()
  })
})

describe('safeEmit', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('hands the event over after the flow that emits it, and never waits for the handler', async () => {
    const seen: string[] = []
    const onEvent = vi.fn((event: TradeEvent) => {
      seen.push(event.name)
      return new Promise(() => {})
    })
    safeEmit(onEvent, viewItemEvent(tea))
    safeEmit(onEvent, () => addToCartEvent(tea, 1))
    seen.push('flow goes on')
    await Promise.resolve()
    await Promise.resolve()
    expect(seen).toEqual(['flow goes on', 'view_item', 'add_to_cart'])
  })

  it('never throws: a handler that throws or rejects, or a mapper that fails, is reported on a later tick', async () => {
    vi.useFakeTimers()
    const boom = new Error('analytics down')
    expect(() =>
      safeEmit(() => {
        throw boom
      }, viewItemEvent(tea)),
    ).not.toThrow()
    safeEmit(() => Promise.reject(new Error('quota')), viewItemEvent(tea))
    const mapper = vi.fn(() =>
      refundEvent(order, { amount: money(1), lines: [{ lineId: 'zz', amount: money(1) }] }),
    )
    safeEmit(vi.fn(), mapper)
    for (let i = 0; i < 10; i++) await Promise.resolve()
    expect(vi.getTimerCount()).toBe(3)
    const reported: string[] = []
    while (vi.getTimerCount() > 0) {
      try {
        vi.advanceTimersToNextTimer()
      } catch (error) {
        reported.push((error as Error).message)
      }
    }
    expect(reported.sort()).toEqual(['Order o1 has no line zz', 'analytics down', 'quota'])
    expect(mapper).toHaveBeenCalledTimes(1)
  })

  it('does nothing, and builds nothing, without a handler', async () => {
    const mapper = vi.fn(() => viewItemEvent(tea))
    safeEmit(undefined, mapper)
    safeEmit(null, mapper)
    await Promise.resolve()
    expect(mapper).not.toHaveBeenCalled()
  })
})
