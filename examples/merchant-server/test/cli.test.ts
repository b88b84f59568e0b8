import { type ChildProcess, execFile, spawn } from 'node:child_process'
import { rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../src/db/database.ts'
import { DRIVER, freshLocation } from './harness.ts'

const packageDir = fileURLToPath(new URL('..', import.meta.url))
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')
const location = freshLocation()
let child: ChildProcess | undefined

afterAll(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL')
  if ('schema' in location) {
    const db = await openDatabase({ url: process.env.DATABASE_URL!, schema: location.schema })
    await db.query(`DROP SCHEMA ${location.schema} CASCADE`)
    await db.close()
  } else {
    rmSync(location.dataDir, { recursive: true, force: true })
  }
})

/** Resolves with the first stdout line matching `pattern`; rejects if the process exits first. */
function waitForLine(process: ChildProcess, pattern: RegExp): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let seen = ''
    const onData = (chunk: Buffer) => {
      seen += chunk.toString()
      const match = seen.match(pattern)
      if (match) {
        process.stdout?.off('data', onData)
        resolve(match)
      }
    }
    process.stdout?.on('data', onData)
    process.once('exit', (code) =>
      reject(new Error(`exited with ${code} before printing ${pattern}:\n${seen}`)),
    )
  })
}

describe(`the CLI (src/main.ts) on ${DRIVER}`, () => {
  it('builds, listens on 127.0.0.1 on the PORT it is given, serves, and stops cleanly on SIGTERM', async () => {
    await promisify(execFile)(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: packageDir })

    const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0' }
    if ('schema' in location) env.DATABASE_SCHEMA = location.schema
    else env.PGLITE_DIR = location.dataDir
    const stderr: string[] = []
    child = spawn(process.execPath, ['dist/main.js'], {
      cwd: packageDir,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()))

    const [, url, driver] = await waitForLine(
      child,
      /TradeKit merchant server on (http:\/\/127\.0\.0\.1:\d+) \((\w+)\)/,
    )
    expect(driver).toBe(DRIVER)
    const health = await fetch(`${url}/health`)
    expect(await health.json()).toEqual({ ok: true, driver: DRIVER })
    const plans = (await (await fetch(`${url}/membership/plans`)).json()) as { plans: unknown[] }
    expect(plans.plans).toHaveLength(3)

    const exited = new Promise<number | null>((resolve) => child?.once('exit', resolve))
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
    expect(stderr.join('')).toBe('')
  })
})
