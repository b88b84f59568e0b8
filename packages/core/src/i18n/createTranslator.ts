import type { Locale, Messages } from './messages'
import { zhCN } from './messages'
import { type Translate, translatorOf } from './translate'

/** Options of {@link createTranslator}. */
export interface TranslatorOptions {
  /**
   * The locale.
   * @default 'zh-CN'
   */
  locale?: Locale
  /**
   * A team's overrides of any message, by key — and the text of a locale other than zh-CN: for
   * en-US, `enUS` from `@tradekit/core/locales/en-US` (with any overrides spread over it).
   */
  messages?: Partial<Messages>
}

/**
 * Makes `t(key, params)` for a locale over the whole catalogue, with `messages` applied over it.
 * zh-CN ships in `@tradekit/core`; English comes from the en-US pack, passed as `messages`.
 *
 * @throws TradeKitError `INVALID_ARGUMENT` for a locale TradeKit does not ship; `t` throws it for a
 * key with no text in the locale (en-US without the pack)
 * @example
 * ```ts
 * import { enUS } from '@tradekit/core/locales/en-US'
 *
 * const t = createTranslator({ locale: 'en-US', messages: { ...enUS, 'price.memberLabel': 'VIP' } })
 * t('price.current', { amount: '12 yuan' }) // 'Price 12 yuan'
 * ```
 */
export function createTranslator(options: TranslatorOptions = {}): Translate {
  return translatorOf([{ 'zh-CN': zhCN }], options.locale ?? 'zh-CN', options.messages)
}
