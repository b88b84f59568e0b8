import type { LifecyclePort, MembershipApi, OrdersApi } from '@tradekit/core'
import type { Disposable } from '../store/releaseLater'

/** The provider's latest APIs, read by a store when it is made and on each of its calls. */
export interface LazyApis {
  readonly ordersApi?: OrdersApi
  readonly membershipApi?: MembershipApi
}

/**
 * The stores a hook makes the first time it is used under `TradeProvider` — the order centre
 * (`useOrders`, `useOrder`) and membership (`useMembership`, `useEntitlement`) — one per key for
 * the provider's user, disposed with them. The code that makes a store lives in the hook's module,
 * so the provider carries none of it: a mini-program's main package holds the order centre only
 * when a main page shows orders, not because `app.tsx` renders the provider.
 */
export interface LazyStores extends Disposable {
  /** The store under `key`, made by `make` the first time a hook asks for it. */
  get<T extends Disposable>(key: string, make: () => T): T
  /** The store under `key` if a hook has made it. */
  peek<T extends Disposable>(key: string): T | undefined
  /** The provider's latest APIs. */
  readonly apis: { readonly current: LazyApis }
  /** App show/hide, for the stores that fetch again when the app comes back. */
  readonly lifecycle?: LifecyclePort
}

export function createLazyStores(
  apis: { readonly current: LazyApis },
  lifecycle?: LifecyclePort,
): LazyStores {
  const made = new Map<string, Disposable>()
  let disposed = false
  return {
    apis,
    ...(lifecycle ? { lifecycle } : {}),
    get<T extends Disposable>(key: string, make: () => T): T {
      let store = made.get(key)
      if (!store) {
        store = make()
        // asked for after its provider let go of it (a render on the way out): it never runs
        if (disposed) store.dispose()
        else made.set(key, store)
      }
      return store as T
    },
    peek: <T extends Disposable>(key: string) => made.get(key) as T | undefined,
    dispose() {
      disposed = true
      for (const store of made.values()) store.dispose()
      made.clear()
    },
  }
}
