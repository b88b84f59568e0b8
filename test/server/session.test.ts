// Session tokens: HMAC-SHA256 (RFC 2104 with SHA-256, as node:crypto's createHmac computes it) over
// "tk1.<kid>.<base64url claims>", base64url (RFC 4648 §5) signature. Our own format: no platform
// documents it, so the vectors are our own — checked both ways against node:crypto.
import { createHmac } from 'node:crypto'
import { createSessionTokens, isVerificationError, ServerError, VerificationError } from '@tradekit/server'
import { describe, expect, it } from 'vitest'

const SECRET_A = 'a'.repeat(32)
const SECRET_B = 'b'.repeat(40)

function reason(fn: () => unknown): string {
  try {
    fn()
  } catch (error) {
    if (isVerificationError(error)) return error.code
    throw error
  }
  return 'accepted'
}

describe('createSessionTokens', () => {
  it('issues a token a node:crypto HMAC reproduces, and verifies it back to its claims', () => {
    let now = 1_750_000_000_000
    const sessions = createSessionTokens({
      keys: [{ id: 'k1', secret: SECRET_A }],
      now: () => now,
      ttlSeconds: 600,
    })
    const token = sessions.issue('user-42', { role: 'member' })
    const [prefix, kid, payload, signature] = token.split('.')
    expect([prefix, kid]).toEqual(['tk1', 'k1'])
    expect(JSON.parse(Buffer.from(payload!, 'base64url').toString())).toEqual({
      sub: 'user-42',
      iat: 1_750_000_000,
      exp: 1_750_000_600,
      data: { role: 'member' },
    })
    const expected = createHmac('sha256', SECRET_A).update(`tk1.k1.${payload}`).digest('base64url')
    expect(signature).toBe(expected)
    now += 599_000
    expect(sessions.verify(token)).toEqual({
      sub: 'user-42',
      iat: 1_750_000_000,
      exp: 1_750_000_600,
      kid: 'k1',
      data: { role: 'member' },
    })
  })

  it('accepts a token made by hand with node:crypto the same way (the other direction)', () => {
    const payload = Buffer.from(JSON.stringify({ sub: 'u', iat: 10, exp: 20 })).toString('base64url')
    const signature = createHmac('sha256', SECRET_B).update(`tk1.old.${payload}`).digest('base64url')
    const sessions = createSessionTokens({ keys: [{ id: 'old', secret: SECRET_B }], now: () => 15_000 })
    expect(sessions.verify(`tk1.old.${payload}.${signature}`)).toEqual({
      sub: 'u',
      iat: 10,
      exp: 20,
      kid: 'old',
    })
  })

  it('refuses a tampered token, a token signed with another secret, an unknown key and an expired token', () => {
    let now = 1_000_000
    const sessions = createSessionTokens({
      keys: [{ id: 'k1', secret: SECRET_A }],
      now: () => now,
      ttlSeconds: 60,
    })
    const token = sessions.issue('alice')
    const [prefix, kid, payload, signature] = token.split('.') as [string, string, string, string]
    const bob = Buffer.from(JSON.stringify({ sub: 'bob', iat: 1000, exp: 1060 })).toString('base64url')
    expect(reason(() => sessions.verify(`${prefix}.${kid}.${bob}.${signature}`))).toBe('BAD_SIGNATURE')

    const forger = createSessionTokens({ keys: [{ id: 'k1', secret: SECRET_B }], now: () => now })
    expect(reason(() => sessions.verify(forger.issue('alice')))).toBe('BAD_SIGNATURE')

    const stranger = createSessionTokens({ keys: [{ id: 'k9', secret: SECRET_A }], now: () => now })
    expect(reason(() => sessions.verify(stranger.issue('alice')))).toBe('UNKNOWN_KEY')

    expect(reason(() => sessions.verify('not-a-token'))).toBe('MALFORMED')
    expect(reason(() => sessions.verify(`tk1.k1.${payload}`))).toBe('MALFORMED')

    now += 60_000
    expect(reason(() => sessions.verify(token))).toBe('EXPIRED')
  })

  it('rotates keys: signs with the newest, still verifies tokens of the older one, forgets dropped keys', () => {
    const now = () => 5_000_000
    const before = createSessionTokens({ keys: [{ id: 'k1', secret: SECRET_A }], now })
    const oldToken = before.issue('alice')
    const during = createSessionTokens({
      keys: [
        { id: 'k2', secret: SECRET_B },
        { id: 'k1', secret: SECRET_A },
      ],
      now,
    })
    const newToken = during.issue('alice')
    expect(newToken.split('.')[1]).toBe('k2')
    expect(during.verify(oldToken).kid).toBe('k1')
    expect(during.verify(newToken).kid).toBe('k2')
    const after = createSessionTokens({ keys: [{ id: 'k2', secret: SECRET_B }], now })
    expect(after.verify(newToken).sub).toBe('alice')
    expect(reason(() => after.verify(oldToken))).toBe('UNKNOWN_KEY')
  })

  it('refuses weak or ambiguous configuration', () => {
    const attempt = (fn: () => unknown) => {
      try {
        fn()
      } catch (error) {
        return error instanceof ServerError && !(error instanceof VerificationError) ? error.code : 'other'
      }
      return 'accepted'
    }
    expect(attempt(() => createSessionTokens({ keys: [] }))).toBe('INVALID_ARGUMENT')
    expect(attempt(() => createSessionTokens({ keys: [{ id: 'k', secret: 'short' }] }))).toBe(
      'INVALID_ARGUMENT',
    )
    expect(attempt(() => createSessionTokens({ keys: [{ id: 'a.b', secret: SECRET_A }] }))).toBe(
      'INVALID_ARGUMENT',
    )
    expect(
      attempt(() =>
        createSessionTokens({
          keys: [
            { id: 'k', secret: SECRET_A },
            { id: 'k', secret: SECRET_B },
          ],
        }),
      ),
    ).toBe('INVALID_ARGUMENT')
    expect(attempt(() => createSessionTokens({ keys: [{ id: 'k', secret: SECRET_A }] }).issue(''))).toBe(
      'INVALID_ARGUMENT',
    )
  })
})
