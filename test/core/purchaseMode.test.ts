import { type PaymentChannel, payableChannels, purchaseModeFor } from '@tradekit/core'
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

  it('reads a supports() that throws or answers something else as unavailable', () => {
    const purchase = { kind: 'virtual', os: 'ios' } as const
    const throwing = {
      supports: (): never => {
        throw new Error('no platform info')
      },
    }
    const garbage = { supports: () => 'yes' as never }
    expect(purchaseModeFor([throwing], purchase)).toBe('hidden')
    expect(purchaseModeFor([garbage, answering('im')], purchase)).toBe('im')
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

describe('payableChannels', () => {
  it('keeps the channels present here that can take the purchase, in order', () => {
    const channel = (id: string, available: boolean, answer?: 'pay' | 'im' | 'unavailable') => ({
      id,
      isAvailable: () => available,
      ...(answer ? { supports: () => answer } : {}),
    })
    const all = [channel('a', true), channel('b', false), channel('c', true, 'im'), channel('d', true, 'pay')]
    expect(payableChannels(all, { kind: 'virtual', os: 'ios' }).map((c) => c.id)).toEqual(['a', 'd'])
    expect(payableChannels([], { kind: 'physical', os: 'other' })).toEqual([])
  })

  it('leaves out a channel whose isAvailable() or supports() throws, or that answers something else', () => {
    const boom = (): never => {
      throw new Error('the platform global is gone')
    }
    const all = [
      { id: 'a', isAvailable: boom },
      { id: 'b', isAvailable: () => true, supports: boom },
      { id: 'c', isAvailable: () => 'yes' as unknown as boolean },
      { id: 'd', isAvailable: () => true, supports: () => 'sure' as never },
      { id: 'e', isAvailable: () => true },
    ]
    expect(payableChannels(all, { kind: 'virtual', os: 'ios' }).map((c) => c.id)).toEqual(['e'])
  })
})
