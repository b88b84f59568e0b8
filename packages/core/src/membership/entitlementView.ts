import type { AnyTradeKitError } from '../errors/TradeKitError'
import type { Entitlement, MembershipSnapshot } from './types'

/** What a screen may say of the user's entitlement (see {@link entitlementView}). */
export interface EntitlementView {
  /** True while the entitlement has not been read yet. */
  readonly loading: boolean
  /** True when the server says the membership is active. */
  readonly active: boolean
  readonly entitlement?: Entitlement
  /**
   * Why the entitlement is not known: the read failed and none was read before. Not a "no": show it
   * and offer to read again, never the purchase as if the user were not a member.
   */
  readonly error?: AnyTradeKitError
}

/**
 * The entitlement as a screen shows it: loading until the first read, active only on the server's
 * word, and unknown (`error`) when the read failed with nothing read before — an entitlement read
 * earlier stays what the screen shows while a later read fails.
 *
 * @example
 * ```ts
 * entitlementView({ status: 'error', plans: [], unlocking: null, error }) // { loading: false, active: false, error }
 * ```
 */
export function entitlementView(
  snapshot: Pick<MembershipSnapshot, 'status' | 'entitlement' | 'error'>,
): EntitlementView {
  const { status, entitlement, error } = snapshot
  const unknown = entitlement === undefined && status === 'error' && error !== undefined
  return {
    loading: entitlement === undefined && (status === 'idle' || status === 'loading'),
    active: entitlement?.active === true,
    ...(entitlement ? { entitlement } : {}),
    ...(unknown ? { error } : {}),
  }
}
