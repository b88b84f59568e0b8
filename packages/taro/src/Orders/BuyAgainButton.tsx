import { Text, View } from '@tarojs/components'
import { type BuyAgainResult, type CartItem, goodsMessages, type Order, orderMessages } from '@tradekit/core'
import { useBuyAgain, useTranslate } from '@tradekit/react'
import { a11y } from '../internal/a11y'
import { NAVIGATION_SETTLE_MS, Pressable } from '../internal/Pressable'
import { useThemeVars } from '../theme/ThemeContext'
import '../theme/tokens.css'
import './BuyAgainButton.css'

/** Props of {@link BuyAgainButton}. */
export interface BuyAgainButtonProps {
  /** The order to buy again. */
  order: Order
  /**
   * Today's products for these skus, from the team's product API (price, stock, limits, status);
   * a sku it leaves out is reported as no longer available.
   */
  getItems: (skuIds: readonly string[]) => Promise<readonly CartItem[]>
  /** Called after the lines went into the cart, with what went in and what could not (go to the cart). */
  onDone?: (result: BuyAgainResult) => void
  /** Extra class of the root. */
  className?: string
}

/**
 * "再次购买": puts an order's lines back into the cart of `useCart` at today's prices, stock and
 * limits (`useBuyAgain`, which a page drawing its own report uses directly), then says what went
 * in, which quantities changed and which lines could not be bought again and why (sold out, off the
 * shelf, gone, over the limit, or a product the cart does not accept) — never dropping one
 * silently, never leaving the cart half-filled behind a "failed".
 *
 * @example
 * ```tsx
 * <BuyAgainButton order={order} getItems={(skus) => api.products(skus)} onDone={() => Taro.switchTab({ url: '/pages/cart/index' })} />
 * ```
 */
export function BuyAgainButton({ order, getItems, onDone, className }: BuyAgainButtonProps) {
  const themeVars = useThemeVars()
  const { t } = useTranslate(orderMessages, goodsMessages)
  const { state, buyAgain } = useBuyAgain(getItems)
  const press = async () => {
    const ended = await buyAgain(order)
    if (ended.status === 'done') onDone?.(ended.result)
  }
  const result = state.status === 'done' ? state.result : null
  const added = result?.items.reduce((sum, entry) => sum + entry.quantity, 0) ?? 0
  return (
    <View style={themeVars} className={className ? `tk-buy-again ${className}` : 'tk-buy-again'}>
      <Pressable
        className="tk-buy-again__button"
        busy={state.status === 'loading'}
        settleMs={NAVIGATION_SETTLE_MS}
        onPress={() => void press()}
      >
        <Text className="tk-buy-again__pill">{t('order.action.buyAgain')}</Text>
      </Pressable>
      {state.status === 'failed' ? (
        <Text className="tk-buy-again__error" {...a11y({ role: 'alert' })}>
          {t('order.buyAgain.failed')}
        </Text>
      ) : null}
      {result ? (
        <View className="tk-buy-again__report" {...a11y({ role: 'status' })}>
          {result.items.length > 0 ? (
            <Text className="tk-buy-again__added">{t('order.buyAgain.added', { count: added })}</Text>
          ) : null}
          {result.items
            .filter((entry) => entry.issue)
            .map((entry) => (
              <Text key={entry.line.lineId} className="tk-buy-again__note">
                {t('order.buyAgain.adjusted', { title: entry.line.title, count: entry.quantity })}
              </Text>
            ))}
          {result.unavailable.length > 0 ? (
            <View
              className="tk-buy-again__unavailable"
              {...a11y({
                role: 'list',
                label: t('order.buyAgain.unavailable', { count: result.unavailable.length }),
              })}
            >
              <Text className="tk-buy-again__note" {...a11y({ hidden: true })}>
                {t('order.buyAgain.unavailable', { count: result.unavailable.length })}
              </Text>
              {result.unavailable.map(({ line, reason }) => (
                <Text key={line.lineId} className="tk-buy-again__note" {...a11y({ role: 'listitem' })}>
                  {t('order.buyAgain.unavailableLine', {
                    title: line.title,
                    reason: t(`order.buyAgain.reason.${reason}`),
                  })}
                </Text>
              ))}
            </View>
          ) : null}
        </View>
      ) : null}
    </View>
  )
}
