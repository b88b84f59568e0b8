import type { Locale } from '@tradekit/core'
import { enUS } from '@tradekit/core/locales/en-US'
import { CartProvider } from '@tradekit/react'
import { ConfigProvider } from '@tradekit/taro'
import type { ReactNode } from 'react'
import { sharedCart } from './sharedCart'

/** The native component instance Taro passes to the React component as `$scope`. */
export interface NativeScope {
  triggerEvent(name: string, detail?: unknown): void
}

/** Props every TradeKit native component takes (inside its `props` object). */
export interface NativeCommonProps {
  /**
   * The locale of the component's texts.
   * @default 'zh-CN'
   */
  locale?: Locale
  /**
   * The cart the component works on: components with the same namespace share one cart.
   * @default 'default'
   */
  namespace?: string
  /** Set by Taro: the native component instance (for `triggerEvent`). */
  $scope?: NativeScope
}

/** Sends a native component event (`bind:<name>` in the page's template). */
export function emit(scope: NativeScope | undefined, name: string, detail: unknown): void {
  scope?.triggerEvent(name, detail)
}

/**
 * The shared cart, the locale and the theme around a component. A native page chooses the locale by
 * a prop, so the components carry the en-US pack and pass it for `locale: 'en-US'`.
 */
export function NativeRoot({
  locale = 'zh-CN',
  namespace,
  children,
}: {
  locale?: Locale
  namespace?: string
  children: ReactNode
}) {
  const messages = locale === 'en-US' ? enUS : undefined
  return (
    <CartProvider cart={sharedCart(namespace)} locale={locale} messages={messages}>
      <ConfigProvider locale={locale}>{children}</ConfigProvider>
    </CartProvider>
  )
}
