import { act, render, renderHook, waitFor } from '@testing-library/react'
import {
  type CartItem,
  type Coupon,
  createCart,
  memoryStorage,
  money,
  type PaymentChannel,
  type PricingFee,
  type SandboxStep,
  sandboxChannel,
} from '@tradekit/core'
import {
  type CheckoutForm,
  type CheckoutFormLine,
  TradeProvider,
  type UseCheckoutFormOptions,
  useCheckoutForm,
} from '@tradekit/react'
import { type ReactNode, StrictMode } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { createMemoryApi } from '../../stories/fixtures/memoryApi'

const FAST = { createRetryDelaysMs: [5], pollDelaysMs: [10], confirmBudgetMs: 300, payTimeoutMs: 2000 }

const tea: CartItem = { skuId: 'tea', title: '红茶礼盒', price: money(6800), kind: 'physical' }
const mug: CartItem = { skuId: 'mug', title: '马克杯', price: money(3900), kind: 'physical' }
const gone: CartItem = { skuId: 'gone', title: '售罄商品', price: money(1000), status: 'sold_out' }
const consult: CheckoutFormLine = {
  lineId: 'consult',
  skuId: 'consult',
  title: '30 分钟法律咨询',
  price: money(19900),
  kind: 'service',
  quantity: 1,
}

const coupons: readonly Coupon[] = [
  { id: 'MINUS5', title: '立减 5 元', kind: 'amount', amountOff: money(500) },
  {
    id: 'FULL100MINUS20',
    title: '满 100 减 20',
    kind: 'threshold',
    threshold: money(10000),
    amountOff: money(2000),
  },
]
const fees: readonly PricingFee[] = [{ id: 'delivery', amount: money(800), freeFrom: money(19900) }]

function setup({
  script = { outcome: 'success', delayMs: 5 },
  fill = (cart) => {
    cart.add(tea, 2)
    cart.add(mug)
    cart.select('mug', false)
  },
  channels,
  strict = false,
}: {
  script?: SandboxStep | SandboxStep[]
  fill?: (cart: ReturnType<typeof createCart>) => void
  channels?: (notify: (orderId: string) => void) => readonly PaymentChannel[]
  strict?: boolean
} = {}) {
  const merchant = createMemoryApi({
    catalog: {
      tea: { price: money(6800) },
      mug: { price: money(3900) },
      consult: { price: money(19900) },
    },
    coupons,
    fees,
  })
  const cart = createCart()
  fill(cart)
  const cashiers = channels?.(merchant.markPaid) ?? [sandboxChannel(script, { notify: merchant.markPaid })]
  const storage = memoryStorage()
  const wrapper = ({ children }: { children: ReactNode }) => {
    const tree = (
      <TradeProvider cart={cart} api={merchant.api} channels={cashiers} storage={storage} timing={FAST}>
        {children}
      </TradeProvider>
    )
    return strict ? <StrictMode>{tree}</StrictMode> : tree
  }
  return { merchant, cart, wrapper }
}

const requests = (merchant: ReturnType<typeof createMemoryApi>) =>
  [...merchant.orders.values()].map((order) => order.request)

describe.each([
  ['plain', false],
  ['StrictMode', true],
])('useCheckoutForm (%s)', (_name, strict) => {
  it('orders the selected cart lines with the best coupon and the fees, for the total on screen', async () => {
    const { merchant, wrapper } = setup({ strict })
    const onPaid = vi.fn()
    const { result } = renderHook(() => useCheckoutForm({ coupons, fees, onPaid }), { wrapper })
    const form = result.current
    expect(form.lines.map((line) => [line.skuId, line.quantity])).toEqual([['tea', 2]])
    expect(form.kind).toBe('physical')
    expect(form.purchaseMode).toBe('buy')
    expect(form.couponId).toBe('FULL100MINUS20')
    expect(form.bestCouponId).toBe('FULL100MINUS20')
    expect(form.coupons.map((c) => c.coupon.id)).toEqual(['MINUS5', 'FULL100MINUS20'])
    // 2 × 68 − 20 + 8 delivery (below 199)
    expect(form.payable).toEqual(money(12400))
    expect(form.quote.payable).toEqual(money(12400))
    expect(form.channel).toBe('sandbox')
    expect(form.needsContact).toBe(false)
    expect(form.disabledReason).toBeNull()

    await act(async () => {
      await result.current.submit()
    })
    await waitFor(() => expect(result.current.checkout.status).toBe('paid'))
    expect(requests(merchant)).toEqual([
      {
        lines: [{ skuId: 'tea', quantity: 2 }],
        coupon: 'FULL100MINUS20',
        channel: 'sandbox',
        expectedPayable: money(12400),
      },
    ])
    expect(onPaid).toHaveBeenCalledTimes(1)
    expect(onPaid).toHaveBeenCalledWith(expect.objectContaining({ amount: money(12400) }))
  })

  it('takes the coupon the user picks, or none', async () => {
    const { merchant, wrapper } = setup({ strict })
    const { result } = renderHook(() => useCheckoutForm({ coupons, fees }), { wrapper })
    act(() => result.current.setCoupon('MINUS5'))
    expect(result.current.couponId).toBe('MINUS5')
    expect(result.current.payable).toEqual(money(13900))
    act(() => result.current.setCoupon(null))
    expect(result.current.couponId).toBeNull()
    expect(result.current.bestCouponId).toBe('FULL100MINUS20')
    expect(result.current.payable).toEqual(money(14400))
    await act(async () => {
      await result.current.submit()
    })
    await waitFor(() => expect(result.current.checkout.status).toBe('paid'))
    expect(requests(merchant)[0]).not.toHaveProperty('coupon')
    expect(requests(merchant)[0]?.expectedPayable).toEqual(money(14400))
  })

  it('buys given lines (buy now) without the cart; a service waits for a valid contact, then sends it cleaned', async () => {
    const { merchant, cart, wrapper } = setup({ strict })
    const lines = [consult]
    const { result } = renderHook(() => useCheckoutForm({ lines, requireName: true }), { wrapper })
    expect(result.current.lines).toEqual([consult])
    expect(result.current.kind).toBe('service')
    expect(result.current.needsContact).toBe(true)
    expect(result.current.disabledReason).toBe('contact')
    expect(result.current.contactErrors).toEqual({
      name: 'contact.error.nameRequired',
      phone: 'contact.error.phoneRequired',
    })
    expect(result.current.showContactErrors).toBe(false)

    await act(async () => {
      await result.current.submit()
    })
    expect(merchant.calls.createOrder).toBe(0)
    expect(result.current.showContactErrors).toBe(true)
    expect(result.current.checkout.status).toBe('idle')

    act(() => result.current.setContact({ name: ' 王女士 ', phone: '138 0000 0000' }))
    act(() => result.current.setContact((was) => ({ ...was, note: ' 租房合同押金 ' })))
    expect(result.current.contactErrors).toEqual({})
    expect(result.current.disabledReason).toBeNull()
    await act(async () => {
      await result.current.submit()
    })
    await waitFor(() => expect(result.current.checkout.status).toBe('paid'))
    expect(requests(merchant)).toEqual([
      {
        lines: [{ skuId: 'consult', quantity: 1 }],
        contact: { name: '王女士', phone: '13800000000', note: '租房合同押金' },
        channel: 'sandbox',
        expectedPayable: money(19900),
      },
    ])
    expect(
      cart
        .getSnapshot()
        .lines.map((line) => line.skuId)
        .sort(),
    ).toEqual(['mug', 'tea'])
  })

  it('shows a changed price against the total agreed to, and pays the new one in a new attempt once accepted', async () => {
    const { merchant, wrapper } = setup({ strict })
    const { result } = renderHook(() => useCheckoutForm({ fees }), { wrapper })
    expect(result.current.payable).toEqual(money(14400))
    merchant.setPrice('tea', money(7300))
    await act(async () => {
      await result.current.submit()
    })
    expect(result.current.checkout.status).toBe('failed')
    expect(result.current.priceChange).toMatchObject({ previous: money(14400), next: money(15400) })
    expect(merchant.orders.size).toBe(0)

    await act(async () => {
      await result.current.acceptPrice()
    })
    await waitFor(() => expect(result.current.checkout.status).toBe('paid'))
    expect(result.current.priceChange).toBeNull()
    expect(result.current.payable).toEqual(money(15400))
    expect(result.current.quote.payable).toEqual(money(15400))
    expect(result.current.checkout.attempt).toBe(2)
    expect(requests(merchant).map((request) => request.expectedPayable)).toEqual([money(15400)])
  })

  it('is busy while the payment moves: a second submit returns the running attempt', async () => {
    const { merchant, wrapper } = setup({ strict, script: { outcome: 'hang' } })
    const { result } = renderHook(() => useCheckoutForm({ fees }), { wrapper })
    act(() => {
      void result.current.submit()
    })
    await waitFor(() => expect(result.current.checkout.status).toBe('paying'))
    expect(result.current.busy).toBe(true)
    expect(result.current.disabledReason).toBe('busy')
    act(() => {
      void result.current.submit()
    })
    expect(merchant.calls.createOrder).toBe(1)
    await act(async () => {
      await result.current.checkout.cancel()
    })
    expect(result.current.busy).toBe(false)
  })
})

describe('useCheckoutForm', () => {
  it('has nothing to order when no line can be bought (unselected or sold out)', async () => {
    const { merchant, wrapper } = setup({
      fill: (cart) => {
        cart.add(gone)
        cart.add(mug)
        cart.select('mug', false)
      },
    })
    const { result } = renderHook(() => useCheckoutForm(), { wrapper })
    expect(result.current.lines).toEqual([])
    expect(result.current.disabledReason).toBe('empty')
    await act(async () => {
      await result.current.submit()
    })
    expect(merchant.calls.createOrder).toBe(0)
  })

  it('chooses the first cashier that can take the purchase, keeps the pick while it can, and says when none can', () => {
    const onlyGoods = (id: string, notify: (orderId: string) => void): PaymentChannel => ({
      ...sandboxChannel(undefined, { notify }),
      id,
      supports: ({ kind }) => (kind === 'physical' ? 'pay' : 'unavailable'),
    })
    const { wrapper } = setup({
      channels: (notify) => [onlyGoods('goods-a', notify), sandboxChannel(undefined, { notify })],
    })
    const { result, rerender } = renderHook((options: UseCheckoutFormOptions) => useCheckoutForm(options), {
      wrapper,
      initialProps: {},
    })
    expect(result.current.channels.map((c) => c.id)).toEqual(['goods-a', 'sandbox'])
    expect(result.current.channel).toBe('goods-a')
    act(() => result.current.setChannel('sandbox'))
    expect(result.current.channel).toBe('sandbox')
    act(() => result.current.setChannel('goods-a'))
    const lines = [{ ...consult, kind: 'virtual' as const }]
    rerender({ lines })
    expect(result.current.kind).toBe('virtual')
    expect(result.current.channel).toBe('sandbox')

    const { wrapper: goodsOnly } = setup({ channels: (notify) => [onlyGoods('goods-a', notify)] })
    const none = renderHook(() => useCheckoutForm({ lines, requireContact: false }), { wrapper: goodsOnly })
    expect(none.result.current.channel).toBeUndefined()
    expect(none.result.current.disabledReason).toBe('method')
  })

  it('does not report a payment that was already paid when the form mounted', async () => {
    const { wrapper } = setup()
    const seen: { current?: CheckoutForm } = {}
    const onPaid = vi.fn()
    function First() {
      seen.current = useCheckoutForm({ fees })
      return null
    }
    function Second() {
      useCheckoutForm({ fees, onPaid })
      return null
    }
    const Wrapper = wrapper
    const view = render(
      <Wrapper>
        <First />
      </Wrapper>,
    )
    await act(async () => {
      await seen.current?.submit()
    })
    await waitFor(() => expect(seen.current?.checkout.status).toBe('paid'))
    view.rerender(
      <Wrapper>
        <First />
        <Second />
      </Wrapper>,
    )
    await act(async () => {})
    expect(onPaid).not.toHaveBeenCalled()
  })
})
