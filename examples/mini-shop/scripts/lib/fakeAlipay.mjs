// A stand-in for Alipay's open platform, for checking the Alipay build's real cashier without
// Alipay: a gateway on 127.0.0.1 (the merchant server's ALIPAY_GATEWAY_URL) that answers
// alipay.system.oauth.token, alipay.trade.create and alipay.trade.query signed with its own RSA2 key,
// and the trade notification Alipay sends once the buyer paid, signed the same way. Its keys are
// made at start: nothing here is a real key, and the merchant server trusts it only because this
// script hands it the matching public key.
import { createSign, createVerify, generateKeyPairSync, randomBytes } from 'node:crypto'
import http from 'node:http'

const pem = () =>
  generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  })

/** `k=v&…` over the sorted parameters without `skip`ped ones (Alipay's signed text). */
const sorted = (params, skip) =>
  Object.keys(params)
    .filter((key) => !skip.includes(key) && params[key] !== undefined && params[key] !== '')
    .sort()
    .map((key) => `${key}=${params[key]}`)
    .join('&')

const sign = (text, key) => createSign('RSA-SHA256').update(text, 'utf8').sign(key, 'base64')

/** Beijing time as Alipay writes it: `yyyy-MM-dd HH:mm:ss`. */
const beijing = (ms) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ')
const yuan = (fen) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`
const fen = (text) => {
  const [whole, part = ''] = String(text).split('.')
  return Number(whole) * 100 + Number(part.padEnd(2, '0').slice(0, 2))
}

/**
 * Starts the gateway. `authCode` is the login code it accepts (`my.getAuthCode`'s), `openId` the
 * buyer it names. Returns `{ url, env, trades, calls, notify(outTradeNo), close() }`: `env` is what
 * the merchant server needs (its ALIPAY_* variables, `notifyUrl` filled in by `notify`'s caller),
 * `trades` the trades made (by out_trade_no), `calls` the gateway methods called in order.
 */
export async function startFakeAlipay({
  authCode = 'alipay-host-auth-code',
  openId = 'alipay-host-buyer',
} = {}) {
  const app = pem()
  const platform = pem()
  const appId = '2021000000000001'
  const trades = new Map()
  const calls = []
  const answer = (res, name, node) => {
    const text = JSON.stringify(node)
    res.writeHead(200, { 'content-type': 'application/json;charset=utf-8' })
    res.end(`{"${name}":${text},"sign":"${sign(text, platform.privateKey)}"}`)
  }
  const server = http.createServer((req, res) => {
    let body = ''
    req.on('data', (chunk) => {
      body += chunk
    })
    req.on('end', () => {
      const params = Object.fromEntries(new URLSearchParams(body))
      const genuine = createVerify('RSA-SHA256')
        .update(sorted(params, ['sign']), 'utf8')
        .verify(app.publicKey, params.sign ?? '', 'base64')
      calls.push(genuine ? params.method : `${params.method} (bad signature)`)
      if (!genuine || params.app_id !== appId) {
        answer(res, 'error_response', {
          code: '40002',
          msg: 'Invalid Arguments',
          sub_code: 'isv.invalid-signature',
        })
        return
      }
      const biz = JSON.parse(params.biz_content ?? '{}')
      if (params.method === 'alipay.system.oauth.token') {
        if (params.code !== authCode) {
          answer(res, 'error_response', {
            code: '40002',
            msg: 'Invalid Arguments',
            sub_code: 'isv.code-invalid',
          })
          return
        }
        answer(res, 'alipay_system_oauth_token_response', {
          open_id: openId,
          access_token: 'authusrB-host',
          expires_in: '3600',
        })
        return
      }
      if (params.method === 'alipay.trade.create') {
        const tradeNo = `2026${randomBytes(8).toString('hex')}`
        trades.set(biz.out_trade_no, {
          tradeNo,
          outTradeNo: biz.out_trade_no,
          total: fen(biz.total_amount),
          buyer: biz.buyer_open_id ?? biz.buyer_id,
          productCode: biz.product_code,
          notifyUrl: params.notify_url,
          paid: false,
        })
        answer(res, 'alipay_trade_create_response', {
          code: '10000',
          msg: 'Success',
          out_trade_no: biz.out_trade_no,
          trade_no: tradeNo,
        })
        return
      }
      if (params.method === 'alipay.trade.query') {
        const trade =
          trades.get(biz.out_trade_no) ?? [...trades.values()].find((t) => t.tradeNo === biz.trade_no)
        if (!trade) {
          answer(res, 'alipay_trade_query_response', {
            code: '40004',
            msg: 'Business Failed',
            sub_code: 'ACQ.TRADE_NOT_EXIST',
          })
          return
        }
        answer(res, 'alipay_trade_query_response', {
          code: '10000',
          msg: 'Success',
          trade_no: trade.tradeNo,
          out_trade_no: trade.outTradeNo,
          trade_status: trade.paid ? 'TRADE_SUCCESS' : 'WAIT_BUYER_PAY',
          total_amount: yuan(trade.total),
          buyer_open_id: trade.buyer,
        })
        return
      }
      res.writeHead(404, { 'content-type': 'application/json' })
      res.end('{}')
    })
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${server.address().port}`
  return {
    url,
    authCode,
    openId,
    trades,
    calls,
    /** The merchant server's variables for this gateway; `notifyUrl` is where Alipay would notify. */
    env: (notifyUrl) => ({
      ALIPAY_APP_ID: appId,
      ALIPAY_APP_PRIVATE_KEY: app.privateKey,
      ALIPAY_PUBLIC_KEY: platform.publicKey,
      ALIPAY_NOTIFY_URL: notifyUrl,
      ALIPAY_GATEWAY_URL: `${url}/gateway.do`,
    }),
    /**
     * The buyer paid `outTradeNo`: marks the trade paid and posts Alipay's signed
     * trade_status_sync notification to `notifyUrl`; resolves with the answer's status and text.
     */
    async notify(outTradeNo, notifyUrl) {
      const trade = trades.get(outTradeNo)
      if (!trade) throw new Error(`no Alipay trade for ${outTradeNo}`)
      trade.paid = true
      const params = {
        app_id: appId,
        notify_id: randomBytes(12).toString('hex'),
        notify_time: beijing(Date.now()),
        notify_type: 'trade_status_sync',
        out_trade_no: outTradeNo,
        trade_no: trade.tradeNo,
        trade_status: 'TRADE_SUCCESS',
        total_amount: yuan(trade.total),
        receipt_amount: yuan(trade.total),
        charset: 'utf-8',
        version: '1.0',
        sign_type: 'RSA2',
      }
      params.sign = sign(sorted(params, ['sign', 'sign_type']), platform.privateKey)
      const response = await fetch(notifyUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
        body: new URLSearchParams(params).toString(),
      })
      return { status: response.status, text: await response.text() }
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.()
        server.close(() => resolve())
      }),
  }
}
