import { createApp } from './http/createApp.ts'
import { startServer } from './http/startServer.ts'
import { paymentsFromEnv } from './payments/paymentsFromEnv.ts'

const port = Number(process.env.PORT ?? 8787)
if (!Number.isInteger(port) || port < 0 || port > 65535)
  throw new Error(`PORT must be a port number: ${process.env.PORT}`)
const ttl = process.env.ORDER_TTL_MS === undefined ? undefined : Number(process.env.ORDER_TTL_MS)
if (ttl !== undefined && !(Number.isInteger(ttl) && ttl > 0))
  throw new Error('ORDER_TTL_MS must be a positive integer')

const env = process.env
/** A list from a comma-separated variable (empty when unset). */
const list = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
const login = (appId: string | undefined, appSecret: string | undefined) =>
  appId && appSecret ? { appId, appSecret } : undefined
const douyin = login(env.DOUYIN_APP_ID, env.DOUYIN_APP_SECRET)
const wechat = login(env.WECHAT_APP_ID, env.WECHAT_APP_SECRET)

// The Alipay app's keys both log users in (my.getAuthCode) and take their money.
const payments = paymentsFromEnv(env)
const merchant = await createApp({
  sweepIntervalMs: 30_000,
  ...(ttl !== undefined ? { orderTtlMs: ttl } : {}),
  corsOrigins: list(env.CORS_ORIGINS),
  ...(env.MERCHANT_ADMIN_TOKEN ? { adminToken: env.MERCHANT_ADMIN_TOKEN } : {}),
  sandbox: env.MERCHANT_SANDBOX !== '0',
  sessionSecrets: [env.SESSION_SECRET, env.SESSION_SECRET_PREVIOUS].filter((s): s is string => Boolean(s)),
  logins: {
    ...(douyin && { douyin }),
    ...(wechat && { wechat }),
    ...(payments.alipay && { alipay: payments.alipay }),
  },
  payments,
})
const server = await startServer(merchant.app, { port, hostname: process.env.HOST ?? '127.0.0.1' })
console.log(`TradeKit merchant server on ${server.url} (${merchant.db.driver})`)
console.log(`Payment channels: ${merchant.channels.join(', ')}`)

let stopping = false
const stop = async (signal: string) => {
  if (stopping) return
  stopping = true
  console.log(`${signal}: stopping`)
  await server.close()
  await merchant.close()
  process.exit(0)
}
process.on('SIGINT', () => void stop('SIGINT'))
process.on('SIGTERM', () => void stop('SIGTERM'))
