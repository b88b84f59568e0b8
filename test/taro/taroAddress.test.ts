import { taroAddress } from '@tradekit/taro'
import { afterEach, describe, expect, it, vi } from 'vitest'

// A fake of the platform's chooseAddress behind Taro's named export (what taroAddress calls on
// Douyin and WeChat); the rest of Taro stays the real H5 build.
const platform = vi.hoisted(() => ({ chooseAddress: vi.fn() }))
vi.mock('@tarojs/taro', async (importOriginal) => {
  const taro = await importOriginal<Record<string, unknown>>()
  return { ...taro, chooseAddress: platform.chooseAddress }
})

afterEach(() => {
  platform.chooseAddress.mockReset()
  delete (globalThis as { my?: unknown }).my
})

// tt.chooseAddress success: errMsg, userName, provinceName, cityName, countyName, detailInfo, telNumber
// (developer.open-douyin.com/docs/resource/zh-CN/mini-app/develop/api/open-interface/delivery-address/tt-choose-address);
// wx.chooseAddress adds postalCode, nationalCode, streetName, detailInfoNew
// (developers.weixin.qq.com/miniprogram/dev/api/open-api/address/wx.chooseAddress.html).
const chosen = {
  errMsg: 'chooseAddress:ok',
  userName: '张三',
  telNumber: '13800138000',
  provinceName: '广东省',
  cityName: '广州市',
  countyName: '海珠区',
  detailInfo: '新港中路397号',
  postalCode: '510000',
}

describe('taroAddress on Douyin and WeChat (chooseAddress)', () => {
  it.each(['tt', 'weapp'])('answers the chosen address, normalised (%s)', async (env) => {
    platform.chooseAddress.mockResolvedValue(chosen)
    await expect(taroAddress({ env }).choose()).resolves.toEqual({
      kind: 'chosen',
      address: {
        name: '张三',
        phone: '13800138000',
        region: { province: '广东省', city: '广州市', district: '海珠区' },
        detail: '新港中路397号',
        postalCode: '510000',
      },
    })
    expect(platform.chooseAddress).toHaveBeenCalledTimes(1)
  })

  // The errMsgs as the platforms send them: Douyin's cancel is "chooseAddress:fail cancel" (errorCode
  // 103995); WeChat reports a refusal as "fail auth deny" (iOS, the first time), "fail:auth denied"
  // (Android) or "fail authorize no response" (after an earlier refusal), and a closed picker as
  // "fail auth cancel" — developers.weixin.qq.com/community/develop/doc/0004008fe787583fa889dbb2056c00.
  it.each([
    [{ errMsg: 'chooseAddress:fail cancel', errorCode: 103995 }, 'cancelled'],
    [{ errMsg: 'chooseAddress:fail auth cancel' }, 'cancelled'],
    [{ errMsg: 'chooseAddress:fail auth deny' }, 'denied'],
    [{ errMsg: 'chooseAddress:fail:auth denied' }, 'denied'],
    [{ errMsg: 'chooseAddress:fail authorize no response' }, 'denied'],
    [{ errMsg: 'chooseAddress:fail api scope is not declared in the privacy agreement' }, 'denied'],
    [{ errMsg: 'chooseAddress:fail system error' }, 'unavailable'],
    [new Error('chooseAddress is not supported'), 'unavailable'],
  ])('maps the failure %j to %s, never throwing', async (failure, kind) => {
    platform.chooseAddress.mockRejectedValue(failure)
    await expect(taroAddress({ env: 'tt' }).choose()).resolves.toEqual({ kind })
  })
})

describe('taroAddress on Alipay (my.getAddress)', () => {
  // my.getAddress: success { resultStatus: '9000', result: { address, country, prov, city, area, street,
  // fullname, mobilePhone } }, a cancel { result: '', resultStatus: '6001' }, a refusal to fail as
  // { error: 4, errorMessage: '无权调用该接口' } — opendocs.alipay.com/mini/api/lymgfk (mirrored at
  // w3cschool.cn/aliminiapp/aliminiapp-th8p3bp1.html).
  type Callbacks = { success(res: unknown): void; fail(res: unknown): void }
  function fakeMy(answer: (callbacks: Callbacks) => void) {
    const getAddress = vi.fn(answer)
    Object.assign(globalThis, { my: { getAddress } })
    return getAddress
  }

  it('answers the chosen address without repeating the region in the detail', async () => {
    const getAddress = fakeMy(({ success }) =>
      success({
        resultStatus: '9000',
        result: {
          address: '浙江省杭州市西湖区西溪路556号',
          country: '中国',
          prov: '浙江省',
          city: '杭州市',
          area: '西湖区',
          street: '',
          fullname: '张三',
          mobilePhone: '13800138000',
        },
      }),
    )
    await expect(taroAddress({ env: 'alipay' }).choose()).resolves.toEqual({
      kind: 'chosen',
      address: {
        name: '张三',
        phone: '13800138000',
        region: { province: '浙江省', city: '杭州市', district: '西湖区' },
        detail: '西溪路556号',
      },
    })
    expect(getAddress).toHaveBeenCalledTimes(1)
    expect(platform.chooseAddress).not.toHaveBeenCalled()
  })

  it('answers cancelled for 6001, denied for a refusal, unavailable otherwise', async () => {
    fakeMy(({ success }) => success({ result: '', resultStatus: '6001' }))
    await expect(taroAddress({ env: 'alipay' }).choose()).resolves.toEqual({ kind: 'cancelled' })
    fakeMy(({ fail }) => fail({ error: 4, errorMessage: '无权调用该接口' }))
    await expect(taroAddress({ env: 'alipay' }).choose()).resolves.toEqual({ kind: 'denied' })
    fakeMy(({ fail }) => fail({ error: 2001, errorMessage: '用户拒绝授权' }))
    await expect(taroAddress({ env: 'alipay' }).choose()).resolves.toEqual({ kind: 'denied' })
    fakeMy(({ fail }) => fail({ error: 3, errorMessage: '未知错误' }))
    await expect(taroAddress({ env: 'alipay' }).choose()).resolves.toEqual({ kind: 'unavailable' })
    fakeMy(() => {
      throw new TypeError('getAddress is not a function here')
    })
    await expect(taroAddress({ env: 'alipay' }).choose()).resolves.toEqual({ kind: 'unavailable' })
  })

  it('answers unavailable when the client has no my.getAddress', async () => {
    await expect(taroAddress({ env: 'alipay' }).choose()).resolves.toEqual({ kind: 'unavailable' })
  })
})

describe('taroAddress on H5 and unknown platforms', () => {
  it('answers unavailable without touching any platform API', async () => {
    await expect(taroAddress().choose()).resolves.toEqual({ kind: 'unavailable' })
    await expect(taroAddress({ env: 'h5' }).choose()).resolves.toEqual({ kind: 'unavailable' })
    await expect(taroAddress({ env: 'rn' }).choose()).resolves.toEqual({ kind: 'unavailable' })
    expect(platform.chooseAddress).not.toHaveBeenCalled()
  })
})
