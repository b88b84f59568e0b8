/**
 * Locales TradeKit has text for: zh-CN ships in `@tradekit/core`; en-US is an opt-in pack
 * (`enUS` from `@tradekit/core/locales/en-US`, passed as `messages`).
 */
export type Locale = 'zh-CN' | 'en-US'

/** The locales, default first. */
export const LOCALES: readonly Locale[] = ['zh-CN', 'en-US']
