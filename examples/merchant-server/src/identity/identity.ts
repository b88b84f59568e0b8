import { createHash, randomBytes } from 'node:crypto'
import {
  type AlipayConfig,
  type Code2SessionConfig,
  createAlipay,
  createSessionTokens,
  douyinCode2Session,
  isServerError,
  isVerificationError,
  type SessionKey,
  wechatCode2Session,
} from '@tradekit/server'
import { ApiError, invalidArgument } from '../http/ApiError.ts'
import { readObject } from '../http/validate.ts'

/** Platforms whose login codes the session route exchanges. */
export interface LoginOptions {
  /** Douyin app id and secret: `tt.login` codes. */
  readonly douyin?: Code2SessionConfig
  /** WeChat app id and secret: `wx.login` codes. */
  readonly wechat?: Code2SessionConfig
  /** The Alipay app's keys: `my.getAuthCode` codes, exchanged by `alipay.system.oauth.token`. */
  readonly alipay?: Omit<AlipayConfig, 'now' | 'nonceStore'>
}

/** What `POST /session` answers. */
export interface SessionAnswer {
  readonly token: string
  readonly userId: string
  /** Epoch milliseconds. */
  readonly expiresAt: number
  /** A guest: no login, its own id, cannot buy memberships. */
  readonly guest: boolean
}

const GUEST_PREFIX = 'guest:'
const SANDBOX_CODE = /^[A-Za-z0-9_-]{16,48}$/
const PLATFORM_CODE = /^[\x21-\x7e]{1,256}$/

/** True for the id of a guest session (guests cannot buy memberships, pay no member prices). */
export function isGuest(userId: string): boolean {
  return userId.startsWith(GUEST_PREFIX)
}

/** A platform user's id here: `dy:` / `wx:` / `alipay:` and the openid (hashed when it would not fit). */
function platformUserId(prefix: string, openId: string): string {
  const id = `${prefix}${openId}`
  return /^[A-Za-z0-9._:@-]{1,64}$/.test(id)
    ? id
    : `${prefix}${createHash('sha256').update(openId).digest('hex').slice(0, 40)}`
}

function sessionKeys(secrets: readonly string[] | undefined): SessionKey[] {
  // No secret configured: one made now. Tokens then last until the server restarts, and a client
  // logs in again on its next 401.
  const list = secrets && secrets.length > 0 ? secrets : [randomBytes(32).toString('base64url')]
  return list.map((secret) => ({
    id: `k${createHash('sha256').update(secret).digest('hex').slice(0, 8)}`,
    secret,
  }))
}

/**
 * Who is calling: the session route turns a login into a signed token, and every user route reads
 * the user from that token — never from anything else the client sends.
 */
export function createIdentity(options: {
  readonly secrets?: readonly string[]
  readonly ttlSeconds?: number
  readonly now: () => number
  readonly logins: LoginOptions
  /** Accept the sandbox login (a device code instead of a platform's). */
  readonly sandbox: boolean
}) {
  const tokens = createSessionTokens({
    keys: sessionKeys(options.secrets),
    ttlSeconds: options.ttlSeconds ?? 7 * 24 * 3600,
    now: options.now,
  })

  function issue(userId: string): SessionAnswer {
    const token = tokens.issue(userId)
    return { token, userId, expiresAt: tokens.verify(token).exp * 1000, guest: isGuest(userId) }
  }

  const alipay = options.logins.alipay ? createAlipay(options.logins.alipay) : undefined

  async function exchange(platform: 'douyin' | 'wechat' | 'alipay', code: string): Promise<string> {
    const config = options.logins[platform]
    if (!config) {
      throw new ApiError(422, 'PAYMENT_UNAVAILABLE', `${platform} login is not configured on this server`, {
        reason: 'login_unavailable',
      })
    }
    try {
      if (platform === 'alipay') {
        const user = await alipay!.oauthToken(code)
        return platformUserId('alipay:', user.openId ?? user.userId!)
      }
      const login = config as Code2SessionConfig
      const session =
        platform === 'douyin'
          ? await douyinCode2Session(login, { code })
          : await wechatCode2Session(login, code)
      return platformUserId(platform === 'douyin' ? 'dy:' : 'wx:', session.openId)
    } catch (error) {
      if (isServerError(error, 'PLATFORM_ERROR')) {
        throw new ApiError(401, 'INVALID_ARGUMENT', 'The login code was refused', {
          reason: 'login_refused',
          ...(error.platformCode !== undefined && { platformCode: error.platformCode }),
        })
      }
      throw error
    }
  }

  return {
    /** `POST /session`: `{ platform: 'douyin' | 'wechat', code }`, `{ platform: 'sandbox', code }` or `{ platform: 'guest' }`. */
    async login(body: unknown): Promise<SessionAnswer> {
      const input = readObject(body, 'body')
      const platform = input.platform
      if (platform === 'guest') return issue(`${GUEST_PREFIX}${randomBytes(12).toString('hex')}`)
      if (platform === 'sandbox') {
        if (!options.sandbox) {
          throw new ApiError(422, 'PAYMENT_UNAVAILABLE', 'The sandbox is switched off', {
            reason: 'login_unavailable',
          })
        }
        if (typeof input.code !== 'string' || !SANDBOX_CODE.test(input.code)) {
          throw invalidArgument('code', 'A sandbox login code is 16 to 48 of A–Z a–z 0–9 _ -')
        }
        return issue(`sandbox:${input.code}`)
      }
      if (platform === 'douyin' || platform === 'wechat' || platform === 'alipay') {
        if (typeof input.code !== 'string' || !PLATFORM_CODE.test(input.code)) {
          throw invalidArgument('code', 'Send the code of tt.login / wx.login / my.getAuthCode')
        }
        return issue(await exchange(platform, input.code))
      }
      throw invalidArgument('platform', 'platform must be one of douyin, wechat, alipay, sandbox, guest')
    },

    /** The user of `Authorization: Bearer <token>`; 401 without a genuine, unexpired token. */
    userOf(authorization: string | undefined): string {
      const match = /^Bearer ([\x21-\x7e]{1,2048})$/.exec(authorization ?? '')
      if (!match) {
        throw new ApiError(
          401,
          'INVALID_ARGUMENT',
          'Log in first: send Authorization: Bearer <session token>',
          {
            reason: 'session_required',
          },
        )
      }
      try {
        return tokens.verify(match[1]!).sub
      } catch (error) {
        if (!isVerificationError(error)) throw error
        throw new ApiError(401, 'INVALID_ARGUMENT', 'The session is not valid; log in again', {
          reason: error.code === 'EXPIRED' ? 'session_expired' : 'session_invalid',
        })
      }
    },
  }
}

export type Identity = ReturnType<typeof createIdentity>
