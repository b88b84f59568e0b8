import { VerificationError } from '../errors/ServerError'
import type { NonceStore } from './memoryNonceStore'

/** How verifiers judge a message's age and uniqueness. */
export interface FreshnessOptions {
  /** The clock, in milliseconds since the epoch. @default Date.now */
  now?: () => number
  /**
   * How far a message's timestamp may be from `now`, either way, in milliseconds.
   * @default 300000 (5 minutes)
   */
  windowMs?: number
  /** Where seen nonces are kept. @default a {@link memoryNonceStore} per client */
  nonceStore?: NonceStore
}

/** Five minutes: the window every verifier uses unless told otherwise. */
export const DEFAULT_WINDOW_MS = 5 * 60 * 1000

/** Refuses a timestamp (in seconds, as the platforms send it) outside the window. */
export function assertTimestampInWindow(timestamp: string, now: number, windowMs: number): number {
  if (!/^\d{1,12}$/.test(timestamp)) {
    throw new VerificationError('MALFORMED', `timestamp "${timestamp.slice(0, 20)}" is not in seconds`)
  }
  const at = Number(timestamp) * 1000
  if (Math.abs(now - at) > windowMs) {
    throw new VerificationError('STALE_TIMESTAMP', `timestamp is ${Math.round((now - at) / 1000)} s from now`)
  }
  return at
}

/**
 * Refuses a nonce seen before. Called only after the signature verified, so a forger cannot burn
 * the nonces of genuine messages. Entries live twice the window: anything older is refused as
 * stale anyway.
 */
export async function assertNonceIsNew(
  store: NonceStore,
  scope: string,
  nonce: string,
  windowMs: number,
): Promise<void> {
  if (nonce.length === 0 || nonce.length > 128) {
    throw new VerificationError('MALFORMED', 'nonce is empty or too long')
  }
  if (!(await store.remember(`${scope}:${nonce}`, windowMs * 2))) {
    throw new VerificationError('REPLAYED', 'this message was already received')
  }
}
