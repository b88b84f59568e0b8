import { fileURLToPath } from 'node:url'
import type { Plugin } from 'vite'

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))

/**
 * The build-time constants Taro's runtime reads, as Taro's H5 build defines them.
 */
export const taroDefine: Record<string, string> = {
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

/**
 * Taro's H5 build in its HTML-components mode (`h5.useHtmlComponents: true`): components are plain
 * React DOM from @tarojs/components-react, the API is @tarojs/taro-h5. Tests, Storybook and the
 * example app's H5 build all render this same markup.
 */
export const taroAlias = [
  { find: /^@tarojs\/components$/, replacement: '@tarojs/components-react' },
  { find: /^@tarojs\/taro$/, replacement: here('./taroH5.ts') },
]

/** Resolve our packages to their sources (the `source` export condition). */
export const sourceConditions = ['source']

/** Taro's published files point at source maps they do not ship: drop the references. */
export function stripTaroSourceMaps(): Plugin {
  return {
    name: 'tradekit-strip-taro-sourcemaps',
    enforce: 'pre',
    async load(id) {
      if (!/node_modules[\\/](\.pnpm[\\/])?@tarojs/.test(id) || !/\.[cm]?js$/.test(id)) return null
      const { readFile } = await import('node:fs/promises')
      const code = await readFile(id, 'utf8')
      return { code: code.replace(/\/\/# sourceMappingURL=\S+/g, ''), map: null }
    },
  }
}
