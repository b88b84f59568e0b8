import type { OrderContact } from './types'
import { normalizePhone } from './validateContact'

/**
 * A contact as it is sent with an order: the name and the note trimmed, the phone without spaces
 * and dashes, empty fields left out.
 *
 * @example
 * ```ts
 * normalizeContact({ name: ' 王女士 ', phone: '138 0013-8000', note: '' })
 * // { name: '王女士', phone: '13800138000' }
 * ```
 */
export function normalizeContact(contact: OrderContact): OrderContact {
  const name = contact.name?.trim() ?? ''
  const phone = normalizePhone(contact.phone ?? '')
  const note = contact.note?.trim() ?? ''
  return {
    ...(name ? { name } : {}),
    ...(phone ? { phone } : {}),
    ...(note ? { note } : {}),
  }
}
