import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'

const packageRoot = path.resolve(__dirname, '..')

// `taro build native-components --type weapp|tt`: every entry of src/app.config.ts `components`
// becomes a native custom component (Component({...}) + template + style) under dist/<type>.
export default defineConfig<'webpack5'>(() => {
  const config: UserConfigExport<'webpack5'> = {
    projectName: 'tradekit-native',
    date: '2026-12-06',
    // every style in these components is TradeKit's, authored for a 375-wide design
    designWidth: 375,
    deviceRatio: { 375: 2, 640: 2.34 / 2, 750: 1, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: process.env.TRADEKIT_NATIVE_OUTPUT ?? `dist/${process.env.TARO_ENV}`,
    // TradeKit's accessible names and roles on tt/weapp: Taro's templates have no aria-* attributes
    plugins: ['@tradekit/taro/taro-plugin'],
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    logger: { quiet: true, stats: false },
    mini: {
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: { pxtransform: { enable: true, config: {} } },
      // workspace packages are symlinks: resolve react and @tarojs/* from this package, not theirs
      webpackChain(chain) {
        chain.resolve.modules.clear().add(path.join(packageRoot, 'node_modules')).add('node_modules')
      },
    },
  }
  return config
})
