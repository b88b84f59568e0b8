import {
  type CheckoutSnapshot,
  createStore,
  followCheckout,
  money,
  type OrdersSnapshot,
} from '@tradekit/core'
import { describe, expect, it, vi } from 'vitest'
import { checkoutSnapshotOf } from '../../stories/fixtures/checkoutSnapshot'
import { paidOrder } from './orderFakes'

const ofOrder = (orderId: string, patch: Partial<CheckoutSnapshot>) =>
  checkoutSnapshotOf({ orderId, amount: money(4800), payment: {} }, patch)

function setup(held: string[], start: CheckoutSnapshot = ofOrder('o1', { status: 'idle' })) {
  const checkout = createStore<CheckoutSnapshot>(start)
  const snapshot = {
    orders: Object.fromEntries(held.map((id) => [id, paidOrder(id)])),
  } as unknown as OrdersSnapshot
  const orders = { getSnapshot: () => snapshot, getOrder: vi.fn(async () => ({ ok: true }) as never) }
  const stop = followCheckout(orders, checkout)
  return { checkout, orders, stop }
}

describe('followCheckout', () => {
  it('reads an order the order centre holds again once the checkout finds it paid, once', () => {
    const { checkout, orders } = setup(['o1'])
    checkout.set(ofOrder('o1', { status: 'confirming' }))
    expect(orders.getOrder).not.toHaveBeenCalled()
    checkout.set(ofOrder('o1', { status: 'paid' }))
    expect(orders.getOrder).toHaveBeenCalledWith('o1')
    checkout.set(ofOrder('o1', { status: 'paid', pendingCount: 0 }))
    expect(orders.getOrder).toHaveBeenCalledTimes(1)
  })

  it('leaves orders it does not hold, a payment paid before it started, and stops', () => {
    const { checkout, orders, stop } = setup(['o1', 'o3'], ofOrder('o1', { status: 'paid' }))
    checkout.set(ofOrder('o1', { status: 'paid', pendingCount: 0 }))
    checkout.set(ofOrder('o2', { status: 'paid' }))
    expect(orders.getOrder).not.toHaveBeenCalled()
    stop()
    checkout.set(ofOrder('o3', { status: 'paid' }))
    expect(orders.getOrder).not.toHaveBeenCalled()
  })
})
