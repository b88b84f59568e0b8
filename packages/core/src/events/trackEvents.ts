import type { CartItem, CartSnapshot, CartStore } from '../cart/types'
import { isMoving } from '../checkout/checkoutStatus'
import type { Checkout, CheckoutSnapshot, OrderRequest } from '../checkout/types'
import { reportLater } from '../store/createStore'
import {
  addToCartEvent,
  beginCheckoutEvent,
  checkoutPurchaseEvent,
  removeFromCartEvent,
} from './eventMappers'
import { eventKey } from './safeEmit'
import type { TradeEvent, TradeEventHandler } from './tradeEvents'

// Where TradeKit's stores meet the app's analytics: an event hub that counts a purchase or a
// refund once, and the trackers that turn what the cart and the checkout do into trading events (the
// order centre's is in trackOrders.ts, so only code that makes an order centre carries it). Nothing
// here can fail or hold up a flow: events are built and handed over on a
// later microtask (safeEmit), and a tracker only reads the stores.

/** Emits trading events to the app's handler, each purchase and refund once. */
export interface EventHub {
  /** Hands an event (or a function making it) to the handler; a purchase or refund seen before is dropped. */
  emit(event: TradeEvent | (() => TradeEvent | undefined)): void
}

/**
 * An event hub over the app's handler. `handler` is read at each event, so a provider can pass a
 * function reading its latest prop. Events are made and handed over on a later microtask, like
 * `safeEmit`; a maker answering `undefined` has nothing to say. Keys of purchases and refunds are
 * remembered (the newest `memory` of them) so each counts once.
 *
 * @example
 * ```ts
 * const hub = createEventHub(() => report)
 * hub.emit(viewItemEvent(item))
 * ```
 */
export function createEventHub(handler: () => TradeEventHandler | null | undefined, memory = 1000): EventHub {
  const seen = new Set<string>()
  return {
    emit(event) {
      const onEvent = handler()
      if (typeof onEvent !== 'function') return
      Promise.resolve()
        .then(() => {
          const made = typeof event === 'function' ? event() : event
          if (made === undefined) return
          const key = eventKey(made)
          if (key !== undefined) {
            if (seen.has(key)) return
            seen.add(key)
            if (seen.size > memory) seen.delete(seen.values().next().value as string)
          }
          return onEvent(made)
        })
        .then(undefined, reportLater)
    },
  }
}

const lineOf = (snapshot: CartSnapshot, lineId: string) =>
  snapshot.lines.find((line) => line.lineId === lineId)

/**
 * The cart with `add_to_cart` and `remove_from_cart` for what the user does: adding, changing a
 * quantity (up or down by the units that really moved, after clamping), removing a line, clearing
 * the cart. Removing the selected lines after an order is not a removal (the purchase says it),
 * and neither is a refresh from the server. The rest of the cart is the cart itself.
 *
 * @example
 * ```ts
 * const cart = trackCart(createCart({ storage }), hub)
 * ```
 */
export function trackCart(cart: CartStore, hub: EventHub): CartStore {
  const moved = (before: CartSnapshot, lineId: string) => {
    const after = cart.getSnapshot()
    const units = after.count - before.count
    if (units === 0) return
    hub.emit(() => {
      const line = lineOf(units > 0 ? after : before, lineId) ?? lineOf(after, lineId)
      if (!line) return undefined
      return units > 0 ? addToCartEvent(line, units) : removeFromCartEvent(line, -units)
    })
  }
  return {
    getSnapshot: () => cart.getSnapshot(),
    subscribe: (listener) => cart.subscribe(listener),
    get ready() {
      return cart.ready
    },
    add(item: CartItem, quantity?: number) {
      const before = cart.getSnapshot()
      const result = cart.add(item, quantity)
      const units = cart.getSnapshot().count - before.count
      if (units > 0) hub.emit(() => addToCartEvent(item, units))
      return result
    },
    setQuantity(lineId, quantity) {
      const before = cart.getSnapshot()
      const result = cart.setQuantity(lineId, quantity)
      moved(before, lineId)
      return result
    },
    remove(lineId) {
      const before = cart.getSnapshot()
      cart.remove(lineId)
      moved(before, lineId)
    },
    select: (lineId, selected) => cart.select(lineId, selected),
    selectAll: (selected) => cart.selectAll(selected),
    clear() {
      const before = cart.getSnapshot()
      cart.clear()
      for (const line of before.lines) hub.emit(() => removeFromCartEvent(line))
    },
    removeSelected: () => cart.removeSelected(),
    update: (items) => cart.update(items),
    flush: () => cart.flush(),
  }
}

/** Items of an event: what a line bought, at the unit price shown. */
export type EventLine = Pick<CartItem, 'skuId' | 'title' | 'price'> & { readonly quantity: number }

/** The checkout's events and what stops them. */
export interface CheckoutTracker {
  /** `begin_checkout` for a request about to be submitted; its items are kept for its purchase. */
  submitted(request: OrderRequest): void
  /** Starts following the checkout's purchases; returns the stop. */
  start(): () => void
}

/** Where a checkout tracker finds the items of a request, or of an order it did not submit. */
export interface CheckoutItems {
  /** The items a request names (the cart's lines for its skus). */
  ofRequest(request: OrderRequest): readonly EventLine[]
  /** The items of an order paid without a submit seen here (continued from the order centre). */
  ofOrder?(orderId: string): readonly EventLine[] | undefined
}

/**
 * Follows a checkout: `begin_checkout` when the app submits (see `submitted`), and `purchase` once
 * the server said an order is paid — the checkout's own order, or one found paid later (`latePaid`)
 * — never for the cashier's word alone. Each order's purchase counts once (the hub's key).
 *
 * @example
 * ```ts
 * const tracker = trackCheckout(checkout, hub, { ofRequest: (request) => linesOf(cart, request) })
 * const stop = tracker.start()
 * tracker.submitted(request); await checkout.submit(request)
 * ```
 */
export function trackCheckout(checkout: Checkout, hub: EventHub, items: CheckoutItems): CheckoutTracker {
  let submitted: { request: OrderRequest; lines: readonly EventLine[]; before?: string } | undefined
  const byOrder = new Map<string, { request?: OrderRequest; lines: readonly EventLine[] }>()
  const purchase = (orderId: string, amount: CheckoutSnapshot['latePaid'][number]['amount']) => {
    const known = byOrder.get(orderId)
    hub.emit(() => {
      const request = known?.request
      const lines = known?.lines ?? items.ofOrder?.(orderId) ?? []
      return checkoutPurchaseEvent({ orderId, amount }, lines, {
        ...(request?.channel ? { channel: request.channel } : {}),
        ...(request?.coupon ? { coupon: request.coupon } : {}),
      })
    })
  }
  const follow = () => {
    const snapshot = checkout.getSnapshot()
    const order = snapshot.order
    // the first order a submitted request makes is the one it bought
    if (order && submitted && order.orderId !== submitted.before && !byOrder.has(order.orderId)) {
      byOrder.set(order.orderId, submitted)
      submitted = undefined
    }
    if (snapshot.status === 'paid' && order) purchase(order.orderId, order.amount)
    for (const late of snapshot.latePaid) purchase(late.orderId, late.amount)
  }
  return {
    start() {
      follow()
      return checkout.subscribe(follow)
    },
    submitted(request) {
      // a submit the checkout will ignore (a payment on its way) begins nothing
      if (isMoving(checkout.getSnapshot().status)) return
      const lines = items.ofRequest(request)
      submitted = { request, lines, before: checkout.getSnapshot().order?.orderId }
      hub.emit(() =>
        beginCheckoutEvent(lines, {
          value: request.expectedPayable,
          ...(request.coupon ? { coupon: request.coupon } : {}),
        }),
      )
    },
  }
}
