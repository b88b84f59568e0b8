import { View } from '@tarojs/components'
import { type ReactNode, useRef } from 'react'
import { a11y } from './a11y'
import { pressKeys } from './keyboard'
import './Pressable.css'

/** Props of the internal {@link Pressable}. */
export interface PressableProps {
  /** The accessible name (defaults to the visible text); it must contain the visible text. */
  label?: string
  disabled?: boolean
  /** Busy: the action is running (announced, and presses are ignored). */
  busy?: boolean
  className?: string
  onPress?: () => void
  /** A press while disabled (not busy): a form can show what stops it next to the field. */
  onDisabledPress?: () => void
  /**
   * Presses within this many ms of the last one that counted are ignored: a button that navigates
   * (to the checkout, away from a result) must not open two pages on a double tap.
   * @default 0 (every press counts: steppers, selection)
   */
  settleMs?: number
  children?: ReactNode
}

/** How long a navigating button ignores further presses. */
export const NAVIGATION_SETTLE_MS = 800

/**
 * A pressable area that is a button for everyone. Its state is also in classes
 * (`tk-pressable--disabled`, `tk-pressable--busy`) for styling: mini-program templates do not carry
 * `aria-*` attributes unless the app adds them, so CSS must not select on them. Built on `View` rather than Taro's `Button`, whose
 * native and H5 default styles (font size, padding, the `::after` border) fight every theme; it
 * carries the button role and state itself, and on H5 focus and the Enter/Space keys.
 * Platform buttons with an `openType` (phone number, customer service) use Taro's `Button`.
 */
export function Pressable({
  label,
  disabled = false,
  busy = false,
  className,
  onPress,
  onDisabledPress,
  settleMs = 0,
  children,
}: PressableProps) {
  const inactive = disabled || busy
  const lastPress = useRef(Number.NEGATIVE_INFINITY)
  const press = () => {
    if (inactive) {
      if (!busy) onDisabledPress?.()
      return
    }
    if (settleMs > 0) {
      const now = Date.now()
      if (now - lastPress.current < settleMs) return
      lastPress.current = now
    }
    onPress?.()
  }
  const keyboard = pressKeys(press, disabled)
  return (
    <View
      className={[
        'tk-pressable',
        inactive && 'tk-pressable--disabled',
        busy && 'tk-pressable--busy',
        className,
      ]
        .filter(Boolean)
        .join(' ')}
      hoverClass={inactive ? 'none' : 'tk-pressable--active'}
      onClick={press}
      {...a11y({ role: 'button', label, disabled: inactive, busy })}
      {...keyboard}
    >
      {children}
    </View>
  )
}
