import { ServerError } from '../errors/ServerError'
import { asRecord, type FetchLike, requestJson, stringField } from '../http/requestJson'

/** The app credentials a login exchange needs (server side only). */
export interface Code2SessionConfig {
  /** The mini-program's app id. */
  appId: string
  /** The mini-program's app secret: from your secret store, never in a client bundle. */
  appSecret: string
  /** Injected `fetch`. @default globalThis.fetch */
  fetch?: FetchLike
  /** The platform's base URL (a test points it at a fake). */
  baseUrl?: string
}

/**
 * Who logged in. Keep `sessionKey` on the server (it decrypts the user's data); give the client a
 * session token from {@link createSessionTokens} instead.
 */
export interface PlatformSession {
  /** The user's id in this mini-program. */
  openId: string
  /** The user's id across the developer's apps, when the platform sends it. */
  unionId?: string
  /** The session key for decrypting user data (phone number, user info). */
  sessionKey: string
  /** Douyin: the anonymous user's id, when an anonymous code was given. */
  anonymousOpenId?: string
}

/** A Douyin login: the `code` (and optional `anonymousCode`) `tt.login` gave the mini-program. */
export interface DouyinLoginCode {
  code?: string
  anonymousCode?: string
}

const DOUYIN_BASE = 'https://developer.toutiao.com'
const WECHAT_BASE = 'https://api.weixin.qq.com'

/**
 * Douyin `code2Session`: exchanges the code from `tt.login` for the user's openid and session key
 * (`POST /api/apps/v2/jscode2session`). A refused code is `PLATFORM_ERROR` with the platform's
 * `err_no` as `platformCode`; no answer is `NETWORK`.
 *
 * @example
 * ```ts
 * const { openId } = await douyinCode2Session(
 *   { appId: process.env.DOUYIN_APP_ID!, appSecret: process.env.DOUYIN_APP_SECRET! },
 *   { code },
 * )
 * const token = sessions.issue(await userIdFor('douyin', openId))
 * ```
 */
export async function douyinCode2Session(
  config: Code2SessionConfig,
  login: DouyinLoginCode,
): Promise<PlatformSession> {
  if (!login.code && !login.anonymousCode) {
    throw new ServerError('INVALID_ARGUMENT', 'a Douyin login needs a code or an anonymous code')
  }
  const answer = await requestJson(
    config.fetch ?? globalThis.fetch,
    'Douyin',
    `${config.baseUrl ?? DOUYIN_BASE}/api/apps/v2/jscode2session`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        appid: config.appId,
        secret: config.appSecret,
        code: login.code ?? '',
        anonymous_code: login.anonymousCode ?? '',
      }),
    },
  )
  const body = asRecord(answer.json)
  const errNo = stringField(body, 'err_no')
  if (answer.status !== 200 || errNo !== '0') {
    throw new ServerError(
      'PLATFORM_ERROR',
      `Douyin code2Session refused: ${stringField(body, 'err_tips') ?? answer.status}`,
      {
        status: answer.status,
        ...(errNo !== undefined && { platformCode: errNo }),
      },
    )
  }
  const data = asRecord(body.data)
  const openId = stringField(data, 'openid') || stringField(data, 'anonymous_openid')
  const sessionKey = stringField(data, 'session_key') ?? ''
  if (!openId) throw new ServerError('PLATFORM_ERROR', 'Douyin code2Session answered without an openid')
  const session: PlatformSession = { openId, sessionKey }
  const unionId = stringField(data, 'unionid')
  if (unionId) session.unionId = unionId
  const anonymousOpenId = stringField(data, 'anonymous_openid')
  if (anonymousOpenId) session.anonymousOpenId = anonymousOpenId
  return session
}

/**
 * WeChat `auth.code2Session`: exchanges the code from `wx.login` for the user's openid and session
 * key (`GET /sns/jscode2session`). A refused code is `PLATFORM_ERROR` with `errcode` as
 * `platformCode` (40029: invalid code); no answer is `NETWORK`.
 *
 * @example
 * ```ts
 * const { openId } = await wechatCode2Session(
 *   { appId: process.env.WECHAT_APP_ID!, appSecret: process.env.WECHAT_APP_SECRET! },
 *   code,
 * )
 * ```
 */
export async function wechatCode2Session(config: Code2SessionConfig, code: string): Promise<PlatformSession> {
  if (!code) throw new ServerError('INVALID_ARGUMENT', 'a WeChat login needs a code')
  const query = new URLSearchParams({
    appid: config.appId,
    secret: config.appSecret,
    js_code: code,
    grant_type: 'authorization_code',
  })
  const answer = await requestJson(
    config.fetch ?? globalThis.fetch,
    'WeChat',
    `${config.baseUrl ?? WECHAT_BASE}/sns/jscode2session?${query}`,
    { method: 'GET' },
  )
  const body = asRecord(answer.json)
  const errcode = stringField(body, 'errcode')
  const openId = stringField(body, 'openid')
  if (answer.status !== 200 || (errcode !== undefined && errcode !== '0') || !openId) {
    throw new ServerError(
      'PLATFORM_ERROR',
      `WeChat code2Session refused: ${stringField(body, 'errmsg') ?? answer.status}`,
      {
        status: answer.status,
        ...(errcode !== undefined && { platformCode: errcode }),
      },
    )
  }
  const session: PlatformSession = { openId, sessionKey: stringField(body, 'session_key') ?? '' }
  const unionId = stringField(body, 'unionid')
  if (unionId) session.unionId = unionId
  return session
}
