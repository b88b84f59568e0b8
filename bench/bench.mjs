// `pnpm bench`: every TradeKit benchmark in one run, tables printed as they come —
//   1. sizes and byte budgets next to NutUI 3 + react-use-cart (bench/size, builds the packages);
//   2. render cost of one quantity change in a 200-line cart, next to NutUI + react-use-cart (bench/render);
//   3. TradeKit's share of the tt main package of the example app (bench/tt);
//   4. cart and pricing operations (bench/cart, `pnpm bench:cart`);
//   5. one spec-selection query on 10 groups × 10 values × 5 000 SKUs (bench/sku, `pnpm bench:sku`);
//   6. setData per interaction in the example app's tt and weapp builds (bench/setdata).
// Budgets are reported here, not enforced: `pnpm bench:check` is the CI gate (sizes only).
import { spawnSync } from 'node:child_process'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'

const repoDir = dirname(dirname(fileURLToPath(import.meta.url)))

const steps = [
  ['sizes and budgets', 'node', ['bench/size/size.mjs']],
  ['render cost', 'pnpm', ['exec', 'vitest', 'bench', '--run', '--config', 'bench/render/vitest.config.ts']],
  ['tt package size', 'node', ['bench/tt/tt.mjs', '--skip-build']],
  ['cart and pricing', 'pnpm', ['run', 'bench:cart']],
  ['sku selection', 'pnpm', ['run', 'bench:sku']],
  ['setData per interaction', 'node', ['bench/setdata/setdata.mjs']],
]

const failures = []
for (const [title, command, args] of steps) {
  console.log(`\n=== ${title}: ${command} ${args.join(' ')}\n`)
  const result = spawnSync(command, args, { cwd: repoDir, stdio: 'inherit' })
  if (result.status !== 0) failures.push(`${title} (exit ${result.status ?? result.signal})`)
}
if (failures.length) {
  console.log(`\nbench: ${failures.join(', ')} did not finish`)
  process.exitCode = 1
}
