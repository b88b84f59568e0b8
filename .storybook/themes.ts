import type { Theme } from '@tradekit/taro'
import { darkTheme } from '../packages/taro/src/theme/theme'

/**
 * Theme presets of the toolbar: the default, a second brand to review theming, and TradeKit's dark
 * preset (`darkTheme`, the tokens of `tokens-dark.css`).
 */
export const themes: Record<string, Theme | undefined> = {
  default: undefined,
  dark: darkTheme,
  ocean: {
    colorPrimary: '#0b57d0',
    colorPrice: '#b3261e',
    radius: '4px',
    radiusSmall: '2px',
  },
}
