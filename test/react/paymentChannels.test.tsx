import { renderHook } from '@testing-library/react'
import type { PaymentChannel, PurchaseContext } from '@tradekit/core'
import { TradeProvider, usePaymentChannels } from '@tradekit/react'
import type { ReactNode } from 'react'
import { describe, expect, it } from 'vitest'

const channel = (id: string, available: boolean, supports?: PaymentChannel['supports']): PaymentChannel => ({
  id,
  isAvailable: () => available,
  ...(supports ? { supports } : {}),
  pay: async () => ({ kind: 'submitted' }),
})
const noVirtualOnIos = ({ kind, os }: PurchaseContext) =>
  kind === 'virtual' && os === 'ios' ? ('unavailable' as const) : ('pay' as const)

describe('usePaymentChannels', () => {
  it('is empty outside a provider', () => {
    expect(renderHook(() => usePaymentChannels()).result.current).toEqual([])
  })

  it('keeps the channels present on this platform that can take this purchase here', () => {
    const channels = [
      channel('present', true),
      channel('absent', false),
      channel('wechat-like', true, noVirtualOnIos),
    ]
    const on =
      (os: PurchaseContext['os']) =>
      ({ children }: { children: ReactNode }) => (
        <TradeProvider channels={channels} platform={{ os }}>
          {children}
        </TradeProvider>
      )
    const ids = (kind: PurchaseContext['kind'], os: PurchaseContext['os']) =>
      renderHook(() => usePaymentChannels(kind), { wrapper: on(os) }).result.current.map((c) => c.id)
    expect(ids('physical', 'ios')).toEqual(['present', 'wechat-like'])
    expect(ids('virtual', 'ios')).toEqual(['present'])
    expect(ids('virtual', 'android')).toEqual(['present', 'wechat-like'])
  })
})
