import Taro from '@tarojs/taro'
import { httpRequest } from './httpRequest'

/** Who the merchant server knows this app as: the token it sends and the user id it names. */
export interface Session {
  readonly token: string
  readonly userId: string
}

const SESSION_KEY = 'mini-shop:session'
const DEVICE_KEY = 'mini-shop:sandbox-device'

/**
 * Where the session route is (the same server as every other call: see `MERCHANT_BASE_URL` in
 * merchant.ts, repeated here so the two modules do not import each other).
 */
const BASE_URL = process.env.TARO_ENV === 'h5' ? '/api' : MINI_SHOP_MERCHANT_URL

function readStored<T>(key: string): T | undefined {
  try {
    const value = Taro.getStorageSync(key) as unknown
    const parsed = typeof value === 'string' && value !== '' ? (JSON.parse(value) as unknown) : value
    return parsed === '' || parsed === null ? undefined : (parsed as T)
  } catch {
    return undefined
  }
}

/** The session kept from the last login, if any: lets the app name its user at launch. */
export function storedSession(): Session | undefined {
  const session = readStored<Session>(SESSION_KEY)
  return typeof session?.token === 'string' && typeof session.userId === 'string' ? session : undefined
}

/**
 * This device's sandbox login code: made once and kept, so the sandbox knows the same user after a
 * relaunch and each device is a user of its own. Not a secret (the sandbox is for development).
 */
function deviceCode(): string {
  const known = readStored<string>(DEVICE_KEY)
  if (typeof known === 'string' && /^[A-Za-z0-9_-]{16,48}$/.test(known)) return known
  let code = ''
  while (code.length < 32) code += Math.floor(Math.random() * 16).toString(16)
  Taro.setStorageSync(DEVICE_KEY, JSON.stringify(code))
  return code
}

class LoginUnavailable extends Error {}

async function postSession(body: object): Promise<Session> {
  const res = await httpRequest({
    url: `${BASE_URL}/session`,
    method: 'POST',
    data: body,
    header: { 'content-type': 'application/json' },
    timeout: 15_000,
  })
  const data = res.data as {
    token?: unknown
    userId?: unknown
    error?: { reason?: string; message?: string }
  }
  if (res.statusCode === 422 && data?.error?.reason === 'login_unavailable') throw new LoginUnavailable()
  if (res.statusCode !== 200 || typeof data?.token !== 'string' || typeof data.userId !== 'string') {
    throw new Error(`login answered HTTP ${res.statusCode}: ${data?.error?.message ?? ''}`)
  }
  return { token: data.token, userId: data.userId }
}

/**
 * Logs in: with the platform's own cashier (`TRADEKIT_REAL_CASHIER=1`) on Douyin, WeChat or Alipay,
 * the code of `tt.login` / `wx.login` / `my.getAuthCode` (Taro's `login` on Alipay) — the server
 * exchanges it (code2Session, alipay.system.oauth.token) — and otherwise, or when
 * the server has no platform login configured, the sandbox login with this device's code.
 */
async function login(): Promise<Session> {
  const env = process.env.TARO_ENV
  if (MINI_SHOP_REAL_CASHIER && (env === 'tt' || env === 'weapp' || env === 'alipay')) {
    let code: string | undefined
    try {
      code = (await Taro.login()).code
    } catch {
      // no platform login here (a test host): the sandbox's below
    }
    if (code) {
      try {
        return await postSession({
          platform: env === 'tt' ? 'douyin' : env === 'alipay' ? 'alipay' : 'wechat',
          code,
        })
      } catch (error) {
        if (!(error instanceof LoginUnavailable)) throw error
      }
    }
  }
  return postSession({ platform: 'sandbox', code: deviceCode() })
}

let current: Promise<Session> | undefined

function start(): Promise<Session> {
  const running = login().then(
    (session) => {
      Taro.setStorageSync(SESSION_KEY, JSON.stringify(session))
      return session
    },
    (error: unknown) => {
      current = undefined // the next call tries again
      throw error
    },
  )
  current = running
  return running
}

/** The session to send: the stored one, or a login (one at a time, shared by concurrent calls). */
export function currentSession(): Promise<Session> {
  if (current) return current
  const stored = storedSession()
  if (stored) {
    current = Promise.resolve(stored)
    return current
  }
  return start()
}

/** Logs in again after the server refused `stale` (it expired, or the server's keys changed). */
export function renewSession(stale: Session): Promise<Session> {
  return current && storedSession()?.token !== stale.token ? current : start()
}
