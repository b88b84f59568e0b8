import type { StorybookConfig } from '@storybook/react-vite'
import { mergeConfig } from 'vite'
import { sourceConditions, stripTaroSourceMaps, taroAlias, taroDefine } from './taro/taroVite.ts'

const config: StorybookConfig = {
  framework: { name: '@storybook/react-vite', options: {} },
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  typescript: { reactDocgen: 'react-docgen-typescript' },
  async viteFinal(viteConfig) {
    return mergeConfig(viteConfig, {
      define: taroDefine,
      plugins: [stripTaroSourceMaps()],
      resolve: {
        alias: taroAlias,
        conditions: sourceConditions,
        dedupe: ['react', 'react-dom'],
      },
    })
  },
}

export default config
