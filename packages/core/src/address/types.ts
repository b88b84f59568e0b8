import type { AddressMessageKey } from '../i18n/addressMessages'

/** The administrative region of a mainland address: province, city and district (省 / 市 / 区县). */
export interface AddressRegion {
  /** 省 (or a municipality such as 北京市). */
  readonly province: string
  /** 市. */
  readonly city: string
  /** 区 / 县; empty where a city has no districts (东莞市, 中山市). */
  readonly district: string
  /** The district's administrative code (GB/T 2260, e.g. "330106"), when the source gives it. */
  readonly code?: string
}

/** A shipping address, as the checkout sends it with an order (`OrderRequest.address`). */
export interface ShippingAddress {
  /** The team's id of a saved address, when it has one. */
  readonly id?: string
  /** The recipient (收货人). */
  readonly name: string
  /** The recipient's mainland mobile number, 11 digits. */
  readonly phone: string
  /** 省 / 市 / 区县. */
  readonly region: AddressRegion
  /** Street, building, door number (详细地址). */
  readonly detail: string
  /** 邮编, six digits. */
  readonly postalCode?: string
}

/** An address while it is being typed: every field may still be missing. */
export interface AddressDraft {
  readonly id?: string
  readonly name?: string
  readonly phone?: string
  readonly region?: Partial<AddressRegion>
  readonly detail?: string
  readonly postalCode?: string
}

/** The fields of an address that can be wrong. */
export type AddressField = 'name' | 'phone' | 'region' | 'detail' | 'postalCode'

/** What is wrong, by field, as message keys of the address catalogue (empty when the address is fine). */
export type AddressErrors = Partial<Record<AddressField, AddressMessageKey>>

/** What the platform's address picker answered. */
export type AddressChoice =
  | { readonly kind: 'chosen'; readonly address: ShippingAddress }
  /** The user closed the picker. */
  | { readonly kind: 'cancelled' }
  /** The user refused (now or before) to share addresses with the mini-program. */
  | { readonly kind: 'denied' }
  /** No picker here (H5, an old client, the API not enabled for the app): type the address by hand. */
  | { readonly kind: 'unavailable' }

/**
 * The platform's address picker, from the environment (`taroAddress()` in @tradekit/taro). It never
 * throws: every outcome is an {@link AddressChoice}.
 */
export interface AddressPort {
  /** Opens the platform's address picker. */
  choose(): Promise<AddressChoice>
}
