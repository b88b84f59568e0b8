import { isH5 } from './env'

/**
 * Keyboard activation for a pressable View on H5, where Taro renders HTML and a `div` is neither
 * focusable nor pressed by Enter or Space. Mini-programs have no keyboard: no props there.
 */
export function pressKeys(press: () => void, disabled = false): Record<string, unknown> {
  if (!isH5) return {}
  return {
    tabIndex: disabled ? -1 : 0,
    onKeyDown: (event: { key: string; preventDefault(): void }) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault()
        if (!disabled) press()
      }
    },
  }
}
