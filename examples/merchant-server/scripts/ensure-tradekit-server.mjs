#!/usr/bin/env node
// The merchant server runs @tradekit/server from its build (packages/server/dist): build it when it
// is missing or older than its sources, so `start` works on a fresh clone.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const repo = fileURLToPath(new URL('../../..', import.meta.url))
const pkg = join(repo, 'packages', 'server')
const built = join(pkg, 'dist', 'index.js')

function newest(dir) {
  let latest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs)
  }
  return latest
}

if (!existsSync(built) || statSync(built).mtimeMs < newest(join(pkg, 'src'))) {
  const result = spawnSync('pnpm', ['--filter', '@tradekit/server', 'build'], { cwd: repo, stdio: 'inherit' })
  if (result.status !== 0) process.exit(result.status ?? 1)
}
