import { coreBenchConfig } from '../coreBenchConfig'

// Benchmarks only (`pnpm bench:sku`): run against the sources, no build needed.
export default coreBenchConfig('sku')
