import Taro, { usePullDownRefresh, useReady } from '@tarojs/taro'
import { useRef } from 'react'

/** The page element Taro's H5 router keeps its page on (`__page`, set once the page is ready). */
type PageElement = HTMLElement & { __page?: unknown }

/**
 * Pull to refresh of a page whose config sets `enablePullDownRefresh` (this app: H5 only, where
 * Taro's ScrollView has no refresher): a pull runs `refresh`, and Taro's indicator goes away once it
 * settled, answered or not.
 *
 * On H5 with `useHtmlComponents`, Taro 4.2.0 wraps the page in `@tarojs/components-react`'s
 * PullDownRefresh, which takes its own content wrapper (a child of the page element) for the page:
 * it calls `wrapper.__page.onPullDownRefresh()` — undefined there, so `usePullDownRefresh` never
 * hears a pull — and reads `wrapper.scrollTop` — always 0, so a downward swipe on a page scrolled
 * down starts a pull instead of scrolling back up. Once the page is ready, the wrapper is made to
 * answer as the page element for both.
 */
export function usePagePullDownRefresh(refresh: () => Promise<unknown>): void {
  const latest = useRef(refresh)
  latest.current = refresh
  usePullDownRefresh(() => {
    void latest
      .current()
      .catch(() => undefined)
      .finally(() => void Taro.stopPullDownRefresh())
  })
  useReady(() => {
    if (process.env.TARO_ENV !== 'h5') return
    const path = Taro.getCurrentInstance().page?.path
    const pageElement = path ? (document.getElementById(path) as PageElement | null) : null
    const wrapper = pageElement?.querySelector(':scope > .rmc-pull-to-refresh-content-wrapper')
    if (!pageElement || !wrapper || Object.hasOwn(wrapper, '__page')) return
    Object.defineProperties(wrapper, {
      __page: { configurable: true, get: () => pageElement.__page },
      scrollTop: { configurable: true, get: () => pageElement.scrollTop },
    })
  })
}
