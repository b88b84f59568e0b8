import type { AddressDraft, AddressErrors } from './types'

/** The longest recipient name accepted. */
export const ADDRESS_NAME_MAX = 25
/** The shortest and longest street detail accepted. */
export const ADDRESS_DETAIL_MIN = 4
export const ADDRESS_DETAIL_MAX = 120

// A mainland mobile number: 11 digits starting 13–19 (the same rule as the contact form).
const MOBILE = /^1[3-9]\d{9}$/
const POSTAL_CODE = /^\d{6}$/

// Length in characters, not UTF-16 units: a rare character outside the BMP counts once.
const length = (text: string) => Array.from(text).length

/** A phone number without spaces, dashes and a leading +86 / 86. */
export function normalizeAddressPhone(phone: string): string {
  const digits = phone.replace(/[\s-]/g, '')
  return digits.replace(/^(\+?86)(?=1\d{10}$)/, '')
}

/**
 * Checks a shipping address: a recipient name (at most 25 characters), a mainland mobile number, a
 * province and a city (the district may be empty: some cities have none), a street detail of 4–120
 * characters and, when given, a six-digit postal code. Returns the errors by field as message keys.
 *
 * @example
 * ```ts
 * validateAddress({ name: '张三', phone: '1380013', region: { province: '浙江省', city: '杭州市', district: '西湖区' }, detail: '西溪路 556 号' })
 * // { phone: 'address.error.phoneInvalid' }
 * ```
 */
export function validateAddress(input: AddressDraft): AddressErrors {
  const errors: AddressErrors = {}
  const name = input.name?.trim() ?? ''
  const phone = normalizeAddressPhone(input.phone ?? '')
  const detail = input.detail?.trim() ?? ''
  const postalCode = input.postalCode?.trim() ?? ''
  if (name === '') errors.name = 'address.error.nameRequired'
  else if (length(name) > ADDRESS_NAME_MAX) errors.name = 'address.error.nameTooLong'
  if (phone === '') errors.phone = 'address.error.phoneRequired'
  else if (!MOBILE.test(phone)) errors.phone = 'address.error.phoneInvalid'
  if (!input.region?.province?.trim() || !input.region.city?.trim())
    errors.region = 'address.error.regionRequired'
  if (detail === '') errors.detail = 'address.error.detailRequired'
  else if (length(detail) < ADDRESS_DETAIL_MIN) errors.detail = 'address.error.detailTooShort'
  else if (length(detail) > ADDRESS_DETAIL_MAX) errors.detail = 'address.error.detailTooLong'
  if (postalCode !== '' && !POSTAL_CODE.test(postalCode))
    errors.postalCode = 'address.error.postalCodeInvalid'
  return errors
}

/** True when {@link validateAddress} finds nothing wrong. */
export function isAddressComplete(input: AddressDraft | undefined): boolean {
  return input !== undefined && Object.keys(validateAddress(input)).length === 0
}
