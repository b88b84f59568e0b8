import type { MessageKey } from '../i18n/messages'
import type { Translate } from '../i18n/translate'
import { hasOwn } from '../internal/hasOwn'
import { CURRENCIES } from './currencies'
import { formatAmount } from './formatMoney'
import type { Money } from './money'

/**
 * Money as a screen reader should say it: the number without symbol or grouping, then the
 * currency's word from the catalogue — `"12 元"`, `"12.50 yuan"`, `"-19.99 元"`. `t` must cover
 * `goodsMessages` (it throws otherwise); a currency without a word is read as its code (`"1 EUR"`).
 */
export function speakMoney(value: Money, t: Translate): string {
  // the catalogue has a word for each currency TradeKit writes (CURRENCIES); others are read as their code
  const unit = hasOwn(CURRENCIES, value.currency)
    ? t(`currency.${value.currency}` as MessageKey)
    : value.currency
  const sign = value.amount < 0 ? '-' : ''
  return `${sign}${formatAmount(value, { trimZeros: true, grouping: false })} ${unit}`
}

/** The prices one product shows. */
export interface PriceParts {
  /** What the user pays now. */
  price: Money
  /** The struck-through price before a discount. */
  originalPrice?: Money
  /** The price a member pays. */
  memberPrice?: Money
}

/**
 * The full phrase a screen reader reads for a price, e.g. "现价 12 元，原价 20 元"
 * or "Price 12 yuan, was 20 yuan".
 */
export function describePrice(parts: PriceParts, t: Translate): string {
  const phrases = [t('price.current', { amount: speakMoney(parts.price, t) })]
  if (parts.memberPrice) phrases.push(t('price.member', { amount: speakMoney(parts.memberPrice, t) }))
  if (parts.originalPrice) phrases.push(t('price.original', { amount: speakMoney(parts.originalPrice, t) }))
  return phrases.join(t('a11y.separator'))
}
