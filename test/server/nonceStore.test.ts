// The default replay store: our own component (no platform documents it). Every verifier uses it
// unless another store is injected; entries live for the TTL the verifier asks (twice its window).
import { memoryNonceStore } from '@tradekit/server'
import { describe, expect, it } from 'vitest'

describe('memoryNonceStore', () => {
  it('answers true for a new key, false for a key seen within its TTL, true again once it expired', () => {
    let now = 0
    const store = memoryNonceStore({ now: () => now })
    expect(store.remember('wechatpay:a', 1000)).toBe(true)
    expect(store.remember('wechatpay:a', 1000)).toBe(false)
    expect(store.remember('wechatpay:b', 1000)).toBe(true)
    now = 999
    expect(store.remember('wechatpay:a', 1000)).toBe(false)
    now = 1000
    expect(store.remember('wechatpay:a', 1000)).toBe(true)
    expect(store.remember('wechatpay:a', 1000)).toBe(false)
  })

  it('forgets the oldest entries first past maxEntries, so memory stays bounded', () => {
    const store = memoryNonceStore({ now: () => 0, maxEntries: 2 })
    expect(store.remember('k1', 10_000)).toBe(true)
    expect(store.remember('k2', 10_000)).toBe(true)
    expect(store.remember('k3', 10_000)).toBe(true)
    expect(store.remember('k3', 10_000)).toBe(false)
    expect(store.remember('k2', 10_000)).toBe(false)
    expect(store.remember('k1', 10_000)).toBe(true)
  })
})
