import type { PaymentOutcome } from '../orders/orderLifecycle.ts'

/** One scripted payment: what the cashier reports and which notifications it then sends. */
export interface CashierStep {
  /** `paid` or `failed` notifications, or `none` (the money never moves; the order expires). */
  readonly outcome: PaymentOutcome | 'none'
  /** Milliseconds before the notifications; 0 applies them before `/sandbox/pay` answers. @default 0 */
  readonly delayMs: number
  /** How many identical notifications are sent (duplicates arrive together). @default 1 */
  readonly duplicates: number
  /** Further notifications after the first ones, e.g. a late `failed` after `paid`. */
  readonly late: readonly { readonly outcome: PaymentOutcome; readonly delayMs: number }[]
}

/** Timers, injectable so tests can fire delayed notifications deterministically. */
export interface Scheduler {
  /** `run` returns the notification's promise, so a test scheduler can await what it fired. */
  setTimeout(run: () => Promise<unknown> | undefined, ms: number): unknown
  clearTimeout(handle: unknown): void
}

/** The real clock's timers. */
export const realScheduler: Scheduler = {
  setTimeout: (run, ms) => setTimeout(() => void run(), ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
}

/** What `/sandbox/pay` answers. */
export interface CashierReceipt {
  readonly orderId: string
  readonly step: CashierStep
  /** Notifications applied before answering (delay 0). */
  readonly applied: number
  /** Notifications scheduled for later. */
  readonly scheduled: number
}

/**
 * The sandbox cashier: pays orders by the script (next steps first, then the default step) and
 * sends payment notifications through `notify` — at once, late, duplicated. Scripts and pending
 * timers live in memory only; `close()` cancels timers and waits for notifications in flight.
 */
export function createSandboxCashier(options: {
  readonly notify: (orderId: string, outcome: PaymentOutcome) => Promise<unknown>
  readonly scheduler: Scheduler
  readonly onError: (error: unknown) => void
}) {
  let steps: CashierStep[] = []
  let defaultDelayMs = 0
  let refundDelayMs = 0
  const timers = new Set<unknown>()
  const inFlight = new Set<Promise<unknown>>()
  let closed = false

  const send = (orderId: string, outcome: PaymentOutcome): Promise<unknown> => {
    const running = options.notify(orderId, outcome).catch(options.onError)
    inFlight.add(running)
    void running.finally(() => inFlight.delete(running))
    return running
  }
  const later = (orderId: string, outcome: PaymentOutcome, delayMs: number) => {
    const handle = options.scheduler.setTimeout(() => {
      timers.delete(handle)
      return closed ? undefined : send(orderId, outcome)
    }, delayMs)
    timers.add(handle)
  }

  return {
    /** The steps still to come and the delay of the default step. */
    getScript: () => ({ steps: [...steps], defaultDelayMs, refundDelayMs }),
    /** Replaces the script. */
    setScript(next: {
      readonly steps: readonly CashierStep[]
      readonly defaultDelayMs?: number
      readonly refundDelayMs?: number
    }) {
      steps = [...next.steps]
      if (next.defaultDelayMs !== undefined) defaultDelayMs = next.defaultDelayMs
      if (next.refundDelayMs !== undefined) refundDelayMs = next.refundDelayMs
    },
    /**
     * Moves the money of an accepted refund: `run` at once (awaited) when the script's
     * `refundDelayMs` is 0, else on a timer (a test's scheduler fires it).
     */
    async refund(run: () => Promise<unknown>): Promise<'applied' | 'scheduled'> {
      if (refundDelayMs === 0) {
        await run()
        return 'applied'
      }
      const handle = options.scheduler.setTimeout(() => {
        timers.delete(handle)
        if (closed) return undefined
        const running = run().catch(options.onError)
        inFlight.add(running)
        void running.finally(() => inFlight.delete(running))
        return running
      }, refundDelayMs)
      timers.add(handle)
      return 'scheduled'
    },
    /** Pays an order by the next step; the caller checked the order is pending. */
    async pay(orderId: string): Promise<CashierReceipt> {
      const step = steps.shift() ?? { outcome: 'paid', delayMs: defaultDelayMs, duplicates: 1, late: [] }
      let applied = 0
      let scheduled = 0
      if (step.outcome !== 'none') {
        const outcome = step.outcome
        if (step.delayMs === 0) {
          await Promise.all(Array.from({ length: step.duplicates }, () => send(orderId, outcome)))
          applied += step.duplicates
        } else {
          for (let i = 0; i < step.duplicates; i++) later(orderId, outcome, step.delayMs)
          scheduled += step.duplicates
        }
      }
      for (const next of step.late) {
        later(orderId, next.outcome, next.delayMs)
        scheduled += 1
      }
      return { orderId, step, applied, scheduled }
    },
    /** Cancels pending notifications and waits for those already running. */
    async close() {
      closed = true
      for (const handle of timers) options.scheduler.clearTimeout(handle)
      timers.clear()
      await Promise.all([...inFlight])
    },
  }
}

/** The cashier `createSandboxCashier` makes. */
export type SandboxCashier = ReturnType<typeof createSandboxCashier>
