/**
 * The one storage port everything in core persists through. Values are strings (core writes JSON
 * records with a version field); each method may be sync or async, so Taro's sync storage,
 * `localStorage` and async stores all fit.
 */
export interface StoragePort {
  getItem(key: string): string | null | Promise<string | null>
  setItem(key: string, value: string): void | Promise<void>
  removeItem(key: string): void | Promise<void>
}

/**
 * The text of a stored record, or `undefined` when nothing is stored — the one rule every record
 * core reads follows: `null` (the port's answer for a missing key) and `''` both mean "nothing
 * stored", because mini-program storages (Taro's `getStorageSync` on weapp and tt) answer `''` for
 * a key that was never written, and core never writes an empty record. Anything else is handed
 * back as it is, for the record's own parser to read or to report as corrupt.
 *
 * @example
 * ```ts
 * storedText('') // undefined: nothing stored
 * storedText(null) // undefined
 * storedText('{"v":1,"lines":[]}') // the text, to parse
 * ```
 */
export function storedText(raw: string | null | undefined): string | undefined {
  return raw === null || raw === undefined || raw === '' ? undefined : raw
}

/** What a persisted record is about. */
export type StorageRecord = 'cart' | 'checkout'

/**
 * The key of a persisted record: `tradekit:<namespace>:<userId or "guest">:<record>`, so one
 * user's cart or pending order never shows for the next.
 *
 * @default namespace 'default'
 */
export function storageKey(
  record: StorageRecord,
  options: { namespace?: string; userId?: string | null } = {},
): string {
  const namespace = options.namespace || 'default'
  const user = options.userId || 'guest'
  return `tradekit:${namespace}:${user}:${record}`
}

/**
 * A storage port kept in memory: for tests, Storybook and as the fallback when no real storage is
 * given (a killed app then loses what it held).
 *
 * @example
 * ```ts
 * const storage = memoryStorage()
 * const cart = createCart({ storage })
 * ```
 */
export function memoryStorage(initial?: Readonly<Record<string, string>>): StoragePort & {
  /** A copy of everything stored, for tests. */
  dump(): Record<string, string>
} {
  const data = new Map<string, string>(initial ? Object.entries(initial) : [])
  return {
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => {
      data.set(key, String(value))
    },
    removeItem: (key) => {
      data.delete(key)
    },
    dump: () => Object.fromEntries(data),
  }
}
