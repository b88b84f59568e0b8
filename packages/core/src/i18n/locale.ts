/** Locales TradeKit ships messages for. */
export type Locale = 'zh-CN' | 'en-US'

/** The locales, default first. */
export const LOCALES: readonly Locale[] = ['zh-CN', 'en-US']
