import {
  type Catalogue,
  createTranslator,
  type Locale,
  type Messages,
  type Translate,
  translatorOf,
} from '@tradekit/core'
import { createContext, type ReactNode, useContext, useMemo } from 'react'

/** The locale in force and a team's message overrides. */
interface LocaleState {
  readonly locale: Locale
  readonly messages: Partial<Messages> | undefined
}

/** What `useLocale()` and `useTranslate()` answer. */
export interface LocaleValue extends LocaleState {
  /** The current locale. */
  readonly locale: Locale
  /** The messages in force over zh-CN (a locale pack, a team's overrides; merged with any outer provider's). */
  readonly messages: Partial<Messages> | undefined
  /** Looks up a message of the current locale. */
  readonly t: Translate
}

const LocaleContext = createContext<LocaleState>({ locale: 'zh-CN', messages: undefined })
LocaleContext.displayName = 'TradeKitLocale'

/** Props of {@link LocaleProvider}. */
export interface LocaleProviderProps {
  /**
   * The locale; inherited from an outer provider when left out.
   * @default 'zh-CN'
   */
  locale?: Locale
  /**
   * Overrides of any message, by key, merged over an outer provider's — and the text of a locale
   * other than zh-CN: for en-US, `enUS` from `@tradekit/core/locales/en-US`.
   */
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
  const value = useMemo<LocaleState>(() => ({ locale: nextLocale, messages: merged }), [nextLocale, merged])
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>
}

/**
 * The current locale and its `t(key, params)` over the whole catalogue. Works without a provider
 * (zh-CN, shipped messages). `t` throws for a key with no text in the locale (en-US without the
 * en-US pack in `messages`).
 *
 * @example
 * ```tsx
 * const { t } = useLocale()
 * return <Text>{t('price.memberLabel')}</Text>
 * ```
 */
export function useLocale(): LocaleValue {
  const state = useContext(LocaleContext)
  return useMemo(
    () => ({ ...state, t: createTranslator({ locale: state.locale, messages: state.messages }) }),
    [state],
  )
}

/**
 * The current locale and a `t(key, params)` over the named parts of the catalogue only, so a bundle
 * carries the text of the components it uses and no other: TradeKit's components read their text
 * this way. `t` throws for a key none of the parts (nor `messages`) has text for in the locale.
 *
 * @example
 * ```tsx
 * const { t } = useTranslate(goodsMessages)
 * return <Text>{t('cart.selectAll')}</Text>
 * ```
 */
export function useTranslate(...catalogues: Catalogue[]): LocaleValue {
  const state = useContext(LocaleContext)
  // the parts are module constants: the same on every render of a component
  // biome-ignore lint/correctness/useExhaustiveDependencies: the catalogues are compared one by one
  return useMemo(
    () => ({ ...state, t: translatorOf(catalogues, state.locale, state.messages) }),
    [state, ...catalogues],
  )
}

/** The current locale, without any message. */
export function useCurrentLocale(): Locale {
  return useContext(LocaleContext).locale
}
