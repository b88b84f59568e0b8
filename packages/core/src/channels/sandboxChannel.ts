import { TradeKitError } from '../errors/TradeKitError'
import type {
  PayContext,
  PaymentChannel,
  PayOutcome,
  PurchaseContext,
  PurchaseSupport,
} from '../payment/paymentChannel'
import { INVALID_PAYMENT_OUTCOME, isText } from './platformCall'

/** What one scripted payment does. */
export type SandboxOutcome = 'success' | 'cancel' | 'fail' | 'unknown' | 'hang'

/** One step of a {@link sandboxChannel} script. */
export interface SandboxStep {
  readonly outcome: SandboxOutcome
  /**
   * How long the cashier takes to answer.
   * @default 0
   */
  readonly delayMs?: number
  /** A late success: `notify(orderId)` after this long, whatever the outcome said. */
  readonly notifyAfterMs?: number
  /**
   * For `fail`: whether the same order may be paid again.
   * @default true
   */
  readonly retryable?: boolean
}

/** Options of {@link sandboxChannel}. */
export interface SandboxChannelOptions {
  /** Called when the money "moves": how an in-memory API marks the order paid. */
  notify?: (orderId: string) => void | Promise<void>
  /**
   * The channel id.
   * @default 'sandbox'
   */
  id?: string
  /** What `supports()` answers (to show the purchase modes in stories). */
  supports?: (purchase: PurchaseContext) => PurchaseSupport
}

/** The payload of {@link sandboxChannel}. */
export interface SandboxPayment {
  readonly orderId: string
}

const DEFAULT_STEP: SandboxStep = { outcome: 'success', delayMs: 300 }

/**
 * A scripted cashier for Storybook, tests and the example app. Its payload is `{ orderId }`.
 * `script` is one step or a list used in turn (the last repeats); no script means success after a
 * short delay. `notify(orderId)` is called when the money moves — at once for `success`, after
 * `notifyAfterMs` for a late success behind any outcome. Implements `sign` (auto-renew) the same way.
 *
 * @example
 * ```ts
 * const api = inMemoryApi()
 * const channel = sandboxChannel([{ outcome: 'cancel', notifyAfterMs: 3000 }], { notify: api.markPaid })
 * ```
 */
export function sandboxChannel(
  script?: SandboxStep | readonly SandboxStep[],
  options: SandboxChannelOptions = {},
): PaymentChannel {
  const steps: readonly SandboxStep[] =
    script === undefined ? [DEFAULT_STEP] : Array.isArray(script) ? script : [script as SandboxStep]
  let next = 0
  const notify = (orderId: string) => {
    try {
      void Promise.resolve(options.notify?.(orderId)).catch(() => {})
    } catch {
      // a failing notify is the sandbox API's business
    }
  }

  async function run(payment: unknown, ctx: PayContext): Promise<PayOutcome> {
    if (typeof payment !== 'object' || payment === null || !isText((payment as SandboxPayment).orderId)) {
      return INVALID_PAYMENT_OUTCOME
    }
    const { orderId } = payment as SandboxPayment
    const step = steps[Math.min(next, steps.length - 1)] ?? DEFAULT_STEP
    next++
    if (step.notifyAfterMs !== undefined) setTimeout(() => notify(orderId), step.notifyAfterMs)
    if (step.outcome === 'success') notify(orderId)
    await new Promise<void>((resolve, reject) => {
      if (ctx.signal.aborted) {
        reject(new TradeKitError('ABORTED'))
        return
      }
      const timer = step.outcome === 'hang' ? undefined : setTimeout(done, step.delayMs ?? 0)
      function done() {
        ctx.signal.removeEventListener('abort', aborted)
        resolve()
      }
      function aborted() {
        if (timer !== undefined) clearTimeout(timer)
        reject(new TradeKitError('ABORTED'))
      }
      ctx.signal.addEventListener('abort', aborted)
    })
    switch (step.outcome) {
      case 'success':
        return { kind: 'submitted' }
      case 'cancel':
        return { kind: 'cancelled' }
      case 'fail':
        return { kind: 'failed', retryable: step.retryable ?? true, code: 'PAYMENT_FAILED' }
      default:
        return { kind: 'unknown' }
    }
  }

  return {
    id: options.id ?? 'sandbox',
    platform: 'sandbox',
    isAvailable: () => true,
    ...(options.supports ? { supports: options.supports } : {}),
    pay: run,
    sign: run,
  }
}
