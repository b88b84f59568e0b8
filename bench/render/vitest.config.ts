import { fileURLToPath } from 'node:url'
import { stripTaroSourceMaps, taroAlias, taroDefine } from '@tradekit/storybook-preset-taro/vite'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'
import { sourceConditions } from '../../.storybook/sourceConditions.ts'

// The render bench (`pnpm bench:render`): TradeKit's components from their sources and NutUI's from
// the bench's node_modules, both rendered through Taro's H5 HTML components in jsdom — the same
// aliases and constants as the taro tests and Storybook.
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  plugins: [react(), stripTaroSourceMaps()],
  define: taroDefine,
  resolve: {
    alias: taroAlias,
    conditions: sourceConditions,
    dedupe: ['react', 'react-dom'],
  },
  test: {
    include: [],
    environment: 'jsdom',
    setupFiles: [fileURLToPath(new URL('./setup.ts', import.meta.url))],
    server: { deps: { inline: [/@tarojs\//, /@nutui\//] } },
    benchmark: { include: ['bench/render/**/*.bench.tsx'] },
  },
})
