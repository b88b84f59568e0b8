/**
 * The channel's saved state kept on the team's server (`CheckoutApi.saveChannelState`): "continue to
 * pay" on another device — or after the app's storage was cleared — reuses the platform order
 * (DESIGN.md rule "never a second platform order"; Douyin's trading system: `tt.requestOrder` makes
 * the Douyin order, `tt.getOrderPayment({ orderId })` opens its cashier, per the Douyin open
 * platform docs of the general trading system).
 */
import {
  type CheckoutApi,
  createCheckout,
  douyinTradeChannel,
  memoryStorage,
  money,
  type OrderRequest,
} from '@tradekit/core'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { installGlobal, platformMethod } from './channelFakes'
import { fakeApi, manualChannel, request, settle, submitCancelled } from './checkoutFakes'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

const payment = { data: '{"skuList":[]}', byteAuthorization: 'SHA256-RSA2048 appid=tt1' }

/** A server that keeps what `saveChannelState` sends, per order. */
function serverWithStates() {
  const api = fakeApi()
  const states = new Map<string, { channel: string; state: unknown }>()
  const saveChannelState = vi.fn(
    async (orderId: string, saved: { channel: string; state: unknown }, _ctx: { signal: AbortSignal }) => {
      states.set(orderId, saved)
    },
  )
  // the Douyin payload the server signed for tt.requestOrder
  const createOrder = vi.fn(
    async (req: OrderRequest, ctx: { idempotencyKey: string; signal: AbortSignal }) => ({
      ...(await api.createOrder(req, ctx)),
      payment,
    }),
  )
  const withStates: typeof api & Required<Pick<CheckoutApi, 'saveChannelState'>> = {
    ...api,
    createOrder,
    saveChannelState,
  }
  return { api: withStates, states, saveChannelState }
}

describe('the channel state on the server', () => {
  it('reaches the server once, and another device continues the same Douyin order with it', async () => {
    const requestOrder = platformMethod({ success: { orderId: 'motb-1' } })
    // the first device: the user closes the cashier; the second device pays
    const getOrderPayment = platformMethod(
      { fail: { errNo: 4, errMsg: 'getOrderPayment:fail cancel' } },
      { success: {} },
    )
    const remove = installGlobal('tt', { requestOrder, getOrderPayment, canIUse: vi.fn(() => true) })
    try {
      const { api, states, saveChannelState } = serverWithStates()
      const phone = createCheckout({ api, channel: douyinTradeChannel(), storage: memoryStorage() })
      expect((await settle(phone.submit(request()))).status).toBe('cancelled')
      expect(requestOrder).toHaveBeenCalledTimes(1)
      expect(saveChannelState).toHaveBeenCalledTimes(1)
      expect(saveChannelState.mock.calls[0]?.slice(0, 2)).toEqual([
        'o1',
        { channel: 'douyin-trade', state: { douyinOrderId: 'motb-1' } },
      ])

      // another device (empty storage) continues from the order centre with what the server kept
      api.markPaid('o1') // what the platform's callback will tell the server once the tablet pays
      const tablet = createCheckout({ api, channel: douyinTradeChannel(), storage: memoryStorage() })
      const done = tablet.continuePayment({
        orderId: 'o1',
        amount: money(1200),
        payment,
        channelState: states.get('o1')?.state,
      })
      expect((await settle(done)).status).toBe('paid')
      expect(requestOrder).toHaveBeenCalledTimes(1) // never a second Douyin order
      expect(getOrderPayment).toHaveBeenLastCalledWith(expect.objectContaining({ orderId: 'motb-1' }))
      expect(saveChannelState).toHaveBeenCalledTimes(1) // nothing new was saved
    } finally {
      remove()
    }
  })

  it('never holds the cashier up: a server that does not answer the report changes nothing', async () => {
    const { api, saveChannelState } = serverWithStates()
    saveChannelState.mockImplementation(() => new Promise<void>(() => {}))
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const channel = manualChannel()
    const checkout = createCheckout({ api, channel, storage: memoryStorage() })
    const done = checkout.submit(request())
    await vi.advanceTimersByTimeAsync(0)
    expect(saveChannelState).toHaveBeenCalledTimes(1) // the manual channel saves { opened: 1 }
    expect(checkout.getSnapshot().status).toBe('paying')
    api.markPaid('o1')
    channel.answer({ kind: 'submitted' })
    expect((await settle(done)).status).toBe('paid')
    await vi.advanceTimersByTimeAsync(60_000) // the report times out in the background
    expect(warn).toHaveBeenCalledWith('[TradeKit] saveChannelState failed', expect.anything())
  })

  it('a failed report is only logged; the state stays in this device’s pending order', async () => {
    const { api, saveChannelState } = serverWithStates()
    saveChannelState.mockRejectedValue(new Error('HTTP 503'))
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const channel = manualChannel()
    const checkout = createCheckout({ api, channel, storage: memoryStorage() })
    expect((await submitCancelled(checkout, channel)).status).toBe('cancelled')
    expect(warn).toHaveBeenCalledWith('[TradeKit] saveChannelState failed', expect.any(Error))
    const again = checkout.retry()
    await vi.advanceTimersByTimeAsync(0)
    expect(channel.calls[1]?.state).toEqual({ opened: 1 }) // the local copy
    api.markPaid('o1')
    channel.answer({ kind: 'submitted' })
    expect((await settle(again)).status).toBe('paid')
  })

  it('an API without saveChannelState works as before', async () => {
    const api = fakeApi()
    const channel = manualChannel()
    const checkout = createCheckout({ api, channel, storage: memoryStorage() })
    const done = checkout.submit(request())
    await vi.advanceTimersByTimeAsync(0)
    api.markPaid('o1')
    channel.answer({ kind: 'submitted' })
    expect((await settle(done)).status).toBe('paid')
  })
})
