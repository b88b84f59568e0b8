/**
 * Alipay — source: my.tradePay
 * https://miniprogram.alipay.com/docs-alipayconnect/miniprogram_alipayconnect/mpdev/api_openapi_tradepay
 * (resultCode: 9000 payment successful, 8000 trade processing, 4000 payment failed, 6001 user
 * cancelled, 6002 network exception, 6004 unknown pay result, may be success), and the Chinese API
 * page (支付宝小程序 my.tradePay, https://w3cschool.cn/aliminiapp/aliminiapp-6enp3boy.html), which asks
 * merchants to settle 9000/8000/6004 through their server.
 * Difference from DESIGN.md: the design's code 4 (no permission) is not in the English table we
 * could read; it is kept as a non-retryable failure. Unlisted codes map to unknown (the server decides),
 * never to failed.
 */
import { alipayChannel, TradeKitError } from '@tradekit/core'
import { afterEach, describe, expect, it } from 'vitest'
import { installGlobal, payContext, platformMethod } from './channelFakes'

const payment = { tradeNO: '201711152100110410533667792' }
let remove = () => {}
afterEach(() => remove())

describe('alipayChannel', () => {
  it.each([
    ['9000', { kind: 'submitted' }],
    [9000, { kind: 'submitted' }],
    ['8000', { kind: 'unknown', code: '8000' }],
    ['6004', { kind: 'unknown', code: '6004' }],
    ['6001', { kind: 'cancelled' }],
    [6001, { kind: 'cancelled' }],
    ['6002', { kind: 'failed', retryable: true, code: '6002' }],
    ['4000', { kind: 'failed', retryable: false, code: '4000' }],
    [4, { kind: 'failed', retryable: false, code: '4' }],
    ['99', { kind: 'unknown', code: '99' }],
  ])('maps resultCode %s to %j', async (resultCode, expected) => {
    const tradePay = platformMethod({ success: { resultCode } })
    remove = installGlobal('my', { tradePay })
    expect(await alipayChannel().pay(payment, payContext().ctx)).toEqual(expected)
    expect(tradePay).toHaveBeenCalledWith(expect.objectContaining({ tradeNO: payment.tradeNO }))
  })

  it('reads a result code from the fail callback too, and a bare fail is a retryable failure', async () => {
    remove = installGlobal('my', {
      tradePay: platformMethod({ fail: { resultCode: '6001' } }, { fail: { errorMessage: 'not opened' } }),
    })
    expect(await alipayChannel().pay(payment, payContext().ctx)).toEqual({ kind: 'cancelled' })
    expect(await alipayChannel().pay(payment, payContext().ctx)).toEqual({
      kind: 'failed',
      retryable: true,
      message: 'not opened',
    })
  })

  it('checks the payload, feature-detects, and settles ABORTED on abort', async () => {
    expect(alipayChannel().isAvailable()).toBe(false)
    expect(await alipayChannel().pay(payment, payContext().ctx)).toMatchObject({
      code: 'PAYMENT_UNAVAILABLE',
    })
    const tradePay = platformMethod('never')
    remove = installGlobal('my', { tradePay })
    expect(await alipayChannel().pay({ tradeNo: 'x' }, payContext().ctx)).toMatchObject({
      code: 'INVALID_PAYMENT',
    })
    expect(tradePay).not.toHaveBeenCalled()
    const { ctx, controller } = payContext()
    const paying = alipayChannel().pay(payment, ctx)
    controller.abort()
    await expect(paying).rejects.toBeInstanceOf(TradeKitError)
  })
})
