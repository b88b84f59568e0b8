// @ts-check
// What Taro's H5 build does to a component library, as a Vite config fragment: Storybook's Vite
// builder, Vitest and any other Vite setup can render Taro components with it.
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'

/**
 * The build-time constants Taro's runtime reads, as Taro's H5 build defines them. A new object on
 * each call: Vitest deletes the keys it takes over from a project's `define`, and a shared object
 * would lose them for the next config that uses it.
 * @returns {Record<string, string>}
 */
function createDefine() {
  return {
    'process.env.TARO_ENV': JSON.stringify('h5'),
    'process.env.TARO_PLATFORM': JSON.stringify('web'),
    'process.env.FRAMEWORK': JSON.stringify('react'),
    ENABLE_INNER_HTML: 'true',
    ENABLE_ADJACENT_HTML: 'true',
    ENABLE_SIZE_APIS: 'true',
    ENABLE_TEMPLATE_CONTENT: 'true',
    ENABLE_CLONE_NODE: 'true',
    ENABLE_CONTAINS: 'true',
    ENABLE_MUTATION_OBSERVER: 'true',
    DEPRECATED_ADAPTER_COMPONENT: 'false',
  }
}

/**
 * The build-time constants Taro's runtime reads (`process.env.TARO_ENV` is `'h5'`, …), for a Vite or
 * Vitest config of your own.
 */
export const taroDefine = createDefine()

const taroH5 = fileURLToPath(new URL('./taro-h5.js', import.meta.url))

/** @returns {{ find: RegExp; replacement: string }[]} */
function createAlias() {
  return [
    { find: /^@tarojs\/components$/, replacement: '@tarojs/components-react' },
    { find: /^@tarojs\/taro$/, replacement: taroH5 },
  ]
}

/**
 * Taro's H5 build in its HTML-components mode (`h5.useHtmlComponents: true`): `@tarojs/components`
 * becomes plain React DOM from `@tarojs/components-react`, and `@tarojs/taro` becomes the H5 API of
 * `@tarojs/taro-h5` with the API methods on its default export too (`Taro.setStorageSync()` works).
 */
export const taroAlias = createAlias()

/**
 * Taro's published files point at source maps they do not ship, and Vite warns for each one: drop
 * the references.
 * @returns {import('vite').Plugin}
 */
export function stripTaroSourceMaps() {
  return {
    name: 'taro-strip-sourcemaps',
    enforce: 'pre',
    async load(id) {
      if (!/node_modules[\\/](\.pnpm[\\/])?@tarojs/.test(id) || !/\.[cm]?js$/.test(id)) return null
      const code = await readFile(id, 'utf8')
      return { code: code.replace(/\/\/# sourceMappingURL=\S+/g, ''), map: null }
    },
  }
}

/** Taro's default `deviceRatio`, plus the entry a 375-wide design needs. */
export const defaultDeviceRatio = { 375: 2, 640: 2.34 / 2, 750: 1, 828: 1.81 / 2 }

const optionsId = 'virtual:@tradekit/storybook-preset-taro/options'

/**
 * Serves the preset's options to the browser (`virtual:@tradekit/storybook-preset-taro/options`),
 * where the preview calls `Taro.initPxTransform` with them.
 * @param {import('./vite.js').TaroPresetOptions} [options]
 * @returns {import('vite').Plugin}
 */
export function taroOptions(options = {}) {
  const pxTransform = {
    designWidth: options.designWidth ?? 750,
    deviceRatio: options.deviceRatio ?? defaultDeviceRatio,
  }
  return {
    name: 'taro-preset-options',
    resolveId(id) {
      return id === optionsId ? `\0${optionsId}` : null
    },
    load(id) {
      return id === `\0${optionsId}` ? `export default ${JSON.stringify({ pxTransform })}` : null
    },
  }
}

/**
 * Everything above as one Vite config fragment, for `mergeConfig(config, taroVite())`.
 * @param {import('./vite.js').TaroPresetOptions} [options]
 * @returns {import('vite').UserConfig}
 */
export function taroVite(options = {}) {
  return {
    define: createDefine(),
    plugins: [stripTaroSourceMaps(), taroOptions(options)],
    resolve: {
      alias: createAlias(),
      // a React library linked into an app (a workspace, `pnpm link`) must not bring a second React
      dedupe: ['react', 'react-dom'],
    },
  }
}
