#!/usr/bin/env node
// Runs everything that proves TradeKit works, in order, and ends with "N passed, N failed".
// Every step runs even when an earlier one failed, so one run reports all problems.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'

const tmp = '.tmp'
mkdirSync(tmp, { recursive: true })

let passed = 0
let failed = 0
const summary = []
/** The tests that failed, by file and name (vitest steps), printed after the summary. */
const failedNames = []

function run(title, command, args, count) {
  console.log(`\n=== ${title}: ${[command, ...args].join(' ')}`)
  const started = Date.now()
  const result = spawnSync(command, args, { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' })
  process.stdout.write(result.stdout ?? '')
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  const ok = result.status === 0
  const counted = count?.(result.stdout ?? '', ok) ?? { passed: ok ? 1 : 0, failed: ok ? 0 : 1 }
  // A failing step whose runner counted no failure still fails the run.
  if (!ok && counted.failed === 0) counted.failed = 1
  passed += counted.passed
  failed += counted.failed
  summary.push(
    `${ok ? 'ok  ' : 'FAIL'} ${title} (${counted.passed} passed, ${counted.failed} failed, ${seconds}s)`,
  )
}

const plainCount = (stdout) => {
  const match = stdout.match(/^(\d+) passed, (\d+) failed/m)
  return match ? { passed: Number(match[1]), failed: Number(match[2]) } : undefined
}

const vitestCount = (file) => () => {
  if (!existsSync(file)) return undefined
  const report = JSON.parse(readFileSync(file, 'utf8'))
  // Suites that failed to load count as failures too.
  const brokenFiles = report.testResults.filter(
    (r) => r.status === 'failed' && r.assertionResults.length === 0,
  )
  // Name what failed in the summary, so a run's last lines say which test to look at.
  for (const file of report.testResults) {
    const where = file.name.replace(`${process.cwd()}/`, '')
    if (file.status === 'failed' && file.assertionResults.length === 0)
      failedNames.push(`${where}: did not load`)
    for (const test of file.assertionResults) {
      if (test.status === 'failed') failedNames.push(`${where} › ${test.fullName ?? test.title}`)
    }
  }
  return { passed: report.numPassedTests, failed: report.numFailedTests + brokenFiles.length }
}

run('typecheck', 'pnpm', ['run', '--silent', 'typecheck'])
run('lint and format', 'pnpm', ['run', '--silent', 'lint'])
run('build packages', 'pnpm', ['run', '--silent', 'build'])
run('package checks', 'node', ['scripts/check-packages.mjs'], plainCount)
run(
  'core shape: files ≤ 400 lines, functions ≤ 80 lines',
  'node',
  ['scripts/check-core-shape.mjs'],
  plainCount,
)
run(
  'byte budgets (met ones hold, unmet ones stay under their ceilings)',
  'node',
  ['bench/size/size.mjs', '--guard', '--skip-build'],
  plainCount,
)

const report = `${tmp}/vitest.json`
rmSync(report, { force: true })
run(
  'unit, component and story tests (core, react, taro in jsdom; stories in Chromium)',
  'pnpm',
  ['exec', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
  vitestCount(report),
)

const presetReport = `${process.cwd()}/${tmp}/vitest-storybook-preset.json`
rmSync(presetReport, { force: true })
run(
  'Storybook preset: a Storybook with only @tradekit/storybook-preset-taro renders a Taro story (Chromium)',
  'pnpm',
  [
    'exec',
    'vitest',
    'run',
    '--config',
    'test/storybook-preset/vitest.config.ts',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${presetReport}`,
  ],
  vitestCount(presetReport),
)

// The static Storybook with the pictures and contact sheets stays in storybook-static/ (shots/index.html).
run(
  'story pictures at 375×812 @2x: none wider than the phone, each as its baseline',
  'node',
  ['scripts/stories-shots.mjs', '--out', 'storybook-static'],
  plainCount,
)

const root = process.cwd()
const serverReport = (name) => `${root}/${tmp}/${name}.json`
const serverVitest = (file) => [
  '--filter',
  'merchant-server',
  'exec',
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${file}`,
]
run('merchant server typecheck', 'pnpm', ['--filter', 'merchant-server', 'run', 'typecheck'])
for (const [title, prefix, name] of [
  ['merchant server on embedded PGlite', [], 'server-pglite'],
  [
    "merchant server on PostgreSQL (Debian's postgresql on 127.0.0.1)",
    ['bash', 'examples/merchant-server/scripts/with-postgres.sh'],
    'server-postgres',
  ],
]) {
  const file = serverReport(name)
  rmSync(file, { force: true })
  const command = [...prefix, 'pnpm', ...serverVitest(file)]
  run(title, command[0], command.slice(1), vitestCount(file))
}

// The example app: its builds for tt and weapp (checked in a Node host) and end-to-end tests in
// Chromium against its H5 build and the merchant server. The packages were built above.
process.env.SKIP_LIB_BUILD = '1'
run('example app typecheck', 'pnpm', ['--filter', 'mini-shop', 'run', 'typecheck'])
run(
  'example app: tt and weapp builds checked',
  'pnpm',
  ['--filter', 'mini-shop', 'run', 'check:builds'],
  plainCount,
)
run(
  'example app: end to end in Chromium (H5 build + merchant server)',
  'pnpm',
  ['--filter', 'mini-shop', 'run', 'test:e2e'],
  plainCount,
)
// Native custom components for teams not on Taro: built from @tradekit/taro with Taro's
// native-components output for weapp and tt, and their example page run in a Node host.
run(
  'native components (@tradekit/native): weapp and tt built and checked in a Node host',
  'pnpm',
  ['--filter', '@tradekit/native', 'run', 'check'],
  plainCount,
)
// The packages as an app gets them: packed tarballs installed in a fresh Taro app made from Taro's own
// template (outside the workspace), set up by the README's lines, built for tt, weapp and h5.
run(
  "a fresh Taro app from Taro's template installs the packed tarballs and builds tt, weapp and h5",
  'pnpm',
  ['run', 'check:fresh-app'],
  plainCount,
)
run(
  'client bundles carry no signing code or keys (packages and the example app builds)',
  'node',
  ['scripts/check-client-bundles.mjs'],
  plainCount,
)

console.log('\n=== summary')
for (const line of summary) console.log(line)
if (failedNames.length > 0) {
  console.log('\nfailed tests:')
  for (const name of failedNames) console.log(`  ${name}`)
}
console.log(`\n${passed} passed, ${failed} failed`)
process.exit(failed === 0 && passed > 0 ? 0 : 1)
