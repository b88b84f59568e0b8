import type { StoragePort } from '../storage/storage'
import { storedText } from '../storage/storage'
import { timeboxed } from '../storage/timeboxed'
import { normalizeAddress } from './normalizeAddress'
import type { ShippingAddress } from './types'
import { isAddressComplete } from './validateAddress'

/** The version of the remembered-address record. */
export const ADDRESS_RECORD_VERSION = 1

/** Whose address: the same `namespace` and `userId` as the cart and the checkout. */
export interface AddressBookOptions {
  /** @default 'default' */
  namespace?: string
  /** The logged-in user; `null` or absent for a guest. */
  userId?: string | null
}

/**
 * The key of a user's remembered address: `tradekit:<namespace>:<userId or "guest">:address`, so one
 * user's address never shows for the next.
 */
export function addressStorageKey(options: AddressBookOptions = {}): string {
  return `tradekit:${options.namespace || 'default'}:${options.userId || 'guest'}:address`
}

/**
 * The address this user last shipped to, or `null` when there is none — or when what is stored is
 * corrupt, foreign or no longer a complete address (it is then ignored, never a crash). A failing
 * storage answers `null` too, and so does one that has not answered after 5 s (a screen never waits
 * for it longer).
 */
export async function loadRememberedAddress(
  storage: StoragePort,
  options: AddressBookOptions = {},
): Promise<ShippingAddress | null> {
  let raw: string | undefined
  try {
    raw = storedText(await timeboxed(() => storage.getItem(addressStorageKey(options))))
  } catch {
    return null
  }
  if (raw === undefined) return null
  try {
    const record = JSON.parse(raw) as { v?: unknown; address?: unknown }
    if (
      record?.v !== ADDRESS_RECORD_VERSION ||
      typeof record.address !== 'object' ||
      record.address === null
    ) {
      return null
    }
    const address = normalizeAddress(record.address as ShippingAddress)
    return isAddressComplete(address) ? address : null
  } catch {
    return null
  }
}

/**
 * Remembers the address for this user (the next checkout starts with it). Rejects with what the
 * storage threw, or `STORAGE_FAILED` when it has not answered after 5 s.
 */
export async function rememberAddress(
  storage: StoragePort,
  address: ShippingAddress,
  options: AddressBookOptions = {},
): Promise<void> {
  const record = JSON.stringify({ v: ADDRESS_RECORD_VERSION, address: normalizeAddress(address) })
  await timeboxed(() => storage.setItem(addressStorageKey(options), record))
}

/** Forgets this user's remembered address (rejects as {@link rememberAddress} does). */
export async function forgetAddress(storage: StoragePort, options: AddressBookOptions = {}): Promise<void> {
  await timeboxed(() => storage.removeItem(addressStorageKey(options)))
}
