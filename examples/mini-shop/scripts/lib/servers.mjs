// The processes the demo and the end-to-end tests run: the merchant server (its own package) and a
// small web server for the H5 build that forwards /api to the merchant server, so the app talks to
// its own origin the way a deployed H5 shop talks to its backend.
import { spawn, spawnSync } from 'node:child_process'
import { createReadStream, existsSync, statSync } from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const repoDir = path.resolve(appDir, '../..')
/** The merchant server's package; MERCHANT_DIR runs another build of it (a checkout of another commit). */
export const merchantDir = path.resolve(process.env.MERCHANT_DIR ?? path.join(appDir, '../merchant-server'))

/** Runs a command in the foreground, failing loudly. */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: appDir, ...options })
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status}`)
}

/** Builds the TradeKit packages (Taro resolves them through their dist). */
export function buildLibraries() {
  if (process.env.SKIP_LIB_BUILD === '1') return
  run('pnpm', ['run', 'build'], { cwd: repoDir })
}

/** Compiles the merchant server (`dist/main.js`). */
export function buildMerchant() {
  if (process.env.MERCHANT_DIR) return
  run('pnpm', ['--filter', 'merchant-server', 'run', 'build'], { cwd: repoDir })
}

/**
 * Starts the merchant server as its own process on 127.0.0.1. `port` 0 picks a free one;
 * `dataDir` is PGlite's folder (`memory://` for a throwaway database); `env` adds variables
 * (`MERCHANT_ADMIN_TOKEN`, `SESSION_SECRET`…).
 */
export function startMerchant({ port = 0, dataDir = 'memory://', quiet = true, env = {} } = {}) {
  const child = spawn(process.execPath, [path.join(merchantDir, 'dist/main.js')], {
    cwd: merchantDir,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', PGLITE_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })))
  // never leave a server behind when this process ends without stopping it (a crash, an exit())
  const orphan = () => child.kill('SIGKILL')
  process.once('exit', orphan)
  exited.then(() => process.off('exit', orphan))
  let output = ''
  return new Promise((resolve, reject) => {
    // PGlite's start takes seconds, and on a busy machine (2 cores shared) well over 30 s
    const timer = setTimeout(
      () => fail(new Error(`merchant server did not start:\n${output}`)),
      Number(process.env.MERCHANT_START_TIMEOUT_MS ?? 120_000),
    )
    const fail = (error) => {
      clearTimeout(timer)
      child.kill('SIGKILL')
      reject(error)
    }
    child.stderr.on('data', (chunk) => {
      output += chunk
      if (!quiet) process.stderr.write(chunk)
    })
    child.stdout.on('data', (chunk) => {
      output += chunk
      if (!quiet) process.stdout.write(chunk)
      const match = /merchant server on (http:\/\/[\d.]+:(\d+))/.exec(output)
      if (match && timer) {
        clearTimeout(timer)
        resolve({
          url: match[1],
          port: Number(match[2]),
          pid: child.pid,
          async stop() {
            if (child.exitCode !== null || child.signalCode !== null) return
            child.kill('SIGTERM')
            const killer = setTimeout(() => child.kill('SIGKILL'), 10_000)
            await exited
            clearTimeout(killer)
          },
        })
      }
    })
    exited.then(({ code, signal }) =>
      fail(new Error(`merchant server exited (${code ?? signal}):\n${output}`)),
    )
  })
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
}

/**
 * Serves the H5 build from `root` on 127.0.0.1 and forwards `/api/*` to `backend()` (a URL, read
 * at each request so a test can point it elsewhere). A backend that does not answer is a 502.
 */
export function startWebServer({ root, port = 0, backend }) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
      const target = new URL(url.pathname.slice(4) + url.search, backend())
      const headers = { ...req.headers, host: target.host }
      const upstream = http.request(target, { method: req.method, headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      })
      upstream.on('error', () => {
        if (res.headersSent) {
          res.destroy()
          return
        }
        res.writeHead(502, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ error: { code: 'NETWORK', message: 'merchant server unreachable' } }))
      })
      req.pipe(upstream)
      return
    }
    let file = path.join(root, decodeURIComponent(url.pathname))
    if (!file.startsWith(root) || !existsSync(file) || statSync(file).isDirectory()) {
      file = path.join(root, 'index.html')
    }
    if (!existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
      res.end(`no ${path.relative(root, file)}: build the H5 app first (pnpm --filter mini-shop build:h5)`)
      return
    }
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    })
    createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res)
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => {
      const { port: actual } = server.address()
      resolve({
        url: `http://127.0.0.1:${actual}`,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections?.()
            server.close(() => done())
          }),
      })
    })
  })
}
