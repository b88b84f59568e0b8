import {
  type AddressBookOptions,
  forgetAddress,
  loadRememberedAddress,
  rememberAddress,
  type ShippingAddress,
  type StoragePort,
} from '@tradekit/core'
import { useCallback, useEffect, useState } from 'react'

/** Options of {@link useRememberedAddress}. */
export interface UseRememberedAddressOptions extends AddressBookOptions {
  /** Where the address is kept: `taroStorage()` in an app, the same storage the cart uses. */
  storage: StoragePort
  /** Told when writing or removing the address failed (it is then kept for this session only). */
  onError?: (error: unknown) => void
}

/** What {@link useRememberedAddress} gives. */
export interface RememberedAddress {
  /** `loading` until the stored address was read (at most 5 s: a storage that does not answer by then counts as no address). */
  status: 'loading' | 'ready'
  /** The user's last shipping address, or `null`. */
  address: ShippingAddress | null
  /** Uses and remembers an address for this user. A storage failure keeps it for this session only. */
  remember: (address: ShippingAddress) => Promise<void>
  /** Forgets this user's address. */
  forget: () => Promise<void>
}

/**
 * The address a user last shipped to, kept per user (`tradekit:<namespace>:<userId>:address`) through
 * the storage port, so the next checkout starts with it and the next user never sees it. A corrupt
 * or foreign record is ignored.
 *
 * @example
 * ```tsx
 * const remembered = useRememberedAddress({ storage, userId: user?.id })
 * <AddressCard value={remembered.address} onChange={remembered.remember} port={taroAddress()} required />
 * ```
 */
export function useRememberedAddress(options: UseRememberedAddressOptions): RememberedAddress {
  const { storage, namespace, userId, onError } = options
  const [state, setState] = useState<{ key: string; address: ShippingAddress | null } | null>(null)
  const key = `${namespace || 'default'}\u0000${userId || 'guest'}`

  useEffect(() => {
    let live = true
    setState(null)
    loadRememberedAddress(storage, { namespace, userId }).then((address) => {
      if (live) setState({ key, address })
    })
    return () => {
      live = false
    }
  }, [storage, namespace, userId, key])

  const remember = useCallback(
    async (address: ShippingAddress) => {
      setState({ key, address })
      try {
        await rememberAddress(storage, address, { namespace, userId })
      } catch (error) {
        onError?.(error)
      }
    },
    [storage, namespace, userId, key, onError],
  )
  const forget = useCallback(async () => {
    setState({ key, address: null })
    try {
      await forgetAddress(storage, { namespace, userId })
    } catch (error) {
      onError?.(error)
    }
  }, [storage, namespace, userId, key, onError])

  // a state read for another user is never shown
  const current = state?.key === key ? state : null
  return { status: current ? 'ready' : 'loading', address: current?.address ?? null, remember, forget }
}
