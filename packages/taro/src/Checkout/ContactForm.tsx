import { Button, Input, Text, View } from '@tarojs/components'
import { type ContactRules, checkoutMessages, type OrderContact, validateContact } from '@tradekit/core'
import { useTranslate } from '@tradekit/react'
import { useState } from 'react'
import { a11y } from '../internal/a11y'
import { isH5 } from '../internal/env'
import '../internal/Section.css'
import { useThemeVars } from '../theme/ThemeContext'
import '../theme/tokens.css'
import './ContactForm.css'

/** What the platform's `getPhoneNumber` button hands over (its `event.detail`). */
export interface PhoneNumberDetail {
  /** `getPhoneNumber:ok` when the user agreed. */
  readonly errMsg?: string
  /** The one-time code the team's backend exchanges for the number (WeChat, Douyin). */
  readonly code?: string
  /** The encrypted number and its iv, for backends that decrypt it themselves. */
  readonly encryptedData?: string
  readonly iv?: string
}

/** Props of {@link ContactForm}. */
export interface ContactFormProps {
  /** The contact as entered so far (controlled). */
  value: OrderContact
  /** Called with the whole contact on every change. */
  onChange: (contact: OrderContact) => void
  /**
   * Show every field's error now, not only after the field was left (set it when the user tried to
   * submit).
   * @default false
   */
  showErrors?: boolean
  /**
   * Ask for a name too.
   * @default false
   */
  requireName?: boolean
  /**
   * Offer the platform's "use my phone number" button (`Button openType="getPhoneNumber"`). The
   * detail goes to `onPhoneNumber`; the team's backend decrypts it and the app sets the number
   * through `onChange`.
   * @default false
   */
  phoneNumberButton?: boolean
  /** Called with the platform's phone-number detail when the user agreed to share it. */
  onPhoneNumber?: (detail: PhoneNumberDetail) => void
  /** Extra class of the root. */
  className?: string
}

/**
 * Contact details for a service order: a phone number (typed, or shared through the platform's
 * `getPhoneNumber` button and decrypted by the team's backend) and optionally a name. Errors show
 * inline once a field was left, or at once with `showErrors`. Check the contact before submitting
 * with {@link validateContact} (the same rules).
 *
 * @example
 * ```tsx
 * const [contact, setContact] = useState<OrderContact>({})
 * <ContactForm value={contact} onChange={setContact} phoneNumberButton onPhoneNumber={(d) => api.decryptPhone(d.code).then((phone) => setContact({ ...contact, phone }))} />
 * ```
 */
export function ContactForm({
  value,
  onChange,
  showErrors = false,
  requireName = false,
  phoneNumberButton = false,
  onPhoneNumber,
  className,
}: ContactFormProps) {
  const themeVars = useThemeVars()
  const { t } = useTranslate(checkoutMessages)
  const [touched, setTouched] = useState<{ name?: boolean; phone?: boolean }>({})
  const [denied, setDenied] = useState(false)
  const rules: ContactRules = { requireName }
  const errors = validateContact(value, rules)
  const nameError = (showErrors || touched.name) && errors.name ? t(errors.name) : null
  const phoneError = (showErrors || touched.phone) && errors.phone ? t(errors.phone) : null
  const phoneNumber = (detail: PhoneNumberDetail) => {
    if (detail.errMsg && !detail.errMsg.endsWith(':ok')) {
      setDenied(true)
      return
    }
    setDenied(false)
    onPhoneNumber?.(detail)
  }

  return (
    <View
      style={themeVars}
      className={className ? `tk-section tk-contact-form ${className}` : 'tk-section tk-contact-form'}
      {...a11y({ role: 'group', label: t('contact.title') })}
    >
      <Text className="tk-section__title">{t('contact.title')}</Text>
      {requireName ? (
        <View className="tk-contact-form__field">
          <Text className="tk-contact-form__label" {...a11y({ hidden: true })}>
            {t('contact.name')}
          </Text>
          <Input
            className="tk-contact-form__input"
            value={value.name ?? ''}
            placeholder={t('contact.namePlaceholder')}
            maxlength={30}
            onInput={(event) => onChange({ ...value, name: event.detail.value })}
            onBlur={() => setTouched((was) => ({ ...was, name: true }))}
            {...a11y({ label: t('contact.name') })}
          />
          {nameError ? (
            <Text className="tk-contact-form__error" {...a11y({ role: 'alert' })}>
              {nameError}
            </Text>
          ) : null}
        </View>
      ) : null}
      <View className="tk-contact-form__field">
        <Text className="tk-contact-form__label" {...a11y({ hidden: true })}>
          {t('contact.phone')}
        </Text>
        <Input
          className="tk-contact-form__input"
          type="number"
          value={value.phone ?? ''}
          placeholder={t('contact.phonePlaceholder')}
          maxlength={11}
          onInput={(event) => {
            setDenied(false)
            onChange({ ...value, phone: event.detail.value })
          }}
          onBlur={() => setTouched((was) => ({ ...was, phone: true }))}
          {...a11y({ label: t('contact.phone') })}
        />
        {phoneNumberButton ? (
          <Button
            className="tk-contact-form__phone-button"
            // H5 has no phone-number API: the button shows there (for design review) but does nothing,
            // and Taro's H5 Button would hand openType to the DOM element (React warns of an unknown prop)
            {...(isH5
              ? {}
              : {
                  openType: 'getPhoneNumber' as const,
                  onGetPhoneNumber: (event: { detail: unknown }) =>
                    phoneNumber(event.detail as PhoneNumberDetail),
                })}
            {...a11y({ role: 'button', label: t('contact.getPhone') })}
          >
            {t('contact.getPhone')}
          </Button>
        ) : null}
        {phoneError ? (
          <Text className="tk-contact-form__error" {...a11y({ role: 'alert' })}>
            {phoneError}
          </Text>
        ) : denied ? (
          <Text className="tk-contact-form__hint" {...a11y({ role: 'status' })}>
            {t('contact.phoneDenied')}
          </Text>
        ) : null}
      </View>
    </View>
  )
}
