// What a tap costs in the example app's real mini-program builds: the setData calls, paths and JSON
// bytes each interaction sends to the view layer, measured by running dist/tt and dist/weapp of
// examples/mini-shop in its Node host against the merchant server (examples/mini-shop/scripts/lib/
// setDataCost.mjs says what each interaction is and what counts as a full-list update).
//
//   node bench/setdata/setdata.mjs           (reuses dist/tt and dist/weapp, builds those missing)
//   node bench/setdata/setdata.mjs --build   (builds the packages and both apps first)
//
// The budgets (stepper tap ≤ 1 KB on the 50-line cart, no full-list update for one line's change)
// are enforced by `pnpm --filter mini-shop check:builds`; here they are reported.
import { existsSync } from 'node:fs'
import path from 'node:path'
import {
  appDir,
  buildLibraries,
  buildMerchant,
  run,
  startMerchant,
} from '../../examples/mini-shop/scripts/lib/servers.mjs'
import {
  CART_LINES,
  measureSetData,
  STEPPER_BUDGET_BYTES,
  setDataTable,
} from '../../examples/mini-shop/scripts/lib/setDataCost.mjs'

const PLATFORMS = ['tt', 'weapp']
const build = process.argv.includes('--build')

async function main() {
  if (build) buildLibraries()
  for (const platform of PLATFORMS) {
    if (build || !existsSync(path.join(appDir, 'dist', platform, 'app.js')))
      run('pnpm', ['run', `build:${platform}`])
  }
  if (build || !existsSync(path.join(appDir, '../merchant-server/dist/main.js'))) buildMerchant()
  const merchant = await startMerchant()
  const results = []
  try {
    for (const platform of PLATFORMS) {
      results.push([
        platform,
        await measureSetData({ platform, dist: path.join(appDir, 'dist', platform), merchant }),
      ])
    }
  } finally {
    await merchant.stop()
  }
  console.log(setDataTable(results))
  console.log('')
  for (const [platform, rows] of results) {
    const stepper = rows.find((row) => row.interaction.startsWith('stepper'))
    const fullList = rows.flatMap((row) => row.fullList ?? [])
    console.log(
      `${platform}: stepper tap ${stepper.bytes} B of setData on the ${CART_LINES}-line cart (budget ${STEPPER_BUDGET_BYTES} B: ${stepper.bytes <= STEPPER_BUDGET_BYTES ? 'holds' : 'FAILS'}); full-list updates for one line's change: ${fullList.length === 0 ? 'none' : fullList.join('; ')}`,
    )
  }
  // the app's pages keep timers (an order's countdown): end here
  process.exit(0)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
