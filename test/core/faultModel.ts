import { TradeKitError } from '@tradekit/core'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

// What the fault models share: the run count from the environment and the suite that runs a model's
// random scenarios (after the ones it found, kept as fixed examples) under fake timers, counting a
// console.error or an unhandled rejection as a violation.

/**
 * The number of random runs: `fromEnv` (a `TRADEKIT_…_FAULT_RUNS` variable) raises or lowers it;
 * anything but a positive integer keeps `fallback`, so a mistyped variable never makes a run of
 * nothing pass.
 */
export function faultRuns(fromEnv: string | undefined, fallback: number): number {
  const runs = Number(fromEnv)
  return Number.isSafeInteger(runs) && runs > 0 ? runs : fallback
}

/**
 * The replay of a failure, as it prints them: `TRADEKIT_FAULT_SEED` alone runs the same scenarios
 * again (and shrinks the first that fails); with `TRADEKIT_FAULT_PATH` it runs the failing scenario
 * itself and stops there. Nothing when no seed is set.
 */
export function faultReplay(
  seed: string | undefined,
  path: string | undefined,
): { seed: number; path?: string; endOnFailure?: true } | Record<string, never> {
  const value = Number(seed)
  if (seed === undefined || seed === '' || !Number.isSafeInteger(value)) return {}
  return path ? { seed: value, path, endOnFailure: true } : { seed: value }
}

/**
 * A fake server's answer: `value()` after `ms` (never when `ms` is null), or `ABORTED` as soon as
 * `signal` aborts — what a request the checkout or a store gave up on does.
 */
export function abortable<T>(signal: AbortSignal, ms: number | null, value: () => T): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal.aborted) return reject(new TradeKitError('ABORTED'))
    const timer = ms === null ? undefined : setTimeout(() => resolve(value()), ms)
    signal.addEventListener('abort', () => {
      if (timer !== undefined) clearTimeout(timer)
      reject(new TradeKitError('ABORTED'))
    })
  })
}

/** Runs the fake clock `ms` on; a timer that throws (a listener's error reported later) is a violation. */
export async function advanceTime(ms: number, fail: (name: string, message: string) => void): Promise<void> {
  try {
    await vi.advanceTimersByTimeAsync(ms)
  } catch (error) {
    fail('listener', `a timer threw (a listener's error reported later?): ${String(error)}`)
  }
}

/** Describes a fault model: `name` names the suite; `run` answers a scenario's violations. */
export function faultSuite<S>(options: {
  readonly name: string
  readonly runs: number
  readonly scenarios: fc.Arbitrary<S>
  readonly found: readonly S[]
  readonly run: (scenario: S) => Promise<string[]>
  readonly stats: object
  /** The fake clock's start (each run starts there); the real time when not given. */
  readonly epoch?: number
}): void {
  const { name, runs, epoch } = options
  // fake timers replace performance.now; keep the real clock for the report
  const realNow = performance.now.bind(performance)
  describe(`${name} fault model`, () => {
    const unhandled: unknown[] = []
    const onUnhandled = (reason: unknown) => unhandled.push(reason)
    const unexpected: unknown[] = []
    beforeAll(() => {
      vi.useFakeTimers(epoch === undefined ? undefined : { now: epoch })
      process.on('unhandledRejection', onUnhandled)
      vi.spyOn(console, 'warn').mockImplementation(() => {})
      vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => unexpected.push(args))
    })
    afterAll(() => {
      process.off('unhandledRejection', onUnhandled)
      vi.restoreAllMocks()
      vi.useRealTimers()
    })

    it(`keeps every invariant over ${runs} random runs`, async () => {
      let ran = 0
      const started = realNow()
      await fc.assert(
        fc.asyncProperty(options.scenarios, async (scenario) => {
          ran++
          if (epoch !== undefined) vi.setSystemTime(epoch)
          const violations = await options.run(scenario)
          if (unexpected.length > 0) violations.push(`console.error: ${String(unexpected.splice(0)[0])}`)
          if (unhandled.length > 0) violations.push(`unhandled rejection: ${String(unhandled.splice(0)[0])}`)
          // the spies keep every call's arguments: a long run would hold them all (gigabytes)
          vi.mocked(console.warn).mockClear()
          vi.mocked(console.error).mockClear()
          if (violations.length > 0) throw new Error(violations.join('\n'))
        }),
        {
          // fast-check counts the fixed examples in numRuns: `runs` random runs come after them
          numRuns: runs + options.found.length,
          examples: options.found.map((scenario) => [scenario]),
          ...faultReplay(process.env.TRADEKIT_FAULT_SEED, process.env.TRADEKIT_FAULT_PATH),
        },
      )
      const seconds = ((realNow() - started) / 1000).toFixed(1)
      const found = options.found.length
      console.log(
        `${name} fault suite: ${found} found scenarios and ${ran - found} random runs in ${seconds} s`,
        options.stats,
      )
      expect(ran).toBeGreaterThanOrEqual(runs + options.found.length)
    }, 600_000)
  })
}
