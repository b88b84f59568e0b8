import type { Locale, Messages } from './messages'
import { MESSAGES } from './messages'
import { type Translate, translatorOf } from './translate'

/** Options of {@link createTranslator}. */
export interface TranslatorOptions {
  /**
   * The locale.
   * @default 'zh-CN'
   */
  locale?: Locale
  /** A team's overrides of any message, by key. */
  messages?: Partial<Messages>
}

/**
 * Makes `t(key, params)` for a locale, with a team's overrides applied over the shipped catalogue.
 *
 * @throws TradeKitError `INVALID_ARGUMENT` for a locale TradeKit does not ship
 * @example
 * ```ts
 * const t = createTranslator({ locale: 'en-US', messages: { 'price.memberLabel': 'VIP' } })
 * t('price.current', { amount: '12 yuan' }) // 'Price 12 yuan'
 * ```
 */
export function createTranslator(options: TranslatorOptions = {}): Translate {
  return translatorOf([MESSAGES], options.locale ?? 'zh-CN', options.messages)
}
