import { type PaymentChannel, purchaseModeFor } from '@tradekit/core'
import { describe, expect, it } from 'vitest'

const answering = (answer: ReturnType<NonNullable<PaymentChannel['supports']>>) => ({
  supports: () => answer,
})

describe('purchaseModeFor', () => {
  it('maps pay, im and unavailable to buy, im and hidden', () => {
    const purchase = { kind: 'virtual', os: 'ios' } as const
    expect(purchaseModeFor([answering('pay')], purchase)).toBe('buy')
    expect(purchaseModeFor([answering('im')], purchase)).toBe('im')
    expect(purchaseModeFor([answering('unavailable')], purchase)).toBe('hidden')
  })

  it('lets the best channel win, and treats a channel without supports() as pay', () => {
    const purchase = { kind: 'virtual', os: 'ios' } as const
    expect(purchaseModeFor([answering('unavailable'), answering('im')], purchase)).toBe('im')
    expect(purchaseModeFor([answering('im'), {}], purchase)).toBe('buy')
  })

  it('offers buying when the app gave no channel', () => {
    expect(purchaseModeFor([], { kind: 'physical', os: 'android' })).toBe('buy')
  })

  it('passes the purchase to each channel', () => {
    const seen: unknown[] = []
    purchaseModeFor(
      [
        {
          supports: (p) => {
            seen.push(p)
            return 'pay'
          },
        },
      ],
      { kind: 'service', os: 'android' },
    )
    expect(seen).toEqual([{ kind: 'service', os: 'android' }])
  })
})
