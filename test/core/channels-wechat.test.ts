/**
 * WeChat Pay — source: wx.requestPayment
 * https://developers.weixin.qq.com/miniprogram/dev/api/payment/wx.requestPayment.html
 * Parameters timeStamp, nonceStr, package (prepay_id=…), signType (optional, MD5 | HMAC-SHA256 | RSA),
 * paySign. Callbacks: success errMsg "requestPayment:ok"; fail "requestPayment:fail cancel" (user
 * cancelled); fail "requestPayment:fail (detail message)". Bug & Tip (older docs, e.g.
 * https://w3cschool.cn/weixinapp/uvq81qdh.html): on 6.5.2 and earlier a cancel only reaches
 * `complete`, with errMsg "requestPayment:cancel" — handled.
 * Difference from DESIGN.md: none in the codes. WeChat requires timeStamp as a string (a number makes
 * "parameter.timeStamp should be String"); the channel accepts a number from the server and sends a string.
 */
import { TradeKitError, wechatChannel } from '@tradekit/core'
import { afterEach, describe, expect, it } from 'vitest'
import { installGlobal, payContext, platformMethod } from './channelFakes'

const payment = {
  timeStamp: '1583920537',
  nonceStr: 'TQ8xHiGMOI0LZpgqWSnKmRF5dcBtlXV2',
  package: 'prepay_id=wx1117553727773048a8faef8c1239081900',
  signType: 'RSA',
  paySign: 'DlrCAGTfZ4mF4F',
}
let remove = () => {}
afterEach(() => remove())

describe('wechatChannel', () => {
  it('maps requestPayment:ok to submitted and sends exactly the signed fields', async () => {
    const requestPayment = platformMethod({ success: { errMsg: 'requestPayment:ok' } })
    remove = installGlobal('wx', { requestPayment })
    expect(await wechatChannel().pay({ ...payment, timeStamp: 1583920537 }, payContext().ctx)).toEqual({
      kind: 'submitted',
    })
    expect(requestPayment).toHaveBeenCalledWith(
      expect.objectContaining({ ...payment, timeStamp: '1583920537' }),
    )
  })

  it('maps "requestPayment:fail cancel" to cancelled', async () => {
    remove = installGlobal('wx', {
      requestPayment: platformMethod({ fail: { errMsg: 'requestPayment:fail cancel' } }),
    })
    expect(await wechatChannel().pay(payment, payContext().ctx)).toEqual({ kind: 'cancelled' })
  })

  it('maps the old clients\' complete-only "requestPayment:cancel" to cancelled', async () => {
    remove = installGlobal('wx', {
      requestPayment: platformMethod({ complete: { errMsg: 'requestPayment:cancel' } }),
    })
    expect(await wechatChannel().pay(payment, payContext().ctx)).toEqual({ kind: 'cancelled' })
  })

  it('maps other fails to failed: parameter errors are not retryable', async () => {
    remove = installGlobal('wx', {
      requestPayment: platformMethod(
        { fail: { errMsg: 'requestPayment:fail 系统繁忙' } },
        { fail: { errMsg: 'requestPayment:fail parameter error: parameter.package should be String' } },
      ),
    })
    expect(await wechatChannel().pay(payment, payContext().ctx)).toMatchObject({
      kind: 'failed',
      retryable: true,
    })
    expect(await wechatChannel().pay(payment, payContext().ctx)).toMatchObject({
      kind: 'failed',
      retryable: false,
    })
  })

  it('checks the payload before touching wx', async () => {
    const requestPayment = platformMethod({ success: {} })
    remove = installGlobal('wx', { requestPayment })
    expect(await wechatChannel().pay({ ...payment, paySign: undefined }, payContext().ctx)).toMatchObject({
      code: 'INVALID_PAYMENT',
    })
    expect(requestPayment).not.toHaveBeenCalled()
  })

  it('is unavailable without wx.requestPayment, and settles ABORTED at once on abort', async () => {
    expect(wechatChannel().isAvailable()).toBe(false)
    expect(await wechatChannel().pay(payment, payContext().ctx)).toMatchObject({
      code: 'PAYMENT_UNAVAILABLE',
    })
    remove = installGlobal('wx', { requestPayment: platformMethod('never') })
    const { ctx, controller } = payContext()
    const paying = wechatChannel().pay(payment, ctx)
    controller.abort()
    await expect(paying).rejects.toBeInstanceOf(TradeKitError)
  })

  it('offers no virtual-goods payment on iOS', () => {
    expect(wechatChannel().supports?.({ kind: 'virtual', os: 'ios' })).toBe('unavailable')
    expect(wechatChannel().supports?.({ kind: 'virtual', os: 'android' })).toBe('pay')
  })
})
