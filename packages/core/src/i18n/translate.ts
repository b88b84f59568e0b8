import { TradeKitError } from '../errors/TradeKitError'
import { LOCALES } from './locale'
import type { Catalogue, Locale, MessageKey, Messages } from './messages'

/** Values a template's `{name}` placeholders take. */
export type MessageParams = Readonly<Record<string, string | number>>

/** Looks up a message by key and fills its parameters. */
export type Translate = (key: MessageKey, params?: MessageParams) => string

/**
 * Fills `{name}` placeholders. A placeholder without a value stays as written, so a missing
 * parameter is visible instead of silently empty.
 */
export function formatMessage(template: string, params?: MessageParams): string {
  if (!params) return template
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name]
    return value === undefined ? whole : String(value)
  })
}

/**
 * `t(key, params)` over some parts of the catalogue only (what a component shows), with a team's
 * overrides applied over them. A bundle carries only the parts it names.
 *
 * TradeKit's parts hold zh-CN only: another locale's text comes in through `overrides` (for en-US,
 * `enUS` from `@tradekit/core/locales/en-US`). A key without text in the locale throws — TradeKit
 * never shows a Chinese text to a user who asked for English.
 *
 * @throws TradeKitError `INVALID_ARGUMENT` for a locale TradeKit does not ship; `t` throws it for a
 * key none of the parts (nor the overrides) has, and for a key with no text in the locale (the
 * message says which pack to pass)
 * @example
 * ```ts
 * import { enUS } from '@tradekit/core/locales/en-US'
 *
 * const t = translatorOf([goodsMessages], 'en-US', enUS)
 * t('cart.selectAll') // 'Select all'
 * ```
 */
export function translatorOf(
  catalogues: readonly Catalogue[],
  locale: Locale,
  overrides?: Partial<Messages>,
): Translate {
  if (!LOCALES.includes(locale)) {
    throw new TradeKitError(
      'INVALID_ARGUMENT',
      process.env.NODE_ENV !== 'production' ? `Unsupported locale ${String(locale)}` : undefined,
    )
  }
  const parts = catalogues.map((catalogue) => catalogue[locale])
  return (key, params) => {
    let template = overrides?.[key]
    for (let i = 0; template === undefined && i < parts.length; i++) template = parts[i]?.[key]
    if (template === undefined) throw missing(catalogues, locale, key)
    return formatMessage(template, params)
  }
}

/** The error for a key without a template: an unknown key, or a known one whose locale is not loaded. */
function missing(catalogues: readonly Catalogue[], locale: Locale, key: MessageKey): TradeKitError {
  // the developer's text only: a production build throws the code alone
  if (process.env.NODE_ENV === 'production') return new TradeKitError('INVALID_ARGUMENT')
  const known = catalogues.some((catalogue) => LOCALES.some((other) => catalogue[other]?.[key] !== undefined))
  // zh-CN, the default, ships in the parts themselves: a key missing there is not a missing pack
  if (!known || locale === LOCALES[0]) {
    return new TradeKitError('INVALID_ARGUMENT', `Unknown message key ${String(key)}`)
  }
  const pack = locale.replace('-', '')
  return new TradeKitError(
    'INVALID_ARGUMENT',
    `No ${locale} text for "${key}": import { ${pack} } from '@tradekit/core/locales/${locale}' and pass it as messages`,
  )
}
