import type { MessageKey } from '../i18n/messages'
import type { OrderContact } from './types'

/** What {@link validateContact} checks. */
export interface ContactRules {
  /**
   * A name is required.
   * @default false
   */
  requireName?: boolean
  /**
   * A phone number is required.
   * @default true
   */
  requirePhone?: boolean
}

/** The fields of a contact that can be wrong, with the message key of what is wrong. */
export type ContactErrors = Partial<Record<'name' | 'phone', MessageKey>>

// A mainland mobile number: 11 digits starting 13–19. Spaces and dashes are tolerated.
const MOBILE = /^1[3-9]\d{9}$/

/**
 * A phone number as the user typed it, without spaces and dashes.
 *
 * @example
 * ```ts
 * normalizePhone('138 0013-8000') // '13800138000'
 * ```
 */
export function normalizePhone(phone: string): string {
  return phone.replace(/[\s-]/g, '')
}

/**
 * Checks a contact for a service order: a required name, a required, well-formed mobile number.
 * Returns the errors by field (empty when the contact is fine), as message keys.
 *
 * @example
 * ```ts
 * validateContact({ phone: '1380000' }) // { phone: 'contact.error.phoneInvalid' }
 * ```
 */
export function validateContact(contact: OrderContact, rules: ContactRules = {}): ContactErrors {
  const errors: ContactErrors = {}
  const name = contact.name?.trim() ?? ''
  const phone = normalizePhone(contact.phone ?? '')
  if ((rules.requireName ?? false) && name === '') errors.name = 'contact.error.nameRequired'
  if (phone === '') {
    if (rules.requirePhone ?? true) errors.phone = 'contact.error.phoneRequired'
  } else if (!MOBILE.test(phone)) {
    errors.phone = 'contact.error.phoneInvalid'
  }
  return errors
}
