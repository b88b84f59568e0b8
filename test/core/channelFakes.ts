import { vi } from 'vitest'

/** How a fake platform API answers one call. */
export type Answer =
  | { success: Record<string, unknown> }
  | { fail: Record<string, unknown> }
  | { complete: Record<string, unknown> }
  | 'never'
  | 'throw'

interface CallbackOptions {
  success?: (res: unknown) => void
  fail?: (res: unknown) => void
  complete?: (res: unknown) => void
  [key: string]: unknown
}

/**
 * A callback-style platform method (as tt/wx/my document them): answers asynchronously through
 * success/fail and then complete — or never, or throws synchronously. Keeps each call's callbacks
 * so a test can deliver a late answer.
 */
export function platformMethod(...answers: Answer[]) {
  let i = 0
  const late: CallbackOptions[] = []
  const fn = vi.fn((options: CallbackOptions) => {
    const answer = answers[Math.min(i++, answers.length - 1)] ?? 'never'
    late.push(options)
    if (answer === 'throw') throw new Error('platform exploded')
    if (answer === 'never') return undefined
    queueMicrotask(() => {
      if ('success' in answer) {
        options.success?.(answer.success)
        options.complete?.(answer.success)
      } else if ('fail' in answer) {
        options.fail?.(answer.fail)
        options.complete?.(answer.fail)
      } else {
        options.complete?.(answer.complete)
      }
    })
    return undefined
  })
  return Object.assign(fn, { late })
}

/** Installs a fake platform global for one test; returns the remover. */
export function installGlobal(name: 'tt' | 'wx' | 'my', value: Record<string, unknown>): () => void {
  const g = globalThis as Record<string, unknown>
  g[name] = value
  return () => {
    delete g[name]
  }
}

/** A PayContext for channel tests, recording saveState calls. */
export function payContext(state?: unknown) {
  const controller = new AbortController()
  const saved: unknown[] = []
  const log: string[] = []
  return {
    controller,
    saved,
    log,
    ctx: {
      signal: controller.signal,
      state,
      saveState: vi.fn(async (s: unknown) => {
        log.push('saveState')
        saved.push(s)
      }),
    },
  }
}
