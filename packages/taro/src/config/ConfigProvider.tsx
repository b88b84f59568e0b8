import { View } from '@tarojs/components'
import type { Locale, Messages } from '@tradekit/core'
import { LocaleProvider } from '@tradekit/react'
import type { ReactNode } from 'react'
import '../theme/tokens.css'
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
 * Applies a theme to the TradeKit components below, through inline `--tk-*` variables on a root view.
 *
 * @example
 * ```tsx
 * <ThemeProvider theme={{ colorPrimary: '#0b57d0', radius: '4px' }}>…</ThemeProvider>
 * ```
 */
export function ThemeProvider({ theme, className, children }: ThemeProviderProps) {
  return (
    <View className={className ? `tk-root ${className}` : 'tk-root'} style={themeStyle(theme)}>
      {children}
    </View>
  )
}

/** Props of {@link ConfigProvider}. */
export interface ConfigProviderProps extends ThemeProviderProps {
  /**
   * Locale of every TradeKit text below; inherited from an outer provider when left out.
   * @default 'zh-CN'
   */
  locale?: Locale
  /** Overrides of any message of the catalogue. */
  messages?: Partial<Messages>
}

/**
 * Locale, messages and theme for the TradeKit components below. Feeds the same locale context as
 * @tradekit/react's `TradeProvider`, so hooks and components agree.
 *
 * @example
 * ```tsx
 * <ConfigProvider locale="en-US" theme={{ colorPrice: '#d4380d' }}>
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
