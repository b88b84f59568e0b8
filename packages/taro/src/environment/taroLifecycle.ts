// Named imports: see taroStorage.ts.
import { offAppHide, offAppShow, onAppHide, onAppShow } from '@tarojs/taro'

/** The app lifecycle port of core's checkout: when the app comes to the foreground or leaves it. */
export interface TaroLifecyclePort {
  onShow(listener: () => void): () => void
  onHide(listener: () => void): () => void
}

/**
 * The lifecycle port over `Taro.onAppShow` / `Taro.onAppHide` (and their `off` twins), so the
 * checkout pauses confirmation while the app is hidden — the user is in the cashier or another app —
 * and re-checks the order the moment it is shown again.
 *
 * One port for the app (it holds nothing of its own): made in a render, it is the same object each
 * time, so nothing re-subscribes when the app renders again.
 *
 * @example
 * ```tsx
 * <TradeProvider storage={taroStorage()} lifecycle={taroLifecycle()} … />
 * ```
 */
export function taroLifecycle(): TaroLifecyclePort {
  lifecycle ??= lifecyclePort()
  return lifecycle
}

let lifecycle: TaroLifecyclePort | undefined

function lifecyclePort(): TaroLifecyclePort {
  return {
    onShow(listener) {
      const handler = () => listener()
      onAppShow(handler)
      return () => offAppShow(handler)
    },
    onHide(listener) {
      const handler = () => listener()
      onAppHide(handler)
      return () => offAppHide(handler)
    },
  }
}
