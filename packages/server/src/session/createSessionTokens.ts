import { createHmac, timingSafeEqual } from 'node:crypto'
import { ServerError, VerificationError } from '../errors/ServerError'

/** One HMAC key: its id travels in the token, so a server knows which key to check it with. */
export interface SessionKey {
  /** Short id written into every token signed with this key (letters, digits, `_`, `-`; ≤ 32). */
  id: string
  /** The secret: at least 32 bytes, from a secret store — never from the client, never committed. */
  secret: string | Buffer
}

/** Options of {@link createSessionTokens}. */
export interface SessionTokensOptions {
  /**
   * The keys, newest first. The first one signs new tokens; every one of them verifies, so a key
   * can be rotated in (put it first) and out (drop it once its last tokens expired) without
   * logging anybody out.
   */
  keys: readonly SessionKey[]
  /** How long a token lives, in seconds. @default 86400 (one day) */
  ttlSeconds?: number
  /** The clock, in milliseconds since the epoch. @default Date.now */
  now?: () => number
}

/** Extra claims a token may carry: small, non-secret values (tokens are signed, not encrypted). */
export type SessionData = Readonly<Record<string, string | number | boolean>>

/** What a verified token says. */
export interface SessionClaims {
  /** The user id this token was issued to. */
  sub: string
  /** Issued at, seconds since the epoch. */
  iat: number
  /** Expires at, seconds since the epoch. */
  exp: number
  /** The id of the key that signed it. */
  kid: string
  /** The extra claims given to `issue`, when there were any. */
  data?: SessionData
}

/** Issues and verifies session tokens. */
export interface SessionTokens {
  /**
   * A signed token for `subject` (your user id), expiring after `ttlSeconds`.
   * Hand it to the client; the client sends it back as `Authorization: Bearer <token>`.
   */
  issue(subject: string, data?: SessionData): string
  /**
   * The claims of a genuine, unexpired token. Throws a {@link VerificationError}: `MALFORMED`
   * (not a token), `UNKNOWN_KEY` (signed with a key we no longer hold), `BAD_SIGNATURE` (changed,
   * or signed with another secret), `EXPIRED`.
   */
  verify(token: string): SessionClaims
}

const PREFIX = 'tk1'
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/

function base64url(data: Buffer | string): string {
  return Buffer.from(data).toString('base64url')
}

/**
 * Signed, expiring session tokens (HMAC-SHA256) with key ids and rotation: what a merchant server
 * gives a user after a login code was exchanged (`douyinCode2Session`, `wechatCode2Session`), so no
 * route has to trust a user id the client sends.
 *
 * A token is `tk1.<key id>.<claims, base64url JSON>.<HMAC-SHA256 of everything before it>`.
 *
 * @example
 * ```ts
 * const sessions = createSessionTokens({
 *   keys: [{ id: '2025-06', secret: process.env.SESSION_SECRET! }],
 * })
 * const token = sessions.issue(user.id)
 * const { sub } = sessions.verify(bearerToken) // throws VerificationError when it is not genuine
 * ```
 */
export function createSessionTokens(options: SessionTokensOptions): SessionTokens {
  const now = options.now ?? Date.now
  const ttlSeconds = options.ttlSeconds ?? 86_400
  if (!Number.isSafeInteger(ttlSeconds) || ttlSeconds <= 0) {
    throw new ServerError('INVALID_ARGUMENT', 'ttlSeconds must be a positive integer')
  }
  if (options.keys.length === 0)
    throw new ServerError('INVALID_ARGUMENT', 'at least one session key is needed')
  const keys = new Map<string, Buffer>()
  for (const key of options.keys) {
    if (!KEY_ID.test(key.id))
      throw new ServerError('INVALID_ARGUMENT', `session key id "${key.id}" is not valid`)
    if (keys.has(key.id))
      throw new ServerError('INVALID_ARGUMENT', `session key id "${key.id}" is used twice`)
    const secret = Buffer.from(key.secret)
    if (secret.length < 32) {
      throw new ServerError('INVALID_ARGUMENT', `session key "${key.id}" is shorter than 32 bytes`)
    }
    keys.set(key.id, secret)
  }
  const signingKey = options.keys[0]!.id

  function mac(kid: string, secret: Buffer, payload: string): Buffer {
    return createHmac('sha256', secret).update(`${PREFIX}.${kid}.${payload}`).digest()
  }

  return {
    issue(subject, data) {
      if (typeof subject !== 'string' || subject.length === 0) {
        throw new ServerError('INVALID_ARGUMENT', 'a session needs a subject')
      }
      const iat = Math.floor(now() / 1000)
      const claims: Omit<SessionClaims, 'kid'> = { sub: subject, iat, exp: iat + ttlSeconds }
      if (data !== undefined) claims.data = data
      const payload = base64url(JSON.stringify(claims))
      const signature = base64url(mac(signingKey, keys.get(signingKey)!, payload))
      return `${PREFIX}.${signingKey}.${payload}.${signature}`
    },
    verify(token) {
      const parts = typeof token === 'string' ? token.split('.') : []
      if (parts.length !== 4 || parts[0] !== PREFIX) {
        throw new VerificationError('MALFORMED', 'not a session token')
      }
      const [, kid, payload, signature] = parts as [string, string, string, string]
      const secret = keys.get(kid)
      if (!secret)
        throw new VerificationError('UNKNOWN_KEY', `session key "${kid.slice(0, 32)}" is not known`)
      const expected = mac(kid, secret, payload)
      const given = Buffer.from(signature, 'base64url')
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        throw new VerificationError('BAD_SIGNATURE', 'session token signature does not match')
      }
      let claims: Partial<SessionClaims>
      try {
        claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))
      } catch (error) {
        throw new VerificationError('MALFORMED', 'session token claims are not JSON', { cause: error })
      }
      if (
        typeof claims.sub !== 'string' ||
        !Number.isSafeInteger(claims.iat) ||
        !Number.isSafeInteger(claims.exp)
      ) {
        throw new VerificationError('MALFORMED', 'session token claims are incomplete')
      }
      if (claims.exp! * 1000 <= now()) throw new VerificationError('EXPIRED', 'session token expired')
      const result: SessionClaims = { sub: claims.sub, iat: claims.iat!, exp: claims.exp!, kid }
      if (claims.data !== undefined) result.data = claims.data
      return result
    },
  }
}
