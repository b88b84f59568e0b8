import { render, screen } from '@testing-library/react'
import { LocaleProvider, TradeProvider, useLocale } from '@tradekit/react'
import { StrictMode } from 'react'
import { describe, expect, it } from 'vitest'

function Probe() {
  const { locale, t } = useLocale()
  return (
    <p>
      {locale}: {t('price.memberLabel')}
    </p>
  )
}

describe.each([
  ['plain', (ui: React.ReactElement) => ui],
  ['StrictMode', (ui: React.ReactElement) => <StrictMode>{ui}</StrictMode>],
])('locale context (%s)', (_name, wrap) => {
  it('defaults to zh-CN without a provider', () => {
    render(wrap(<Probe />))
    expect(screen.getByText('zh-CN: 会员价')).toBeInTheDocument()
  })

  it('takes locale and message overrides from TradeProvider', () => {
    render(
      wrap(
        <TradeProvider locale="en-US" messages={{ 'price.memberLabel': 'VIP' }}>
          <Probe />
        </TradeProvider>,
      ),
    )
    expect(screen.getByText('en-US: VIP')).toBeInTheDocument()
  })

  it('lets a nested provider switch locale while keeping outer overrides', () => {
    render(
      wrap(
        <TradeProvider locale="en-US" messages={{ 'price.memberLabel': 'VIP' }}>
          <LocaleProvider locale="zh-CN">
            <Probe />
          </LocaleProvider>
        </TradeProvider>,
      ),
    )
    expect(screen.getByText('zh-CN: VIP')).toBeInTheDocument()
  })
})
