import { createApp } from './http/createApp.ts'
import { startServer } from './http/startServer.ts'

const port = Number(process.env.PORT ?? 8787)
if (!Number.isInteger(port) || port < 0 || port > 65535)
  throw new Error(`PORT must be a port number: ${process.env.PORT}`)
const ttl = process.env.ORDER_TTL_MS === undefined ? undefined : Number(process.env.ORDER_TTL_MS)
if (ttl !== undefined && !(Number.isInteger(ttl) && ttl > 0))
  throw new Error('ORDER_TTL_MS must be a positive integer')

const merchant = await createApp({
  sweepIntervalMs: 30_000,
  ...(ttl !== undefined ? { orderTtlMs: ttl } : {}),
  ...(process.env.CORS_ORIGIN ? { corsOrigin: process.env.CORS_ORIGIN.split(',') } : {}),
  admin: process.env.MERCHANT_ADMIN !== '0',
})
const server = await startServer(merchant.app, { port, hostname: process.env.HOST ?? '127.0.0.1' })
console.log(`TradeKit merchant server on ${server.url} (${merchant.db.driver})`)

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
