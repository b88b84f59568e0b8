import { Text } from '@tarojs/components'
import type { ReactNode } from 'react'
import { useThemeVars } from '../theme/ThemeContext'
import '../theme/tokens.css'
import './Tag.css'

/** Props of {@link Tag}. */
export interface TagProps {
  /** The tag's text. */
  children: ReactNode
  /**
   * Colour role.
   * @default 'default'
   */
  tone?: 'default' | 'primary' | 'success' | 'warning' | 'member'
  /**
   * Filled, tinted or outlined.
   * @default 'light'
   */
  variant?: 'solid' | 'light' | 'outline'
  /** Extra class of the root. */
  className?: string
}

/**
 * A short label on a product or a line: "限时折扣", "会员专享", "仅剩 3 件".
 *
 * @example
 * ```tsx
 * <Tag tone="primary" variant="solid">新品</Tag>
 * ```
 */
export function Tag({ children, tone = 'default', variant = 'light', className }: TagProps) {
  const themeVars = useThemeVars()
  const classes = ['tk-tag', `tk-tag--${tone}`, `tk-tag--${variant}`, className].filter(Boolean).join(' ')
  return (
    <Text style={themeVars} className={classes}>
      {children}
    </Text>
  )
}
