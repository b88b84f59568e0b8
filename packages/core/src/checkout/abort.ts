import { isTradeKitError, TradeKitError } from '../errors/TradeKitError'

/** The part of AbortController the checkout uses. */
export interface Aborter {
  readonly signal: AbortSignal
  abort(reason?: unknown): void
}

type Listener = () => void

// Some mini-program JS engines have no AbortController: a minimal signal with the same surface.
function fallbackController(): Aborter {
  const listeners = new Set<Listener>()
  const signal = {
    aborted: false,
    reason: undefined as unknown,
    onabort: null as null | ((ev: unknown) => void),
    addEventListener(type: string, fn: Listener) {
      if (type === 'abort') listeners.add(fn)
    },
    removeEventListener(type: string, fn: Listener) {
      if (type === 'abort') listeners.delete(fn)
    },
    throwIfAborted() {
      if (signal.aborted) throw signal.reason
    },
    dispatchEvent: () => true,
  }
  return {
    signal: signal as unknown as AbortSignal,
    abort(reason?: unknown) {
      if (signal.aborted) return
      signal.aborted = true
      signal.reason = reason ?? new TradeKitError('ABORTED')
      signal.onabort?.({ type: 'abort' })
      for (const fn of [...listeners]) fn()
      listeners.clear()
    },
  }
}

/** An AbortController, or a small stand-in where the engine has none. */
export function createAborter(): Aborter {
  if (typeof AbortController === 'function') return new AbortController()
  return fallbackController()
}

/** Runs `fn` once when `signal` aborts (at once if it already has); returns an unsubscribe. */
export function onAbort(signal: AbortSignal, fn: () => void): () => void {
  if (signal.aborted) {
    fn()
    return () => {}
  }
  const listener = () => fn()
  signal.addEventListener('abort', listener)
  return () => signal.removeEventListener('abort', listener)
}

/** The error an aborted operation rejects with. */
export function abortedError(): TradeKitError {
  return new TradeKitError('ABORTED')
}

/**
 * Runs `fn` under a timeout and a parent signal. Rejects with `TIMEOUT` when the time is up and
 * `ABORTED` when the parent aborts — at once, whatever `fn` does (its signal is aborted too).
 */
export function withTimeout<T>(
  fn: (signal: AbortSignal) => Promise<T>,
  ms: number,
  parent: AbortSignal,
): Promise<T> {
  const aborter = createAborter()
  return new Promise<T>((resolve, reject) => {
    if (parent.aborted) {
      reject(abortedError())
      return
    }
    let done = false
    const finish = (settle: () => void) => {
      if (done) return
      done = true
      clearTimeout(timer)
      off()
      settle()
    }
    const timer = setTimeout(() => {
      const error = new TradeKitError(
        'TIMEOUT',
        process.env.NODE_ENV !== 'production' ? `No answer within ${ms} ms` : undefined,
      )
      aborter.abort(error)
      finish(() => reject(error))
    }, ms)
    const off = onAbort(parent, () => {
      const error = abortedError()
      aborter.abort(error)
      finish(() => reject(error))
    })
    let promise: Promise<T>
    try {
      promise = Promise.resolve(fn(aborter.signal))
    } catch (error) {
      finish(() => reject(error))
      return
    }
    promise.then(
      (value) => finish(() => resolve(value)),
      (error: unknown) => finish(() => reject(error)),
    )
  })
}

/** Waits `ms`; rejects with `ABORTED` when `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      off()
      resolve()
    }, ms)
    const off = onAbort(signal, () => {
      clearTimeout(timer)
      reject(abortedError())
    })
  })
}

/** True for an abort of ours. */
export function isAborted(error: unknown): boolean {
  return isTradeKitError(error, 'ABORTED')
}
