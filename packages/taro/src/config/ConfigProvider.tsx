import { View } from '@tarojs/components'
import type { Locale, Messages } from '@tradekit/core'
import { LocaleProvider } from '@tradekit/react'
import { type ReactNode, useContext, useMemo } from 'react'
import '../theme/tokens.css'
import { ThemeContext } from '../theme/ThemeContext'
import { type Theme, themeStyle } from '../theme/theme'

/** Props of {@link ThemeProvider}. */
export interface ThemeProviderProps {
  /** Token overrides; left-out tokens keep the defaults (or an outer provider's). */
  theme?: Theme
  /** Extra class of the root view. */
  className?: string
  children?: ReactNode
}

/**
 * Applies a theme to the TradeKit components below, through inline `--tk-*` variables on a root view
 * and on each component's own root (a mini-program page does not render an app-level wrapper, so a
 * theme set in `app.tsx` still reaches every page's components).
 *
 * @example
 * ```tsx
 * <ThemeProvider theme={{ colorPrimary: '#0b57d0', radius: '4px' }}>…</ThemeProvider>
 * ```
 */
export function ThemeProvider({ theme, className, children }: ThemeProviderProps) {
  const outer = useContext(ThemeContext)
  const merged = useMemo(() => (theme ? { ...outer, ...theme } : outer), [outer, theme])
  return (
    <ThemeContext.Provider value={merged}>
      <View className={className ? `tk-root ${className}` : 'tk-root'} style={themeStyle(theme)}>
        {children}
      </View>
    </ThemeContext.Provider>
  )
}

/** Props of {@link ConfigProvider}. */
export interface ConfigProviderProps extends ThemeProviderProps {
  /**
   * Locale of every TradeKit text below; inherited from an outer provider when left out. zh-CN
   * ships with TradeKit; for en-US pass the en-US pack as `messages` too.
   * @default 'zh-CN'
   */
  locale?: Locale
  /**
   * Overrides of any message of the catalogue, and the text of a locale other than zh-CN: `enUS`
   * from `@tradekit/core/locales/en-US`, with any overrides spread over it.
   */
  messages?: Partial<Messages>
}

/**
 * Locale, messages and theme for the TradeKit components below. Feeds the same locale context as
 * @tradekit/react's `TradeProvider`, so hooks and components agree.
 *
 * @example
 * ```tsx
 * import { enUS } from '@tradekit/core/locales/en-US'
 *
 * <ConfigProvider locale="en-US" messages={enUS} theme={{ colorPrice: '#d4380d' }}>
 *   <Price price={money(1200)} />
 * </ConfigProvider>
 * ```
 */
export function ConfigProvider({ locale, messages, theme, className, children }: ConfigProviderProps) {
  return (
    <LocaleProvider locale={locale} messages={messages}>
      <ThemeProvider theme={theme} className={className}>
        {children}
      </ThemeProvider>
    </LocaleProvider>
  )
}
