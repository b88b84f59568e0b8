import { render, screen } from '@testing-library/react'
import { goodsMessages } from '@tradekit/core'
import { enUS } from '@tradekit/core/locales/en-US'
import { LocaleProvider, TradeProvider, useLocale, useTranslate } from '@tradekit/react'
import { StrictMode } from 'react'
import { describe, expect, it, vi } from 'vitest'

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

function SelectAll() {
  const { t } = useTranslate(goodsMessages)
  return <p>{t('cart.selectAll')}</p>
}

describe('the en-US pack through a provider', () => {
  it('shows English with messages={enUS}, and overrides spread over it win', () => {
    const { unmount } = render(
      <TradeProvider locale="en-US" messages={enUS}>
        <SelectAll />
        <Probe />
      </TradeProvider>,
    )
    expect(screen.getByText('Select all')).toBeInTheDocument()
    expect(screen.getByText('en-US: Member')).toBeInTheDocument()
    unmount()
    render(
      <TradeProvider locale="en-US" messages={{ ...enUS, 'price.memberLabel': 'VIP' }}>
        <SelectAll />
        <Probe />
      </TradeProvider>,
    )
    expect(screen.getByText('Select all')).toBeInTheDocument()
    expect(screen.getByText('en-US: VIP')).toBeInTheDocument()
  })

  it('takes the pack from an outer provider and a team override from an inner one', () => {
    render(
      <TradeProvider locale="en-US" messages={enUS}>
        <LocaleProvider messages={{ 'cart.selectAll': 'All' }}>
          <SelectAll />
        </LocaleProvider>
      </TradeProvider>,
    )
    expect(screen.getByText('All')).toBeInTheDocument()
  })

  it('without the pack, an en-US component fails with the hint instead of showing Chinese', () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(() =>
      render(
        <TradeProvider locale="en-US">
          <SelectAll />
        </TradeProvider>,
      ),
    ).toThrow(
      `No en-US text for "cart.selectAll": import { enUS } from '@tradekit/core/locales/en-US' and pass it as messages`,
    )
    logged.mockRestore()
    expect(screen.queryByText('全选')).not.toBeInTheDocument()
  })

  it('needs nothing for zh-CN', () => {
    render(
      <TradeProvider>
        <SelectAll />
      </TradeProvider>,
    )
    expect(screen.getByText('全选')).toBeInTheDocument()
  })
})
