import { type AnyTradeKitError, TradeKitError } from '../errors/TradeKitError'

/**
 * The team's API as `who` needs it: each of `methods` a function, else `INVALID_ARGUMENT` at once —
 * an API plugged in without a method is the integrator's bug, found when the store is made, never a
 * "network" failure later.
 *
 * @throws TradeKitError `INVALID_ARGUMENT` naming the first missing method
 */
export function requireMethods<T>(api: unknown, methods: readonly (keyof T & string)[], who: string): T {
  const missing = methods.find((name) => typeof (api as Partial<T> | undefined)?.[name] !== 'function')
  if (missing)
    throw new TradeKitError(
      'INVALID_ARGUMENT',
      process.env.NODE_ENV !== 'production' ? `${who} needs api.${missing}` : undefined,
    )
  return api as T
}

/**
 * The error for an answer of the wrong shape from the team's API: `INVALID_ARGUMENT` naming the
 * method and what was wrong (developer text, dropped from production builds) — the integrator's bug,
 * never a rejected order and never shown as data.
 */
export function malformedAnswer(method: string, what: string | undefined): AnyTradeKitError {
  return new TradeKitError(
    'INVALID_ARGUMENT',
    process.env.NODE_ENV !== 'production' ? `${method} answered ${what}` : undefined,
  ) as AnyTradeKitError
}
