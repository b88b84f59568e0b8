import { fileURLToPath } from 'node:url'
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin'
import { stripTaroSourceMaps, taroAlias, taroDefine } from '@tradekit/storybook-preset-taro/vite'
import react from '@vitejs/plugin-react'
import { playwright } from '@vitest/browser-playwright'
import { defineConfig } from 'vitest/config'
import { sourceConditions } from './.storybook/sourceConditions.ts'

const root = (path: string) => fileURLToPath(new URL(path, import.meta.url))

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

const storyLocale = process.env.STORY_LOCALE ?? 'zh-CN'
if (!['zh-CN', 'en-US'].includes(storyLocale)) {
  throw new Error(`STORY_LOCALE must be zh-CN or en-US, got ${storyLocale}`)
}

export default defineConfig({
  resolve: {
    conditions: sourceConditions,
    dedupe: ['react', 'react-dom'],
  },
  test: {
    projects: [
      {
        extends: true,
        resolve: { conditions: [...sourceConditions, 'node', 'import', 'default'] },
        ssr: { resolve: { conditions: [...sourceConditions, 'node', 'import', 'default'] } },
        test: { name: 'core', environment: 'node', include: ['test/core/**/*.test.ts'] },
      },
      {
        extends: true,
        resolve: { conditions: [...sourceConditions, 'node', 'import', 'default'] },
        ssr: { resolve: { conditions: [...sourceConditions, 'node', 'import', 'default'] } },
        test: { name: 'server', environment: 'node', include: ['test/server/**/*.test.ts'] },
      },
      {
        extends: true,
        plugins: [react()],
        test: {
          name: 'react',
          environment: 'jsdom',
          include: ['test/react/**/*.test.{ts,tsx}'],
          setupFiles: [root('test/react/setup.ts')],
        },
      },
      {
        extends: true,
        plugins: [react(), stripTaroSourceMaps()],
        define: taroDefine,
        resolve: { alias: taroAlias },
        test: {
          name: 'taro',
          environment: 'jsdom',
          include: ['test/taro/**/*.test.{ts,tsx}'],
          setupFiles: [root('test/taro/setup.ts')],
          server: { deps: { inline: [/@tarojs\//] } },
        },
      },
      {
        extends: true,
        plugins: [storybookTest({ configDir: root('.storybook') })],
        // STORY_LOCALE=en-US runs every story that sets no locale of its own in English, as the
        // locale toolbar would (.storybook/storyLocale.ts): plays must find their texts in both
        define: { __TRADEKIT_STORY_LOCALE__: JSON.stringify(storyLocale) },
        test: {
          name: 'storybook',
          // a story renders, plays and runs axe in one test: the 200-line cart and the 200-order list
          // take about 10 s each on a busy 2-core machine, so every story gets room beyond its own waits
          testTimeout: 30_000,
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({
              launchOptions: {
                executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
                args: chromiumArgs,
              },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
})
