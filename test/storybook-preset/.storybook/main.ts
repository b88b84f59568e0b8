import type { StorybookConfig } from '@storybook/react-vite'

// A Storybook as a Taro team would start one: the React + Vite framework and the preset, nothing else.
const config: StorybookConfig = {
  framework: { name: '@storybook/react-vite', options: {} },
  stories: ['../*.stories.tsx'],
  addons: ['@tradekit/storybook-preset-taro'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
}

export default config
