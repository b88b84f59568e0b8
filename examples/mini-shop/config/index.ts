import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'

const appRoot = path.resolve(__dirname, '..')

/**
 * TradeKit's CSS is authored for a 375-wide design (like NutUI); this app's own pages use Taro's
 * default 750. Taro calls this with the PostCSS input of each stylesheet (and with a number when it
 * computes the H5 root font size): 375 for TradeKit's files, 750 for everything else.
 */
export function designWidth(input?: unknown): number {
  const file = typeof input === 'object' && input !== null ? (input as { file?: unknown }).file : undefined
  if (typeof file !== 'string') return 750
  const normalized = file.replace(/\\/g, '/')
  // a registry install (node_modules/@tradekit/taro) or this workspace's symlinked package
  return /\/@tradekit\/|\/packages\/taro\/dist\//.test(normalized) ? 375 : 750
}

/** The merchant server for mini-program builds (H5 goes through the same origin's `/api`). */
const merchantUrl = process.env.MERCHANT_URL ?? 'http://127.0.0.1:8787'
/** Pay through the platform's real cashier (`detectChannel`) instead of the sandbox. Off by default. */
const realCashier = process.env.TRADEKIT_REAL_CASHIER === '1'

// Workspace packages are symlinks: webpack would resolve their imports (react, @tarojs/components,
// which the platform plugin maps) from packages/*, finding nothing or a second copy.
const resolveFromApp = (chain: {
  resolve: { modules: { clear(): { add(p: string): { add(p: string): unknown } } } }
}) => {
  chain.resolve.modules.clear().add(path.join(appRoot, 'node_modules')).add('node_modules')
}

export default defineConfig<'webpack5'>(() => {
  const config: UserConfigExport<'webpack5'> = {
    projectName: 'mini-shop',
    date: '2026-11-25',
    designWidth,
    deviceRatio: {
      375: 2,
      640: 2.34 / 2,
      750: 1,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    outputRoot: process.env.MINI_SHOP_OUTPUT ?? `dist/${process.env.TARO_ENV}`,
    // TradeKit's accessible names and roles on tt/weapp: Taro's templates have no aria-* attributes
    plugins: ['@tradekit/taro/taro-plugin'],
    defineConstants: {
      MINI_SHOP_MERCHANT_URL: JSON.stringify(merchantUrl),
      MINI_SHOP_REAL_CASHIER: JSON.stringify(realCashier),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    logger: { quiet: true, stats: false },
    mini: {
      // Modules only the subpackage's pages use (TradeKit's checkout and membership components, their
      // CSS) stay in the subpackage (its pages' files, packageTrade/sub-vendors.*) instead of the main
      // package's common chunks. Taro 4.2's default, stated because the main package depends on it.
      optimizeMainPackage: { enable: true },
      // TradeKit's CSS is scoped by tk- class names: the order pages import it in does not matter
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
      },
      webpackChain(chain) {
        resolveFromApp(chain)
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      useHtmlComponents: true,
      miniCssExtractPluginOption: { ignoreOrder: true },
      // px conversion for TradeKit's CSS from a registry install (node_modules/@tradekit/…)
      esnextModules: ['@tradekit'],
      router: { mode: 'hash' },
      output: { filename: 'js/[name].[hash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      postcss: {
        pxtransform: { enable: true, config: {} },
        autoprefixer: { enable: false, config: {} },
      },
      webpackChain(chain) {
        resolveFromApp(chain)
      },
    },
  }
  return config
})
