import type { AddressDraft, ShippingAddress } from './types'
import { normalizeAddressPhone } from './validateAddress'

/**
 * What `chooseAddress` hands to its success callback on Douyin (`tt.chooseAddress`) and WeChat
 * (`wx.chooseAddress`); WeChat adds `postalCode`, `streetName`, `detailInfoNew` and `nationalCode`.
 */
export interface ChooseAddressResult {
  readonly userName?: string
  readonly telNumber?: string
  readonly provinceName?: string
  readonly cityName?: string
  readonly countyName?: string
  readonly streetName?: string
  readonly detailInfo?: string
  readonly detailInfoNew?: string
  readonly postalCode?: string
  readonly nationalCode?: string
  readonly errMsg?: string
}

/** The `result` object of Alipay's `my.getAddress` (its `address` may repeat province, city and area). */
export interface AlipayAddressResult {
  readonly fullname?: string
  readonly mobilePhone?: string
  readonly country?: string
  readonly prov?: string
  readonly city?: string
  readonly area?: string
  readonly street?: string
  readonly address?: string
}

/** What {@link normalizeAddress} reads. */
export type AddressSource =
  | ChooseAddressResult
  | AlipayAddressResult
  | { readonly resultStatus?: string | number; readonly result?: AlipayAddressResult | string }
  | AddressDraft

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '')

function stripPrefixes(detail: string, prefixes: readonly string[]): string {
  let rest = detail
  for (const prefix of prefixes) {
    if (prefix && rest.startsWith(prefix)) rest = rest.slice(prefix.length).trim()
  }
  return rest
}

function fromAlipay(source: AlipayAddressResult): ShippingAddress {
  const province = text(source.prov)
  const city = text(source.city)
  const district = text(source.area)
  const street = text(source.street)
  // Alipay's `address` is often the whole line ("浙江省杭州市西湖区西溪路556号"): keep only the street part
  let detail = stripPrefixes(text(source.address), [province, city, district])
  if (street && !detail.startsWith(street)) detail = `${street}${detail}`
  return {
    name: text(source.fullname),
    phone: normalizeAddressPhone(text(source.mobilePhone)),
    region: { province, city, district },
    detail,
  }
}

function fromChooseAddress(source: ChooseAddressResult): ShippingAddress {
  const postalCode = text(source.postalCode)
  return {
    name: text(source.userName),
    phone: normalizeAddressPhone(text(source.telNumber)),
    region: {
      province: text(source.provinceName),
      city: text(source.cityName),
      district: text(source.countyName),
    },
    detail: text(source.detailInfo) || text(source.detailInfoNew),
    ...(postalCode ? { postalCode } : {}),
  }
}

function fromDraft(source: AddressDraft): ShippingAddress {
  const code = text(source.region?.code)
  const postalCode = text(source.postalCode)
  const id = text(source.id)
  return {
    ...(id ? { id } : {}),
    name: text(source.name),
    phone: normalizeAddressPhone(text(source.phone)),
    region: {
      province: text(source.region?.province),
      city: text(source.region?.city),
      district: text(source.region?.district),
      ...(code ? { code } : {}),
    },
    detail: text(source.detail),
    ...(postalCode ? { postalCode } : {}),
  }
}

/**
 * One {@link ShippingAddress} from what a platform's picker answered — Douyin's and WeChat's
 * `chooseAddress` result, Alipay's `my.getAddress` answer (or its `result` object) — or from a typed
 * draft: text trimmed, the phone without spaces, dashes and +86, empty optional fields left out. It
 * does not judge the address: check it with `validateAddress`.
 *
 * @example
 * ```ts
 * normalizeAddress({ userName: '张三', telNumber: '020-81167888', provinceName: '广东省', cityName: '广州市', countyName: '海珠区', detailInfo: '新港中路397号' })
 * ```
 */
export function normalizeAddress(source: AddressSource): ShippingAddress {
  const record = source as Record<string, unknown>
  if (typeof record.result === 'object' && record.result !== null) {
    return fromAlipay(record.result as AlipayAddressResult)
  }
  if ('fullname' in record || 'prov' in record || 'mobilePhone' in record) {
    return fromAlipay(source as AlipayAddressResult)
  }
  if ('userName' in record || 'provinceName' in record || 'telNumber' in record) {
    return fromChooseAddress(source as ChooseAddressResult)
  }
  return fromDraft(source as AddressDraft)
}

/**
 * The region in one line, as a card shows it: "浙江省 杭州市 西湖区" (a municipality's city is not
 * repeated: "北京市 朝阳区").
 */
export function formatRegion(address: Pick<ShippingAddress, 'region'>, separator = ' '): string {
  const { province, city, district } = address.region
  const parts = city === province ? [province, district] : [province, city, district]
  return parts.filter((part) => part !== '').join(separator)
}
