import { Text, View } from '@tarojs/components'
import {
  type CartQuote,
  checkoutMessages,
  formatMoney,
  goodsMessages,
  type Money,
  type PurchaseMode,
  type Quote,
  speakMoney,
} from '@tradekit/core'
import { useTranslate } from '@tradekit/react'
import { a11y } from '../internal/a11y'
import { Price } from '../Price/Price'
import '../internal/Section.css'
import { useThemeVars } from '../theme/ThemeContext'
import '../theme/tokens.css'
import './OrderSummary.css'

/** What the summary shows of a line beyond the quote: its title. */
export interface OrderSummaryItem {
  /** The quote line it names (the cart's `lineId`). */
  readonly lineId: string
  /** The product's title. */
  readonly title: string
}

/** Props of {@link OrderSummary}. */
export interface OrderSummaryProps {
  /** The quote to show: the cart's (`useCartQuote`) or the server's after a price change. */
  quote: Quote | CartQuote
  /** Titles of the quote's lines; a line without one shows its sku. @default [] */
  items?: readonly OrderSummaryItem[]
  /**
   * `hidden` (virtual goods where the platform forbids selling them) lists the lines without any
   * amount; `buy` and `im` show every amount.
   * @default 'buy'
   */
  purchaseMode?: PurchaseMode
  /** Extra class of the root. */
  className?: string
}

/** One amount row, read as "label: amount" (the visible text is hidden from screen readers). */
function Row({
  label,
  amount,
  minus,
  strong,
}: {
  label: string
  amount: Money
  minus?: boolean
  strong?: boolean
}) {
  const { t, locale } = useTranslate(checkoutMessages, goodsMessages)
  const spoken = speakMoney(amount, t)
  const visible = `${minus ? '-' : ''}${formatMoney(amount, { locale })}`
  return (
    <View
      className={strong ? 'tk-order-summary__row tk-order-summary__row--strong' : 'tk-order-summary__row'}
      {...a11y({
        role: 'group',
        label: t(minus ? 'checkout.summary.minus' : 'checkout.summary.amount', { label, amount: spoken }),
      })}
    >
      <Text className="tk-order-summary__label" {...a11y({ hidden: true })}>
        {label}
      </Text>
      <Text className="tk-order-summary__amount" {...a11y({ hidden: true })}>
        {visible}
      </Text>
    </View>
  )
}

/**
 * The order's lines and totals: each line with its quantity and total, the subtotal, the coupon
 * discount, each fee (waived ones marked) and the payable. It renders the quote it is given and
 * computes nothing.
 *
 * @example
 * ```tsx
 * const quote = useCartQuote({ coupons })
 * <OrderSummary quote={quote} items={lines.map(({ lineId, title }) => ({ lineId, title }))} />
 * ```
 */
export function OrderSummary({ quote, items = [], purchaseMode = 'buy', className }: OrderSummaryProps) {
  const themeVars = useThemeVars()
  const { t, locale } = useTranslate(checkoutMessages, goodsMessages)
  const titles = new Map(items.map((item) => [item.lineId, item.title]))
  const feeItems = 'feeItems' in quote ? quote.feeItems : undefined
  const priced = purchaseMode !== 'hidden'
  return (
    <View
      style={themeVars}
      className={className ? `tk-section tk-order-summary ${className}` : 'tk-section tk-order-summary'}
      {...a11y({ role: 'region', label: t('checkout.summary.title') })}
    >
      <Text className="tk-section__title">{t('checkout.summary.title')}</Text>
      <View className="tk-order-summary__lines" {...a11y({ role: 'list' })}>
        {quote.lines.map((line) => {
          const title = titles.get(line.lineId) ?? line.skuId
          return (
            <View
              key={line.lineId}
              className="tk-order-summary__line"
              {...a11y({
                role: 'listitem',
                label: priced
                  ? t('checkout.summary.line', {
                      title,
                      count: line.quantity,
                      amount: speakMoney(line.lineTotal, t),
                    })
                  : `${title} ${t('checkout.summary.quantity', { count: line.quantity })}`,
              })}
            >
              <Text className="tk-order-summary__line-title" {...a11y({ hidden: true })}>
                {title}
              </Text>
              <Text className="tk-order-summary__line-quantity" {...a11y({ hidden: true })}>
                {t('checkout.summary.quantity', { count: line.quantity })}
              </Text>
              {priced ? (
                <Text className="tk-order-summary__amount" {...a11y({ hidden: true })}>
                  {formatMoney(line.lineTotal, { locale })}
                </Text>
              ) : null}
            </View>
          )
        })}
      </View>
      {priced ? (
        <>
          <Row label={t('checkout.summary.subtotal')} amount={quote.subtotal} />
          {quote.discount.amount > 0 ? (
            <Row label={t('checkout.summary.discount')} amount={quote.discount} minus />
          ) : null}
          {feeItems ? (
            feeItems.map((fee) => {
              const label = fee.label ?? t('checkout.summary.fee')
              return (
                <Row
                  key={fee.id}
                  label={fee.waived ? t('checkout.summary.feeWaived', { label }) : label}
                  amount={fee.amount}
                />
              )
            })
          ) : quote.fees.amount > 0 ? (
            <Row label={t('checkout.summary.fee')} amount={quote.fees} />
          ) : null}
          <View className="tk-order-summary__payable">
            <Text className="tk-order-summary__label">{t('checkout.summary.payable')}</Text>
            <Price price={quote.payable} size="lg" />
          </View>
        </>
      ) : null}
    </View>
  )
}
