/** Locales TradeKit ships messages for. */
export type Locale = 'zh-CN' | 'en-US'

/** The locales, default first. */
export const LOCALES: readonly Locale[] = ['zh-CN', 'en-US']

/**
 * The zh-CN catalogue: the source of the message keys. Templates take `{name}` parameters.
 * Every user-facing string of every TradeKit component comes from here (or its en-US twin).
 */
export const zhCN = {
  'currency.CNY': '元',
  'currency.USD': '美元',
  'currency.HKD': '港元',
  'currency.JPY': '日元',
  'a11y.separator': '，',
  'price.current': '现价 {amount}',
  'price.original': '原价 {amount}',
  'price.member': '会员价 {amount}',
  'price.memberLabel': '会员价',
  // components
  'common.loading': '加载中',
  'empty.title': '暂无内容',
  'stepper.label': '数量',
  'stepper.decrease': '减少数量',
  'stepper.increase': '增加数量',
  'stepper.belowMin': '最少购买 {min} 件',
  'stepper.aboveMax': '最多购买 {max} 件',
  'stepper.exceedsStock': '库存仅剩 {stock} 件',
  'stepper.step': '需按 {step} 件的倍数购买',
  'stepper.updating': '正在更新数量',
  'stepper.failed': '数量更新失败，已恢复为 {quantity}',
} as const satisfies Record<string, string>

/** A key of the message catalogue. */
export type MessageKey = keyof typeof zhCN

/** A whole catalogue: one template per key. */
export type Messages = Readonly<Record<MessageKey, string>>

/** The en-US catalogue. */
export const enUS: Messages = {
  'currency.CNY': 'yuan',
  'currency.USD': 'US dollars',
  'currency.HKD': 'Hong Kong dollars',
  'currency.JPY': 'yen',
  'a11y.separator': ', ',
  'price.current': 'Price {amount}',
  'price.original': 'was {amount}',
  'price.member': 'member price {amount}',
  'price.memberLabel': 'Member',
  // components
  'common.loading': 'Loading',
  'empty.title': 'Nothing here yet',
  'stepper.label': 'Quantity',
  'stepper.decrease': 'Decrease quantity',
  'stepper.increase': 'Increase quantity',
  'stepper.belowMin': 'Minimum {min}',
  'stepper.aboveMax': 'Maximum {max}',
  'stepper.exceedsStock': 'Only {stock} left',
  'stepper.step': 'In multiples of {step}',
  'stepper.updating': 'Updating quantity',
  'stepper.failed': 'Could not update, back to {quantity}',
}

/** The shipped catalogues by locale. */
export const MESSAGES: Readonly<Record<Locale, Messages>> = { 'zh-CN': zhCN, 'en-US': enUS }
