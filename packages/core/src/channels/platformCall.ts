import { TradeKitError } from '../errors/TradeKitError'

/** A mini-program global (`tt`, `wx`, `my`) as far as the channels use it. */
export type PlatformApi = Record<string, unknown>

/** The platform global, read only when a channel method runs (never at module load). */
export function platformGlobal(name: 'tt' | 'wx' | 'my'): PlatformApi | undefined {
  const value = (globalThis as Record<string, unknown>)[name]
  return typeof value === 'object' && value !== null ? (value as PlatformApi) : undefined
}

/** True when `api[method]` is a function. */
export function hasMethod(api: PlatformApi | undefined, method: string): boolean {
  return api !== undefined && typeof api[method] === 'function'
}

/** What a callback-style platform API answered. */
export type PlatformAnswer =
  | { readonly ok: true; readonly res: Record<string, unknown> }
  | { readonly ok: false; readonly res: Record<string, unknown> }

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : { value }
}

/**
 * Calls a callback-style platform API (`success`/`fail`/`complete`) without assuming it was
 * promisified. Settles on the first callback; rejects with `ABORTED` at once when `signal` aborts,
 * and ignores any callback that comes later. A synchronous throw is a `fail`.
 * `onComplete` maps a `complete`-only answer (older clients) or returns undefined to wait.
 */
export function callPlatform(
  api: PlatformApi,
  method: string,
  params: Record<string, unknown>,
  signal: AbortSignal,
  onComplete?: (res: Record<string, unknown>) => PlatformAnswer | undefined,
): Promise<PlatformAnswer> {
  return new Promise<PlatformAnswer>((resolve, reject) => {
    if (signal.aborted) {
      reject(new TradeKitError('ABORTED'))
      return
    }
    let done = false
    const onAbort = () => settle(() => reject(new TradeKitError('ABORTED')))
    const settle = (fn: () => void) => {
      if (done) return
      done = true
      signal.removeEventListener('abort', onAbort)
      fn()
    }
    signal.addEventListener('abort', onAbort)
    try {
      const fn = api[method] as (options: Record<string, unknown>) => unknown
      const returned = fn.call(api, {
        ...params,
        success: (res: unknown) => settle(() => resolve({ ok: true, res: asRecord(res) })),
        fail: (res: unknown) => settle(() => resolve({ ok: false, res: asRecord(res) })),
        complete: (res: unknown) => {
          const answer = onComplete?.(asRecord(res))
          if (answer) settle(() => resolve(answer))
        },
      })
      // some wrappers return a promise as well; its rejection must not go unhandled
      if (returned && typeof (returned as { catch?: unknown }).catch === 'function') {
        ;(returned as Promise<unknown>).catch(() => {})
      }
    } catch (error) {
      settle(() =>
        resolve({
          ok: false,
          res: { errMsg: `${method}:fail ${error instanceof Error ? error.message : String(error)}` },
        }),
      )
    }
  })
}

/** The `failed` outcome of a payload of the wrong shape (the platform is not touched). */
export const INVALID_PAYMENT_OUTCOME = Object.freeze({
  kind: 'failed',
  retryable: false,
  code: 'INVALID_PAYMENT',
} as const)

/** The `failed` outcome when the platform API is missing. */
export const UNAVAILABLE_OUTCOME = Object.freeze({
  kind: 'failed',
  retryable: false,
  code: 'PAYMENT_UNAVAILABLE',
} as const)

/** True for a non-empty string. */
export function isText(value: unknown): value is string {
  return typeof value === 'string' && value !== ''
}

/** A result code as a string (platforms send numbers or strings depending on the client version). */
export function codeOf(value: unknown): string | undefined {
  return value === undefined || value === null ? undefined : String(value)
}

/** The message a platform answered with, if any. */
export function messageOf(res: Record<string, unknown>): string | undefined {
  const m = res.errMsg ?? res.errorMessage ?? res.memo ?? res.message
  return typeof m === 'string' ? m : undefined
}
