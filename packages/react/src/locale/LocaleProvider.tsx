import { createTranslator, type Locale, type Messages, type Translate } from '@tradekit/core'
import { createContext, type ReactNode, useContext, useMemo } from 'react'

/** What the locale context holds. */
export interface LocaleValue {
  /** The current locale. */
  readonly locale: Locale
  /** The team's message overrides in force (merged with any outer provider's). */
  readonly messages: Partial<Messages> | undefined
  /** Looks up a message of the current locale. */
  readonly t: Translate
}

const DEFAULT_LOCALE: LocaleValue = { locale: 'zh-CN', messages: undefined, t: createTranslator() }

const LocaleContext = createContext<LocaleValue>(DEFAULT_LOCALE)
LocaleContext.displayName = 'TradeKitLocale'

/** Props of {@link LocaleProvider}. */
export interface LocaleProviderProps {
  /**
   * The locale; inherited from an outer provider when left out.
   * @default 'zh-CN'
   */
  locale?: Locale
  /** Overrides of any message, by key; merged over an outer provider's overrides. */
  messages?: Partial<Messages>
  children?: ReactNode
}

/**
 * Sets the locale and message overrides for everything below it. `TradeProvider` and
 * @tradekit/taro's `ConfigProvider` render it; use it directly only to switch locale in a subtree.
 */
export function LocaleProvider({ locale, messages, children }: LocaleProviderProps) {
  const outer = useContext(LocaleContext)
  const nextLocale = locale ?? outer.locale
  const merged = useMemo(
    () => (messages ? { ...outer.messages, ...messages } : outer.messages),
    [outer.messages, messages],
  )
  const value = useMemo<LocaleValue>(
    () => ({
      locale: nextLocale,
      messages: merged,
      t: createTranslator({ locale: nextLocale, messages: merged }),
    }),
    [nextLocale, merged],
  )
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>
}

/**
 * The current locale and its `t(key, params)`. Works without a provider (zh-CN, shipped messages).
 *
 * @example
 * ```tsx
 * const { t } = useLocale()
 * return <Text>{t('price.memberLabel')}</Text>
 * ```
 */
export function useLocale(): LocaleValue {
  return useContext(LocaleContext)
}
