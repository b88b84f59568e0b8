import { Input, Picker, Text, View } from '@tarojs/components'
import {
  ADDRESS_DETAIL_MAX,
  ADDRESS_NAME_MAX,
  type AddressDraft,
  type AddressField,
  type AddressRegion,
  addressMessages,
  formatRegion,
  normalizeAddress,
  type ShippingAddress,
  validateAddress,
} from '@tradekit/core'
import { useTranslate } from '@tradekit/react'
import { type ReactNode, useState } from 'react'
import { a11y } from '../internal/a11y'
import { isH5 } from '../internal/env'
import { Pressable } from '../internal/Pressable'
import '../internal/Section.css'
import { useThemeVars } from '../theme/ThemeContext'
import '../theme/tokens.css'
import './AddressForm.css'

/** Props of {@link AddressForm}. */
export interface AddressFormProps {
  /** The address as typed so far (controlled). */
  value: AddressDraft
  /** Called with the whole draft on every change. */
  onChange: (draft: AddressDraft) => void
  /** Called with the normalised address when the user saves a valid one. */
  onSubmit?: (address: ShippingAddress) => void
  /** Shows a cancel button that calls it. */
  onCancel?: () => void
  /**
   * Show every field's error now, not only after the field was left or a save was tried.
   * @default false
   */
  showErrors?: boolean
  /**
   * How the region is entered: three text fields, or the platform's region picker (`Picker
   * mode="region"`, one tap for province, city and district). Taro's H5 Picker has no region data of
   * its own, so H5 takes the fields.
   * @default 'inputs' on H5, 'picker' on mini-programs
   */
  regionInput?: 'inputs' | 'picker'
  /** A note above the fields (why the form shows: the platform picker was refused…). */
  notice?: ReactNode
  /** Extra class of the root. */
  className?: string
}

function Field({ label, error, children }: { label: string; error: string | null; children: ReactNode }) {
  return (
    <View className="tk-address-form__field">
      <Text className="tk-address-form__label" {...a11y({ hidden: true })}>
        {label}
      </Text>
      {children}
      {error ? (
        <Text className="tk-address-form__error" {...a11y({ role: 'alert' })}>
          {error}
        </Text>
      ) : null}
    </View>
  )
}

interface RegionPickerDetail {
  value: string[]
  code?: string[]
  postcode?: string
}

/**
 * Manual entry of a shipping address — recipient, mobile number, province / city / district and the
 * street detail — for when the platform's picker is refused or missing (H5). Errors show inline once a
 * field was left, and all at once when the user tries to save; `onSubmit` gets only a valid,
 * normalised address (the rules of `validateAddress`).
 *
 * @example
 * ```tsx
 * const [draft, setDraft] = useState<AddressDraft>({})
 * <AddressForm value={draft} onChange={setDraft} onSubmit={(address) => setAddress(address)} />
 * ```
 */
export function AddressForm({
  value,
  onChange,
  onSubmit,
  onCancel,
  showErrors = false,
  regionInput = isH5 ? 'inputs' : 'picker',
  notice,
  className,
}: AddressFormProps) {
  const themeVars = useThemeVars()
  const { t } = useTranslate(addressMessages)
  const [touched, setTouched] = useState<Partial<Record<AddressField, boolean>>>({})
  const [tried, setTried] = useState(false)
  const errors = validateAddress(value)
  const errorOf = (field: AddressField) => {
    const key = errors[field]
    return key && (showErrors || tried || touched[field]) ? t(key) : null
  }
  const leave = (field: AddressField) => () => setTouched((was) => ({ ...was, [field]: true }))
  const region: Partial<AddressRegion> = value.region ?? {}
  const setRegion = (next: Partial<AddressRegion>) => onChange({ ...value, region: { ...region, ...next } })
  const save = () => {
    setTried(true)
    if (Object.keys(errors).length === 0) onSubmit?.(normalizeAddress(value))
  }
  const regionText = formatRegion({
    region: { province: region.province ?? '', city: region.city ?? '', district: region.district ?? '' },
  })

  return (
    <View
      style={themeVars}
      className={className ? `tk-section tk-address-form ${className}` : 'tk-section tk-address-form'}
      {...a11y({ role: 'group', label: t('address.formTitle') })}
    >
      <Text className="tk-section__title">{t('address.formTitle')}</Text>
      {notice ? <View className="tk-address-form__notice">{notice}</View> : null}
      <Field label={t('address.name')} error={errorOf('name')}>
        <Input
          className="tk-address-form__input"
          value={value.name ?? ''}
          placeholder={t('address.namePlaceholder')}
          maxlength={ADDRESS_NAME_MAX + 5}
          onInput={(event) => onChange({ ...value, name: event.detail.value })}
          onBlur={leave('name')}
          {...a11y({ label: t('address.name') })}
        />
      </Field>
      <Field label={t('address.phone')} error={errorOf('phone')}>
        <Input
          className="tk-address-form__input"
          type="number"
          value={value.phone ?? ''}
          placeholder={t('address.phonePlaceholder')}
          maxlength={11}
          onInput={(event) => onChange({ ...value, phone: event.detail.value })}
          onBlur={leave('phone')}
          {...a11y({ label: t('address.phone') })}
        />
      </Field>
      <Field label={t('address.region')} error={errorOf('region')}>
        {regionInput === 'picker' ? (
          <Picker
            mode="region"
            className="tk-address-form__picker"
            value={[region.province ?? '', region.city ?? '', region.district ?? '']}
            onChange={(event) => {
              const detail = event.detail as unknown as RegionPickerDetail
              const [province = '', city = '', district = ''] = detail.value
              const code = detail.code?.[2]
              setRegion({ province, city, district, ...(code ? { code } : {}) })
              setTouched((was) => ({ ...was, region: true }))
            }}
          >
            <View
              className={
                regionText
                  ? 'tk-address-form__region'
                  : 'tk-address-form__region tk-address-form__placeholder'
              }
              {...a11y({
                role: 'button',
                label: `${t('address.region')} ${regionText || t('address.regionPlaceholder')}`,
              })}
            >
              {regionText || t('address.regionPlaceholder')}
            </View>
          </Picker>
        ) : (
          <View className="tk-address-form__region-inputs">
            {(['province', 'city', 'district'] as const).map((part) => (
              <Input
                key={part}
                className="tk-address-form__input tk-address-form__region-input"
                value={region[part] ?? ''}
                placeholder={t(`address.${part}Placeholder`)}
                maxlength={20}
                onInput={(event) => setRegion({ [part]: event.detail.value })}
                onBlur={leave('region')}
                {...a11y({ label: t(`address.${part}`) })}
              />
            ))}
          </View>
        )}
      </Field>
      <Field label={t('address.detail')} error={errorOf('detail')}>
        <Input
          className="tk-address-form__input"
          value={value.detail ?? ''}
          placeholder={t('address.detailPlaceholder')}
          maxlength={ADDRESS_DETAIL_MAX + 10}
          onInput={(event) => onChange({ ...value, detail: event.detail.value })}
          onBlur={leave('detail')}
          {...a11y({ label: t('address.detail') })}
        />
      </Field>
      <View className="tk-address-form__actions">
        {onCancel ? (
          <Pressable className="tk-address-form__cancel" onPress={onCancel}>
            {t('address.cancel')}
          </Pressable>
        ) : null}
        <Pressable className="tk-address-form__save" onPress={save}>
          {t('address.save')}
        </Pressable>
      </View>
    </View>
  )
}
