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
 * A lifecycle port that forwards subscriptions to the real one only while open. A checkout made in
 * a render React throws away (StrictMode renders twice) never gets its gate opened, so it never
 * listens to show/hide and never polls: only the committed checkout is live.
 */
function createLifecycleGate(target: LifecyclePort | undefined) {
  type Entry = { kind: 'onShow' | 'onHide'; cb: () => void; off?: () => void }
  const entries = new Set<Entry>()
  let open = false
  const attach = (entry: Entry) => {
    if (target) entry.off = target[entry.kind](entry.cb)
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
      for (const entry of entries) {
        entry.off?.()
        entry.off = undefined
      }
    },
  }
}

const resumed = new WeakSet<Checkout>()
const disposals = new WeakMap<Checkout, ReturnType<typeof setTimeout>>()

/**
 * Makes the checkout of a provider or a standalone `useCheckout`: one live checkout per user and
 * storage, resumed once on mount (a payment interrupted by a killed app is reconciled on the next
 * launch), disposed when replaced or unmounted. Safe under StrictMode: double-invoked renders and
 * effects never resume twice, never leave a second live checkout.
 * The latest `api` object is always the one called, so an inline api does not remake the checkout.
 */
export function useManagedCheckout(config: ManagedCheckoutConfig): Checkout | null {
  const apiRef = useRef(config.api)
  apiRef.current = config.api
  const hasApi = config.api !== undefined
  const hasCancel = config.api?.cancelOrder !== undefined
  const hasQuote = config.api?.quote !== undefined
  const channelKey = config.channels.map((channel) => channel.id).join('|')
  const { storage, lifecycle, namespace, userId } = config
  const timingKey = JSON.stringify(config.timing ?? {})

  // biome-ignore lint/correctness/useExhaustiveDependencies: channels and timing are keyed by value
  const made = useMemo(() => {
    if (!hasApi) return null
    const current = () => apiRef.current as CheckoutApi
    const api: CheckoutApi = {
      createOrder: (request, ctx) => current().createOrder(request, ctx),
      getOrderStatus: (orderId, ctx) => current().getOrderStatus(orderId, ctx),
      ...(hasCancel ? { cancelOrder: (orderId: string) => current().cancelOrder!(orderId) } : {}),
      ...(hasQuote
        ? { quote: (request: Parameters<NonNullable<CheckoutApi['quote']>>[0]) => current().quote!(request) }
        : {}),
    }
    const gate = createLifecycleGate(lifecycle)
    const checkout = createCheckout({
      api,
      channels: config.channels,
      storage,
      lifecycle: gate.port,
      timing: config.timing,
      namespace,
      userId: userId ?? null,
    })
    return { checkout, gate }
  }, [hasApi, hasCancel, hasQuote, channelKey, storage, lifecycle, timingKey, namespace, userId])

  useEffect(() => {
    if (!made) return
    const { checkout, gate } = made
    const pending = disposals.get(checkout)
    if (pending !== undefined) {
      clearTimeout(pending)
      disposals.delete(checkout)
    }
    gate.open()
    if (!resumed.has(checkout)) {
      resumed.add(checkout)
      void checkout.resume()
    }
    return () => {
      gate.close()
      // StrictMode runs cleanup and the effect again at once: dispose only if it does not come back.
      disposals.set(
        checkout,
        setTimeout(() => {
          disposals.delete(checkout)
          checkout.dispose()
        }, 0),
      )
    }
  }, [made])

  return made?.checkout ?? null
}
