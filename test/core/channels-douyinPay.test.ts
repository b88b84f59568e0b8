/**
 * Douyin guaranteed payment (担保支付) — source: 唤起收银台
 * https://developer.open-douyin.com/docs/resource/zh-CN/mini-app/develop/server/ecpay/pay-list/tt-pay
 * `tt.pay({ orderInfo: { order_id, order_token }, service: 5 })`; success `res.code`:
 * 0 支付成功, 1 支付超时, 2 支付失败, 3 支付关闭, 4 支付取消, 9 订单状态开发者自行获取;
 * `fail` = 调起收银台失败 (the cashier did not open). "最终状态要以商户后端结果为准".
 * Also https://microapp.bytedance.com/docs/zh-CN/mini-app/develop/api/open-interface/payment/tt-pay/ :
 * "iOS 虚拟物品暂不支持使用支付功能" → supports() answers 'unavailable' for iOS virtual goods.
 * Difference from DESIGN.md: the design lists 2/3 together as failed; the docs name 3 "closed",
 * so 3 is not retryable (the order is closed) while 2 is (the user may pay the same order another way).
 */
import { douyinPayChannel, TradeKitError } from '@tradekit/core'
import { afterEach, describe, expect, it } from 'vitest'
import { installGlobal, payContext, platformMethod } from './channelFakes'

const payment = { orderInfo: { order_id: '6819903302604491021', order_token: 'CgsIARCABRgBIAQoARJO' } }
let remove = () => {}
afterEach(() => remove())

describe('douyinPayChannel', () => {
  it('calls tt.pay with service 5 and the orderInfo', async () => {
    const pay = platformMethod({ success: { code: 0 } })
    remove = installGlobal('tt', { pay })
    expect(await douyinPayChannel().pay(payment, payContext().ctx)).toEqual({ kind: 'submitted' })
    expect(pay).toHaveBeenCalledWith(expect.objectContaining({ orderInfo: payment.orderInfo, service: 5 }))
  })

  it.each([
    [0, { kind: 'submitted' }],
    ['0', { kind: 'submitted' }],
    [4, { kind: 'cancelled' }],
    ['4', { kind: 'cancelled' }],
    [2, { kind: 'failed', retryable: true, code: '2' }],
    [3, { kind: 'failed', retryable: false, code: '3' }],
    [1, { kind: 'unknown', code: '1' }],
    [9, { kind: 'unknown', code: '9' }],
    ['9', { kind: 'unknown', code: '9' }],
    [42, { kind: 'unknown', code: '42' }],
  ])('maps code %s to %j', async (code, expected) => {
    remove = installGlobal('tt', { pay: platformMethod({ success: { code } }) })
    expect(await douyinPayChannel().pay(payment, payContext().ctx)).toEqual(expected)
  })

  it('maps the fail callback (cashier not opened) to a retryable failure', async () => {
    remove = installGlobal('tt', { pay: platformMethod({ fail: { errMsg: 'pay:fail' } }) })
    expect(await douyinPayChannel().pay(payment, payContext().ctx)).toEqual({
      kind: 'failed',
      retryable: true,
      message: 'pay:fail',
    })
  })

  it('checks the payload shape before touching tt', async () => {
    const pay = platformMethod({ success: { code: 0 } })
    remove = installGlobal('tt', { pay })
    for (const bad of [undefined, { orderInfo: { order_id: 'x' } }, { order_id: 'x', order_token: 'y' }]) {
      expect(await douyinPayChannel().pay(bad, payContext().ctx)).toMatchObject({ code: 'INVALID_PAYMENT' })
    }
    expect(pay).not.toHaveBeenCalled()
  })

  it('is unavailable without tt.pay and says so as an outcome', async () => {
    expect(douyinPayChannel().isAvailable()).toBe(false)
    expect(await douyinPayChannel().pay(payment, payContext().ctx)).toMatchObject({
      kind: 'failed',
      retryable: false,
      code: 'PAYMENT_UNAVAILABLE',
    })
  })

  it('settles ABORTED at once when the callback never comes', async () => {
    remove = installGlobal('tt', { pay: platformMethod('never') })
    const { ctx, controller } = payContext()
    const paying = douyinPayChannel().pay(payment, ctx)
    controller.abort()
    await expect(paying).rejects.toBeInstanceOf(TradeKitError)
  })

  it('cannot take iOS virtual goods', () => {
    expect(douyinPayChannel().supports?.({ kind: 'virtual', os: 'ios' })).toBe('unavailable')
    expect(douyinPayChannel().supports?.({ kind: 'physical', os: 'ios' })).toBe('pay')
  })
})
