import { useLayoutEffect, useRef } from 'react'
import { isH5 } from './env'

/**
 * What an element that React hands to a ref offers for focus on H5. A mini-program's node offers
 * none of it (and mini-programs have no keyboard focus to keep): every call below is optional.
 */
interface FocusNode {
  focus?: (options?: { preventScroll?: boolean }) => void
  readonly isConnected?: boolean
  querySelectorAll?: (selectors: string) => ArrayLike<FocusNode>
}

/** What the Tab key stops at: TradeKit's pressables and groups (`tabIndex` 0), and native controls. */
const TABBABLE = [
  '[tabindex]:not([tabindex="-1"])',
  'a[href]',
  'button:not([disabled])',
  'input:not([disabled])',
  'select:not([disabled])',
  'textarea:not([disabled])',
].join(',')

interface KeyEvent {
  key: string
  shiftKey?: boolean
  target: unknown
  preventDefault(): void
}

/**
 * Focus for a modal panel on H5 (WAI-ARIA's dialog pattern): when it opens, focus moves to the
 * panel (so the dialog is announced by its name); Tab and Shift+Tab wrap from its last focusable
 * element to its first and back, so focus stays inside; Escape calls `onEscape`; when it closes,
 * focus returns to the element that had it before. Spread the props on the panel.
 *
 * The one place a TradeKit component moves focus: it works only on the element React gives the
 * panel's ref (never on `document` or `window`), and does nothing in mini-programs, which have no
 * keyboard focus and get no props.
 */
export function useModalFocus(open: boolean, onEscape: () => void): Record<string, unknown> {
  const panel = useRef<FocusNode | null>(null)
  const opener = useRef<FocusNode | null>(null)
  // a layout effect: focus is inside before anything else can run (a passive effect would take it
  // from whatever the user — or a test — focused first, a frame after the sheet appeared)
  useLayoutEffect(() => {
    if (!isH5 || !open) return
    panel.current?.focus?.({ preventScroll: true })
    return () => {
      const back = opener.current
      opener.current = null
      if (back?.isConnected) back.focus?.({ preventScroll: true })
    }
  }, [open])
  if (!isH5) return {}
  return {
    ref: panel,
    tabIndex: -1,
    onFocus: (event: { target: unknown; relatedTarget?: unknown }) => {
      // the first time the panel itself takes focus is the move above: what had it is where it returns
      if (opener.current === null && event.target === panel.current && event.relatedTarget) {
        opener.current = event.relatedTarget as FocusNode
      }
    },
    onKeyDown: (event: KeyEvent) => {
      if (event.key === 'Escape') {
        onEscape()
        return
      }
      if (event.key !== 'Tab') return
      const stops = Array.from(panel.current?.querySelectorAll?.(TABBABLE) ?? [])
      const first = stops[0]
      const last = stops[stops.length - 1]
      const from = event.target
      const wrap = event.shiftKey
        ? from === first || from === panel.current
          ? last
          : undefined
        : from === last || stops.length === 0
          ? first
          : undefined
      if (wrap === undefined && stops.length > 0) return
      event.preventDefault()
      wrap?.focus?.()
    },
  }
}
