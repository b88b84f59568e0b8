/**
 * The closed list of codes @tradekit/server throws. Branch on `code`, never on `message`.
 *
 * - `INVALID_ARGUMENT`: a programmer or configuration error (a key that is not RSA, a float amount).
 * - `MALFORMED`: a request, token or platform message that is missing parts or cannot be parsed.
 * - `BAD_SIGNATURE`: the signature does not match — the content was changed or signed with another key.
 * - `UNKNOWN_KEY`: the key id or certificate serial is not one we hold.
 * - `STALE_TIMESTAMP`: the timestamp is outside the accepted window.
 * - `REPLAYED`: the nonce was already seen inside the window.
 * - `EXPIRED`: a session token past its expiry.
 * - `DECRYPT_FAILED`: an encrypted resource failed authentication (wrong key or changed ciphertext).
 * - `PLATFORM_ERROR`: the platform answered with an error.
 * - `NETWORK`: the platform could not be reached.
 */
export const SERVER_ERROR_CODES = [
  'INVALID_ARGUMENT',
  'MALFORMED',
  'BAD_SIGNATURE',
  'UNKNOWN_KEY',
  'STALE_TIMESTAMP',
  'REPLAYED',
  'EXPIRED',
  'DECRYPT_FAILED',
  'PLATFORM_ERROR',
  'NETWORK',
] as const

/** One code of {@link SERVER_ERROR_CODES}. */
export type ServerErrorCode = (typeof SERVER_ERROR_CODES)[number]

/** The codes a {@link VerificationError} carries: why a token, callback or response was refused. */
export const VERIFICATION_ERROR_CODES = [
  'MALFORMED',
  'BAD_SIGNATURE',
  'UNKNOWN_KEY',
  'STALE_TIMESTAMP',
  'REPLAYED',
  'EXPIRED',
  'DECRYPT_FAILED',
] as const

/** One code of {@link VERIFICATION_ERROR_CODES}. */
export type VerificationErrorCode = (typeof VERIFICATION_ERROR_CODES)[number]

/** Data a {@link ServerError} may carry. */
export interface ServerErrorData {
  /** The HTTP status the platform answered with. */
  status?: number
  /** The platform's own error code (`err_no`, `errcode`, `code`, `sub_code`), as a string. */
  platformCode?: string
  /** The error this one wraps. */
  cause?: unknown
}

/**
 * The one error type @tradekit/server throws.
 *
 * @example
 * ```ts
 * try {
 *   await wechatPay.refund(request)
 * } catch (error) {
 *   if (isServerError(error, 'PLATFORM_ERROR')) console.warn(error.platformCode)
 * }
 * ```
 */
export class ServerError extends Error {
  /** The code of the closed list. */
  readonly code: ServerErrorCode
  /** The HTTP status the platform answered with, when there was an answer. */
  readonly status?: number
  /** The platform's own error code, when it sent one. */
  readonly platformCode?: string

  constructor(code: ServerErrorCode, message: string, data: ServerErrorData = {}) {
    super(message, 'cause' in data ? { cause: data.cause } : undefined)
    this.name = 'ServerError'
    this.code = code
    if (data.status !== undefined) this.status = data.status
    if (data.platformCode !== undefined) this.platformCode = data.platformCode
  }
}

/**
 * A token, callback or platform response refused by a verifier. Answer the caller with a refusal
 * (401 for a session, the platform's failure shape for a callback) and change nothing.
 */
export class VerificationError extends ServerError {
  declare readonly code: VerificationErrorCode

  constructor(code: VerificationErrorCode, message: string, data: ServerErrorData = {}) {
    super(code, message, data)
    this.name = 'VerificationError'
  }
}

/** True when `error` is a {@link ServerError} (optionally with the given code). */
export function isServerError(error: unknown, code?: ServerErrorCode): error is ServerError {
  return error instanceof ServerError && (code === undefined || error.code === code)
}

/** True when `error` is a {@link VerificationError} (optionally with the given code). */
export function isVerificationError(
  error: unknown,
  code?: VerificationErrorCode,
): error is VerificationError {
  return error instanceof VerificationError && (code === undefined || error.code === code)
}
