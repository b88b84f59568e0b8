import { TradeKitError } from '../errors/TradeKitError'

/**
 * How long a storage call may take before TradeKit stops waiting for it: a read past this time is a
 * failed read (the record stays unread, and is read again before anything is written over it).
 */
export const STORAGE_TIMEOUT_MS = 5_000

/**
 * Runs a storage call that may be sync or async; rejects with what it threw or rejected with, or
 * with `STORAGE_FAILED` when it has not answered after {@link STORAGE_TIMEOUT_MS}.
 */
export function timeboxed<T>(work: () => T | Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(
          new TradeKitError(
            'STORAGE_FAILED',
            process.env.NODE_ENV !== 'production' ? 'Storage did not answer' : undefined,
          ),
        ),
      STORAGE_TIMEOUT_MS,
    )
    Promise.resolve()
      .then(work)
      .then(
        (value) => {
          clearTimeout(timer)
          resolve(value)
        },
        (error: unknown) => {
          clearTimeout(timer)
          reject(error)
        },
      )
  })
}
