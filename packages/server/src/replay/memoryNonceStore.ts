/**
 * Remembers the nonces of verified messages, so one captured message cannot be sent twice.
 * Share one store between processes (Redis `SET key 1 NX PX ttl`, a database unique key) when the
 * server runs on more than one.
 */
export interface NonceStore {
  /**
   * Records `key` for `ttlMs` milliseconds. Answers `true` when the key was not known (the message
   * is new) and `false` when it was seen before and has not expired (a replay).
   */
  remember(key: string, ttlMs: number): boolean | Promise<boolean>
}

/** Options of {@link memoryNonceStore}. */
export interface MemoryNonceStoreOptions {
  /** The clock, in milliseconds since the epoch. @default Date.now */
  now?: () => number
  /**
   * At most this many live entries; past it the oldest are forgotten first (a flood of genuine
   * messages must not exhaust memory). @default 100000
   */
  maxEntries?: number
}

/**
 * An in-memory {@link NonceStore} with a time to live per entry: right for one process, lost on
 * restart (the verifiers' timestamp window still refuses anything older than the window).
 *
 * @example
 * ```ts
 * const nonceStore = memoryNonceStore()
 * const wechatPay = createWechatPay({ ...config, nonceStore })
 * ```
 */
export function memoryNonceStore(options: MemoryNonceStoreOptions = {}): NonceStore {
  const now = options.now ?? Date.now
  const maxEntries = options.maxEntries ?? 100_000
  // Insertion order is expiry order when every entry has the same TTL; sweeping from the front
  // stops at the first live entry.
  const entries = new Map<string, number>()

  function sweep(at: number) {
    for (const [key, expiresAt] of entries) {
      if (expiresAt > at) break
      entries.delete(key)
    }
  }

  return {
    remember(key, ttlMs) {
      const at = now()
      sweep(at)
      const expiresAt = entries.get(key)
      if (expiresAt !== undefined && expiresAt > at) return false
      entries.delete(key)
      entries.set(key, at + ttlMs)
      while (entries.size > maxEntries) {
        const oldest = entries.keys().next().value
        if (oldest === undefined) break
        entries.delete(oldest)
      }
      return true
    },
  }
}
