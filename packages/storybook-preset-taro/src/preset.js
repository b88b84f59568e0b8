// @ts-check
// The Storybook preset: `addons: ['@tradekit/storybook-preset-taro']` in `.storybook/main.ts`.
// Storybook also loads `./preview.js` of this package into every story.
import { mergeConfig } from 'vite'
import { taroVite } from './vite.js'

/**
 * Adds Taro's H5 components and API, its build-time constants and the px transform options to
 * Storybook's Vite config.
 * @param {import('vite').UserConfig} config
 * @param {import('./vite.js').TaroPresetOptions} options
 * @returns {Promise<import('vite').UserConfig>}
 */
export async function viteFinal(config, options) {
  return mergeConfig(config, taroVite({ designWidth: options.designWidth, deviceRatio: options.deviceRatio }))
}
