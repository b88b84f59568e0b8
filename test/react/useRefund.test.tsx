import { act, renderHook, waitFor } from '@testing-library/react'
import { memoryStorage, money, type OrdersApi, TradeKitError } from '@tradekit/core'
import { TradeProvider, useRefund } from '@tradekit/react'
import type { ReactNode } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { refundOrder } from '../refundOrder'

const order = refundOrder(1500)

function setup(
  requestRefund: OrdersApi['requestRefund'] = vi.fn(async () => ({
    ...order,
    status: 'refund_requested' as const,
  })),
) {
  const api: OrdersApi = {
    listOrders: vi.fn(),
    getOrder: vi.fn(async () => order),
    cancelOrder: vi.fn(),
    requestRefund,
  }
  const wrapper = ({ children }: { children: ReactNode }) => (
    <TradeProvider storage={memoryStorage()} ordersApi={api}>
      {children}
    </TradeProvider>
  )
  const hook = renderHook(() => useRefund('R1'), { wrapper })
  return { api, ...hook }
}

describe('useRefund', () => {
  it('starts with every line that has something left, and the amount left to refund', async () => {
    const { result } = setup()
    await waitFor(() => expect(result.current.order).toBeDefined())
    expect(result.current.lines.map((l) => [l.line.lineId, l.selected, l.refundable.amount])).toEqual([
      ['tee', true, 9800],
      ['mug', true, 3000],
    ])
    expect(result.current.max).toEqual(money(12800))
    expect(result.current.amountText).toBe('128.00')
    expect(result.current.amount).toEqual(money(12800))
    expect(result.current.errors).toEqual({})
    expect(result.current.preview?.lines).toEqual([
      { lineId: 'tee', amount: money(9800) },
      { lineId: 'mug', amount: money(3000) },
    ])
  })

  it('reads the typed amount in integer minor units and splits it exactly across the lines', async () => {
    const { result } = setup()
    await waitFor(() => expect(result.current.order).toBeDefined())
    act(() => result.current.setAmount('12.5'))
    expect(result.current.amount).toEqual(money(1250))
    const parts = result.current.preview!.lines.map((part) => part.amount.amount)
    expect(parts.reduce((a, b) => a + b, 0)).toBe(1250)
    expect(parts.every(Number.isInteger)).toBe(true)
  })

  it.each([
    ['128.01', 'amount_too_high'],
    ['1000', 'amount_too_high'],
    ['12.345', 'amount_invalid'],
    ['abc', 'amount_invalid'],
    ['0', 'amount_zero'],
    ['-5', 'amount_zero'],
    ['', 'amount_required'],
  ])('refuses %j inline (%s) and sends nothing', async (text, error) => {
    const { result, api } = setup()
    await waitFor(() => expect(result.current.order).toBeDefined())
    act(() => {
      result.current.setAmount(text)
      result.current.setReason('quality')
    })
    expect(result.current.errors.amount).toBe(error)
    expect(result.current.amount).toBeNull()
    expect(result.current.valid).toBe(false)
    await act(async () => {
      expect(await result.current.submit()).toBeNull()
    })
    expect(api.requestRefund).not.toHaveBeenCalled()
  })

  it('bounds the amount by the chosen lines, and needs a line', async () => {
    const { result } = setup()
    await waitFor(() => expect(result.current.order).toBeDefined())
    act(() => result.current.toggleLine('tee', false))
    expect(result.current.max).toEqual(money(3000))
    expect(result.current.amountText).toBe('30.00')
    act(() => result.current.setAmount('31'))
    expect(result.current.errors.amount).toBe('amount_too_high')
    act(() => result.current.toggleLine('mug'))
    await act(async () => {
      await result.current.submit()
    })
    expect(result.current.errors.lines).toBe('lines_required')
    expect(result.current.errors.amount).toBeUndefined()
  })

  it('asks for a reason only once a submit was tried', async () => {
    const { result } = setup()
    await waitFor(() => expect(result.current.order).toBeDefined())
    expect(result.current.errors.reason).toBeUndefined()
    await act(async () => {
      await result.current.submit()
    })
    expect(result.current.errors.reason).toBe('reason_required')
  })

  it('submits the exact allocation with the reason and note through the order centre', async () => {
    const { result, api } = setup()
    await waitFor(() => expect(result.current.order).toBeDefined())
    act(() => {
      result.current.setAmount('64')
      result.current.setReason('quality')
      result.current.setNote('领口开线')
    })
    await act(async () => {
      const answer = await result.current.submit()
      expect(answer?.ok).toBe(true)
    })
    expect(api.requestRefund).toHaveBeenCalledWith(
      'R1',
      {
        lines: [
          { lineId: 'tee', amount: money(4900) },
          { lineId: 'mug', amount: money(1500) },
        ],
        amount: money(6400),
        reason: 'quality',
        note: '领口开线',
      },
      { idempotencyKey: expect.any(String) },
    )
    expect(result.current.status).toBe('done')
  })

  it('says why a submit failed, and may be sent again', async () => {
    const requestRefund = vi
      .fn()
      .mockRejectedValueOnce(new TradeKitError('NETWORK', 'offline'))
      .mockResolvedValueOnce({ ...order, status: 'refund_requested' })
    const { result } = setup(requestRefund)
    await waitFor(() => expect(result.current.order).toBeDefined())
    act(() => result.current.setReason('not_wanted'))
    await act(async () => {
      await result.current.submit()
    })
    expect(result.current.status).toBe('failed')
    expect(result.current.error?.code).toBe('NETWORK')
    // no answer, and the order read again does not show it: the merchant may have it
    expect(result.current.unconfirmed).toBe(true)
    await act(async () => {
      await result.current.submit()
    })
    expect(result.current.status).toBe('done')
    expect(result.current.unconfirmed).toBeUndefined()
    expect(requestRefund).toHaveBeenCalledTimes(2)
    // sent again, it is the same request: one key
    const [first, second] = requestRefund.mock.calls
    expect(second![2].idempotencyKey).toBe(first![2].idempotencyKey)
  })

  it('says a refused submit failed, not that it is unconfirmed', async () => {
    const requestRefund = vi.fn().mockRejectedValueOnce(new TradeKitError('ORDER_REJECTED', 'too late'))
    const { result } = setup(requestRefund)
    await waitFor(() => expect(result.current.order).toBeDefined())
    act(() => result.current.setReason('not_wanted'))
    await act(async () => {
      await result.current.submit()
    })
    expect(result.current).toMatchObject({ status: 'failed', error: { code: 'ORDER_REJECTED' } })
    expect(result.current.unconfirmed).toBeUndefined()
  })
})
