import type { Theme } from '@tradekit/taro'
import { ThemeProvider } from '@tradekit/taro'
import type { ReactNode } from 'react'

/** The shop's brand on TradeKit's tokens (set as CSS variables on each page's root). */
export const SHOP_THEME: Theme = { colorPrimary: '#a4133c', colorPrice: '#a4133c' }

/**
 * A page's root with the shop's theme. On mini-programs each page renders in a tree of its own and
 * what wraps the pages in app.tsx never reaches them, so the theme is set per page.
 */
export function ShopPage({ children }: { children?: ReactNode }) {
  return (
    <ThemeProvider theme={SHOP_THEME} className="shop-page">
      {children}
    </ThemeProvider>
  )
}
