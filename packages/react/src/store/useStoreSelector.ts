import { useCallback, useRef, useSyncExternalStore } from 'react'

/** A store in core's shape: a snapshot that keeps its identity until something changes. */
export interface ExternalStore<S> {
  getSnapshot(): S
  subscribe(listener: () => void): () => void
}

/** Compares two selections; equal selections do not re-render. */
export type EqualityFn<T> = (a: T, b: T) => boolean

/**
 * True when two values are identical or are arrays / plain objects with identical members.
 * Pass it to `useCart` when a selector builds a new array or object each time.
 */
export function shallowEqual<T>(a: T, b: T): boolean {
  if (Object.is(a, b)) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  const keysA = Object.keys(a)
  const keysB = Object.keys(b)
  if (keysA.length !== keysB.length) return false
  for (const key of keysA) {
    if (
      // biome-ignore lint/suspicious/noPrototypeBuiltins: Object.hasOwn is ES2022, which older phones' engines lack
      !Object.prototype.hasOwnProperty.call(b, key) ||
      !Object.is((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])
    ) {
      return false
    }
  }
  return true
}

/**
 * Subscribes to a core store and returns `selector(snapshot)`, re-rendering only when the selection
 * changes by `isEqual`. The selection is memoised per snapshot, so a selector may build new objects.
 */
export function useStoreSelector<S, T>(
  store: ExternalStore<S>,
  selector: (snapshot: S) => T,
  isEqual: EqualityFn<T> = Object.is,
): T {
  const memo = useRef<{
    store: ExternalStore<S>
    snapshot: S
    selector: (snapshot: S) => T
    selection: T
  } | null>(null)
  const select = useCallback(() => {
    const snapshot = store.getSnapshot()
    const last = memo.current
    if (last && last.store === store && last.snapshot === snapshot && last.selector === selector) {
      return last.selection
    }
    const next = selector(snapshot)
    if (last && last.store === store && isEqual(last.selection, next)) {
      memo.current = { store, snapshot, selector, selection: last.selection }
      return last.selection
    }
    memo.current = { store, snapshot, selector, selection: next }
    return next
  }, [store, selector, isEqual])
  const subscribe = useCallback((onChange: () => void) => store.subscribe(() => onChange()), [store])
  return useSyncExternalStore(subscribe, select, select)
}
