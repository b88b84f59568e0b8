import { describe, expect, it } from 'vitest'
import { parsePendingOrders } from '../../packages/core/src/checkout/pendingOrders'

describe('parsePendingOrders', () => {
  // Taro's getStorageSync on weapp/tt answers '' for a key that was never written
  it.each([
    ["''", ''],
    ['null', null],
  ])('reads %s as nothing stored: no orders, not corrupt', (_name, raw) => {
    expect(parsePendingOrders(raw)).toEqual({ orders: [], corrupt: false })
  })

  it.each([
    ['text that is not JSON', '{"version":1,'],
    ['a blank that is not empty', ' '],
    ['JSON null', 'null'],
  ])('still reports %s as corrupt', (_name, raw) => {
    expect(parsePendingOrders(raw)).toEqual({ orders: [], corrupt: true })
  })
})
