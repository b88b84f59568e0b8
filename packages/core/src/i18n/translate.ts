import { TradeKitError } from '../errors/TradeKitError'
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
 * @throws TradeKitError `INVALID_ARGUMENT` for a locale TradeKit does not ship; `t` throws it for a
 * key none of the parts (nor the overrides) has
 * @example
 * ```ts
 * const t = translatorOf([goodsMessages], 'en-US')
 * t('cart.selectAll') // 'Select all'
 * ```
 */
export function translatorOf(
  catalogues: readonly Catalogue[],
  locale: Locale,
  overrides?: Partial<Messages>,
): Translate {
  const parts = catalogues.map((catalogue) => catalogue[locale])
  if (parts.some((part) => part === undefined)) {
    throw new TradeKitError('INVALID_ARGUMENT', `Unsupported locale ${String(locale)}`)
  }
  return (key, params) => {
    let template = overrides?.[key]
    for (let i = 0; template === undefined && i < parts.length; i++) template = parts[i]?.[key]
    if (template === undefined) {
      throw new TradeKitError('INVALID_ARGUMENT', `Unknown message key ${String(key)}`)
    }
    return formatMessage(template, params)
  }
}
