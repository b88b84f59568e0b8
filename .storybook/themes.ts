import type { Theme } from '@tradekit/taro'

/** Theme presets of the toolbar: the default and a second brand, to review theming. */
export const themes: Record<string, Theme | undefined> = {
  default: undefined,
  ocean: {
    colorPrimary: '#0b57d0',
    colorPrice: '#b3261e',
    radius: '4px',
    radiusSmall: '2px',
  },
}
