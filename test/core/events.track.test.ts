/**
 * The trackers that turn what the cart, the checkout and the order centre do into trading events
 * (issue: "trading events … money in minor units, deduped per order, never blocking the flow"), and
 * the reporters for WeChat We分析 (经营分析, 电商行业 standard events:
 * https://developers.weixin.qq.com/miniprogram/analysis/wedata/BusinessAnalysisAccess.html) and a
 * plain `(name, params)` call.
 */
import {
  analyticsCall,
  type CartItem,
  createCart,
  createCheckout,
  createEventHub,
  createOrders,
  memoryStorage,
  money,
  type Order,
  type OrdersApi,
  type TradeEvent,
  trackCart,
  trackCheckout,
  trackOrders,
  weAnalysisReports,
} from '@tradekit/core'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { fakeApi, manualChannel, request, settle } from './checkoutFakes'
import { paidOrder } from './orderFakes'

const tea: CartItem = { skuId: 'tea', title: '龙井', price: money(4800), stock: 3 }
const cup: CartItem = { skuId: 'cup', title: '茶杯', price: money(1250) }

function recorder() {
  const events: TradeEvent[] = []
  const hub = createEventHub(() => (event) => {
    events.push(event)
  })
  return { events, hub }
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

afterEach(() => {
  vi.useRealTimers()
})

describe('createEventHub', () => {
  it('hands events over after the flow that emits them, and a purchase or refund only once', async () => {
    const { events, hub } = recorder()
    const purchase: TradeEvent = { name: 'purchase', orderId: 'o1', value: money(100), items: [] }
    hub.emit(purchase)
    hub.emit(() => purchase)
    hub.emit({ name: 'view_item', value: money(100), items: [] })
    hub.emit({ name: 'view_item', value: money(100), items: [] })
    expect(events).toEqual([]) // nothing runs inside the caller's step
    await flush()
    expect(events.map((e) => e.name)).toEqual(['purchase', 'view_item', 'view_item'])
  })

  it('never fails the caller: a throwing handler or maker is reported later, a missing handler builds nothing', async () => {
    const thrown: unknown[] = []
    const onError = (error: unknown) => thrown.push(error)
    process.on('uncaughtException', onError)
    try {
      const hub = createEventHub(() => () => {
        throw new Error('analytics down')
      })
      expect(() => hub.emit({ name: 'view_item', value: money(1), items: [] })).not.toThrow()
      const maker = vi.fn(() => ({ name: 'view_item', value: money(1), items: [] }) as TradeEvent)
      createEventHub(() => undefined).emit(maker)
      await flush()
      await flush()
      expect(thrown).toEqual([new Error('analytics down')])
      expect(maker).not.toHaveBeenCalled()
    } finally {
      process.off('uncaughtException', onError)
    }
  })

  it('forgets the oldest keys past its memory', async () => {
    const { events } = recorder()
    const hub = createEventHub(() => (event) => void events.push(event), 2)
    for (const id of ['a', 'b', 'c', 'a'])
      hub.emit({ name: 'purchase', orderId: id, value: money(1), items: [] })
    await flush()
    expect(events.map((e) => (e as { orderId: string }).orderId)).toEqual(['a', 'b', 'c', 'a'])
  })
})

describe('trackCart', () => {
  it('reports the units that really moved: adds, clamped adds, steps down, removals, a cleared cart', async () => {
    const { events, hub } = recorder()
    const cart = trackCart(createCart(), hub)
    cart.add(tea, 2)
    cart.add(tea, 5) // stock 3: one more unit moves
    cart.add(cup)
    cart.setQuantity('tea', 1)
    cart.setQuantity('cup', 1) // no change, no event
    cart.remove('cup')
    cart.add(cup, 2)
    cart.clear()
    await flush()
    expect(events.map((e) => [e.name, e.items[0]?.skuId, e.items[0]?.quantity, e.value.amount])).toEqual([
      ['add_to_cart', 'tea', 2, 9600],
      ['add_to_cart', 'tea', 1, 4800],
      ['add_to_cart', 'cup', 1, 1250],
      ['remove_from_cart', 'tea', 2, 9600],
      ['remove_from_cart', 'cup', 1, 1250],
      ['add_to_cart', 'cup', 2, 2500],
      ['remove_from_cart', 'cup', 2, 2500],
      ['remove_from_cart', 'tea', 1, 4800],
    ])
  })

  it('says nothing for removing the lines an order bought, a refresh, or selection', async () => {
    const { events, hub } = recorder()
    const cart = trackCart(createCart(), hub)
    cart.add(tea)
    await flush()
    events.length = 0
    cart.select('tea', false)
    cart.select('tea', true)
    cart.update([{ ...tea, price: money(5000) }])
    cart.removeSelected()
    await flush()
    expect(events).toEqual([])
    expect(cart.getSnapshot().lines).toEqual([])
  })
})

describe('trackCheckout', () => {
  it('reports begin_checkout with the agreed payable and one purchase once the server says paid', async () => {
    vi.useFakeTimers()
    const { events, hub } = recorder()
    const api = fakeApi()
    const channel = manualChannel()
    const checkout = createCheckout({ api, channel, storage: memoryStorage() })
    const tracker = trackCheckout(checkout, hub, {
      ofRequest: (req) => req.lines.map((line) => ({ ...tea, quantity: line.quantity })),
    })
    const stop = tracker.start()
    const req = request(1200, { coupon: 'NEW10' })
    tracker.submitted(req)
    const done = checkout.submit(req)
    await vi.advanceTimersByTimeAsync(0)
    channel.answer({ kind: 'submitted' }) // the cashier's word: not yet a purchase
    await vi.advanceTimersByTimeAsync(0)
    expect(events.map((e) => e.name)).toEqual(['begin_checkout'])
    api.markPaid('o1')
    expect((await settle(done)).status).toBe('paid')
    checkout.reset()
    await vi.advanceTimersByTimeAsync(0)
    expect(events.map((e) => e.name)).toEqual(['begin_checkout', 'purchase'])
    expect(events[0]).toMatchObject({ value: money(1200), coupon: 'NEW10' })
    expect(events[1]).toMatchObject({
      orderId: 'o1',
      value: money(1200),
      coupon: 'NEW10',
      items: [{ skuId: 'tea', quantity: req.lines[0]?.quantity }],
    })
    stop()
  })

  it('reports nothing bought when the server says the order was closed after the cashier said cancelled', async () => {
    vi.useFakeTimers()
    const { events, hub } = recorder()
    const api = fakeApi()
    const channel = manualChannel()
    const checkout = createCheckout({ api, channel, storage: memoryStorage() })
    trackCheckout(checkout, hub, { ofRequest: () => [] }).start()
    const done = checkout.submit(request())
    await vi.advanceTimersByTimeAsync(0)
    channel.answer({ kind: 'cancelled' })
    expect((await settle(done)).status).toBe('cancelled')
    expect(events.filter((e) => e.name === 'purchase')).toEqual([])
  })

  it('finds the items of an order continued from the order centre', async () => {
    vi.useFakeTimers()
    const { events, hub } = recorder()
    const api = fakeApi()
    const channel = manualChannel()
    const checkout = createCheckout({ api, channel, storage: memoryStorage() })
    const ofOrder = vi.fn(() => [{ ...cup, quantity: 3 }])
    trackCheckout(checkout, hub, { ofRequest: () => [], ofOrder }).start()
    await api.createOrder(request(3750), { idempotencyKey: 'k', signal: new AbortController().signal })
    const done = checkout.continuePayment({ orderId: 'o1', amount: money(3750), payment: { orderId: 'o1' } })
    await vi.advanceTimersByTimeAsync(0)
    api.markPaid('o1')
    channel.answer({ kind: 'submitted' })
    expect((await settle(done)).status).toBe('paid')
    await vi.advanceTimersByTimeAsync(0)
    expect(events).toEqual([
      expect.objectContaining({
        name: 'purchase',
        orderId: 'o1',
        items: [expect.objectContaining({ skuId: 'cup' })],
      }),
    ])
    expect(ofOrder).toHaveBeenCalledWith('o1')
  })
})

describe('trackOrders', () => {
  const orderWith = (refunds: Order['refunds']): Order =>
    paidOrder('o9', { status: refunds?.length ? 'refunding' : 'paid', refunds })
  const refund = (status: 'refunding' | 'refunded') => ({
    refundId: 'r1',
    status,
    amount: money(4800),
    lines: [{ lineId: 'l1', amount: money(4800) }],
    reason: 'quality',
  })

  it('reports a refund the app saw open once it is refunded, and not old refunds of a first read', async () => {
    const { events, hub } = recorder()
    let served = orderWith([refund('refunding')])
    const api: OrdersApi = {
      listOrders: async () => ({ orders: [] }),
      getOrder: async () => served,
      cancelOrder: async () => served,
      requestRefund: async () => served,
    }
    const orders = createOrders({ api })
    const stop = trackOrders(orders, hub)
    await orders.getOrder('o9')
    served = { ...orderWith([refund('refunded')]), status: 'refunded' }
    await orders.getOrder('o9')
    await orders.getOrder('o9')
    await flush()
    expect(events).toEqual([
      expect.objectContaining({ name: 'refund', orderId: 'o9', refundId: 'r1', value: money(4800) }),
    ])

    // a fresh store (a relaunch) that first reads the order already refunded reports nothing
    const { events: later, hub: laterHub } = recorder()
    const relaunched = createOrders({ api })
    trackOrders(relaunched, laterHub)
    await relaunched.getOrder('o9')
    await flush()
    expect(later).toEqual([])
    stop()
    orders.dispose()
    relaunched.dispose()
  })
})

describe('reporters', () => {
  const purchase: TradeEvent = {
    name: 'purchase',
    orderId: 'o1',
    value: money(10850),
    coupon: 'NEW10',
    items: [
      { skuId: 'tea', title: '龙井', quantity: 2, price: money(4800) },
      { skuId: 'cup', title: '茶杯', quantity: 1, price: money(1250) },
    ],
  }

  it('map goods events to one wxdata_* call per item and order events to one per order, money in minor units', () => {
    expect(
      weAnalysisReports({ name: 'add_to_cart', value: money(9600), items: [purchase.items[0]!] }),
    ).toEqual([
      {
        name: 'wxdata_purchase_goods',
        data: {
          action: 'add',
          sku_id: 'tea',
          sku_name: '龙井',
          sku_num: 2,
          sku_price: 4800,
          currency: 'CNY',
        },
      },
    ])
    expect(weAnalysisReports(purchase)).toEqual([
      {
        name: 'wxdata_order_status',
        data: { order_id: 'o1', order_status: 'payed', order_amount: 10850, currency: 'CNY', sku_num: 3 },
      },
    ])
    expect(
      weAnalysisReports({ name: 'refund', orderId: 'o1', refundId: 'r1', value: money(4800), items: [] }),
    ).toEqual([
      {
        name: 'wxdata_refund',
        data: { order_id: 'o1', refund_id: 'r1', refund_amount: 4800, currency: 'CNY' },
      },
    ])
    expect(
      weAnalysisReports({ name: 'view_item', value: money(4800), items: [purchase.items[0]!] }).map(
        (r) => r.name,
      ),
    ).toEqual(['wxdata_browse_goods'])
  })

  it('make one flat analytics call per event', () => {
    expect(analyticsCall(purchase)).toEqual([
      'purchase',
      {
        value: 10850,
        currency: 'CNY',
        items: 2,
        quantity: 3,
        sku_ids: 'tea,cup',
        order_id: 'o1',
        coupon: 'NEW10',
      },
    ])
    expect(
      analyticsCall({ name: 'repurchase', sourceOrderId: 'o1', unavailable: 0, value: money(0), items: [] }),
    ).toEqual([
      'repurchase',
      { value: 0, currency: 'CNY', items: 0, quantity: 0, sku_ids: '', source_order_id: 'o1' },
    ])
  })
})
