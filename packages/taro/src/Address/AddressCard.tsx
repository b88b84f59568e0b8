import { Text, View } from '@tarojs/components'
import {
  type AddressDraft,
  type AddressPort,
  addressMessages,
  formatRegion,
  isAddressComplete,
  type ShippingAddress,
} from '@tradekit/core'
import { useTranslate } from '@tradekit/react'
import { useRef, useState } from 'react'
import { a11y } from '../internal/a11y'
import { Pressable } from '../internal/Pressable'
import '../internal/Section.css'
import { useThemeVars } from '../theme/ThemeContext'
import '../theme/tokens.css'
import { AddressForm } from './AddressForm'
import './AddressCard.css'

/** Props of {@link AddressCard}. */
export interface AddressCardProps {
  /** The chosen address, or nothing yet. */
  value: ShippingAddress | null | undefined
  /** Called with the address the user chose in the platform's picker or typed in the form. */
  onChange: (address: ShippingAddress) => void
  /**
   * The platform's address picker (`taroAddress()`); without it a tap opens the form at once.
   */
  port?: AddressPort
  /**
   * The order has physical lines: an address is required.
   * @default false
   */
  required?: boolean
  /**
   * Show the "add an address" error now (the user tried to submit without one).
   * @default false
   */
  showErrors?: boolean
  /**
   * How the form takes the region (see `AddressForm`).
   */
  regionInput?: 'inputs' | 'picker'
  /** Extra class of the root. */
  className?: string
}

type Editing = { draft: AddressDraft; notice: 'denied' | 'unavailable' | null; showErrors: boolean } | null

/**
 * The shipping address of a checkout: the chosen address, or "添加收货地址". A tap opens the platform's
 * picker through `port`; when the user refused it (or there is none, as on H5) the card turns into an
 * {@link AddressForm} with a note why; an address from the picker that is not complete (a landline,
 * a missing street) opens the form to fix it. With `required` and no address, `showErrors` shows
 * "请添加收货地址".
 *
 * @example
 * ```tsx
 * <AddressCard value={address} onChange={setAddress} port={taroAddress()} required={needsShippingAddress(lines)} showErrors={triedToSubmit} />
 * ```
 */
export function AddressCard({
  value,
  onChange,
  port,
  required = false,
  showErrors = false,
  regionInput,
  className,
}: AddressCardProps) {
  const themeVars = useThemeVars()
  const { t } = useTranslate(addressMessages)
  const [editing, setEditing] = useState<Editing>(null)
  const [choosing, setChoosing] = useState(false)
  const running = useRef(false)
  const missing = required && !value
  const classes = [
    'tk-section',
    'tk-address-card',
    missing && showErrors && 'tk-address-card--error',
    className,
  ]
    .filter(Boolean)
    .join(' ')

  const open = async () => {
    if (!port) {
      setEditing({ draft: value ?? {}, notice: null, showErrors: false })
      return
    }
    if (running.current) return
    running.current = true
    setChoosing(true)
    try {
      const choice = await port.choose()
      if (choice.kind === 'chosen') {
        if (isAddressComplete(choice.address)) onChange(choice.address)
        else setEditing({ draft: choice.address, notice: null, showErrors: true })
      } else if (choice.kind !== 'cancelled') {
        setEditing({ draft: value ?? {}, notice: choice.kind, showErrors: false })
      }
    } finally {
      running.current = false
      setChoosing(false)
    }
  }

  if (editing) {
    return (
      <View style={themeVars} className={classes}>
        <AddressForm
          className="tk-address-card__form"
          value={editing.draft}
          onChange={(draft) => setEditing({ ...editing, draft })}
          onSubmit={(address) => {
            setEditing(null)
            onChange(address)
          }}
          onCancel={() => setEditing(null)}
          showErrors={editing.showErrors}
          regionInput={regionInput}
          notice={
            editing.notice ? (
              <Text {...a11y({ role: 'status' })}>
                {t(editing.notice === 'denied' ? 'address.denied' : 'address.unavailable')}
              </Text>
            ) : undefined
          }
        />
      </View>
    )
  }

  const line = value ? `${formatRegion(value)} ${value.detail}` : ''
  return (
    <View style={themeVars} className={classes}>
      {value ? (
        <Pressable
          className="tk-address-card__chosen"
          busy={choosing}
          label={t('address.chosen', { name: value.name, phone: value.phone, address: line })}
          onPress={open}
        >
          <View className="tk-address-card__body">
            <View className="tk-address-card__who">
              <Text className="tk-address-card__name">{value.name}</Text>
              <Text className="tk-address-card__phone">{value.phone}</Text>
            </View>
            <Text className="tk-address-card__line">{line}</Text>
          </View>
          <Text className="tk-address-card__chevron" {...a11y({ hidden: true })}>
            ›
          </Text>
        </Pressable>
      ) : (
        <Pressable className="tk-address-card__add" busy={choosing} label={t('address.add')} onPress={open}>
          <Text className="tk-address-card__plus" {...a11y({ hidden: true })}>
            +
          </Text>
          <Text>{t('address.add')}</Text>
        </Pressable>
      )}
      {missing && showErrors ? (
        <Text className="tk-address-card__error" {...a11y({ role: 'alert' })}>
          {t('address.required')}
        </Text>
      ) : null}
    </View>
  )
}
