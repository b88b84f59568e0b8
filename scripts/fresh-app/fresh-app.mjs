#!/usr/bin/env node
// Packages as an app gets them. Packs @tradekit/core, @tradekit/react and @tradekit/taro with
// `pnpm pack`, creates a fresh Taro 4.2.0 app OUTSIDE the workspace (a temp dir) from Taro's own
// default template, installs the three tarballs (file: paths, never workspace links) and the
// template's own dependencies from the npm registry, follows the setup lines (README.md's "Using TradeKit in a Taro
// app" and docs/getting-started.md), builds tt, weapp and h5 and checks what the builds hold. Prints one line per check and
// "N passed, M failed"; exits non-zero on any failure.
//
//   pnpm -r --filter "./packages/*" build      # first: this script builds nothing of TradeKit
//   pnpm run check:fresh-app                    # node scripts/fresh-app/fresh-app.mjs [--keep]
//
// --keep leaves the temp dir (tarballs, app, logs) in place; it is kept anyway when a check fails.
// It takes minutes, not seconds (three production builds of a fresh app, one install): 8.4 min of wall
// time (1.7 min of CPU) on the 2 shared cores it was measured on, so it is its own command, not a
// step of scripts/verify.mjs.
//
// The template: `taro init` of the workspace's @tarojs/cli 4.2.0 with every answer given as an option
// (React, TypeScript, no ES5, no CSS preprocessor, Webpack5, pnpm, template `default`) and
// `--no-autoInstall`, so it renders @tarojs/cli/templates/default through @tarojs/binding's
// createProject without asking anything and without its own install. That install cannot finish
// here: the template asks for @tarojs/plugin-generator and @tarojs/plugin-platform-harmony-hybrid
// at 4.2.0, which were never published (both stop at 4.1.11) — this script pins those two to 4.1.11
// and says so, as a team creating an app today has to.
//
// Files the app's team writes itself (its backend, its login, one product card page) are in
// scripts/fresh-app/app/ and copied over the template; the setup lines (app.tsx, the
// config/index.ts settings, the designWidth function) are read from docs/getting-started.md (and the
// install lines from README.md) at run time, so the check follows the docs as they are.
import { spawnSync } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'

const root = new URL('../..', import.meta.url).pathname.replace(/\/$/, '')
const here = new URL('.', import.meta.url).pathname
const keep = process.argv.includes('--keep')
const PACKAGES = ['core', 'react', 'taro']
const TARO_VERSION = '4.2.0'
/** Asked at 4.2.0 by Taro 4.2.0's template, never published at 4.2.0: the registry's newest instead. */
const UNPUBLISHED_AT_4_2_0 = {
  '@tarojs/plugin-generator': '4.1.11',
  '@tarojs/plugin-platform-harmony-hybrid': '4.1.11',
}
/** Versions the workspace holds to (pnpm-workspace.yaml's catalog; TOOLCHAIN.md says why). */
const PINNED_FROM_CATALOG = ['react', 'react-dom', '@types/react', 'typescript']
const MINI = {
  tt: { template: 'ttml', style: 'ttss' },
  weapp: { template: 'wxml', style: 'wxss' },
}
/** Text of the page's own product (app code) and a class of TradeKit's card (package code). */
const PAGE_MARK = 'FRESHAPP'
const CARD_CLASS = 'tk-product-card__title'

const started = Date.now()
let passed = 0
let failed = 0
function check(name, fn) {
  try {
    const detail = fn()
    passed++
    console.log(`  ok    ${name}${detail ? ` (${detail})` : ''}`)
    return true
  } catch (error) {
    failed++
    console.log(`  FAIL  ${name}: ${error instanceof Error ? error.message : String(error)}`)
    return false
  }
}
function assert(condition, message) {
  if (!condition) throw new Error(message)
}

const work = mkdtempSync(join(tmpdir(), 'tradekit-fresh-app-'))
const tarballDir = join(work, 'tarballs')
const logDir = join(work, 'logs')
mkdirSync(tarballDir)
mkdirSync(logDir)
const appName = 'fresh-app'
const app = join(work, appName)
console.log(`fresh app in ${work}`)

/** Runs a command; its output goes to logs/<log>.log and its tail is shown when it fails. */
function run(log, command, args, options = {}) {
  const t0 = Date.now()
  const result = spawnSync(command, args, {
    cwd: options.cwd ?? root,
    env: { ...process.env, FORCE_COLOR: '0', ...options.env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 256 * 1024 * 1024,
  })
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}`
  writeFileSync(join(logDir, `${log}.log`), output)
  const seconds = ((Date.now() - t0) / 1000).toFixed(1)
  if (result.status !== 0) {
    const tail = output.trim().split('\n').slice(-25).join('\n')
    throw new Error(`${command} ${args.join(' ')} exited ${result.status} after ${seconds}s:\n${tail}`)
  }
  return { output, seconds }
}

function finish() {
  const seconds = ((Date.now() - started) / 1000).toFixed(0)
  console.log(`wall time ${seconds}s`)
  if (failed === 0 && !keep) rmSync(work, { recursive: true, force: true })
  else console.log(`kept ${work} (logs in ${logDir})`)
  console.log(`${passed} passed, ${failed} failed`)
  process.exit(failed === 0 && passed > 0 ? 0 : 1)
}
/** A failed step the next ones depend on ends the run. */
function required(ok) {
  if (!ok) finish()
}

const tarEntries = (file) => run('tar-list', 'tar', ['-tzf', file]).output.split('\n').filter(Boolean)
const tarText = (file, entry) => run('tar-read', 'tar', ['-xzOf', file, entry]).output

// ---------------------------------------------------------------------------------------- tarballs
console.log('packed tarballs')
const packed = {} // name → { file, pkg, entries }
required(
  check('the packages were built (dist/index.js of core, react and taro)', () => {
    const missing = PACKAGES.filter((name) => !existsSync(join(root, 'packages', name, 'dist/index.js')))
    assert(
      missing.length === 0,
      `no dist in ${missing.join(', ')}: run pnpm -r --filter "./packages/*" build`,
    )
  }),
)
for (const name of PACKAGES) {
  required(
    check(`@tradekit/${name}: pnpm pack`, () => {
      const dir = join(root, 'packages', name)
      const version = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version
      run(`pack-${name}`, 'pnpm', ['pack', '--pack-destination', tarballDir], { cwd: dir })
      const file = join(tarballDir, `tradekit-${name}-${version}.tgz`)
      assert(existsSync(file), `${relative(work, file)} not written`)
      const entries = tarEntries(file).map((entry) => entry.replace(/^package\//, ''))
      const pkg = JSON.parse(tarText(file, 'package/package.json'))
      packed[name] = { file, pkg, entries }
      return `${relative(work, file)}, ${(statSync(file).size / 1000).toFixed(0)} kB, ${entries.length} files`
    }),
  )
}
for (const name of PACKAGES) {
  const { pkg, entries } = packed[name]
  const has = (file) => entries.includes(file)
  check(`@tradekit/${name}: ESM, CJS and both type declarations are in the tarball`, () => {
    const missing = ['dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/index.d.cts'].filter(
      (file) => !has(file),
    )
    assert(missing.length === 0, `missing ${missing.join(', ')}`)
  })
  check(`@tradekit/${name}: every file its exports map names is in the tarball`, () => {
    const targets = []
    const walk = (value) => {
      if (typeof value === 'string') targets.push(value)
      else if (value && typeof value === 'object') Object.values(value).forEach(walk)
    }
    walk(pkg.exports)
    const missing = targets
      .filter((target) => !target.includes('*'))
      .map((target) => target.replace(/^\.\//, ''))
      .filter((target) => !has(target))
    assert(missing.length === 0, `missing ${missing.join(', ')}`)
    return `${targets.length} targets`
  })
  check(`@tradekit/${name}: a README and a LICENSE are in the tarball`, () => {
    const missing = [/^readme(\.md)?$/i, /^licen[cs]e(\.md|\.txt)?$/i]
      .filter((pattern) => !entries.some((entry) => pattern.test(entry)))
      .map((pattern) => (String(pattern).includes('readme') ? 'README' : 'LICENSE'))
    assert(missing.length === 0, `no ${missing.join(' and no ')} at the package root`)
  })
  check(`@tradekit/${name}: no workspace: range; TradeKit dependencies ask for the packed versions`, () => {
    const text = JSON.stringify(pkg)
    assert(
      !text.includes('workspace:'),
      `package.json still says workspace: (${text.match(/"[^"]*workspace:[^"]*"/)})`,
    )
    const ranges = Object.entries({ ...pkg.dependencies, ...pkg.peerDependencies }).filter(([dep]) =>
      dep.startsWith('@tradekit/'),
    )
    for (const [dep, range] of ranges) {
      const packedVersion = packed[dep.replace('@tradekit/', '')]?.pkg.version
      assert(range === `^${packedVersion}`, `${dep} is ${range}, the packed one is ${packedVersion}`)
    }
    return ranges.map(([dep, range]) => `${dep} ${range}`).join(', ') || 'no TradeKit dependencies'
  })
}
check(
  '@tradekit/taro: its CSS, every CSS file its JS imports, and the Taro plugin are in the tarball',
  () => {
    const { file, entries } = packed.taro
    const css = entries.filter((entry) => /^dist\/[^/]+\.css$/.test(entry))
    assert(css.length > 0, 'no dist/*.css')
    const js = tarText(file, 'package/dist/index.js')
    assert(js.length > 0, 'dist/index.js is empty')
    const imported = new Set()
    for (const entry of entries.filter((e) => /^dist\/[^/]+\.js$/.test(e))) {
      for (const [, cssFile] of tarText(file, `package/${entry}`).matchAll(/["']\.\/([^"']+\.css)["']/g)) {
        imported.add(`dist/${cssFile}`)
      }
    }
    const missing = [...imported].filter((entry) => !entries.includes(entry))
    assert(imported.size > 0, 'no built module imports a CSS file')
    assert(missing.length === 0, `imported but not packed: ${missing.join(', ')}`)
    for (const plugin of ['taro-plugin/index.js', 'taro-plugin/index.d.ts']) {
      assert(entries.includes(plugin), `${plugin} missing`)
    }
    return `${css.length} CSS files, ${imported.size} imported`
  },
)

// ------------------------------------------------------------------------------ the fresh Taro app
console.log('fresh Taro app from the default template')
const pnpmDir = join(root, 'node_modules/.pnpm')
const cliDir = readdirSync(pnpmDir)
  .filter((entry) => entry.startsWith(`@tarojs+cli@${TARO_VERSION}`))
  .map((entry) => join(pnpmDir, entry, 'node_modules/@tarojs/cli'))
  .find((dir) => existsSync(join(dir, 'templates/default')))
required(
  check(`taro init (the workspace's @tarojs/cli ${TARO_VERSION}, template default, no install)`, () => {
    assert(cliDir, `no @tarojs/cli@${TARO_VERSION} with templates/default in node_modules/.pnpm`)
    const args = [
      join(cliDir, 'bin/taro'),
      'init',
      appName,
      '--description',
      'A fresh Taro app with TradeKit from tarballs',
      '--framework',
      'React',
      '--typescript',
      '--no-build-es5',
      '--css',
      'None',
      '--compiler',
      'Webpack5',
      '--npm',
      'Pnpm',
      '--template',
      'default',
      '--no-autoInstall',
    ]
    const { seconds } = run('taro-init', process.execPath, args, { cwd: work })
    for (const file of [
      'package.json',
      'config/index.ts',
      'src/app.ts',
      'src/pages/index/index.tsx',
      'tsconfig.json',
    ]) {
      assert(existsSync(join(app, file)), `the template wrote no ${file}`)
    }
    const pkg = JSON.parse(readFileSync(join(app, 'package.json'), 'utf8'))
    assert(pkg.templateInfo?.name === 'default', `templateInfo ${JSON.stringify(pkg.templateInfo)}`)
    assert(!relative(root, app).match(/^[^.]/), 'the app is inside the workspace')
    return `${seconds}s`
  }),
)

const appPkgPath = join(app, 'package.json')
const appPkg = JSON.parse(readFileSync(appPkgPath, 'utf8'))
const readme = readFileSync(join(root, 'README.md'), 'utf8')
// the README's setup section (its install lines) and docs/getting-started.md, the one place every
// setup line is written (the README links it; Storybook's "Getting started" page renders it)
const setup = `${readme.match(/^## Using TradeKit in a Taro app\n([\s\S]*?)(?=^## )/m)?.[1] ?? ''}\n${readFileSync(
  join(root, 'docs/getting-started.md'),
  'utf8',
)}`
const blocks = [...setup.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map(([, lang, code]) => ({ lang, code }))
const catalog = Object.fromEntries(
  [
    ...(
      readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8').match(/^catalog:\n((?: {2}.*\n)+)/m)?.[1] ?? ''
    ).matchAll(/^ {2}"?([^":]+)"?:\s*(\S+)$/gm),
  ].map(([, name, version]) => [name, version]),
)

check(`the template asks for Taro ${TARO_VERSION} everywhere`, () => {
  const taro = Object.entries({ ...appPkg.dependencies, ...appPkg.devDependencies }).filter(
    ([name]) => name.startsWith('@tarojs/') || name === 'babel-preset-taro',
  )
  const other = taro.filter(([, version]) => version !== TARO_VERSION)
  assert(other.length === 0, other.map(([n, v]) => `${n}@${v}`).join(', '))
  return `${taro.length} packages`
})

required(
  check("the app's dependencies: the README's install line as tarballs, pinned versions", () => {
    // every `pnpm add` line of the README's setup section, comments left out
    const specs = blocks
      .filter(({ lang }) => lang === 'sh')
      .flatMap(({ code }) => [...code.matchAll(/^pnpm add ([^#\n]+)/gm)])
      .flatMap(([, args]) => args.trim().split(/\s+/))
    assert(specs.length > 0, 'the README\'s setup section has no "pnpm add" line')
    const notes = []
    for (const spec of specs) {
      const at = spec.lastIndexOf('@')
      const [name, version] = at > 0 ? [spec.slice(0, at), spec.slice(at + 1)] : [spec, undefined]
      const tradekit = name.match(/^@tradekit\/(\w+)$/)?.[1]
      if (tradekit) {
        assert(packed[tradekit], `the README installs ${name}, which this script does not pack`)
        appPkg.dependencies[name] = `file:${packed[tradekit].file}`
      } else {
        assert(version, `the README installs ${name} without a version`)
        appPkg.dependencies[name] = version
      }
    }
    const names = specs
    for (const [name, version] of Object.entries(UNPUBLISHED_AT_4_2_0)) {
      for (const field of ['dependencies', 'devDependencies']) {
        if (appPkg[field]?.[name] === TARO_VERSION) {
          appPkg[field][name] = version
          notes.push(`${name} ${version}`)
        }
      }
    }
    for (const name of PINNED_FROM_CATALOG) {
      for (const field of ['dependencies', 'devDependencies']) {
        if (appPkg[field]?.[name]) appPkg[field][name] = catalog[name]
      }
    }
    writeFileSync(appPkgPath, `${JSON.stringify(appPkg, null, 2)}\n`)
    // A registry install resolves @tradekit/react's own "@tradekit/core": "^x" from the registry; here
    // the packed tarballs stand in for the registry, for the app and for each other.
    const overrides = PACKAGES.map((name) => `  "@tradekit/${name}": "file:${packed[name].file}"`)
    writeFileSync(
      join(app, 'pnpm-workspace.yaml'),
      [
        'overrides:',
        ...overrides,
        'allowBuilds:',
        '  esbuild: true',
        '  "@swc/core": false',
        '  "@tarojs/cli": false',
        '  "@tarojs/binding": false',
        '  core-js: false',
        '  core-js-pure: false',
        '  "@parcel/watcher": false',
        '',
      ].join('\n'),
    )
    return `${names.join(' ')}; unpublished at ${TARO_VERSION}: ${notes.join(', ') || 'none'}`
  }),
)

const store = run('store-path', 'pnpm', ['store', 'path']).output.trim().split('\n').pop()
required(
  check(`pnpm install from the registry (store ${store})`, () => {
    const { seconds } = run('install', 'pnpm', ['install', '--no-frozen-lockfile', '--store-dir', store], {
      cwd: app,
    })
    return `${seconds}s`
  }),
)
const appRequire = createRequire(appPkgPath)
check('TradeKit comes from the tarballs: one copy each, outside the workspace, one React', () => {
  const lock = readFileSync(join(app, 'pnpm-lock.yaml'), 'utf8')
  const where = {}
  for (const name of PACKAGES) {
    const real = realpathSync(join(app, 'node_modules/@tradekit', name))
    assert(!real.startsWith(`${root}/`), `@tradekit/${name} links into the workspace (${real})`)
    assert(real.startsWith(`${app}/`), `@tradekit/${name} is at ${real}`)
    assert(
      lock.includes(`tradekit-${name}-${packed[name].pkg.version}.tgz`),
      `the lockfile has no tarball of ${name}`,
    )
    where[name] = real
  }
  const fromTaro = createRequire(join(where.taro, 'package.json'))
  for (const dep of ['core', 'react']) {
    const seen = dirname(realpathSync(fromTaro.resolve(`@tradekit/${dep}/package.json`)))
    assert(seen === where[dep], `@tradekit/taro sees another @tradekit/${dep} (${seen})`)
  }
  const react = realpathSync(appRequire.resolve('react/package.json'))
  assert(realpathSync(fromTaro.resolve('react/package.json')) === react, '@tradekit/taro sees another react')
  const versions = ['react', '@tarojs/taro', '@tarojs/components'].map(
    (name) =>
      `${name}@${JSON.parse(readFileSync(appRequire.resolve(`${name}/package.json`), 'utf8')).version}`,
  )
  return versions.join(', ')
})

// ------------------------------------------------------------------------ the README's setup lines
console.log("the README's setup lines")
check("src/app.tsx is the README's app.tsx", () => {
  const block = blocks.find(({ code }) => code.startsWith('// app.tsx'))
  assert(block, 'the setup guide (docs/getting-started.md) has no app.tsx block')
  // The README leaves the app's own modules to the app (its backend, channel, login: scripts/fresh-app/app)
  // and the template's stylesheet import stays.
  const header = [
    "import './app.css' // the template's own stylesheet",
    "import { useSession } from './trade/session' // the app's login state, which the README leaves to the app",
  ]
  writeFileSync(join(app, 'src/app.tsx'), `${header.join('\n')}\n${block.code}`)
  rmSync(join(app, 'src/app.ts'))
  cpSync(join(here, 'app'), app, { recursive: true })
})

/** Where `name: value` or `name(…) {…}` of an object literal starts and ends (before its comma). */
function propertySpan(source, name) {
  const match = new RegExp(`\\n\\s*(${name})\\s*[:(]`).exec(source)
  assert(match, `no ${name}`)
  const from = match.index + match[0].indexOf(name)
  let depth = 0
  let end = from
  for (; end < source.length; end++) {
    const c = source[end]
    if (c === '{' || c === '(' || c === '[') depth++
    else if (c === '}' || c === ')' || c === ']') depth--
    if (depth < 0 || (depth === 0 && c === ',')) break
  }
  while (/\s/.test(source[end - 1])) end--
  return [from, end]
}
const propertyText = (source, name) => source.slice(...propertySpan(source, name))
function replaceProperty(source, name, text) {
  const [from, end] = propertySpan(source, name)
  return `${source.slice(0, from)}${text}${source.slice(end)}`
}

check("config/index.ts has the README's plugin, h5 settings, designWidth and deviceRatio", () => {
  const configBlock = blocks.find(({ code }) => /plugins:\s*\[/.test(code) && /h5:\s*\{/.test(code))
  const sizesBlock = blocks.find(({ code }) => /designWidth\s*\(/.test(code))
  assert(configBlock, 'the setup guide (docs/getting-started.md) has no config block with plugins and h5')
  assert(sizesBlock, 'the setup guide (docs/getting-started.md) has no designWidth function')
  const file = join(app, 'config/index.ts')
  let config = readFileSync(file, 'utf8')
  const plugins = configBlock.code.match(/plugins:\s*\[([^\]]*)\]/)[1].trim()
  config = config.replace(
    /plugins:\s*\[([^\]]*)\]/,
    (_, existing) => `plugins: [${existing.trim()}, ${plugins}]`,
  )
  const h5 = configBlock.code.match(/h5:\s*\{\n([\s\S]*?)\n\}/)?.[1]
  assert(h5, "the README's config block has no h5 { … } lines")
  assert(/\n\s*h5:\s*\{\n/.test(config), 'the template config has no h5 block')
  config = config.replace(/(\n\s*h5:\s*\{\n)/, `$1${h5}\n`)
  config = replaceProperty(config, 'designWidth', propertyText(sizesBlock.code, 'designWidth'))
  config = replaceProperty(config, 'deviceRatio', propertyText(sizesBlock.code, 'deviceRatio'))
  writeFileSync(file, config)
  return `plugins [${plugins}]`
})

check("the app's code and the README's lines typecheck against the published types (tsc)", () => {
  // --skipLibCheck: Taro 4.2.0's own typings (and webpack-chain's) do not check under TS 5.9;
  // --noUnusedParameters false: the template's config/index.ts leaves `{ command, mode }` unused.
  const args = [
    'exec',
    'tsc',
    '--noEmit',
    '-p',
    'tsconfig.json',
    '--skipLibCheck',
    '--noUnusedParameters',
    'false',
  ]
  const { seconds } = run('tsc', 'pnpm', args, { cwd: app })
  return `${seconds}s`
})

// ----------------------------------------------------------------------------------------- builds
/** The Taro components the product card's modules import (walking the packed ESM from ProductCard.js). */
function componentsOfProductCard() {
  const dist = join(app, 'node_modules/@tradekit/taro/dist')
  const seen = new Set()
  const names = new Set()
  const visit = (file) => {
    if (seen.has(file)) return
    seen.add(file)
    const code = readFileSync(join(dist, file), 'utf8')
    for (const [, list] of code.matchAll(/import\s*\{([^}]*)\}\s*from\s*["']@tarojs\/components["']/g)) {
      for (const part of list.split(',')) {
        const name = part.trim().split(/\s+as\s+/)[0]
        if (name) names.add(name)
      }
    }
    for (const [, next] of code.matchAll(/(?:from|import)\s*["']\.\/([^"']+\.js)["']/g)) visit(next)
  }
  visit('ProductCard.js')
  return [...names]
}
const tagOf = (name) => name.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()
const filesUnder = (dir, ext) =>
  readdirSync(dir, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith(`.${ext}`))
    .map((file) => join(dir, file))
const textOf = (files) => files.map((file) => readFileSync(file, 'utf8')).join('\n')

for (const type of ['tt', 'weapp', 'h5']) {
  console.log(`taro build --type ${type}`)
  const dist = join(app, 'dist')
  const built = check(`${type}: taro build --type ${type} --no-check`, () => {
    const { seconds } = run(
      `build-${type}`,
      'pnpm',
      ['exec', 'taro', 'build', '--type', type, '--no-check'],
      {
        cwd: app,
      },
    )
    return `${seconds}s`
  })
  if (!built) continue
  if (MINI[type]) {
    const { template, style } = MINI[type]
    check(`${type}: app.json has the page, and the page its .js, .json, .${template} and .${style}`, () => {
      const appJson = JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8'))
      assert(appJson.pages?.includes('pages/index/index'), `pages ${JSON.stringify(appJson.pages)}`)
      const missing = ['js', 'json', template, style]
        .map((ext) => `pages/index/index.${ext}`)
        .filter((file) => !existsSync(join(dist, file)))
      assert(missing.length === 0, `missing ${missing.join(', ')}`)
    })
    check(
      `${type}: base.${template} has a template, with aria-role and aria-label, for each Taro component of ProductCard`,
      () => {
        const base = readFileSync(join(dist, `base.${template}`), 'utf8')
        const components = componentsOfProductCard()
        assert(components.length > 0, 'found no @tarojs/components import under ProductCard.js')
        const missing = components.filter((name) => !new RegExp(`<${tagOf(name)}[\\s>]`).test(base))
        assert(missing.length === 0, `no template for ${missing.join(', ')}`)
        const bare = components.filter(
          (name) =>
            !['aria-role', 'aria-label'].every((attribute) =>
              new RegExp(`<${tagOf(name)}\\s[^>]*${attribute}="`).test(base),
            ),
        )
        assert(bare.length === 0, `no aria-role/aria-label (the Taro plugin) on ${bare.join(', ')}`)
        return components.join(', ')
      },
    )
    check(`${type}: the page's JS has the product, the build has TradeKit's card`, () => {
      const page = readFileSync(join(dist, 'pages/index/index.js'), 'utf8')
      assert(page.includes(PAGE_MARK), `pages/index/index.js has no "${PAGE_MARK}"`)
      assert(textOf(filesUnder(dist, 'js')).includes(CARD_CLASS), `no built JS has "${CARD_CLASS}"`)
    })
    check(
      `${type}: TradeKit's CSS is in the build at 375 (12px → 24rpx), the app's at 750 (24px → 24rpx)`,
      () => {
        const css = textOf(filesUnder(dist, style))
        const card = css.match(/\.tk-product-card--horizontal\{[^}]*\}/)?.[0]
        assert(card, `no .tk-product-card--horizontal rule in any .${style}`)
        assert(/padding:24rpx/.test(card), `TradeKit's 12px became ${card}`)
        const page = css.match(/\.index\{[^}]*\}/)?.[0]
        assert(page === '.index{padding:24rpx}', `the app's 24px became ${page}`)
        return card
      },
    )
  } else {
    check("h5: index.html, and the JS has the product and TradeKit's card", () => {
      assert(existsSync(join(dist, 'index.html')), 'no dist/index.html')
      const js = textOf(filesUnder(dist, 'js'))
      assert(js.includes(PAGE_MARK), `no built JS has "${PAGE_MARK}"`)
      assert(js.includes(CARD_CLASS), `no built JS has "${CARD_CLASS}"`)
    })
    check("h5: TradeKit's CSS converted at 375 (h5.esnextModules), the app's at 750", () => {
      const css = textOf(filesUnder(dist, 'css'))
      const card = css.match(/\.tk-product-card--horizontal\{[^}]*\}/)?.[0]
      assert(card, 'no .tk-product-card--horizontal rule in any .css')
      const page = css.match(/\.index\{padding:([^;}]*)[;}]/)?.[1]
      assert(page, 'no .index rule in any .css')
      const cardPadding = card.match(/padding:([^;}]*)/)?.[1]
      assert(cardPadding !== '12px', `TradeKit's 12px was not converted: ${card}`)
      // 12px at a 375 design is the same length as 24px at 750
      assert(cardPadding === page, `TradeKit's 12px became ${cardPadding}, the app's 24px became ${page}`)
      return `${cardPadding} both`
    })
    check('h5: the HTML components (h5.useHtmlComponents), not the Stencil web components', () => {
      const installed = existsSync(join(app, 'node_modules/@tarojs/components-react/package.json'))
      assert(installed, '@tarojs/components-react is not installed')
      // Stencil's View, Text and Image are the custom elements taro-view-core, taro-text-core and
      // taro-image-core; the HTML components render plain elements and carry none of those names.
      const js = textOf(filesUnder(dist, 'js'))
      const stencil = ['taro-view-core', 'taro-text-core', 'taro-image-core'].filter((tag) =>
        js.includes(tag),
      )
      assert(stencil.length === 0, `the bundle has ${stencil.join(', ')} (Stencil components)`)
    })
  }
}

finish()
