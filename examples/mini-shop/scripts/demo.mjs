// Try the mini-shop in a browser: builds TradeKit and the H5 app, then serves the app and the
// merchant server on 127.0.0.1 until Ctrl-C.
//
//   pnpm --filter mini-shop demo            # http://127.0.0.1:10086
//   PORT=3000 MERCHANT_PORT=9000 pnpm --filter mini-shop demo
//
// The merchant server keeps its data in examples/merchant-server/.data/pglite (PGLITE_DIR to change
// it, `memory://` for a throwaway one). SKIP_LIB_BUILD=1 / SKIP_APP_BUILD=1 skip the builds.
import path from 'node:path'
import { appDir, buildLibraries, buildMerchant, run, startMerchant, startWebServer } from './lib/servers.mjs'

if (process.env.SKIP_APP_BUILD !== '1') {
  buildLibraries()
  run('pnpm', ['run', 'build:h5'])
}
buildMerchant()
const merchant = await startMerchant({
  port: Number(process.env.MERCHANT_PORT ?? 8787),
  dataDir: process.env.PGLITE_DIR ?? '.data/pglite',
  quiet: false,
})
const web = await startWebServer({
  root: path.join(appDir, 'dist/h5'),
  port: Number(process.env.PORT ?? 10086),
  backend: () => merchant.url,
})
console.log(
  `\nTradeKit mini-shop (H5): ${web.url}\nmerchant server: ${merchant.url} (also at ${web.url}/api)\nCtrl-C to stop.`,
)

let stopping = false
const stop = async () => {
  if (stopping) return
  stopping = true
  await web.close()
  await merchant.stop()
  process.exit(0)
}
process.on('SIGINT', () => void stop())
process.on('SIGTERM', () => void stop())
