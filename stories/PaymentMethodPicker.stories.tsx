import type { Meta, StoryObj } from '@storybook/react-vite'
import type { PaymentChannel } from '@tradekit/core'
import { PaymentMethodPicker, type PaymentMethodPickerProps } from '@tradekit/taro'
import { expect, fn, userEvent, within } from 'storybook/test'
import { stateful } from './fixtures/stateful'
import { textOf } from './fixtures/text'
import { withTrade } from './fixtures/trade'

const channel = (id: string, available = true): PaymentChannel => ({
  id,
  isAvailable: () => available,
  pay: async () => ({ kind: 'cancelled' }),
})

const Controlled = stateful<string, PaymentMethodPickerProps>(PaymentMethodPicker, 'value')

const meta = {
  title: 'Checkout/PaymentMethodPicker',
  component: PaymentMethodPicker,
  parameters: {
    docs: {
      description: {
        component:
          'The payment channels of the provider that are available on this platform and can take this purchase here, as a radio group; a message when there is none.',
      },
    },
  },
  args: { value: 'sandbox', onChange: fn() },
  render: (args) => <Controlled {...args} />,
} satisfies Meta<typeof PaymentMethodPicker>

export default meta
type Story = StoryObj<typeof meta>

/** Several channels; one missing on this platform is not offered. */
export const Several: Story = {
  decorators: [
    withTrade({ extraChannels: [channel('wechat'), channel('alipay', false), channel('bank-card')] }),
  ],
  args: { labels: { 'bank-card': '银行卡' } },
  play: async ({ canvasElement, globals, args }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await expect(canvas.getAllByRole('radio').map((radio) => radio.getAttribute('aria-label'))).toEqual([
      t('payment.channel.sandbox'),
      t('payment.channel.wechat'),
      '银行卡',
    ])
    await userEvent.click(canvas.getByRole('radio', { name: t('payment.channel.wechat') }))
    await expect(args.onChange).toHaveBeenLastCalledWith('wechat')
    await expect(canvas.getByRole('radio', { name: t('payment.channel.wechat') })).toHaveAttribute(
      'aria-checked',
      'true',
    )
  },
}

/** No channel can take this purchase here (virtual goods on iOS). */
export const NoneAvailable: Story = {
  decorators: [
    withTrade({ os: 'ios', supports: ({ kind }) => (kind === 'virtual' ? 'unavailable' : 'pay') }),
  ],
  args: { kind: 'virtual' },
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('status')).toHaveTextContent(t('payment.none'))
    await expect(canvas.queryByRole('radio')).toBeNull()
  },
}

/** Several, in English. */
export const SeveralEnglish: Story = { ...Several, globals: { locale: 'en-US' } }

/** None available, in English. */
export const NoneAvailableEnglish: Story = { ...NoneAvailable, globals: { locale: 'en-US' } }
