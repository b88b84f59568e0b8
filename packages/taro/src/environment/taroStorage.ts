// Named imports, not `Taro.x`: a dependency is not run through Taro's babel plugin, which rewrites
// `Taro.x()` to the named exports on H5 (where the default export lacks the API methods).
import { getStorageSync, removeStorageSync, setStorageSync } from '@tarojs/taro'
import { type StoragePort, TradeKitError } from '@tradekit/core'

/** Options of {@link taroStorage}. */
export interface TaroStorageOptions {
  /** Told of every storage failure (quota full, storage unavailable), e.g. for monitoring. */
  onError?: (error: TradeKitError) => void
}

/** The platform's message of a failure (it stays on the error's `cause` in every build). */
const platformMessage = (cause: unknown) =>
  cause instanceof Error ? cause.message : String((cause as { errMsg?: unknown })?.errMsg ?? cause)

function fail(action: string, key: string, cause: unknown, onError?: (error: TradeKitError) => void): never {
  const error = new TradeKitError(
    'STORAGE_FAILED',
    process.env.NODE_ENV !== 'production' ? `${action} ${key} failed: ${platformMessage(cause)}` : undefined,
    { cause },
  )
  onError?.(error)
  throw error
}

/**
 * The core storage port over Taro's synchronous storage (`Taro.getStorageSync` and friends), which
 * is the mini-program's own storage on tt/weapp/alipay and `localStorage` on H5.
 *
 * A failure (a full quota, a storage that is not available) is thrown as
 * `TradeKitError('STORAGE_FAILED')`: the cart and the checkout catch it and report it in their
 * snapshots (`issues: ['storage_failed']`), so the user never sees a crash.
 *
 * The same options answer the same port: the cart and the checkout are kept per storage, so a port
 * made in a render (`storage={taroStorage()}`) must not be a new object each time the app renders
 * again — that would make a new checkout under a payment whose cashier is open. With `onError`, pass
 * a function made once (not an arrow written in the render).
 *
 * @example
 * ```tsx
 * <TradeProvider storage={taroStorage()} lifecycle={taroLifecycle()} … />
 * ```
 */
export function taroStorage(options: TaroStorageOptions = {}): StoragePort {
  const { onError } = options
  if (!onError) {
    shared ??= storagePort(undefined)
    return shared
  }
  let port = withOnError.get(onError)
  if (!port) {
    port = storagePort(onError)
    withOnError.set(onError, port)
  }
  return port
}

let shared: StoragePort | undefined
const withOnError = new WeakMap<NonNullable<TaroStorageOptions['onError']>, StoragePort>()

function storagePort(onError: TaroStorageOptions['onError']): StoragePort {
  return {
    getItem(key) {
      let value: unknown
      try {
        value = getStorageSync(key)
      } catch (cause) {
        fail('Reading', key, cause, onError)
      }
      // Taro answers '' for a key that was never set; core only ever stores non-empty JSON.
      return typeof value === 'string' && value !== '' ? value : null
    },
    setItem(key, value) {
      try {
        setStorageSync(key, value)
      } catch (cause) {
        fail('Writing', key, cause, onError)
      }
    },
    removeItem(key) {
      try {
        removeStorageSync(key)
      } catch (cause) {
        fail('Removing', key, cause, onError)
      }
    },
  }
}
