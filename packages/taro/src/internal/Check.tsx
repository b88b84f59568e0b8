import { Text, View } from '@tarojs/components'
import { memo } from 'react'
import { a11y } from './a11y'
import { pressKeys } from './keyboard'
import './Check.css'

/** Props of the internal {@link Check}. */
export interface CheckProps {
  checked: boolean
  /** The accessible name ("选择 T 恤", "全选"). */
  label: string
  disabled?: boolean
  onChange?: (checked: boolean) => void
  className?: string
}

/**
 * A round check mark with the checkbox role, for line selection and "select all". Memoised: the
 * cart bar's "select all" does not render again when only the total moved (give it a stable
 * `onChange`).
 */
export const Check = memo(function Check({
  checked,
  label,
  disabled = false,
  onChange,
  className,
}: CheckProps) {
  const toggle = () => {
    if (!disabled) onChange?.(!checked)
  }
  const keyboard = pressKeys(toggle, disabled)
  const classes = ['tk-check', checked && 'tk-check--checked', disabled && 'tk-check--disabled', className]
    .filter(Boolean)
    .join(' ')
  return (
    <View
      className={classes}
      onClick={toggle}
      {...a11y({ role: 'checkbox', label, checked, disabled })}
      {...keyboard}
    >
      <View className="tk-check__mark" {...a11y({ hidden: true })}>
        {checked ? <Text className="tk-check__tick">✓</Text> : null}
      </View>
    </View>
  )
})
