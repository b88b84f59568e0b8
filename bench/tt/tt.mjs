// TradeKit's share of a Douyin (tt) main package: builds the example app (examples/mini-shop) for tt
// twice, from copies under bench/.tmp/tt/ (the app itself is left alone) —
//   with:    the app as it is (every page uses TradeKit, under TradeProvider);
//   without: the same app with its pages replaced by one blank page and no TradeProvider —
// and reports the bytes of the built package (JS, TTSS, TTML, JSON) and the difference. The app has
// no subpackages: the whole build is its main package. Goal: TradeKit's share ≤ 80 KB (JS + TTSS +
// TTML); the difference also holds the example pages' own code, so it is an upper bound.
//
//   pnpm bench:tt            (builds the packages first; --skip-build to reuse their dist/)
//   node bench/tt/tt.mjs [--skip-build] [--json <file>]
import { execFileSync, spawnSync } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { dirname, extname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const benchDir = fileURLToPath(new URL('..', import.meta.url))
const repoDir = dirname(benchDir.replace(/\/$/, ''))
const appDir = join(repoDir, 'examples/mini-shop')
const workDir = join(benchDir, '.tmp/tt')
const args = process.argv.slice(2)
const skipBuild = args.includes('--skip-build')
const jsonAt = args.indexOf('--json')
const jsonFile = jsonAt >= 0 ? args[jsonAt + 1] : undefined

const KB = 1000
const GOAL = 80 * KB
// everything the build reads: the app as it is now, without its outputs and installed packages
const SKIPPED = new Set(['node_modules', 'dist', 'e2e', '.tmp'])

/** A copy of the app to build, with node_modules linked to the app's own. */
function copyApp(name) {
  const dir = join(workDir, name)
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  for (const entry of readdirSync(appDir)) {
    if (!SKIPPED.has(entry)) cpSync(join(appDir, entry), join(dir, entry), { recursive: true })
  }
  symlinkSync(join(appDir, 'node_modules'), join(dir, 'node_modules'), 'dir')
  const tsconfig = JSON.parse(readFileSync(join(appDir, 'tsconfig.json'), 'utf8'))
  tsconfig.extends = join(appDir, tsconfig.extends)
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2))
  return dir
}

/** The app without TradeKit: one blank page, no provider; the app's own stylesheet stays. */
function withoutTradekit(dir) {
  const src = join(dir, 'src')
  writeFileSync(
    join(src, 'app.config.ts'),
    `export default defineAppConfig({\n  pages: ['pages/blank/index'],\n  window: { navigationBarTitleText: 'mini-shop' },\n})\n`,
  )
  writeFileSync(
    join(src, 'app.tsx'),
    `import type { PropsWithChildren } from 'react'\nimport './app.css'\n\nexport default function App({ children }: PropsWithChildren) {\n  return children\n}\n`,
  )
  mkdirSync(join(src, 'pages/blank'), { recursive: true })
  writeFileSync(
    join(src, 'pages/blank/index.tsx'),
    `import { Text, View } from '@tarojs/components'\n\nexport default function Blank() {\n  return (\n    <View className="shop-page">\n      <Text>mini-shop</Text>\n    </View>\n  )\n}\n`,
  )
  writeFileSync(join(src, 'pages/blank/index.config.ts'), `export default definePageConfig({})\n`)
}

/**
 * The app with TradeKit's modules (JS and CSS of packages/{core,react,taro}/dist) in a chunk of their
 * own, `tradekit.js` + `tradekit.ttss`, loaded like Taro's other common chunks: what TradeKit's code
 * weighs in the package, apart from the pages' own code. The app's config is wrapped, not changed.
 */
function tradekitChunk(dir) {
  const config = join(dir, 'config')
  writeFileSync(join(config, 'app.ts'), readFileSync(join(config, 'index.ts'), 'utf8'))
  writeFileSync(
    join(config, 'index.ts'),
    `// bench/tt: the app's config (./app.ts), with TradeKit's modules in a chunk of their own
import app from './app'

const TRADEKIT = /[\\/]packages[\\/](core|react|taro)[\\/]dist[\\/]/

type Chain = {
  optimization: { get(key: string): { cacheGroups?: object }; splitChunks(value: object): unknown }
}
type Config = {
  mini: { commonChunks?: unknown; webpackChain?: (chain: Chain, ...rest: unknown[]) => void }
}

export default async (...args: unknown[]) => {
  const config: Config = await (app as unknown as (...a: unknown[]) => Promise<Config>)(...args)
  const chainApp = config.mini.webpackChain
  config.mini.commonChunks = (chunks: string[]) => [...chunks, 'tradekit']
  config.mini.webpackChain = (chain, ...rest) => {
    chainApp?.(chain, ...rest)
    const splitChunks = chain.optimization.get('splitChunks')
    chain.optimization.splitChunks({
      ...splitChunks,
      cacheGroups: {
        ...splitChunks.cacheGroups,
        tradekit: {
          name: 'tradekit',
          chunks: 'all',
          minChunks: 1,
          priority: 50,
          enforce: true,
          test: (module: { nameForCondition?: () => string | null }) => TRADEKIT.test(module.nameForCondition?.() ?? ''),
        },
      },
    })
  }
  return config
}
`,
  )
}

const DIST = ['core', 'react', 'taro'].map((name) => join(repoDir, 'packages', name, 'dist/index.js'))
const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)

/** Waits until the packages' dist/ is there (another `pnpm build` in the workspace empties it first). */
function waitForDist() {
  const until = Date.now() + 120_000
  while (!DIST.every((file) => existsSync(file))) {
    if (Date.now() > until) throw new Error('packages/*/dist/index.js missing: run pnpm build')
    sleep(1000)
  }
}

function buildTt(dir) {
  const taro = join(appDir, 'node_modules/@tarojs/cli/bin/taro')
  for (let attempt = 1; ; attempt++) {
    waitForDist()
    const started = Date.now()
    const result = spawnSync(process.execPath, [taro, 'build', '--type', 'tt', '--no-check'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NODE_ENV: 'production' },
      maxBuffer: 64 * 1024 * 1024,
    })
    if (result.status === 0) return Date.now() - started
    const output = `${result.stdout}\n${result.stderr}`
    if (attempt < 3 && /Module not found[^\n]*@tradekit/.test(output)) {
      console.log(
        `TradeKit's dist/ changed during the build of ${relative(repoDir, dir)} (another build?): again`,
      )
      sleep(5000)
      continue
    }
    console.error(output)
    throw new Error(`taro build --type tt failed in ${relative(repoDir, dir)} (exit ${result.status})`)
  }
}

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    return entry.isDirectory() ? filesUnder(path) : [path]
  })
}

const KINDS = { '.js': 'JS', '.ttss': 'TTSS', '.ttml': 'TTML', '.json': 'JSON' }

/** Bytes of a built tt package by kind, and by file. */
function measurePackage(dir) {
  const out = join(dir, 'dist/tt')
  const byKind = { JS: 0, TTSS: 0, TTML: 0, JSON: 0, other: 0 }
  const byFile = new Map()
  for (const file of filesUnder(out)) {
    const name = relative(out, file)
    if (name === 'project.config.json' || name === 'project.tt.json') continue // IDE settings, not uploaded code
    const bytes = statSync(file).size
    byKind[KINDS[extname(file)] ?? 'other'] += bytes
    byFile.set(name, bytes)
  }
  return {
    byKind,
    byFile,
    code: byKind.JS + byKind.TTSS + byKind.TTML,
    total: Object.values(byKind).reduce((a, b) => a + b, 0),
  }
}

const kb = (bytes) => (bytes / KB).toFixed(1)

function table(headers, rows) {
  const widths = headers.map((header, i) =>
    Math.max(header.length, ...rows.map((row) => String(row[i]).length)),
  )
  const line = (cells) =>
    `| ${cells.map((cell, i) => (i === 0 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]))).join(' | ')} |`
  const rule = `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`
  return [line(headers), rule, ...rows.map(line)].join('\n')
}

function main() {
  if (!skipBuild) {
    console.log('$ pnpm build   (the app links the packages from their dist/)')
    execFileSync('pnpm', ['build'], { cwd: repoDir, stdio: ['ignore', 'ignore', 'inherit'] })
  }
  const without = copyApp('without')
  withoutTradekit(without)
  const withTk = copyApp('with')
  const split = copyApp('with-tradekit-chunk')
  tradekitChunk(split)
  const timeWithout = buildTt(without)
  const timeWith = buildTt(withTk)
  const timeSplit = buildTt(split)
  const a = measurePackage(without)
  const b = measurePackage(withTk)
  const c = measurePackage(split)

  const row = (label, m) => [
    label,
    kb(m.byKind.JS),
    kb(m.byKind.TTSS),
    kb(m.byKind.TTML),
    kb(m.code),
    kb(m.byKind.JSON + m.byKind.other),
    kb(m.total),
  ]
  const delta = {
    byKind: Object.fromEntries(Object.keys(b.byKind).map((kind) => [kind, b.byKind[kind] - a.byKind[kind]])),
    code: b.code - a.code,
    total: b.total - a.total,
  }
  console.log(
    `\ntt main package — examples/mini-shop built with taro build --type tt (production), KB = 1000 B, raw bytes as uploaded (not gzip)\n`,
  )
  console.log(
    table(
      ['build', 'JS', 'TTSS', 'TTML', 'JS+TTSS+TTML', 'JSON', 'total'],
      [
        row(`without TradeKit (1 blank page, no provider; ${(timeWithout / 1000).toFixed(0)} s)`, a),
        row(`with TradeKit (the example's 5 pages; ${(timeWith / 1000).toFixed(0)} s)`, b),
        row('TradeKit + the pages using it (difference)', delta),
      ],
    ),
  )
  const files = [...b.byFile]
    .map(([name, bytes]) => [name, bytes, bytes - (a.byFile.get(name) ?? 0)])
    .sort((x, y) => y[2] - x[2])
    .slice(0, 12)
  console.log('\nWhere the difference is (largest files of the build with TradeKit)\n')
  console.log(
    table(
      ['file', 'with', 'without', 'difference'],
      files.map(([name, bytes, diff]) => [name, kb(bytes), kb(a.byFile.get(name) ?? 0), kb(diff)]),
    ),
  )
  // TradeKit's own bytes: its chunk (JS + TTSS) and the templates its components add (base.ttml)
  const chunkJs = c.byFile.get('tradekit.js') ?? 0
  const chunkTtss = c.byFile.get('tradekit.ttss') ?? 0
  if (!chunkJs) throw new Error('the build with a TradeKit chunk wrote no tradekit.js')
  const share = chunkJs + chunkTtss + delta.byKind.TTML
  console.log(
    `\nTradeKit's own bytes — a third build with TradeKit's modules in a chunk of their own (${(timeSplit / 1000).toFixed(0)} s; package total ${kb(c.total)} KB)\n`,
  )
  console.log(
    table(
      ['TradeKit in the tt package', 'bytes'],
      [
        ['tradekit.js (core, react, taro as the pages use them)', kb(chunkJs)],
        ['tradekit.ttss (their CSS, px → rpx)', kb(chunkTtss)],
        ['TTML: templates added to base.ttml and the pages (difference)', kb(delta.byKind.TTML)],
        ["TradeKit's share (JS + TTSS + TTML)", kb(share)],
        ["the example pages' own code (difference − share)", kb(delta.code - share)],
      ],
    ),
  )
  const ok = share <= GOAL
  console.log(
    `\ngoal: TradeKit's share of the tt main package ≤ ${kb(GOAL)} KB (JS + TTSS + TTML) — ${kb(share)} KB (${((100 * share) / b.code).toFixed(0)} % of the package's code; with the example pages ${kb(delta.code)} KB) ${ok ? '✓' : '✗'}`,
  )
  if (jsonFile) {
    writeFileSync(
      jsonFile,
      `${JSON.stringify({ without: a.byKind, with: b.byKind, delta: delta.byKind, chunkJs, chunkTtss, share, ok }, null, 2)}\n`,
    )
  }
}

main()
