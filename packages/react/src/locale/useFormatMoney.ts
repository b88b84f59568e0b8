import { type FormatMoneyOptions, formatMoney, type Money } from '@tradekit/core'
import { useCallback } from 'react'
import { useCurrentLocale } from './LocaleProvider'

/**
 * `formatMoney` bound to the current locale.
 *
 * @example
 * ```tsx
 * const format = useFormatMoney()
 * <Text>{format(cart.subtotal, { trimZeros: true })}</Text>
 * ```
 */
export function useFormatMoney(): (value: Money, options?: Omit<FormatMoneyOptions, 'locale'>) => string {
  const locale = useCurrentLocale()
  return useCallback((value, options) => formatMoney(value, { ...options, locale }), [locale])
}
