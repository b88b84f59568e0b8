// `pnpm bench`: every TradeKit benchmark in one run, tables printed as they come —
//   1. sizes and byte budgets next to NutUI 3 + react-use-cart (bench/size, builds the packages);
//   2. render cost of one quantity change in a 200-line cart, next to NutUI + react-use-cart (bench/render);
//   3. TradeKit's share of the tt main package of the example app (bench/tt);
//   4. cart and pricing operations (bench/cart, `pnpm bench:cart`);
//   5. one spec-selection query on 10 groups × 10 values × 5 000 SKUs (bench/sku, `pnpm bench:sku`);
//   6. setData per interaction in the example app's tt and weapp builds (bench/setdata).
// Budgets are reported here, not enforced: `pnpm bench:check` is the CI gate (sizes only).
//
// `pnpm bench --readme` also writes the figures of this run into README.md, between the markers
// `<!-- bench:begin -->` and `<!-- bench:end -->`: each step's tables, the lines that explain them
// and its budget and goal lines, exactly as printed — so the README's figures all come from one run.
import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const repoDir = dirname(dirname(fileURLToPath(import.meta.url)))
const writeReadme = process.argv.includes('--readme')

const steps = [
  ['Sizes and byte budgets', 'node', ['bench/size/size.mjs']],
  ['Render cost', 'pnpm', ['exec', 'vitest', 'bench', '--run', '--config', 'bench/render/vitest.config.ts']],
  ['Douyin (tt) main package', 'node', ['bench/tt/tt.mjs', '--skip-build']],
  ['Cart and pricing operations', 'pnpm', ['run', 'bench:cart']],
  ['Spec selection', 'pnpm', ['run', 'bench:sku']],
  ['setData per interaction', 'node', ['bench/setdata/setdata.mjs']],
]

// biome-ignore lint/suspicious/noControlCharactersInRegex: terminal colour codes
const ANSI = /\x1b\[[0-9;]*m/g
// tool chatter that is not a figure: vitest's banners and per-bench statistics, the build's echo
const NOISE =
  /^(\$ |stdout \||stderr \||Benchmarking is|Breaking changes|\(!\)|\s+- import|Set `VITE|\s*RUN |\s*BENCH |\s*[✓·]|\s+name\s|\s+\d+(\.\d+)?x |\s+\S.* - bench\/)/
// lines that state a result on their own
const VERDICT = /^(budget|goal|Goal|tt:|weapp:|alipay:|Anchor \/ TradeKit|\d+ passed, \d+ failed)/

/**
 * What of a step's output goes to the README: every Markdown table, the lines of text right above
 * it (its caption, up to four), every budget or goal line, and the indented lines that follow one
 * (what a set over its budget spends its bytes on) as a plain-text block.
 */
export function figuresOf(output) {
  const lines = output.replace(ANSI, '').split('\n')
  const kind = new Map()
  lines.forEach((line, i) => {
    if (line.startsWith('|')) {
      kind.set(i, 'table')
      if (lines[i - 1]?.startsWith('|')) return
      let above = i - 1
      if (lines[above]?.trim() === '') above--
      for (let n = 0; n < 4 && above >= 0; n++, above--) {
        const text = lines[above]
        if (!text.trim() || text.startsWith('|') || NOISE.test(text)) break
        kind.set(above, 'text')
      }
    } else if (VERDICT.test(line)) kind.set(i, 'text')
    else if (
      /^\s+\S/.test(line) &&
      (kind.get(i - 1) === 'text' || kind.get(i - 1) === 'detail') &&
      VERDICT.test(lines.slice(0, i).findLast((l) => !/^\s/.test(l)) ?? '')
    )
      kind.set(i, 'detail')
  })
  const out = []
  let last = -2
  let previous
  for (const i of [...kind.keys()].sort((a, b) => a - b)) {
    const type = kind.get(i)
    const joined = i === last + 1 && type === previous
    if (previous === 'detail' && !joined) out.push('```')
    if (out.length && !joined) out.push('')
    if (type === 'detail' && !joined) out.push('```text')
    out.push(type === 'table' || type === 'detail' ? lines[i].trimEnd() : `${lines[i].trim()}  `)
    last = i
    previous = type
  }
  if (previous === 'detail') out.push('```')
  // a trailing double space breaks a line inside a paragraph; at a paragraph's end it is noise
  return out.join('\n').replace(/ {2}$/gm, (match, offset, all) => {
    const next = all[offset + match.length + 1]
    return next === undefined || next === '\n' || next === '|' || next === '`' ? '' : match
  })
}

const started = Date.now()
const failures = []
const sections = []
for (const [title, command, args] of steps) {
  console.log(`\n=== ${title}: ${command} ${args.join(' ')}\n`)
  const result = spawnSync(command, args, {
    cwd: repoDir,
    stdio: ['ignore', writeReadme ? 'pipe' : 'inherit', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
  if (writeReadme) {
    process.stdout.write(result.stdout ?? '')
    sections.push(`#### ${title} (\`${[command, ...args].join(' ')}\`)\n\n${figuresOf(result.stdout ?? '')}`)
  }
  if (result.status !== 0) failures.push(`${title} (exit ${result.status ?? result.signal})`)
}
const minutes = ((Date.now() - started) / 60_000).toFixed(1)
if (failures.length) {
  console.log(`\nbench: ${failures.join(', ')} did not finish`)
  process.exitCode = 1
} else if (writeReadme) {
  const readmePath = join(repoDir, 'README.md')
  const readme = readFileSync(readmePath, 'utf8')
  const begin = '<!-- bench:begin -->'
  const end = '<!-- bench:end -->'
  const from = readme.indexOf(begin)
  const to = readme.indexOf(end)
  if (from < 0 || to < from) throw new Error(`README.md has no ${begin} … ${end} block`)
  const cores = cpus()
  const header =
    `Figures of one \`pnpm bench --readme\` run on ${new Date().toISOString().slice(0, 10)}: ` +
    `Node ${process.versions.node}, ${cores.length} cores (${cores[0]?.model.trim() ?? 'unknown CPU'}), ` +
    `${minutes} min in all. Generated — do not edit by hand.`
  writeFileSync(
    readmePath,
    `${readme.slice(0, from + begin.length)}\n${header}\n\n${sections.join('\n\n')}\n${readme.slice(to)}`,
  )
  console.log(`\nbench: README.md figures written (${minutes} min)`)
}
