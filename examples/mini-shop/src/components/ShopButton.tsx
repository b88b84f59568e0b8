import { View } from '@tarojs/components'
import type { ReactNode } from 'react'

const isH5 = process.env.TARO_ENV === 'h5'

export interface ShopButtonProps {
  onPress?: () => void
  disabled?: boolean
  secondary?: boolean
  /** The accessible name when it differs from the visible text (it must contain it). */
  label?: string
  children?: ReactNode
}

/** The app's own button: a View with the button role (H5 attributes, mini-program aria props). */
export function ShopButton({
  onPress,
  disabled = false,
  secondary = false,
  label,
  children,
}: ShopButtonProps) {
  const className = [
    'shop-button',
    secondary && 'shop-button--secondary',
    disabled && 'shop-button--disabled',
  ]
    .filter(Boolean)
    .join(' ')
  const a11y = isH5
    ? { role: 'button', 'aria-label': label, 'aria-disabled': disabled ? 'true' : undefined, tabIndex: 0 }
    : { ariaRole: 'button', ariaLabel: label }
  return (
    <View className={className} {...a11y} onClick={disabled ? undefined : onPress}>
      {children}
    </View>
  )
}
