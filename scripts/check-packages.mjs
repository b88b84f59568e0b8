#!/usr/bin/env node
// Package checks: dependency arrows, build outputs, CSS kept for mini-programs, publint, attw.
// Prints one line per check and "N passed, N failed"; exits non-zero on any failure.
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { publint } from 'publint'

const root = new URL('..', import.meta.url).pathname
const packages = ['core', 'react', 'taro', 'server']
const HOST_PACKAGES = /^(react|react-dom|@tarojs\/.+)$/
const EXPECTED_PEERS = {
  core: [],
  react: ['react'],
  taro: ['react', '@tarojs/components', '@tarojs/taro'],
  server: [],
}

let passed = 0
let failed = 0
async function check(name, fn) {
  try {
    const detail = await fn()
    passed++
    console.log(`  ok    ${name}${detail ? ` (${detail})` : ''}`)
  } catch (error) {
    failed++
    console.log(`  FAIL  ${name}: ${error instanceof Error ? error.message : String(error)}`)
  }
}
function assert(condition, message) {
  if (!condition) throw new Error(message)
}

for (const name of packages) {
  const dir = join(root, 'packages', name)
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
  const deps = Object.keys(pkg.dependencies ?? {})
  const peers = Object.keys(pkg.peerDependencies ?? {})
  console.log(pkg.name)

  await check('react, react-dom and @tarojs/* are never dependencies', () => {
    const wrong = deps.filter((d) => HOST_PACKAGES.test(d))
    assert(wrong.length === 0, `found in dependencies: ${wrong.join(', ')}`)
  })
  await check('dependencies only point down the arrows', () => {
    const allowed = {
      core: [],
      react: ['@tradekit/core'],
      taro: ['@tradekit/core', '@tradekit/react'],
      server: [],
    }[name]
    const extra = deps.filter((d) => !allowed.includes(d))
    assert(extra.length === 0, `unexpected dependencies: ${extra.join(', ')}`)
    return deps.length === 0 ? `${name} has no runtime dependencies` : deps.join(', ')
  })
  await check('peer dependencies follow the arrows', () => {
    const expected = EXPECTED_PEERS[name]
    assert(
      JSON.stringify([...peers].sort()) === JSON.stringify([...expected].sort()),
      `peers are [${peers}], expected [${expected}]`,
    )
    for (const peer of peers) {
      assert(pkg.devDependencies?.[peer], `${peer} is a peer but not a dev dependency for our own build`)
    }
  })
  await check('build has ESM, CJS and type declarations', () => {
    for (const file of ['index.js', 'index.cjs', 'index.d.ts', 'index.d.cts']) {
      assert(existsSync(join(dir, 'dist', file)), `dist/${file} missing (run pnpm build)`)
    }
  })
  await check('exports map lists types first and a source condition', () => {
    const conditions = Object.keys(pkg.exports['.'])
    assert(conditions[0] === 'types', `first condition is ${conditions[0]}`)
    assert(pkg.exports['.'].source === './src/index.ts', 'no source condition')
  })
  if (name === 'taro') {
    await check('CSS ships next to the JS and the imports are kept', () => {
      const dist = join(dir, 'dist')
      const files = readdirSync(dist)
      const css = files.filter((f) => f.endsWith('.css'))
      assert(css.length > 0, 'no CSS in dist')
      const js = files.filter((f) => /\.(c?js)$/.test(f)).map((f) => readFileSync(join(dist, f), 'utf8'))
      for (const file of css) {
        assert(
          js.some((code) => code.includes(`'./${file}'`) || code.includes(`"./${file}"`)),
          `${file} is not imported by any built module`,
        )
      }
      for (const code of js) {
        for (const [, imported] of code.matchAll(/["']\.\/([^"']+\.css)["']/g)) {
          assert(css.includes(imported), `a module imports ./${imported}, which is not in dist`)
        }
      }
      assert(
        Array.isArray(pkg.sideEffects) && pkg.sideEffects.some((p) => p.endsWith('.css')),
        'sideEffects must keep CSS',
      )
      assert(!js.some((code) => /document\.(head|createElement)/.test(code)), 'built JS touches document')
      return css.join(', ')
    })
  }
  await check('publint', async () => {
    const { messages } = await publint({ pkgDir: dir, level: 'warning', strict: true })
    assert(messages.length === 0, messages.map((m) => `${m.code} ${JSON.stringify(m.args)}`).join('; '))
  })
  await check('are the types wrong (attw)', () => {
    execFileSync('pnpm', ['exec', 'attw', '--pack', dir, '--format', 'ascii'], { cwd: root, stdio: 'pipe' })
  })
}

// The Storybook preset is a dev tool: plain ESM JavaScript with declarations next to it (Storybook 10 and
// Vite are ESM-only, and Storybook loads it without a build), so it has no dist and no CJS build.
{
  const dir = join(root, 'packages', 'storybook-preset-taro')
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
  console.log(pkg.name)
  await check('no runtime dependencies; Taro, Storybook and Vite are peers and dev dependencies', () => {
    const deps = Object.keys(pkg.dependencies ?? {})
    assert(deps.length === 0, `unexpected dependencies: ${deps.join(', ')}`)
    const peers = Object.keys(pkg.peerDependencies ?? {})
    for (const peer of ['@tarojs/components-react', '@tarojs/taro-h5', 'storybook', 'vite']) {
      assert(peers.includes(peer), `${peer} is not a peer dependency`)
    }
    for (const peer of peers) {
      assert(pkg.devDependencies?.[peer], `${peer} is a peer but not a dev dependency for our own use`)
    }
  })
  await check('Storybook finds the preset and the preview; every entry has types first', () => {
    for (const entry of ['./preset', './preview', './vite', './taro-h5']) {
      const conditions = pkg.exports[entry]
      assert(conditions, `no ${entry} export`)
      assert(
        Object.keys(conditions)[0] === 'types',
        `${entry}: first condition is ${Object.keys(conditions)[0]}`,
      )
      for (const file of Object.values(conditions)) {
        assert(existsSync(join(dir, file)), `${entry}: ${file} missing`)
      }
    }
  })
  await check('publint', async () => {
    const { messages } = await publint({ pkgDir: dir, level: 'warning', strict: true })
    assert(messages.length === 0, messages.map((m) => `${m.code} ${JSON.stringify(m.args)}`).join('; '))
  })
  await check('are the types wrong (attw, ESM only)', () => {
    execFileSync('pnpm', ['exec', 'attw', '--pack', dir, '--format', 'ascii', '--profile', 'esm-only'], {
      cwd: root,
      stdio: 'pipe',
    })
  })
}

console.log(`${passed} passed, ${failed} failed`)
process.exit(failed === 0 ? 0 : 1)
