import { View } from '@tarojs/components'
import { memo } from 'react'
import { a11y } from './a11y'
import './BottomBar.css'

/**
 * The room a bar fixed to the bottom of the screen (`tk-bar-fixed`) takes at the end of the page, so
 * the page's last content scrolls clear of it. It never changes: memoised, it renders once, not on
 * every change of the bar's total.
 */
export const BarSpacer = memo(function BarSpacer() {
  return <View className="tk-bar-spacer" {...a11y({ hidden: true })} />
})
