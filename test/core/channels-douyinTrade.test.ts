/**
 * Douyin general trading system — sources:
 * - tt.requestOrder: https://developer.open-douyin.com/docs/resource/zh-CN/mini-app/develop/api/industry/general_trade/create_order/request-order
 *   (success: { orderId, itemOrderList, logId }; fail: { errNo: string, errMsg, errLogId };
 *   errNo 10000 "参数错误" / "商品不符合行业要求", 10401 "internal error — 可重试或升级APP", 11004 签名参数错误;
 *   availability: tt.canIUse('requestOrder') once the industry SDK is configured)
 * - tt.getOrderPayment: same section (交易下单 › tt.getOrderPayment). The stored docs we could reach do
 *   not list its errNo table; we follow DESIGN.md (errNo 4 or a `cancel` errMsg → cancelled, anything
 *   else → unknown, so the server decides).
 * The page gives the canIUse key as 'requestOrder' in one version and 'createOrder' in another; either
 * answering true counts as available.
 * Difference from DESIGN.md: the docs give errNo as a string; we compare through String() either way.
 * The docs name no errNo for the iOS "cannot pay here" answer; we recognise it by its errMsg
 * (iOS + 不支持/not support) and report PAYMENT_UNAVAILABLE.
 */
import { createCheckout, douyinTradeChannel, memoryStorage, money, TradeKitError } from '@tradekit/core'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { installGlobal, payContext, platformMethod } from './channelFakes'
import { settle } from './checkoutFakes'

const payment = { data: '{"skuList":[]}', byteAuthorization: 'SHA256-RSA2048 appid=tt1,...' }
let remove = () => {}
afterEach(() => remove())

function douyin(
  requestOrder: ReturnType<typeof platformMethod>,
  getOrderPayment: ReturnType<typeof platformMethod>,
  canIUse = true,
) {
  remove = installGlobal('tt', { requestOrder, getOrderPayment, canIUse: vi.fn(() => canIUse) })
}

describe('douyinTradeChannel', () => {
  it('calls requestOrder once, saves the Douyin order id, then opens getOrderPayment', async () => {
    const log: string[] = []
    const requestOrder = platformMethod({ success: { orderId: 'motb123', itemOrderList: [] } })
    const getOrderPayment = platformMethod({ success: {} })
    requestOrder.mockImplementationOnce((o) => {
      log.push('requestOrder')
      queueMicrotask(() => o.success?.({ orderId: 'motb123' }))
    })
    getOrderPayment.mockImplementationOnce((o) => {
      log.push(`getOrderPayment ${String(o.orderId)}`)
      queueMicrotask(() => o.success?.({}))
    })
    douyin(requestOrder, getOrderPayment)
    const { ctx, saved } = payContext()
    ctx.saveState.mockImplementation(async (s) => {
      log.push('saveState')
      saved.push(s)
    })
    const outcome = await douyinTradeChannel().pay(payment, ctx)
    expect(outcome).toEqual({ kind: 'submitted' })
    expect(requestOrder).toHaveBeenCalledWith(expect.objectContaining(payment))
    expect(saved).toEqual([{ douyinOrderId: 'motb123' }])
    expect(log).toEqual(['requestOrder', 'saveState', 'getOrderPayment motb123'])
  })

  it('a retry or a resume with saved state only calls getOrderPayment', async () => {
    const requestOrder = platformMethod({ success: { orderId: 'other' } })
    const getOrderPayment = platformMethod({ success: {} })
    douyin(requestOrder, getOrderPayment)
    const { ctx } = payContext({ douyinOrderId: 'motb123' })
    expect(await douyinTradeChannel().pay(payment, ctx)).toEqual({ kind: 'submitted' })
    expect(requestOrder).not.toHaveBeenCalled()
    expect(getOrderPayment).toHaveBeenCalledWith(expect.objectContaining({ orderId: 'motb123' }))
  })

  it.each([
    [10000, false],
    ['10000', false],
    ['11004', false],
    [11004, false],
    ['10401', true],
    [10401, true],
  ])('maps requestOrder errNo %s to failed (retryable: %s)', async (errNo, retryable) => {
    const getOrderPayment = platformMethod({ success: {} })
    douyin(platformMethod({ fail: { errNo, errMsg: 'requestOrder:fail' } }), getOrderPayment)
    const { ctx } = payContext()
    expect(await douyinTradeChannel().pay(payment, ctx)).toMatchObject({
      kind: 'failed',
      retryable,
      code: String(errNo),
    })
    expect(getOrderPayment).not.toHaveBeenCalled()
    expect(ctx.saveState).not.toHaveBeenCalled()
  })

  it('reports the iOS "cannot pay here" answer as PAYMENT_UNAVAILABLE', async () => {
    douyin(
      platformMethod({ fail: { errNo: 10502, errMsg: 'requestOrder:fail iOS 暂不支持虚拟支付' } }),
      platformMethod(),
    )
    expect(await douyinTradeChannel().pay(payment, payContext().ctx)).toMatchObject({
      kind: 'failed',
      retryable: false,
      code: 'PAYMENT_UNAVAILABLE',
    })
  })

  it.each([
    [{ errNo: 4, errMsg: 'getOrderPayment:fail' }, { kind: 'cancelled' }],
    [{ errNo: '4' }, { kind: 'cancelled' }],
    [{ errNo: 1, errMsg: 'getOrderPayment:fail cancel' }, { kind: 'cancelled' }],
    [
      { errNo: 3, errMsg: 'getOrderPayment:fail' },
      { kind: 'unknown', code: '3' },
    ],
    [{ errMsg: 'getOrderPayment:fail timeout' }, { kind: 'unknown' }],
  ])('maps getOrderPayment fail %j to %j', async (res, expected) => {
    douyin(platformMethod({ success: { orderId: 'motb1' } }), platformMethod({ fail: res }))
    expect(await douyinTradeChannel().pay(payment, payContext().ctx)).toEqual(expected)
  })

  it('checks the payload before touching the platform', async () => {
    const requestOrder = platformMethod()
    douyin(requestOrder, platformMethod())
    for (const bad of [null, {}, { data: 'x' }, { data: 1, byteAuthorization: 'y' }, { orderInfo: {} }]) {
      expect(await douyinTradeChannel().pay(bad, payContext().ctx)).toEqual({
        kind: 'failed',
        retryable: false,
        code: 'INVALID_PAYMENT',
      })
    }
    expect(requestOrder).not.toHaveBeenCalled()
  })

  it('feature-detects: missing methods or canIUse false make it unavailable, never a throw', async () => {
    expect(douyinTradeChannel().isAvailable()).toBe(false)
    expect(await douyinTradeChannel().pay(payment, payContext().ctx)).toMatchObject({
      kind: 'failed',
      code: 'PAYMENT_UNAVAILABLE',
    })
    douyin(platformMethod(), platformMethod(), false)
    expect(douyinTradeChannel().isAvailable()).toBe(false)
    remove()
    remove = installGlobal('tt', { requestOrder: {}, getOrderPayment: platformMethod() })
    expect(douyinTradeChannel().isAvailable()).toBe(false)
  })

  it("accepts either canIUse key the docs name ('requestOrder' or 'createOrder')", () => {
    remove = installGlobal('tt', {
      requestOrder: platformMethod(),
      getOrderPayment: platformMethod(),
      canIUse: vi.fn((name: string) => name === 'createOrder'),
    })
    expect(douyinTradeChannel().isAvailable()).toBe(true)
  })

  it('a synchronous platform throw is a failure, not a rejection', async () => {
    douyin(platformMethod('throw'), platformMethod())
    expect(await douyinTradeChannel().pay(payment, payContext().ctx)).toMatchObject({
      kind: 'failed',
      retryable: true,
    })
  })

  it('settles at once with ABORTED when a callback never comes, and ignores the late one', async () => {
    const getOrderPayment = platformMethod('never')
    douyin(platformMethod({ success: { orderId: 'motb1' } }), getOrderPayment)
    const { ctx, controller } = payContext()
    const paying = douyinTradeChannel().pay(payment, ctx)
    await vi.waitFor(() => expect(getOrderPayment).toHaveBeenCalled())
    controller.abort()
    await expect(paying).rejects.toSatisfy((e) => e instanceof TradeKitError && e.code === 'ABORTED')
    expect(() => getOrderPayment.late[0]?.success?.({})).not.toThrow()
  })

  it('routes iOS virtual goods to IM and pays everything else', () => {
    const channel = douyinTradeChannel()
    expect(channel.supports?.({ kind: 'virtual', os: 'ios' })).toBe('im')
    expect(channel.supports?.({ kind: 'virtual', os: 'android' })).toBe('pay')
    expect(channel.supports?.({ kind: 'service', os: 'ios' })).toBe('pay')
    expect(channel.id).toBe('douyin-trade')
  })
})

describe('douyinTradeChannel in a checkout', () => {
  it('never makes a second Douyin order across a retry and a relaunch', async () => {
    vi.useFakeTimers()
    try {
      const requestOrder = platformMethod({ success: { orderId: 'motb777' } })
      const getOrderPayment = platformMethod({ fail: { errNo: 4, errMsg: 'getOrderPayment:fail cancel' } })
      douyin(requestOrder, getOrderPayment)
      const api = {
        createOrder: vi.fn(async () => ({ orderId: 'o1', amount: money(990), payment })),
        getOrderStatus: vi.fn(async () => 'pending' as const),
      }
      const storage = memoryStorage()
      const first = createCheckout({ api, channel: douyinTradeChannel(), storage })
      const cancelled = first.submit({ lines: [{ skuId: 'vip', quantity: 1 }], expectedPayable: money(990) })
      expect((await settle(cancelled)).status).toBe('cancelled')
      expect((await settle(first.retry())).status).toBe('cancelled')
      first.dispose()
      const second = createCheckout({ api, channel: douyinTradeChannel(), storage })
      expect((await settle(second.resume())).retry).toBe('same-order')
      await settle(second.retry())
      expect(requestOrder).toHaveBeenCalledTimes(1)
      expect(getOrderPayment).toHaveBeenCalledTimes(3)
      expect(getOrderPayment.mock.calls.map(([o]) => o.orderId)).toEqual(['motb777', 'motb777', 'motb777'])
      expect(api.createOrder).toHaveBeenCalledTimes(1)
    } finally {
      vi.useRealTimers()
    }
  })
})
