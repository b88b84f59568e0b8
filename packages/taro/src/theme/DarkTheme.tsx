import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './tokens.css'
import './tokens-dark.css'

/** Props of {@link DarkTheme}. */
export interface DarkThemeProps {
  /** Extra class of the view. */
  className?: string
  children?: ReactNode
}

/**
 * TradeKit's dark preset for everything below, by class: a view with `tk-dark` and the stylesheet that
 * gives that class the dark tokens (`tokens-dark.css`, imported here and by no other module, so only
 * the pages that use it carry it). The same as putting `tk-dark` on a page's root view after importing
 * `@tradekit/taro/tokens-dark.css` once.
 *
 * @example
 * ```tsx
 * <DarkTheme className="page">
 *   <CartList />
 *   <CartBar onCheckout={goToCheckout} />
 * </DarkTheme>
 * ```
 */
export function DarkTheme({ className, children }: DarkThemeProps) {
  return <View className={className ? `tk-dark ${className}` : 'tk-dark'}>{children}</View>
}
