// errors
export { ERROR_CODES, isTradeKitErrorCode, type TradeKitErrorCode } from './errors/errorCodes'
export { isTradeKitError, TradeKitError, type TradeKitErrorData } from './errors/TradeKitError'
// i18n
export {
  createTranslator,
  formatMessage,
  type MessageParams,
  type Translate,
  type TranslatorOptions,
} from './i18n/createTranslator'
export { enUS, LOCALES, type Locale, MESSAGES, type MessageKey, type Messages, zhCN } from './i18n/messages'
// money
export { CURRENCIES, type CurrencyFormat, currencyFormat } from './money/currencies'
export { describePrice, type PriceParts, speakMoney } from './money/describePrice'
export {
  type FormatMoneyOptions,
  formatAmount,
  formatMoney,
  formatMoneyParts,
  type MoneyParts,
} from './money/formatMoney'
export { assertMoney, isMoney, type Money, money } from './money/money'
// pricing
export type { Quote, QuoteLine } from './pricing/quote'
// storage
export { memoryStorage, type StoragePort, type StorageRecord, storageKey } from './storage/storage'
// cart
// checkout
// channels
// membership
