import type { Locale, Messages } from '@tradekit/core'
import type { ReactNode } from 'react'
import { LocaleProvider } from '../locale/LocaleProvider'

/** Props of {@link TradeProvider}. */
export interface TradeProviderProps {
  /**
   * The locale of every TradeKit text below.
   * @default 'zh-CN'
   */
  locale?: Locale
  /** A team's overrides of any message of the catalogue. */
  messages?: Partial<Messages>
  children?: ReactNode
}

/**
 * The root of a TradeKit app: holds the locale and messages for the hooks and components below.
 *
 * @example
 * ```tsx
 * <TradeProvider locale="en-US">
 *   <App />
 * </TradeProvider>
 * ```
 */
export function TradeProvider({ locale, messages, children }: TradeProviderProps) {
  return (
    <LocaleProvider locale={locale} messages={messages}>
      {children}
    </LocaleProvider>
  )
}
