// code2Session clients, against a fake platform on 127.0.0.1.
// Sources:
// - Douyin: "code2Session", https://developer.open-douyin.com/docs/resource/zh-CN/mini-app/develop/server/basic-abilities/log-in/code-2-session
//   (POST https://developer.toutiao.com/api/apps/v2/jscode2session, JSON {appid, secret, code, anonymous_code},
//   answer {err_no, err_tips, data: {session_key, openid, anonymous_openid, unionid}}).
// - WeChat: "auth.code2Session", https://developers.weixin.qq.com/minigame/dev/api-backend/open-api/login/auth.code2Session.html
//   (GET /sns/jscode2session?appid&secret&js_code&grant_type=authorization_code, answer {openid, session_key,
//   unionid, errcode, errmsg}; 40029 = invalid code).
import { douyinCode2Session, isServerError, wechatCode2Session } from '@tradekit/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type FakePlatform, startFakePlatform } from './fakePlatform'

let platform: FakePlatform

beforeAll(async () => {
  platform = await startFakePlatform({
    'POST /api/apps/v2/jscode2session': (request) => {
      const body = JSON.parse(request.body)
      if (body.code === 'good-code') {
        return {
          body: {
            err_no: 0,
            err_tips: 'success',
            data: { session_key: 'sk==', openid: 'dy-open-1', anonymous_openid: '', unionid: 'dy-union-1' },
          },
        }
      }
      return { body: { err_no: 40018, err_tips: 'bad code', data: {} } }
    },
    'GET /sns/jscode2session': (request) => {
      const query = new URL(request.url, 'http://x').searchParams
      if (query.get('js_code') === 'good-code') return { body: { openid: 'wx-open-1', session_key: 'wx-sk' } }
      return { body: { errcode: 40029, errmsg: 'invalid code' } }
    },
  })
})
afterAll(() => platform.close())

async function failure(promise: Promise<unknown>) {
  try {
    await promise
  } catch (error) {
    if (isServerError(error)) return { code: error.code, platformCode: error.platformCode }
    throw error
  }
  return 'resolved'
}

describe('douyinCode2Session', () => {
  it('posts the documented JSON body and returns who logged in', async () => {
    const config = { appId: 'tt-app', appSecret: 'tt-secret', baseUrl: platform.baseUrl }
    await expect(douyinCode2Session(config, { code: 'good-code' })).resolves.toEqual({
      openId: 'dy-open-1',
      unionId: 'dy-union-1',
      sessionKey: 'sk==',
    })
    const sent = platform.requests.at(-1)!
    expect(sent.headers['content-type']).toBe('application/json')
    expect(JSON.parse(sent.body)).toEqual({
      appid: 'tt-app',
      secret: 'tt-secret',
      code: 'good-code',
      anonymous_code: '',
    })
  })

  it('reports a refused code as PLATFORM_ERROR with err_no, and no answer as NETWORK', async () => {
    const config = { appId: 'tt-app', appSecret: 'tt-secret', baseUrl: platform.baseUrl }
    expect(await failure(douyinCode2Session(config, { code: 'used-code' }))).toEqual({
      code: 'PLATFORM_ERROR',
      platformCode: '40018',
    })
    expect(
      await failure(douyinCode2Session({ ...config, baseUrl: 'http://127.0.0.1:9' }, { code: 'x' })),
    ).toEqual({
      code: 'NETWORK',
      platformCode: undefined,
    })
    expect(await failure(douyinCode2Session(config, {}))).toEqual({
      code: 'INVALID_ARGUMENT',
      platformCode: undefined,
    })
  })
})

describe('wechatCode2Session', () => {
  it('sends the documented query and returns who logged in', async () => {
    const config = { appId: 'wx-app', appSecret: 'wx-secret', baseUrl: platform.baseUrl }
    await expect(wechatCode2Session(config, 'good-code')).resolves.toEqual({
      openId: 'wx-open-1',
      sessionKey: 'wx-sk',
    })
    const sent = new URL(platform.requests.at(-1)!.url, 'http://x')
    expect(sent.pathname).toBe('/sns/jscode2session')
    expect(Object.fromEntries(sent.searchParams)).toEqual({
      appid: 'wx-app',
      secret: 'wx-secret',
      js_code: 'good-code',
      grant_type: 'authorization_code',
    })
  })

  it('reports errcode 40029 as PLATFORM_ERROR', async () => {
    const config = { appId: 'wx-app', appSecret: 'wx-secret', baseUrl: platform.baseUrl }
    expect(await failure(wechatCode2Session(config, 'stale'))).toEqual({
      code: 'PLATFORM_ERROR',
      platformCode: '40029',
    })
  })
})
