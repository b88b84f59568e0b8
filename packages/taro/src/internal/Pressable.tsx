import { Button } from '@tarojs/components'
import type { ReactNode } from 'react'
import './Pressable.css'

/** Props of the internal {@link Pressable}. */
export interface PressableProps {
  /** The accessible name (defaults to the visible text). */
  label?: string
  disabled?: boolean
  /** Busy: the action is running (announced, and presses are ignored). */
  busy?: boolean
  className?: string
  onPress?: () => void
  children?: ReactNode
}

const isH5 = process.env.TARO_ENV === 'h5'

/**
 * A Taro `Button` that is a button for everyone: on mini-programs the native button already is;
 * on H5 Taro renders a `div`, so it gets the role, focus and Enter/Space keys here.
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
  const web = isH5
    ? {
        role: 'button',
        tabIndex: disabled ? -1 : 0,
        onKeyDown: (event: { key: string; preventDefault(): void }) => {
          if (event.key === 'Enter' || event.key === ' ') {
            event.preventDefault()
            press()
          }
        },
      }
    : {}
  return (
    <Button
      className={className ? `tk-pressable ${className}` : 'tk-pressable'}
      disabled={disabled}
      hoverClass="tk-pressable--active"
      aria-label={label}
      aria-disabled={inactive ? 'true' : undefined}
      aria-busy={busy ? 'true' : undefined}
      onClick={press}
      {...web}
    >
      {children}
    </Button>
  )
}
