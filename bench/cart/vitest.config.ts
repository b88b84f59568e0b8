import { coreBenchConfig } from '../coreBenchConfig'

// Benchmarks only (`pnpm bench:cart`): run against the sources, no build needed.
export default coreBenchConfig('cart')
