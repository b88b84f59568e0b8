import type { Locale } from './locale'

const zh = {
  'address.title': '收货地址',
}

/** A key of the catalogue part for shipping addresses (AddressForm, AddressCard). */
export type AddressMessageKey = keyof typeof zh

/** The text of shipping addresses (AddressForm, AddressCard), in every shipped locale. */
export const addressMessages: Readonly<Record<Locale, Readonly<Record<AddressMessageKey, string>>>> = {
  'zh-CN': zh,
  'en-US': {
    'address.title': 'Shipping address',
  },
}
