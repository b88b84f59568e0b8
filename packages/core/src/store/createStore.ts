import { TradeKitError } from '../errors/TradeKitError'

/**
 * A listener that throws must neither stop the other listeners nor turn a finished change into a
 * thrown action: its error is rethrown on a later tick, where the app's error reporting sees it.
 */
export function reportLater(error: unknown): void {
  setTimeout(() => {
    throw error
  }, 0)
}

/** The one subscribe/snapshot base of TradeKit's stores (cart, checkout, membership). */
export interface Store<S> {
  /** The current snapshot: immutable, and the same object until something changed. */
  getSnapshot(): S
  /** Calls `listener` with each new snapshot; returns the unsubscribe. */
  subscribe(listener: (snapshot: S) => void): () => void
  /** Replaces the snapshot and tells the listeners (nothing when `next` is the same object). */
  set(next: S): void
  /** Drops every listener: a disposed store tells no one. */
  clear(): void
}

/**
 * Creates a store holding one snapshot. Listeners are isolated from each other (see
 * {@link reportLater}) and a listener that unsubscribes another during a change does not skip it.
 *
 * @example
 * ```ts
 * const store = createStore({ count: 0 })
 * const off = store.subscribe((s) => console.log(s.count))
 * store.set({ count: 1 })
 * off()
 * ```
 */
export function createStore<S>(initial: S): Store<S> {
  let snapshot = initial
  const listeners = new Set<(snapshot: S) => void>()
  return {
    getSnapshot: () => snapshot,
    subscribe(listener) {
      if (typeof listener !== 'function') {
        throw new TradeKitError(
          'INVALID_ARGUMENT',
          process.env.NODE_ENV !== 'production' ? 'subscribe needs a listener function' : undefined,
        )
      }
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
    set(next) {
      if (Object.is(next, snapshot)) return
      snapshot = next
      for (const listener of Array.from(listeners)) {
        try {
          listener(snapshot)
        } catch (error) {
          reportLater(error)
        }
      }
    },
    clear() {
      listeners.clear()
    },
  }
}
