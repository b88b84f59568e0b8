// TradeKit's share of a Douyin (tt) main package. Builds the example app (examples/mini-shop) for tt
// from copies under bench/.tmp/tt/ (the app itself is left alone):
//   without:       the same app shell with one blank page and no TradeProvider (the baseline);
//   with:          the app as it is — catalog and cart in the main package, checkout, order result
//                  and members' article in a subpackage (subPackages in src/app.config.ts);
//   with, weighed: the same build with TradeKit's modules gathered where that build puts them;
//   flat:          the same pages without the subpackage (all of them main pages), as built and weighed.
// The main package is every file outside the subpackage roots; it is what the 2 MB limit (WeChat)
// and the launch download are about. Goal: TradeKit's share of the main package ≤ 80 KB (JS + TTSS +
// TTML, raw bytes as uploaded).
//
// Weighing without moving anything: a module's package is decided by the pages that use it (Taro's
// mini.optimizeMainPackage keeps modules that only a subpackage's pages use in that subpackage). The
// weighed builds add splitChunks cache groups for TradeKit's modules (JS and CSS of
// packages/{core,react,taro}/dist), one chunk per TradeKit package and place: `tradekit-<pkg>` (main
// package) takes the modules that app.js or some main page uses — they are in the main package anyway,
// in common.js or a page's file — and `<root>/tradekit-<pkg>` those that only that subpackage's pages
// use. So `tradekit-*.js` + `tradekit-taro.ttss` is TradeKit's code in the main package, by package, and
// `<root>/tradekit-*` its code in the subpackage; one chunk for all of TradeKit, as this script used to
// make, would have pulled subpackage-only modules into the main package. A module several subpackages
// share and no main page uses is left where Taro puts it: its sub-common/ chunks, copied into each of
// those subpackages (counting those chunks as the main package's, as this script did until Dec 2026,
// overstated the share by about 13 KB; the check line compares the weighed main package with the
// build as it is). The weighed build's package
// totals are printed next to those of the build as it is (they differ by chunk wrappers only). TTML:
// TradeKit's templates are in the main package's base.ttml, together with those of the pages' own Taro
// components; the main package's TTML difference with the baseline counts as TradeKit's (an upper
// bound). A module is webpack's unit of placement: the ESM dist of @tradekit/core and @tradekit/react has
// one module per source file, so what only subpackage pages use (the checkout's text, the order centre
// and its hooks, the coupon and contact rules) is built into the subpackage; what app.js
// (TradeProvider) or a main page uses is in the main package.
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
import { dirname, extname, join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { bytesBySource } from '../sourceBytes.mjs'
import { KB, table } from '../table.mjs'

const benchDir = fileURLToPath(new URL('..', import.meta.url))
const repoDir = dirname(benchDir.replace(/\/$/, ''))
const appDir = join(repoDir, 'examples/mini-shop')
const workDir = join(benchDir, '.tmp/tt')
const args = process.argv.slice(2)
const skipBuild = args.includes('--skip-build')
const jsonAt = args.indexOf('--json')
const jsonFile = jsonAt >= 0 ? args[jsonAt + 1] : undefined

const GOAL = 80 * KB
// how far the weighed build's main package may be from the build as it is: its extra chunk wrappers
const WRAPPERS = 5 * KB
// everything the build reads: the app as it is now, without its outputs and installed packages
const SKIPPED = new Set(['node_modules', 'dist', 'e2e', '.e2e', '.tmp'])

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

/** src/app.config.ts of an app as Taro reads it (a plain object literal given to defineAppConfig). */
function readAppConfig(dir) {
  const source = readFileSync(join(dir, 'src/app.config.ts'), 'utf8')
  if (!/^export default defineAppConfig\(/m.test(source)) {
    throw new Error(`${relative(repoDir, dir)}/src/app.config.ts: no export default defineAppConfig(`)
  }
  return new Function('defineAppConfig', source.replace(/^export default /m, 'return '))((config) => config)
}

const subPackagesOf = (config) => config.subPackages ?? config.subpackages ?? []

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

/** The app with its subpackages' pages made main pages (same files, same routes): no subpackage. */
function flattened(dir) {
  const config = readAppConfig(dir)
  const pages = [
    ...config.pages,
    ...subPackagesOf(config).flatMap(({ root, pages: subPages }) =>
      subPages.map((page) => `${root}/${page}`),
    ),
  ]
  const { subPackages: _a, subpackages: _b, preloadRule: _c, ...rest } = config
  writeFileSync(
    join(dir, 'src/app.config.ts'),
    `// bench/tt: the app's config without subpackages\nexport default defineAppConfig(${JSON.stringify({ ...rest, pages }, null, 2)})\n`,
  )
}

const TRADEKIT_PACKAGES = ['core', 'react', 'taro']

/**
 * The app with TradeKit's modules (JS and CSS of packages/{core,react,taro}/dist) gathered where the
 * build puts them, a chunk per package: `tradekit-<pkg>.js` (+ `.ttss`) for those in the main package
 * (loaded like Taro's other common chunks), `<root>/tradekit-<pkg>.*` for those only a subpackage's
 * pages use. `roots` are the app's subpackage roots. The app's config is wrapped, not changed.
 */
function weighTradekit(dir, roots) {
  const config = join(dir, 'config')
  writeFileSync(join(config, 'app.ts'), readFileSync(join(config, 'index.ts'), 'utf8'))
  writeFileSync(
    join(config, 'index.ts'),
    `// bench/tt: the app's config (./app.ts), with TradeKit's modules gathered in the package they are in
import app from './app'

const TRADEKIT = /[\\\\/]packages[\\\\/](core|react|taro)[\\\\/]dist[\\\\/]/
const PACKAGES: string[] = ${JSON.stringify(TRADEKIT_PACKAGES)}
const SUB_ROOTS: string[] = ${JSON.stringify(roots)}

type Module = { nameForCondition?: () => string | null }
type Context = { chunkGraph: { getModuleChunksIterable(module: Module): Iterable<{ name?: string | null }> } }
type Chain = {
  optimization: { get(key: string): { cacheGroups?: object }; splitChunks(value: object): unknown }
}
type Config = {
  mini: { commonChunks?: unknown; webpackChain?: (chain: Chain, ...rest: unknown[]) => void }
}

const tradekitPackage = (module: Module) => TRADEKIT.exec(module.nameForCondition?.() ?? '')?.[1]
/**
 * The packages of the chunks (pages, app) that use a module: '' for the main package, else a root —
 * or 'sub-common' for Taro's chunks of modules several subpackages share (named sub-common/<hash>),
 * which Taro copies into each of those subpackages, not into the main package.
 */
const packagesOf = (module: Module, { chunkGraph }: Context) =>
  new Set(
    [...chunkGraph.getModuleChunksIterable(module)].map((chunk) =>
      chunk.name?.startsWith('sub-common/')
        ? 'sub-common'
        : (SUB_ROOTS.find((root) => chunk.name?.startsWith(\`\${root}/\`)) ?? ''),
    ),
  )
const group = (name: string, priority: number, test: (module: Module, context: Context) => boolean) => ({
  name,
  chunks: 'all',
  minChunks: 1,
  priority,
  enforce: true,
  test,
})

export default async (...args: unknown[]) => {
  const config: Config = await (app as unknown as (...a: unknown[]) => Promise<Config>)(...args)
  const chainApp = config.mini.webpackChain
  config.mini.commonChunks = (chunks: string[]) => [...chunks, ...PACKAGES.map((pkg) => \`tradekit-\${pkg}\`)]
  config.mini.webpackChain = (chain, ...rest) => {
    chainApp?.(chain, ...rest)
    const splitChunks = chain.optimization.get('splitChunks')
    const groups = PACKAGES.flatMap((pkg) => [
      // in the main package already (used by app.js or a main page): above Taro's common/vendors
      [
        \`tradekit-\${pkg}\`,
        group(
          \`tradekit-\${pkg}\`,
          50,
          (module, context) => tradekitPackage(module) === pkg && packagesOf(module, context).has(''),
        ),
      ],
      // only one subpackage's pages use it: above Taro's sub-vendors (10000), inside the same root
      ...SUB_ROOTS.map((root) => [
        \`tradekit-\${pkg}:\${root}\`,
        group(\`\${root}/tradekit-\${pkg}\`, 20000, (module, context) => {
          if (tradekitPackage(module) !== pkg) return false
          const packages = packagesOf(module, context)
          return packages.size === 1 && packages.has(root)
        }),
      ]),
    ])
    chain.optimization.splitChunks({
      ...splitChunks,
      cacheGroups: { ...splitChunks.cacheGroups, ...Object.fromEntries(groups) },
    })
  }
  return config
}
`,
  )
}

/**
 * TradeKit's JS in what the main package's code imports (app.tsx and the main pages), by package and
 * source folder: esbuild's estimate — the same imports bundled from dist/ (minified ESM, es2018, the
 * tt defines), attributed through dist/'s source maps; webpack's module wrappers come on top.
 */
async function mainPackageByFolder(pages) {
  const outdir = join(workDir, 'by-folder')
  const entry = ['app', ...pages]
    .map((page, index) => `export { default as Entry${index} } from './${page}'`)
    .join('\n')
  const result = await build({
    stdin: { contents: entry, resolveDir: join(appDir, 'src'), loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2018',
    jsx: 'automatic',
    write: false,
    sourcemap: 'external',
    outdir,
    define: {
      'process.env.NODE_ENV': '"production"',
      'process.env.TARO_ENV': '"tt"',
      MINI_SHOP_REAL_CASHIER: 'false',
      MINI_SHOP_MERCHANT_URL: '""',
    },
    external: ['react', 'react/*', 'react-dom', '@tarojs/*'],
    alias: Object.fromEntries(
      TRADEKIT_PACKAGES.map((name) => [
        `@tradekit/${name}`,
        join(repoDir, 'packages', name, 'dist/index.js'),
      ]),
    ),
    loader: { '.css': 'empty' },
    logLevel: 'error',
  })
  const map = JSON.parse(result.outputFiles.find((file) => file.path.endsWith('.map')).text)
  const folders = new Map()
  for (const [path, bytes] of bytesBySource(map, outdir, repoDir)) {
    const match = /^packages\/(core|react|taro)\/src\/([^/]+)/.exec(path)
    if (!match) continue
    const folder = `${match[1]}/${match[2].replace(/\.tsx?$/, '')}`
    folders.set(folder, (folders.get(folder) ?? 0) + bytes)
  }
  return [...folders].sort((a, b) => b[1] - a[1])
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

const emptyPart = () => ({ byKind: { JS: 0, TTSS: 0, TTML: 0, JSON: 0, other: 0 }, byFile: new Map() })

/**
 * Bytes of a built tt package by kind and by file, for its main package (`main`: every file outside
 * the subpackage roots) and each subpackage (`subs[root]`, file names relative to the build).
 */
function measurePackage(dir, roots = []) {
  const out = join(dir, 'dist/tt')
  const main = emptyPart()
  const subs = Object.fromEntries(roots.map((root) => [root, emptyPart()]))
  for (const file of filesUnder(out)) {
    const name = relative(out, file).split(sep).join('/')
    if (name === 'project.config.json' || name === 'project.tt.json') continue // IDE settings, not uploaded code
    const root = roots.find((candidate) => name.startsWith(`${candidate}/`))
    const part = root === undefined ? main : subs[root]
    const bytes = statSync(file).size
    part.byKind[KINDS[extname(file)] ?? 'other'] += bytes
    part.byFile.set(name, bytes)
  }
  const totals = (part) => ({
    ...part,
    code: part.byKind.JS + part.byKind.TTSS + part.byKind.TTML,
    total: Object.values(part.byKind).reduce((a, b) => a + b, 0),
  })
  return {
    main: totals(main),
    subs: Object.fromEntries(Object.entries(subs).map(([root, part]) => [root, totals(part)])),
  }
}

const kb = (bytes) => (bytes / KB).toFixed(1)
const seconds = (ms) => `${(ms / 1000).toFixed(0)} s`

const difference = (b, a) => ({
  byKind: Object.fromEntries(Object.keys(b.byKind).map((kind) => [kind, b.byKind[kind] - a.byKind[kind]])),
  code: b.code - a.code,
  total: b.total - a.total,
})

/**
 * TradeKit's chunks of a weighed build in one package (`prefix` '' for the main package, '<root>/'):
 * JS by TradeKit package, TTSS (the components' CSS), and their sum.
 */
function tradekitOf(part, prefix = '') {
  const js = Object.fromEntries(
    TRADEKIT_PACKAGES.map((pkg) => [pkg, part.byFile.get(`${prefix}tradekit-${pkg}.js`) ?? 0]),
  )
  const ttss = TRADEKIT_PACKAGES.reduce(
    (n, pkg) => n + (part.byFile.get(`${prefix}tradekit-${pkg}.ttss`) ?? 0),
    0,
  )
  const jsTotal = Object.values(js).reduce((a, b) => a + b, 0)
  return { js, jsTotal, ttss, code: jsTotal + ttss }
}

async function main() {
  if (!skipBuild) {
    console.log('$ pnpm build   (the app links the packages from their dist/)')
    execFileSync('pnpm', ['build'], { cwd: repoDir, stdio: ['ignore', 'ignore', 'inherit'] })
  }
  const roots = subPackagesOf(readAppConfig(appDir)).map(({ root }) => root.replace(/\/$/, ''))
  if (roots.length === 0) throw new Error('examples/mini-shop declares no subpackage (src/app.config.ts)')

  const without = copyApp('without')
  withoutTradekit(without)
  const withTk = copyApp('with')
  const weighed = copyApp('with-weighed')
  weighTradekit(weighed, roots)
  const flat = copyApp('flat')
  flattened(flat)
  const flatWeighed = copyApp('flat-weighed')
  flattened(flatWeighed)
  weighTradekit(flatWeighed, [])

  const time = {
    without: buildTt(without),
    with: buildTt(withTk),
    weighed: buildTt(weighed),
    flat: buildTt(flat),
    flatWeighed: buildTt(flatWeighed),
  }
  const a = measurePackage(without).main
  const built = measurePackage(withTk, roots)
  const b = built.main
  const w = measurePackage(weighed, roots)
  const f = measurePackage(flat).main
  const fw = measurePackage(flatWeighed).main

  const row = (label, m) => [
    label,
    kb(m.byKind.JS),
    kb(m.byKind.TTSS),
    kb(m.byKind.TTML),
    kb(m.code),
    kb(m.byKind.JSON + m.byKind.other),
    kb(m.total),
  ]
  const delta = difference(b, a)
  const deltaFlat = difference(f, a)
  const pageCount = (config) =>
    config.pages.length + subPackagesOf(config).reduce((n, { pages }) => n + pages.length, 0)
  const config = readAppConfig(appDir)
  const subPages = pageCount(config) - config.pages.length
  console.log(
    `\ntt main package — examples/mini-shop built with taro build --type tt (production), KB = 1000 B, raw bytes as uploaded (not gzip); the main package is every file outside ${roots.map((root) => `${root}/`).join(', ')}\n`,
  )
  console.log(
    table(
      ['build: main package', 'JS', 'TTSS', 'TTML', 'JS+TTSS+TTML', 'JSON', 'total'],
      [
        row(`without TradeKit (1 blank page, no provider; ${seconds(time.without)})`, a),
        row(
          `with TradeKit (${config.pages.length} main pages, ${subPages} in ${roots.join(', ')}; ${seconds(time.with)})`,
          b,
        ),
        row('difference: TradeKit + the main pages and app shell using it', delta),
        row(`the same ${pageCount(config)} pages without subpackage (${seconds(time.flat)})`, f),
        row('difference without subpackage', deltaFlat),
      ],
    ),
  )
  console.log(`\nSubpackages of the build with TradeKit\n`)
  console.log(
    table(
      ['subpackage', 'JS', 'TTSS', 'TTML', 'JS+TTSS+TTML', 'JSON', 'total'],
      roots.map((root) => row(`${root}/`, built.subs[root])),
    ),
  )
  const files = [...b.byFile]
    .map(([name, bytes]) => [name, bytes, bytes - (a.byFile.get(name) ?? 0)])
    .sort((x, y) => y[2] - x[2])
    .slice(0, 12)
  console.log('\nWhere the main package difference is (largest files of the build with TradeKit)\n')
  console.log(
    table(
      ['file', 'with', 'without', 'difference'],
      files.map(([name, bytes, diff]) => [name, kb(bytes), kb(a.byFile.get(name) ?? 0), kb(diff)]),
    ),
  )

  // TradeKit's own bytes: its chunks (JS + TTSS) and the templates its components add (base.ttml)
  const inMain = tradekitOf(w.main)
  if (!inMain.js.core) throw new Error('the weighed build wrote no tradekit-core.js')
  const share = inMain.code + delta.byKind.TTML
  const inSubs = Object.fromEntries(roots.map((root) => [root, tradekitOf(w.subs[root], `${root}/`)]))
  const inFlat = tradekitOf(fw)
  if (!inFlat.js.core) throw new Error('the weighed build without subpackage wrote no tradekit-core.js')
  const shareFlat = inFlat.code + deltaFlat.byKind.TTML
  console.log(
    `\nTradeKit's own bytes — the builds weighed (${seconds(time.weighed)}, ${seconds(time.flatWeighed)}): TradeKit's modules gathered in the package they are in\n`,
  )
  console.log(
    table(
      ['TradeKit in the tt package', 'bytes'],
      [
        ['main package: @tradekit/core JS (the modules app.js and the main pages use)', kb(inMain.js.core)],
        ['main package: @tradekit/react JS (the hooks app.js and the main pages use)', kb(inMain.js.react)],
        [
          'main package: @tradekit/taro JS (the components app.js and the main pages use)',
          kb(inMain.js.taro),
        ],
        ["main package: TTSS, those components' CSS (px → rpx)", kb(inMain.ttss)],
        [
          'main package: TTML, templates added to base.ttml and the pages (difference)',
          kb(delta.byKind.TTML),
        ],
        ["**TradeKit's share of the main package** (JS + TTSS + TTML)", kb(share)],
        ["the main pages' and app shell's own code (difference − share)", kb(delta.code - share)],
        ...roots.flatMap((root) => [
          [
            `subpackage ${root}/: TradeKit only its pages use (core ${kb(inSubs[root].js.core)}, react ${kb(inSubs[root].js.react)}, taro ${kb(inSubs[root].js.taro)} + TTSS ${kb(inSubs[root].ttss)})`,
            kb(inSubs[root].code),
          ],
          [
            `subpackage ${root}/: the rest (its pages' own code, page shells, TradeKit it shares with another subpackage)`,
            kb(built.subs[root].code - inSubs[root].code),
          ],
        ]),
        ['without subpackage: TradeKit in the main package (JS + TTSS + TTML)', kb(shareFlat)],
      ],
    ),
  )
  console.log(
    `\ncheck: the weighed build moves nothing between packages (within ${kb(WRAPPERS)} KB of chunk wrappers) — main package ${kb(w.main.code)} KB weighed, ${kb(b.code)} KB as built; ${roots.map((root) => `${root}/ ${kb(w.subs[root].code)} KB weighed, ${kb(built.subs[root].code)} KB as built`).join('; ')} (JS + TTSS + TTML) ${Math.abs(w.main.code - b.code) <= WRAPPERS ? '✓' : '✗ — the share above is not what the build puts in the main package'}`,
  )
  const byFolder = await mainPackageByFolder(readAppConfig(appDir).pages)
  console.log(
    "\nWhat TradeKit's JS in the main package buys, by source folder — esbuild's estimate of what app.tsx and the main pages import (minified, from dist/ through its source maps; webpack's module wrappers come on top)\n",
  )
  console.log(
    table(
      ['package/folder', 'bytes'],
      [
        ...byFolder.filter(([, bytes]) => bytes >= 500).map(([folder, bytes]) => [folder, kb(bytes)]),
        [
          'the rest',
          kb(byFolder.filter(([, bytes]) => bytes < 500).reduce((sum, [, bytes]) => sum + bytes, 0)),
        ],
        ['**all**', kb(byFolder.reduce((sum, [, bytes]) => sum + bytes, 0))],
      ],
    ),
  )
  const ok = share <= GOAL
  console.log(
    `\ngoal: TradeKit's share of the tt main package ≤ ${kb(GOAL)} KB (JS + TTSS + TTML) — ${kb(share)} KB (${((100 * share) / b.code).toFixed(0)} % of the main package's code; ${kb(shareFlat)} KB without subpackage) ${ok ? '✓' : '✗'}`,
  )
  if (jsonFile) {
    const plain = (m) => ({ ...m.byKind, code: m.code, total: m.total })
    writeFileSync(
      jsonFile,
      `${JSON.stringify(
        {
          without: a.byKind,
          with: b.byKind,
          delta: delta.byKind,
          main: { without: plain(a), with: plain(b), flat: plain(f) },
          subpackages: Object.fromEntries(
            roots.map((root) => [root, { ...plain(built.subs[root]), tradekit: inSubs[root] }]),
          ),
          chunkJs: inMain.jsTotal,
          chunkJsByPackage: inMain.js,
          chunkTtss: inMain.ttss,
          share,
          shareWithoutSubpackage: shareFlat,
          mainByFolder: Object.fromEntries(byFolder),
          ok,
        },
        null,
        2,
      )}\n`,
    )
  }
}

await main()
