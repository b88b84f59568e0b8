import { View } from '@tarojs/components'
import { a11y } from './a11y'
import './RadioMark.css'

/** The round mark of a single-choice option (hidden from screen readers: the option has the role). */
export function RadioMark({ checked }: { checked: boolean }) {
  return (
    <View
      className={checked ? 'tk-radio-mark tk-radio-mark--checked' : 'tk-radio-mark'}
      {...a11y({ hidden: true })}
    >
      {checked ? <View className="tk-radio-mark__dot" /> : null}
    </View>
  )
}
