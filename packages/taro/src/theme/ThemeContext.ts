import { createContext, useContext } from 'react'
import { type Theme, themeStyle } from './theme'

/** The theme tokens in force: the merge of every ThemeProvider / ConfigProvider above. */
export const ThemeContext = createContext<Theme | undefined>(undefined)
ThemeContext.displayName = 'TradeKitTheme'

const cache = new WeakMap<Theme, Record<string, string>>()

/**
 * The inline `--tk-*` variables of the theme in force, for a component's root; `undefined` with
 * the default theme. A mini-program page does not render the app's wrapper views, so a theme set
 * once in `app.tsx` reaches a page's components only through their own roots.
 */
export function useThemeVars(): Record<string, string> | undefined {
  const theme = useContext(ThemeContext)
  if (!theme) return undefined
  let style = cache.get(theme)
  if (!style) {
    style = themeStyle(theme)
    cache.set(theme, style)
  }
  return Object.keys(style).length > 0 ? style : undefined
}
