#!/usr/bin/env node
// Package checks: dependency arrows, build outputs, CSS kept for mini-programs, publint, attw.
// Prints one line per check and "N passed, N failed"; exits non-zero on any failure.
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
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

// Developer text (error messages for the integrator) ships in development builds only: each package's
// dist bundled the way an app's production build bundles it (esbuild, minified, process.env.NODE_ENV
// defined as "production", what Taro's webpack and Vite define too) carries none of these texts, and
// bundled for development it carries them all (so this check can fail). esbuild is the size bench's
// (bench/package.json pins it).
{
  const { build } = createRequire(join(root, 'bench', 'package.json'))('esbuild')
  const DEV_TEXT = {
    core: [
      'Amount must be a safe integer in minor units',
      'Currency must be an ISO 4217 code',
      'The price changed since it was shown',
      'have the same specs',
      'Quote does not add up',
      'createOrder answered something that is not an order',
      'left to refund, asked',
      'Unsupported locale',
      'Unknown message key',
      'and pass it as messages',
      'no storage given, using memoryStorage()',
    ],
    react: ['must be used inside <TradeProvider>', 'the order centre reads your order API'],
    taro: ['do not fit a version'],
  }
  const bundled = async (name, env) => {
    const result = await build({
      entryPoints: [join(root, 'packages', name, 'dist', 'index.js')],
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2018',
      write: false,
      outdir: join(root, '.tmp', 'dev-text'),
      logLevel: 'silent',
      external: ['react', 'react/*', 'react-dom', 'react-dom/*', '@tarojs/*', '@tradekit/*'],
      define: { 'process.env.NODE_ENV': JSON.stringify(env), 'process.env.TARO_ENV': '"weapp"' },
    })
    return result.outputFiles
      .filter((file) => file.path.endsWith('.js'))
      .map((file) => file.text)
      .join('\n')
  }
  console.log('developer text in production bundles')
  for (const [name, texts] of Object.entries(DEV_TEXT)) {
    await check(`@tradekit/${name}: a production bundle carries no developer message`, async () => {
      const production = await bundled(name, 'production')
      const development = await bundled(name, 'development')
      const missing = texts.filter((text) => !development.includes(text))
      assert(missing.length === 0, `not in the development bundle either (pick another text): ${missing}`)
      const shipped = texts.filter((text) => production.includes(text))
      assert(shipped.length === 0, `in the production bundle: ${shipped.map((t) => `"${t}"`).join(', ')}`)
      return `${texts.length} texts; ${production.length} B minified, ${development.length} B in development`
    })
  }
}

console.log(`${passed} passed, ${failed} failed`)
process.exit(failed === 0 ? 0 : 1)
