import { ScrollView, Text, View } from '@tarojs/components'
import { skuMessages } from '@tradekit/core'
import { useTranslate } from '@tradekit/react'
import type { ReactNode } from 'react'
import { a11y } from '../internal/a11y'
import { isH5 } from '../internal/env'
import { useModalFocus } from '../internal/modalFocus'
import { Pressable } from '../internal/Pressable'
import { useThemeVars } from '../theme/ThemeContext'
import '../theme/tokens.css'
import './BottomSheet.css'

/** Props of {@link BottomSheet}. */
export interface BottomSheetProps {
  /** Shown or not. A closed sheet renders nothing. */
  open: boolean
  /** The heading, also the dialog's accessible name. */
  title: string
  /** Called by the close button, a tap on the mask and (on H5) the Escape key. */
  onClose: () => void
  /** The close button's accessible name; the catalogue's "关闭" by default. */
  closeLabel?: string
  /**
   * A tap on the mask closes the sheet.
   * @default true
   */
  closeOnMask?: boolean
  /** Content above the scrolling body that always stays in view (a product's picture and price). */
  header?: ReactNode
  /** The bar at the bottom, above the home indicator (the sheet's actions). */
  footer?: ReactNode
  /** The body; it scrolls when it is taller than the sheet allows. */
  children?: ReactNode
  /** Extra class of the panel. */
  className?: string
}

// Mini-programs scroll the page behind a fixed layer unless it catches the touch moves; H5 has no
// such prop (React would warn about it on a div)
const catchMove = isH5 ? {} : { catchMove: true }

// aria-modal is not among the internal a11y helper's fields: said here the way it says the others
const modal = isH5 ? { 'aria-modal': 'true' } : { ariaModal: 'true' }

/**
 * A panel anchored to the bottom of the screen over a dimming mask: it slides up, keeps its
 * bottom clear of the home indicator (`env(safe-area-inset-bottom)`), has a title and a close
 * button, and closes on a tap on the mask. A dialog for assistive technology (`role="dialog"`,
 * `aria-modal`, named by its title). On H5 it takes focus when it opens, keeps Tab and Shift+Tab
 * inside, closes on Escape and gives focus back to what had it before.
 *
 * @example
 * ```tsx
 * <BottomSheet open={open} title="选择规格" onClose={() => setOpen(false)} footer={<Actions />}>
 *   <SpecGroups />
 * </BottomSheet>
 * ```
 */
export function BottomSheet({
  open,
  title,
  onClose,
  closeLabel,
  closeOnMask = true,
  header,
  footer,
  children,
  className,
}: BottomSheetProps) {
  const themeVars = useThemeVars()
  const { t } = useTranslate(skuMessages)
  const focus = useModalFocus(open, onClose)
  if (!open) return null
  return (
    <View style={themeVars} className="tk-bottom-sheet">
      <View
        className="tk-bottom-sheet__mask"
        {...catchMove}
        onClick={closeOnMask ? onClose : undefined}
        {...a11y({ hidden: true })}
      />
      <View
        className={className ? `tk-bottom-sheet__panel ${className}` : 'tk-bottom-sheet__panel'}
        {...catchMove}
        {...a11y({ role: 'dialog', label: title })}
        {...modal}
        {...focus}
      >
        <View className="tk-bottom-sheet__head">
          <Text className="tk-bottom-sheet__title">{title}</Text>
          <Pressable
            className="tk-bottom-sheet__close"
            label={closeLabel ?? t('sku.close')}
            onPress={onClose}
          >
            <Text className="tk-bottom-sheet__close-icon" {...a11y({ hidden: true })}>
              ×
            </Text>
          </Pressable>
        </View>
        {header ? <View className="tk-bottom-sheet__header">{header}</View> : null}
        <ScrollView className="tk-bottom-sheet__body" scrollY>
          {children}
        </ScrollView>
        {footer ? <View className="tk-bottom-sheet__footer">{footer}</View> : null}
      </View>
    </View>
  )
}
