import { TradeKitError } from '../errors/TradeKitError'

/**
 * How long TradeKit waits for a storage call: a read past this time is a failed read (the record
 * stays unread, and is read again before anything is written over it), a write past it a failed
 * write (the next one waits its turn: see {@link storageQueue}).
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

const ignore = () => {}

/** A storage call made in its turn: see {@link storageQueue}. */
export type QueuedStorage = <T>(work: () => T | Promise<T>, late?: (value: T) => void) => Promise<T>

/**
 * Storage calls one at a time: each is made only once the one before has settled, however long that
 * took, so a slow write never lands over a newer one. The caller is answered within
 * {@link STORAGE_TIMEOUT_MS} all the same (see {@link timeboxed}), whether the call still waits its
 * turn or runs; `late` gets the value of a call that answered after its caller was told it failed.
 */
export function storageQueue(): QueuedStorage {
  let tail: Promise<unknown> = Promise.resolve()
  return <T>(work: () => T | Promise<T>, late?: (value: T) => void) => {
    const call = tail.then(work)
    tail = call.then(ignore, ignore)
    const answer = timeboxed(() => call)
    if (late) answer.catch(() => call.then(late, ignore))
    return answer
  }
}
