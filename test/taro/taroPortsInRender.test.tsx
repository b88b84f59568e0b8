import { act, fireEvent, render, screen } from '@testing-library/react'
import type { CheckoutApi, PaymentChannel, PayOutcome } from '@tradekit/core'
import { TradeProvider } from '@tradekit/react'
import { taroLifecycle, taroStorage } from '@tradekit/taro'
import { useState } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { PayButton } from './PayButton'

// The ports as the docs write them, inside a render: `<TradeProvider storage={taroStorage()} …>`.
// A checkout and a cart are kept per storage, so a port that were a new object on every render would
// make a new checkout whenever the app renders again — dropping a payment whose cashier is open.

afterEach(() => localStorage.clear())

const FAST = { pollDelaysMs: [10, 20] }

describe('taroStorage in a render', () => {
  it('is the same port for the same options', () => {
    const onError = vi.fn()
    expect(taroStorage()).toBe(taroStorage())
    expect(taroStorage({})).toBe(taroStorage())
    expect(taroStorage({ onError })).toBe(taroStorage({ onError }))
    expect(taroStorage({ onError })).not.toBe(taroStorage())
    expect(taroStorage({ onError })).not.toBe(taroStorage({ onError: vi.fn() }))
  })

  it('keeps the checkout of a provider whose app renders again while the cashier is open', async () => {
    // the server has the order pending until the user pays at the cashier
    const cashier: { answer?: (outcome: PayOutcome) => void; aborted: boolean; paid: boolean } = {
      aborted: false,
      paid: false,
    }
    const api: CheckoutApi = {
      createOrder: async (request) => ({ orderId: 'o1', amount: request.expectedPayable, payment: {} }),
      getOrderStatus: async () => (cashier.paid ? 'paid' : 'pending'),
    }
    const channel: PaymentChannel = {
      id: 'cashier',
      isAvailable: () => true,
      pay: (_payment, { signal }) =>
        new Promise<PayOutcome>((resolve) => {
          cashier.answer = resolve
          signal.addEventListener('abort', () => {
            cashier.aborted = true
          })
        }),
    }

    function App() {
      const [renders, setRenders] = useState(0)
      return (
        <TradeProvider
          api={api}
          channel={channel}
          storage={taroStorage()}
          lifecycle={taroLifecycle()}
          timing={FAST}
        >
          <PayButton skuId="tea" amount={4800} name={(status) => `pay (${status})`} />
          <button type="button" onClick={() => setRenders(renders + 1)}>
            {`render again (${renders})`}
          </button>
        </TradeProvider>
      )
    }

    render(<App />)
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'pay (idle)' }))
      await new Promise((resolve) => setTimeout(resolve, 20))
    })
    expect(screen.getByRole('button', { name: 'pay (paying)' })).toBeInTheDocument()
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'render again (0)' }))
      await new Promise((resolve) => setTimeout(resolve, 20))
    })
    // the same checkout: still paying, its cashier not aborted
    expect(screen.getByRole('button', { name: 'pay (paying)' })).toBeInTheDocument()
    expect(cashier.aborted).toBe(false)
    await act(async () => {
      cashier.paid = true
      cashier.answer?.({ kind: 'submitted' })
      await new Promise((resolve) => setTimeout(resolve, 50))
    })
    expect(screen.getByRole('button', { name: 'pay (paid)' })).toBeInTheDocument()
  })
})
