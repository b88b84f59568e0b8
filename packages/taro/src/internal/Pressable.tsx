import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
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
  children?: ReactNode
}

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
  children,
}: PressableProps) {
  const inactive = disabled || busy
  const press = () => {
    if (!inactive) onPress?.()
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
