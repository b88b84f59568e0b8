#!/usr/bin/env node
// Builds TradeKit's native custom components with Taro's native-components output:
//
//   pnpm --filter @tradekit/native run build:native            # weapp and tt
//   pnpm --filter @tradekit/native run build:native -- tt      # one platform
//
// dist/<type>/components/{product-card,cart,checkout-bar}/index.* plus the shared runtime chunks
// (runtime.js, taro.js, vendors.js, common.js, base template, comp) the components require.
import { spawnSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const PLATFORMS = ['weapp', 'tt']

/** Builds one platform into dist/<type>; throws when Taro fails. */
export function buildNative(type) {
  const started = Date.now()
  rmSync(path.join(packageDir, 'dist', type), { recursive: true, force: true })
  const result = spawnSync(
    path.join(packageDir, 'node_modules/.bin/taro'),
    ['build', 'native-components', '--type', type, '--no-check'],
    {
      cwd: packageDir,
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
      env: { ...process.env, NODE_ENV: 'production' },
    },
  )
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`
  if (result.status !== 0 || /Failed to compile|Error:/.test(output)) {
    throw new Error(`taro build native-components --type ${type} failed:\n${output.slice(-4000)}`)
  }
  return (Date.now() - started) / 1000
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const types = process.argv.slice(2).filter((arg) => PLATFORMS.includes(arg))
  for (const type of types.length ? types : PLATFORMS) {
    const seconds = buildNative(type)
    console.log(`built dist/${type} in ${seconds.toFixed(1)}s`)
  }
}
