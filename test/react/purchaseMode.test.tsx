import { renderHook } from '@testing-library/react'
import type { PaymentChannel, PurchaseContext } from '@tradekit/core'
import { TradeProvider, usePurchaseMode } from '@tradekit/react'
import type { ReactNode } from 'react'
import { describe, expect, it } from 'vitest'

// Behaves like the WeChat rule: no virtual goods on iOS.
const wechatLike: PaymentChannel = {
  id: 'wechat',
  isAvailable: () => true,
  supports: ({ kind, os }: PurchaseContext) => (kind === 'virtual' && os === 'ios' ? 'unavailable' : 'pay'),
  pay: async () => ({ kind: 'submitted' }),
}

describe('usePurchaseMode', () => {
  it('is buy outside a provider and without channels', () => {
    expect(renderHook(() => usePurchaseMode('virtual')).result.current).toBe('buy')
    const wrapper = ({ children }: { children: ReactNode }) => (
      <TradeProvider platform={{ os: 'ios' }}>{children}</TradeProvider>
    )
    expect(renderHook(() => usePurchaseMode('virtual'), { wrapper }).result.current).toBe('buy')
  })

  it('follows the channel and the platform OS', () => {
    const on =
      (os: PurchaseContext['os']) =>
      ({ children }: { children: ReactNode }) => (
        <TradeProvider channel={wechatLike} platform={{ os }}>
          {children}
        </TradeProvider>
      )
    expect(renderHook(() => usePurchaseMode('virtual'), { wrapper: on('ios') }).result.current).toBe('hidden')
    expect(renderHook(() => usePurchaseMode('virtual'), { wrapper: on('android') }).result.current).toBe(
      'buy',
    )
    expect(renderHook(() => usePurchaseMode('physical'), { wrapper: on('ios') }).result.current).toBe('buy')
  })
})
