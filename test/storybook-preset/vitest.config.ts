import { fileURLToPath } from 'node:url'
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin'
import { playwright } from '@vitest/browser-playwright'
import { defineConfig } from 'vitest/config'
import { chromiumArgs } from '../../vitest.config.ts'

// The preset's test (`pnpm test:storybook-preset`): the fixture Storybook beside this file uses only
// `@tradekit/storybook-preset-taro`; its story renders Taro components in Chromium. Nothing Taro is
// configured here: what the story needs must come from the preset.
const here = fileURLToPath(new URL('.', import.meta.url))

export default defineConfig({
  root: here,
  plugins: [storybookTest({ configDir: `${here}.storybook` })],
  test: {
    name: 'storybook-preset',
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
})
