import { describe, expect, it } from 'vitest'
import { createCart, isLineBlocked, isMoving, isSettled, money } from '../../packages/core/src'
import { ALL_STATUSES } from './checkoutFakes'

const ALL = ALL_STATUSES

describe('the checkout status rules (DESIGN.md, "Settled and moving states")', () => {
  it('moving: creating, paying, confirming; settled: cancelled, failed, expired, unknown', () => {
    expect(ALL.filter(isMoving)).toEqual(['creating', 'paying', 'confirming'])
    expect(ALL.filter(isSettled)).toEqual(['cancelled', 'failed', 'expired', 'unknown'])
  })
})

describe('isLineBlocked', () => {
  it('blocks sold-out and off-shelf lines, not a line that is only over its stock', () => {
    const cart = createCart()
    const price = money(100)
    cart.add({ skuId: 'a', title: 'A', price })
    cart.add({ skuId: 'b', title: 'B', price })
    cart.add({ skuId: 'c', title: 'C', price, stock: 1 }, 1)
    cart.setQuantity('c', 5)
    cart.update([
      { skuId: 'a', title: 'A', price, status: 'sold_out' },
      { skuId: 'b', title: 'B', price, status: 'off_shelf' },
    ])
    const byId = Object.fromEntries(cart.getSnapshot().lines.map((l) => [l.lineId, isLineBlocked(l)]))
    expect(byId).toEqual({ a: true, b: true, c: false })
  })
})
