import type { ShippingAddress } from '../address/types'
import { isAddressComplete } from '../address/validateAddress'
import type { ProductKind } from '../cart/types'
import { isMoving } from './checkoutStatus'
import type { CheckoutStatus, OrderContact } from './types'
import { type ContactErrors, validateContact } from './validateContact'

/**
 * Why an order cannot be submitted yet, in the order it is checked: nothing to buy, no complete
 * shipping address where one is required, the contact is missing or wrong, no payment method can
 * take the purchase, a payment is moving. Each names the message `checkout.disabled.<reason>` of
 * the catalogue.
 */
export type CheckoutBlocker = 'empty' | 'address' | 'contact' | 'method' | 'busy'

/** What {@link checkoutReadiness} looks at. */
export interface CheckoutReadinessInput {
  /** How many lines would be bought. */
  readonly lineCount: number
  /** The purchase's kind (`purchaseKindOf(lines)`). */
  readonly kind: ProductKind
  /** The contact as entered so far. */
  readonly contact: OrderContact
  /**
   * Ask for contact details.
   * @default true when the purchase is a service
   */
  readonly requireContact?: boolean
  /**
   * Ask for a name with the phone.
   * @default false
   */
  readonly requireName?: boolean
  /**
   * The order ships: it needs a complete shipping address (`needsShippingAddress(lines)` when the
   * app ships physical goods).
   * @default false
   */
  readonly requireAddress?: boolean
  /** The shipping address chosen so far. */
  readonly address?: ShippingAddress | null
  /** The id of the chosen payment channel; `undefined` when none can take the purchase. */
  readonly channel: string | undefined
  /** Where the checkout is. */
  readonly status: CheckoutStatus
}

/** Whether a checkout form can be submitted, and what stops it. */
export interface CheckoutReadiness {
  /** The order carries contact details (a service, or `requireContact`). */
  readonly needsContact: boolean
  /** The order carries a shipping address (`requireAddress`). */
  readonly needsAddress: boolean
  /** What is wrong with the contact, by field; empty when it is fine or not needed. */
  readonly contactErrors: ContactErrors
  /** The first thing that stops a submit, or `null` when the order can be placed. */
  readonly blocker: CheckoutBlocker | null
}

const NO_ERRORS: ContactErrors = Object.freeze({})

/**
 * The rules of a checkout form in one place: a service needs contact details (checked by
 * `validateContact`), a shipped order a complete address (`isAddressComplete`), and an order needs
 * lines, those where needed, a payment method, and no payment already moving.
 *
 * @example
 * ```ts
 * const { blocker } = checkoutReadiness({ lineCount: 1, kind: 'service', contact: {}, channel: 'wechat', status: 'idle' })
 * blocker // 'contact' → t('checkout.disabled.contact')
 * ```
 */
export function checkoutReadiness(input: CheckoutReadinessInput): CheckoutReadiness {
  const needsContact = input.requireContact ?? input.kind === 'service'
  const contactErrors = needsContact
    ? validateContact(input.contact, { requireName: input.requireName ?? false })
    : NO_ERRORS
  const needsAddress = input.requireAddress === true
  const blocker: CheckoutBlocker | null =
    input.lineCount === 0
      ? 'empty'
      : needsAddress && !isAddressComplete(input.address ?? undefined)
        ? 'address'
        : Object.keys(contactErrors).length > 0
          ? 'contact'
          : input.channel === undefined
            ? 'method'
            : isMoving(input.status)
              ? 'busy'
              : null
  return { needsContact, needsAddress, contactErrors, blocker }
}
