import { ApiError } from '../http/ApiError.ts'
import { isObject } from '../http/validate.ts'

/**
 * A shipping address as TradeKit's `ShippingAddress` sends it (`@tradekit/core`'s address module):
 * the server checks it by the same rules as the client's `validateAddress` and stores it with the
 * order; delivery is priced by its province.
 */
export interface AddressInput {
  readonly name: string
  readonly phone: string
  readonly region: { readonly province: string; readonly city: string; readonly district?: string }
  readonly detail: string
  readonly postalCode?: string
}

const MOBILE = /^1[3-9]\d{9}$/
const POSTAL_CODE = /^\d{6}$/

/** The mainland mobile number without spaces, dashes or +86 (as the client normalises it). */
function mobileOf(phone: string): string {
  return phone.replace(/[\s-]/g, '').replace(/^(\+?86)(?=1\d{10}$)/, '')
}

/**
 * Reads `address` of an order request. Every wrong field is named in one 400 (`INVALID_ARGUMENT`,
 * `fields: { name: 'required', phone: 'mobile', … }`): a client that skipped the checks learns them all.
 */
export function parseAddress(value: unknown): AddressInput {
  if (!isObject(value))
    throw new ApiError(400, 'INVALID_ARGUMENT', 'address must be an object', { field: 'address' })
  const text = (field: unknown) => (typeof field === 'string' ? field.trim() : '')
  const region = isObject(value.region) ? value.region : {}
  const name = text(value.name)
  const phone = mobileOf(text(value.phone))
  const province = text(region.province)
  const city = text(region.city)
  const district = text(region.district)
  const detail = text(value.detail)
  const postalCode = text(value.postalCode)
  const fields: Record<string, string> = {}
  if (name === '') fields.name = 'required'
  else if ([...name].length > 25) fields.name = 'too_long'
  if (phone === '') fields.phone = 'required'
  else if (!MOBILE.test(phone)) fields.phone = 'mobile'
  if (province === '' || city === '') fields.region = 'required'
  else if ([province, city, district].some((part) => [...part].length > 20)) fields.region = 'too_long'
  if ([...detail].length < 4) fields.detail = detail === '' ? 'required' : 'too_short'
  else if ([...detail].length > 120) fields.detail = 'too_long'
  if (postalCode !== '' && !POSTAL_CODE.test(postalCode)) fields.postalCode = 'postal_code'
  if (Object.keys(fields).length > 0) {
    throw new ApiError(
      400,
      'INVALID_ARGUMENT',
      `The shipping address is not valid: ${Object.keys(fields).join(', ')}`,
      {
        field: 'address',
        fields,
      },
    )
  }
  return {
    name,
    phone,
    region: { province, city, ...(district !== '' ? { district } : {}) },
    detail,
    ...(postalCode !== '' ? { postalCode } : {}),
  }
}
