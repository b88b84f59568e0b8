import { act, renderHook, waitFor } from '@testing-library/react'
import { createCart, memoryStorage, money, sandboxChannel } from '@tradekit/core'
import { TradeProvider, useCartActions, useCartQuote, useEntitlement, useMembership } from '@tradekit/react'
import { type ReactNode, StrictMode } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { createMemoryApi } from '../../stories/fixtures/memoryApi'
import { monthly } from './fixtures'

const FAST = { pollDelaysMs: [10], confirmBudgetMs: 300, createRetryDelaysMs: [5] }

describe.each([
  ['plain', false],
  ['StrictMode', true],
])('membership hooks (%s)', (_name, strict) => {
  function setup() {
    const merchant = createMemoryApi({ catalog: {}, plans: [monthly] })
    const getPlans = vi.spyOn(merchant.membershipApi, 'getPlans')
    const wrapper = ({ children }: { children: ReactNode }) => {
      const tree = (
        <TradeProvider
          api={merchant.api}
          membershipApi={merchant.membershipApi}
          channel={sandboxChannel({ outcome: 'success', delayMs: 5 }, { notify: merchant.markPaid })}
          storage={memoryStorage()}
          timing={FAST}
        >
          {children}
        </TradeProvider>
      )
      return strict ? <StrictMode>{tree}</StrictMode> : tree
    }
    return { merchant, getPlans, wrapper }
  }

  it('loads plans and the entitlement once, then unlocks a plan (server truth)', async () => {
    const { merchant, getPlans, wrapper } = setup()
    const { result } = renderHook(() => ({ membership: useMembership(), entitlement: useEntitlement() }), {
      wrapper,
    })
    expect(result.current.entitlement.loading).toBe(true)
    await waitFor(() => expect(result.current.membership.plans.map((p) => p.id)).toEqual(['vip-month']))
    expect(getPlans).toHaveBeenCalledTimes(1)
    expect(result.current.entitlement).toMatchObject({ loading: false, active: false })

    let outcome: unknown
    await act(async () => {
      outcome = await result.current.membership.unlock('vip-month')
    })
    expect(outcome).toMatchObject({ status: 'active' })
    expect(result.current.entitlement).toMatchObject({ active: true, entitlement: { planId: 'vip-month' } })
    expect([...merchant.orders.values()].map((o) => o.status)).toEqual(['paid'])
  })

  it('disposes the membership of a user who left: it unlocks nothing more', async () => {
    const merchant = createMemoryApi({ catalog: {}, plans: [monthly] })
    const storage = memoryStorage()
    const channel = sandboxChannel({ outcome: 'success', delayMs: 5 }, { notify: merchant.markPaid })
    let userId = 'alice'
    const wrapper = ({ children }: { children: ReactNode }) => {
      const tree = (
        <TradeProvider
          api={merchant.api}
          membershipApi={merchant.membershipApi}
          channel={channel}
          storage={storage}
          timing={FAST}
          userId={userId}
        >
          {children}
        </TradeProvider>
      )
      return strict ? <StrictMode>{tree}</StrictMode> : tree
    }
    const { result, rerender } = renderHook(() => useMembership(), { wrapper })
    await waitFor(() => expect(result.current.plans.map((p) => p.id)).toEqual(['vip-month']))
    const alices = result.current.membership
    const alicesUnlock = result.current.unlock
    userId = 'bob'
    rerender()
    expect(result.current.membership).not.toBe(alices)
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20))
    })
    let outcome: unknown
    await act(async () => {
      outcome = await alicesUnlock('vip-month')
    })
    expect(outcome).toMatchObject({ status: 'failed', error: { code: 'ABORTED' } })
    expect(merchant.orders.size).toBe(0)
  })

  it('throws a clear error without a membership api', () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    const wrapper = ({ children }: { children: ReactNode }) => <TradeProvider>{children}</TradeProvider>
    expect(() => renderHook(() => useEntitlement(), { wrapper })).toThrow(/membershipApi/)
    logged.mockRestore()
  })
})

describe.each([
  ['plain', false],
  ['StrictMode', true],
])('useCartQuote (%s)', (_name, strict) => {
  it('prices the selected lines and follows the cart', () => {
    const cart = createCart()
    const wrapper = ({ children }: { children: ReactNode }) => {
      const tree = <TradeProvider cart={cart}>{children}</TradeProvider>
      return strict ? <StrictMode>{tree}</StrictMode> : tree
    }
    const coupons = [
      { id: 'c1', kind: 'threshold' as const, threshold: money(10000), amountOff: money(1500) },
    ]
    const { result } = renderHook(() => ({ quote: useCartQuote({ coupons }), cart: useCartActions() }), {
      wrapper,
    })
    expect(result.current.quote.payable).toEqual(money(0))
    act(() => {
      result.current.cart.add(
        { skuId: 'tea', title: '龙井', price: money(4800), memberPrice: money(4000) },
        3,
      )
    })
    expect(result.current.quote.subtotal).toEqual(money(14400))
    expect(result.current.quote.couponId).toBe('c1')
    expect(result.current.quote.payable).toEqual(money(12900))
    const before = result.current.quote
    act(() => {
      result.current.cart.select('tea', false)
    })
    expect(result.current.quote.payable).toEqual(money(0))
    expect(result.current.quote).not.toBe(before)
  })
})
