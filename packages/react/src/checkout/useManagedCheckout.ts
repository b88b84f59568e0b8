import {
  type Checkout,
  type CheckoutApi,
  type CheckoutTiming,
  createCheckout,
  type LifecyclePort,
  type PaymentChannel,
  type StoragePort,
} from '@tradekit/core'
import { useEffect, useMemo, useRef } from 'react'
import { hold, releaseLater } from '../store/releaseLater'

/** What a managed checkout is made from. */
export interface ManagedCheckoutConfig {
  api?: CheckoutApi
  channels: readonly PaymentChannel[]
  storage?: StoragePort
  lifecycle?: LifecyclePort
  timing?: Partial<CheckoutTiming>
  namespace?: string
  userId?: string | null
}

/**
 * A lifecycle port that forwards subscriptions to the real one only while open, and moves them when
 * the real one is replaced. A checkout made in a render React throws away (StrictMode renders twice)
 * never gets its gate opened, so it never listens to show/hide and never polls: only the committed
 * checkout is live.
 */
function createLifecycleGate(initial: LifecyclePort | undefined) {
  type Entry = { kind: 'onShow' | 'onHide'; cb: () => void; off?: () => void }
  const entries = new Set<Entry>()
  let target = initial
  let open = false
  const attach = (entry: Entry) => {
    if (target) entry.off = target[entry.kind](entry.cb)
  }
  const detachAll = () => {
    for (const entry of entries) {
      entry.off?.()
      entry.off = undefined
    }
  }
  const subscribe = (kind: Entry['kind']) => (cb: () => void) => {
    const entry: Entry = { kind, cb }
    entries.add(entry)
    if (open) attach(entry)
    return () => {
      entries.delete(entry)
      entry.off?.()
    }
  }
  return {
    port: { onShow: subscribe('onShow'), onHide: subscribe('onHide') } satisfies LifecyclePort,
    open() {
      if (open) return
      open = true
      for (const entry of entries) attach(entry)
    },
    close() {
      open = false
      detachAll()
    },
    setTarget(next: LifecyclePort | undefined) {
      if (next === target) return
      if (open) detachAll()
      target = next
      if (open) for (const entry of entries) attach(entry)
    },
  }
}

const resumed = new WeakSet<Checkout>()

/**
 * Makes the checkout of a provider or a standalone `useCheckout`: one live checkout per storage,
 * namespace and user, resumed once on mount (a payment interrupted by a killed app is reconciled on
 * the next launch), disposed when the user changes or on unmount. A new `api`, new channels, new
 * timing or a new lifecycle port update that checkout in place (`setOptions`, as TanStack Query's
 * observer does): its pending orders and shown state stay. Safe under StrictMode: double-invoked
 * renders and effects never resume twice, never leave a second live checkout.
 */
export function useManagedCheckout(config: ManagedCheckoutConfig): Checkout | null {
  const { api, channels, storage, lifecycle, timing, namespace, userId } = config
  const hasApi = api !== undefined

  // Only what a checkout is keyed by makes a new one; the rest is passed at creation and then
  // updated in place by the effect below.
  // biome-ignore lint/correctness/useExhaustiveDependencies: api, channels, timing and lifecycle are updated in place
  const made = useMemo(() => {
    if (!api) return null
    const gate = createLifecycleGate(lifecycle)
    const checkout = createCheckout({
      api,
      channels,
      storage,
      lifecycle: gate.port,
      timing,
      namespace,
      userId: userId ?? null,
    })
    return { checkout, gate }
  }, [hasApi, storage, namespace, userId])

  useEffect(() => {
    if (!made || !api) return
    made.checkout.setOptions({ api, channels, timing: timing ?? {} })
    made.gate.setTarget(lifecycle)
  }, [made, api, channels, timing, lifecycle])

  // a storage that is a new object on each render makes a new checkout each time (see taroStorage)
  const lastKeys = useRef<{ storage?: StoragePort; namespace?: string; userId?: string | null }>(undefined)
  useEffect(() => {
    if (process.env.NODE_ENV === 'production' || !made) return
    const last = lastKeys.current
    lastKeys.current = { storage, namespace, userId }
    if (last && last.storage !== storage && last.namespace === namespace && last.userId === userId) {
      console.warn(
        '[TradeKit] the checkout was made again because its storage is a new object: a payment under way is left to the re-check. Create the storage port once (outside the render), or use taroStorage(), which answers the same port.',
      )
    }
  }, [made, storage, namespace, userId])

  useEffect(() => {
    if (!made) return
    const { checkout, gate } = made
    hold(checkout)
    gate.open()
    if (!resumed.has(checkout)) {
      resumed.add(checkout)
      void checkout.resume()
    }
    return () => {
      gate.close()
      releaseLater(checkout)
    }
  }, [made])

  return made?.checkout ?? null
}
