import { memoryStorage, money, type StoragePort } from '@tradekit/core'
import { describe, expect, it, vi } from 'vitest'
import {
  MAX_PENDING,
  mergeOrders,
  type PendingOrder,
  parsePendingOrders,
  serializePendingOrders,
} from '../../packages/core/src/checkout/pendingOrders'
import { pendingStorage } from '../../packages/core/src/checkout/pendingStorage'

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

/** A pending order `o<n>`, made at time `n`. */
const order = (n: number, payStarted: boolean): PendingOrder => ({
  orderId: `o${n}`,
  idempotencyKey: `k${n}`,
  amount: money(100),
  createdAt: n,
  channelId: 'c',
  method: 'pay',
  payment: {},
  request: { lines: [{ skuId: 'vip', quantity: 1 }], expectedPayable: money(100) },
  shown: 'unknown',
  payStarted,
  closedByUs: false,
  retryable: true,
})

describe('mergeOrders', () => {
  const ids = (list: readonly PendingOrder[]) => list.map((o) => o.orderId)

  it('puts stored orders behind the session’s, once each', () => {
    expect(ids(mergeOrders([order(3, true), order(2, true)], [order(2, true), order(1, true)]))).toEqual([
      'o3',
      'o2',
      'o1',
    ])
  })

  it(`past ${MAX_PENDING}, drops orders whose cashier never opened first, the oldest first`, () => {
    const session = [order(9, false), order(8, false), order(7, false)]
    const stored = [order(3, true), order(2, true), order(1, true)]
    expect(ids(mergeOrders(session, stored))).toEqual(['o9', 'o8', 'o3', 'o2', 'o1'])
  })

  it('never drops an order whose cashier opened (it may be paid): the list holds more for a while', () => {
    const session = [order(9, true), order(8, true), order(7, true)]
    const stored = [order(3, true), order(2, true), order(1, true)]
    expect(ids(mergeOrders(session, stored))).toEqual(['o9', 'o8', 'o7', 'o3', 'o2', 'o1'])
  })

  it('reads back a record of more than five orders whole', () => {
    const list = [6, 5, 4, 3, 2, 1].map((n) => order(n, true))
    const parsed = parsePendingOrders(JSON.stringify({ version: 1, orders: list }))
    expect(parsed.corrupt).toBe(false)
    expect(ids(parsed.orders)).toEqual(['o6', 'o5', 'o4', 'o3', 'o2', 'o1'])
  })
})

describe('pendingStorage after a failed launch read', () => {
  const KEY = 'tradekit:default:guest:checkout'

  it('a write asked for before a later read found the stored orders keeps them too', async () => {
    const disk = memoryStorage({ [KEY]: serializePendingOrders({ orders: [order(1, true)] }) })
    let failReads = 1
    let failWrites = [false, false, true] // the third write (the one that would restore o1) fails
    const storage: StoragePort = {
      getItem: (key) => {
        if (failReads-- > 0) throw new Error('getStorage:fail')
        return disk.getItem(key)
      },
      setItem: (key, value) => {
        if (failWrites.shift()) throw new Error('setStorage:fail')
        disk.setItem(key, value)
      },
      removeItem: (key) => {
        if (failWrites.shift()) throw new Error('setStorage:fail')
        disk.removeItem(key)
      },
    }
    const records = pendingStorage(storage, KEY)
    const learned: string[][] = []
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    expect((await records.read((late) => learned.push(late.orders.map((o) => o.orderId)))).issue).toBe(
      'storage_failed',
    )
    // two writes asked for before the checkout knew of o1: the first reads the record again
    const first = records.write({ orders: [], unanswered: { key: 'k2', fingerprint: 'f', at: 0 } })
    const second = records.write({ orders: [] })
    expect(await first).toBe(true)
    expect(learned).toEqual([['o1']])
    // the checkout, told of o1, asks for a write with it; that one fails
    expect(await second).toBe(true)
    expect(await records.write({ orders: [order(1, true)] })).toBe(false)
    expect(disk.getItem(KEY)).toContain('"orderId":"o1"')
    failWrites = []
    vi.restoreAllMocks()
  })
})
