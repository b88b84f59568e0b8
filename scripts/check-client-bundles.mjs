#!/usr/bin/env node
// Signing keys and secrets exist only in @tradekit/server and the merchant's environment: no client
// bundle may carry signing code or a private key. Greps the built client packages (core, react, taro)
// and, when present, the native components' and the example app's builds, for node:crypto (or crypto), createSign and "PRIVATE KEY".
// Prints one line per check and "N passed, N failed"; exits non-zero on any failure.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const FORBIDDEN = [
  ['node:crypto', /node:crypto/],
  ['the crypto module', /(\bfrom|\brequire\()\s*["']crypto["']/],
  ['createSign', /\bcreateSign\b/],
  ['a private key', /PRIVATE KEY/],
]
const BUNDLE = /\.(c?js|mjs|ttml|wxml|axml|sjs|json)$/

let passed = 0
let failed = 0

function filesUnder(dir) {
  const files = []
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry)
    if (statSync(path).isDirectory()) files.push(...filesUnder(path))
    else if (BUNDLE.test(entry)) files.push(path)
  }
  return files
}

function check(name, dir, required) {
  if (!existsSync(dir)) {
    if (required) {
      failed++
      console.log(`  FAIL  ${name}: ${relative(root, dir)} missing (run pnpm build)`)
    } else {
      console.log(`  skip  ${name}: not built`)
    }
    return
  }
  const files = filesUnder(dir)
  const found = []
  for (const file of files) {
    const text = readFileSync(file, 'utf8')
    for (const [what, pattern] of FORBIDDEN)
      if (pattern.test(text)) found.push(`${what} in ${relative(root, file)}`)
  }
  if (found.length === 0) {
    passed++
    console.log(`  ok    ${name} (${files.length} files, no signing code or keys)`)
  } else {
    failed++
    console.log(`  FAIL  ${name}: ${found.join('; ')}`)
  }
}

console.log('client bundles carry no signing code or keys')
for (const name of ['core', 'react', 'taro'])
  check(`@tradekit/${name} dist`, join(root, 'packages', name, 'dist'), true)
const nativeDist = join(root, 'packages', 'native', 'dist')
if (existsSync(nativeDist)) {
  for (const build of readdirSync(nativeDist))
    check(`@tradekit/native ${build} build`, join(nativeDist, build), false)
} else {
  console.log('  skip  @tradekit/native: not built')
}
const appDist = join(root, 'examples', 'mini-shop', 'dist')
if (existsSync(appDist)) {
  for (const build of readdirSync(appDist)) check(`mini-shop ${build} build`, join(appDist, build), false)
} else {
  console.log('  skip  mini-shop builds: not built')
}

console.log(`${passed} passed, ${failed} failed`)
process.exit(failed === 0 && passed > 0 ? 0 : 1)
