import { Text, View } from '@tarojs/components'
import { checkoutMessages, type MessageKey, type PaymentChannel, type PurchaseContext } from '@tradekit/core'
import { usePaymentChannels, useTranslate } from '@tradekit/react'
import { a11y } from '../internal/a11y'
import { pressKeys } from '../internal/keyboard'
import { RadioMark } from '../internal/RadioMark'
import '../internal/Section.css'
import { useThemeVars } from '../theme/ThemeContext'
import '../theme/tokens.css'
import './PaymentMethodPicker.css'

/** Props of {@link PaymentMethodPicker}. */
export interface PaymentMethodPickerProps {
  /** The id of the chosen channel. */
  value: string | undefined
  /** Called with the picked channel's id. */
  onChange: (channelId: string) => void
  /**
   * What is bought: channels that cannot take it on this OS are left out.
   * @default 'physical'
   */
  kind?: PurchaseContext['kind']
  /** Names of channels by id (a team's own channel ids); the catalogue names the built-in ones. */
  labels?: Readonly<Record<string, string>>
  /** Extra class of the root. */
  className?: string
}

const KNOWN = new Set(['sandbox', 'douyin-trade', 'douyin-pay', 'wechat', 'alipay'])
/** The name of a channel: the team's label, the catalogue's name, or its id. */
function useChannelName(labels: Readonly<Record<string, string>> | undefined) {
  const { t } = useTranslate(checkoutMessages)
  return (channel: PaymentChannel) =>
    labels?.[channel.id] ??
    (KNOWN.has(channel.id) ? t(`payment.channel.${channel.id}` as MessageKey) : channel.id)
}

/**
 * The payment channels of the provider that are available on this platform and can take this
 * purchase here, as a radio group; a message when there is none.
 *
 * @example
 * ```tsx
 * const channels = usePaymentChannels()
 * const [channel, setChannel] = useState(channels[0]?.id)
 * <PaymentMethodPicker value={channel} onChange={setChannel} />
 * ```
 */
export function PaymentMethodPicker({
  value,
  onChange,
  kind = 'physical',
  labels,
  className,
}: PaymentMethodPickerProps) {
  const themeVars = useThemeVars()
  const { t } = useTranslate(checkoutMessages)
  const channels = usePaymentChannels(kind)
  const nameOf = useChannelName(labels)
  return (
    <View
      style={themeVars}
      className={className ? `tk-section tk-payment-methods ${className}` : 'tk-section tk-payment-methods'}
    >
      <Text className="tk-section__title">{t('payment.title')}</Text>
      {channels.length === 0 ? (
        <Text className="tk-payment-methods__none" {...a11y({ role: 'status' })}>
          {t('payment.none')}
        </Text>
      ) : (
        <View
          className="tk-payment-methods__list"
          {...a11y({ role: 'radiogroup', label: t('payment.title') })}
        >
          {channels.map((channel) => {
            const checked = channel.id === value
            const name = nameOf(channel)
            const keyboard = pressKeys(() => onChange(channel.id))
            return (
              <View
                key={channel.id}
                className={
                  checked
                    ? 'tk-payment-methods__option tk-payment-methods__option--checked'
                    : 'tk-payment-methods__option'
                }
                onClick={() => onChange(channel.id)}
                {...a11y({ role: 'radio', label: name, checked })}
                {...keyboard}
              >
                <Text className="tk-payment-methods__name">{name}</Text>
                <RadioMark checked={checked} />
              </View>
            )
          })}
        </View>
      )}
    </View>
  )
}
