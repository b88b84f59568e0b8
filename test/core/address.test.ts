import {
  addressStorageKey,
  forgetAddress,
  formatRegion,
  isAddressComplete,
  loadRememberedAddress,
  memoryStorage,
  needsShippingAddress,
  normalizeAddress,
  rememberAddress,
  type ShippingAddress,
  validateAddress,
  zhCN,
} from '@tradekit/core'
import { describe, expect, it, vi } from 'vitest'

const hangzhou: ShippingAddress = {
  name: '张三',
  phone: '13800138000',
  region: { province: '浙江省', city: '杭州市', district: '西湖区' },
  detail: '西溪路 556 号 8 幢',
}

describe('validateAddress', () => {
  it('accepts a complete mainland address', () => {
    expect(validateAddress(hangzhou)).toEqual({})
    expect(isAddressComplete(hangzhou)).toBe(true)
  })

  it('names every missing field at once', () => {
    expect(validateAddress({})).toEqual({
      name: 'address.error.nameRequired',
      phone: 'address.error.phoneRequired',
      region: 'address.error.regionRequired',
      detail: 'address.error.detailRequired',
    })
    expect(isAddressComplete({})).toBe(false)
    expect(isAddressComplete(undefined)).toBe(false)
  })

  it('takes a mainland mobile number with spaces, dashes or +86, and refuses anything else', () => {
    for (const phone of ['138 0013 8000', '138-0013-8000', '+86 138 0013 8000', '8613800138000']) {
      expect(validateAddress({ ...hangzhou, phone }), phone).toEqual({})
    }
    for (const phone of ['1380013800', '12800138000', '020-81167888', '138001380001', 'abc']) {
      expect(validateAddress({ ...hangzhou, phone }).phone, phone).toBe('address.error.phoneInvalid')
    }
  })

  it('checks lengths in characters: name ≤ 25, detail 4–120; blank text counts as missing', () => {
    expect(validateAddress({ ...hangzhou, name: '名'.repeat(25) }).name).toBeUndefined()
    expect(validateAddress({ ...hangzhou, name: '名'.repeat(26) }).name).toBe('address.error.nameTooLong')
    expect(validateAddress({ ...hangzhou, name: '   ' }).name).toBe('address.error.nameRequired')
    expect(validateAddress({ ...hangzhou, detail: '西溪路' }).detail).toBe('address.error.detailTooShort')
    // a character outside the BMP counts once
    expect(validateAddress({ ...hangzhou, detail: '𠀀路1号' }).detail).toBeUndefined()
    expect(validateAddress({ ...hangzhou, detail: '路'.repeat(121) }).detail).toBe(
      'address.error.detailTooLong',
    )
  })

  it('needs a province and a city; a city without districts is fine', () => {
    expect(
      validateAddress({ ...hangzhou, region: { province: '浙江省', city: '', district: '西湖区' } }).region,
    ).toBe('address.error.regionRequired')
    expect(
      validateAddress({ ...hangzhou, region: { province: '广东省', city: '东莞市', district: '' } }),
    ).toEqual({})
  })

  it('checks a postal code only when one is given', () => {
    expect(validateAddress({ ...hangzhou, postalCode: '310000' })).toEqual({})
    expect(validateAddress({ ...hangzhou, postalCode: '3100' }).postalCode).toBe(
      'address.error.postalCodeInvalid',
    )
  })

  it('answers only keys the catalogue has', () => {
    const errors = validateAddress({ name: '名'.repeat(30), phone: '1', detail: 'a', postalCode: 'x' })
    for (const key of Object.values(errors)) expect(zhCN[key!], key).toBeTruthy()
  })
})

describe('normalizeAddress', () => {
  // The success result of tt.chooseAddress (Douyin: errMsg, userName, provinceName, cityName, countyName,
  // detailInfo, telNumber — developer.open-douyin.com …/open-interface/delivery-address/tt-choose-address)
  // and of wx.chooseAddress (WeChat adds postalCode, streetName, detailInfoNew, nationalCode —
  // developers.weixin.qq.com/miniprogram/dev/api/open-api/address/wx.chooseAddress.html).
  it('reads the chooseAddress result of Douyin and WeChat', () => {
    const douyin = {
      errMsg: 'chooseAddress:ok',
      userName: ' 张三 ',
      provinceName: '广东省',
      cityName: '广州市',
      countyName: '海珠区',
      detailInfo: '新港中路397号',
      telNumber: '138 0013 8000',
    }
    expect(normalizeAddress(douyin)).toEqual({
      name: '张三',
      phone: '13800138000',
      region: { province: '广东省', city: '广州市', district: '海珠区' },
      detail: '新港中路397号',
    })
    const wechat = {
      ...douyin,
      postalCode: '510000',
      streetName: '赤岗街道',
      nationalCode: '510000',
      detailInfoNew: '新港中路397号',
    }
    expect(normalizeAddress(wechat)).toEqual({ ...normalizeAddress(douyin), postalCode: '510000' })
  })

  // my.getAddress answers { resultStatus: '9000', result: { address, country, prov, city, area, street,
  // fullname, mobilePhone } }, its `address` repeating the region ("浙江省杭州市西湖区西溪路556号") —
  // opendocs.alipay.com mini/api/lymgfk (mirrored at w3cschool.cn/aliminiapp/aliminiapp-th8p3bp1.html).
  it("reads Alipay's my.getAddress answer, or its result object, without repeating the region", () => {
    const result = {
      address: '浙江省杭州市西湖区西溪路556号',
      country: '中国',
      prov: '浙江省',
      city: '杭州市',
      area: '西湖区',
      street: '',
      fullname: '张三',
      mobilePhone: '13800138000',
    }
    const expected = {
      name: '张三',
      phone: '13800138000',
      region: { province: '浙江省', city: '杭州市', district: '西湖区' },
      detail: '西溪路556号',
    }
    expect(normalizeAddress({ resultStatus: '9000', result })).toEqual(expected)
    expect(normalizeAddress(result)).toEqual(expected)
    expect(normalizeAddress({ ...result, street: '蒋村街道', address: '西溪路556号' }).detail).toBe(
      '蒋村街道西溪路556号',
    )
  })

  it('trims a typed draft and leaves out empty optional fields', () => {
    expect(
      normalizeAddress({
        name: ' 李四 ',
        phone: '139-0000-0000',
        region: { province: '北京市', city: '北京市', district: '朝阳区', code: '110105' },
        detail: ' 建国路 88 号 ',
        postalCode: '',
      }),
    ).toEqual({
      name: '李四',
      phone: '13900000000',
      region: { province: '北京市', city: '北京市', district: '朝阳区', code: '110105' },
      detail: '建国路 88 号',
    })
  })

  it('writes the region in one line without repeating a municipality', () => {
    expect(formatRegion(hangzhou)).toBe('浙江省 杭州市 西湖区')
    expect(formatRegion({ region: { province: '北京市', city: '北京市', district: '朝阳区' } })).toBe(
      '北京市 朝阳区',
    )
    expect(formatRegion({ region: { province: '广东省', city: '东莞市', district: '' } }, '')).toBe(
      '广东省东莞市',
    )
  })
})

describe('needsShippingAddress', () => {
  it('is true when any line is physical (a line without a kind is physical)', () => {
    expect(needsShippingAddress([{ kind: 'service' }, { kind: 'virtual' }])).toBe(false)
    expect(needsShippingAddress([{ kind: 'service' }, { kind: 'physical' }])).toBe(true)
    expect(needsShippingAddress([{}])).toBe(true)
    expect(needsShippingAddress([])).toBe(false)
  })
})

describe('remembered address', () => {
  it('is kept per user and namespace, and forgotten on request', async () => {
    const storage = memoryStorage()
    await rememberAddress(storage, hangzhou, { userId: 'u1' })
    expect(Object.keys(storage.dump())).toEqual(['tradekit:default:u1:address'])
    expect(await loadRememberedAddress(storage, { userId: 'u1' })).toEqual(hangzhou)
    expect(await loadRememberedAddress(storage, { userId: 'u2' })).toBeNull()
    expect(await loadRememberedAddress(storage)).toBeNull()
    expect(await loadRememberedAddress(storage, { userId: 'u1', namespace: 'shop2' })).toBeNull()
    await forgetAddress(storage, { userId: 'u1' })
    expect(await loadRememberedAddress(storage, { userId: 'u1' })).toBeNull()
  })

  it('ignores corrupt, foreign, old or incomplete records and a failing storage', async () => {
    const key = addressStorageKey({ userId: 'u1' })
    for (const raw of [
      '{',
      '""',
      'null',
      '{"v":2,"address":{}}',
      JSON.stringify({ v: 1, address: { name: '张三' } }),
    ]) {
      const storage = memoryStorage({ [key]: raw })
      expect(await loadRememberedAddress(storage, { userId: 'u1' }), raw).toBeNull()
    }
    const failing = {
      getItem: () => Promise.reject(new Error('storage gone')),
      setItem: () => undefined,
      removeItem: () => undefined,
    }
    expect(await loadRememberedAddress(failing, { userId: 'u1' })).toBeNull()
  })

  it('never waits more than 5 s for a storage that does not answer', async () => {
    vi.useFakeTimers()
    try {
      const silent = {
        getItem: () => new Promise<string | null>(() => {}),
        setItem: () => new Promise<void>(() => {}),
        removeItem: () => new Promise<void>(() => {}),
      }
      const read = loadRememberedAddress(silent, { userId: 'u1' })
      const write = rememberAddress(silent, hangzhou, { userId: 'u1' }).catch(
        (e: { code?: string }) => e.code,
      )
      const forget = forgetAddress(silent, { userId: 'u1' }).catch((e: { code?: string }) => e.code)
      await vi.advanceTimersByTimeAsync(4_999)
      let settled = false
      void Promise.race([read, write, forget]).then(() => {
        settled = true
      })
      await vi.advanceTimersByTimeAsync(0)
      expect(settled).toBe(false)
      await vi.advanceTimersByTimeAsync(1)
      expect(await read).toBeNull()
      expect(await write).toBe('STORAGE_FAILED')
      expect(await forget).toBe('STORAGE_FAILED')
    } finally {
      vi.useRealTimers()
    }
  })
})
