import { render, screen } from '@testing-library/react'
import { money } from '@tradekit/core'
import { enUS } from '@tradekit/core/locales/en-US'
import { ConfigProvider, Price } from '@tradekit/taro'
import { describe, expect, it, vi } from 'vitest'

describe('Price', () => {
  it('shows the current price and reads the whole phrase to screen readers', () => {
    render(<Price price={money(123450)} />)
    const price = screen.getByRole('img', { name: '现价 1234.50 元' })
    expect(price).toHaveTextContent('¥1,234.50')
  })

  it('strikes through a higher original price and reads both prices', () => {
    render(<Price price={money(1200)} originalPrice={money(2000)} trimZeros />)
    const price = screen.getByRole('img', { name: '现价 12 元，原价 20 元' })
    expect(price).toHaveTextContent('¥12¥20')
  })

  it('hides an "original" price that is not higher than the price', () => {
    render(<Price price={money(2000)} originalPrice={money(2000)} />)
    expect(screen.getByRole('img', { name: '现价 20 元' })).toHaveTextContent(/^¥20\.00$/)
  })

  it('labels a member price, in the provider locale', () => {
    render(
      <ConfigProvider locale="en-US" messages={enUS}>
        <Price price={money(1990)} memberPrice={money(1590)} />
      </ConfigProvider>,
    )
    const price = screen.getByRole('img', { name: 'Price 19.90 yuan, member price 15.90 yuan' })
    expect(price).toHaveTextContent('Member')
    expect(price).toHaveTextContent('¥15.90')
  })

  it('takes a team message override and an explicit aria label', () => {
    render(
      <ConfigProvider messages={{ 'price.memberLabel': '黑卡价' }}>
        <Price price={money(100)} memberPrice={money(90)} />
        <Price price={money(100)} ariaLabel="限时价 1 元" />
      </ConfigProvider>,
    )
    expect(screen.getByRole('img', { name: '现价 1 元，会员价 0.90 元' })).toHaveTextContent('黑卡价')
    expect(screen.getByRole('img', { name: '限时价 1 元' })).toBeInTheDocument()
  })

  it('renders negative amounts and zero-exponent currencies', () => {
    render(<Price price={money(-1999)} />)
    expect(screen.getByRole('img', { name: '现价 -19.99 元' })).toHaveTextContent('-¥19.99')
  })

  it('refuses prices in different currencies with a typed error', () => {
    // React logs the render error before rethrowing it; keep the test output readable.
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(() => render(<Price price={money(100)} originalPrice={money(200, 'USD')} />)).toThrow(
      expect.objectContaining({ code: 'CURRENCY_MISMATCH' }),
    )
    logged.mockRestore()
  })

  it('applies size classes and theme variables inline on the provider root', () => {
    const { container } = render(
      <ConfigProvider theme={{ colorPrice: '#123456' }}>
        <Price price={money(100)} size="lg" />
      </ConfigProvider>,
    )
    const root = container.querySelector('.tk-root') as HTMLElement
    expect(root.style.getPropertyValue('--tk-color-price')).toBe('#123456')
    expect(screen.getByRole('img').className).toContain('tk-price--lg')
  })
})

describe('theme on component roots', () => {
  it('writes the theme in force on the component root too (a mini-program page renders no app-level wrapper)', () => {
    render(
      <ConfigProvider theme={{ colorPrice: '#123456', radius: '2px' }}>
        <ConfigProvider theme={{ colorPrice: '#654321' }}>
          <Price price={money(100)} />
        </ConfigProvider>
      </ConfigProvider>,
    )
    const price = screen.getByRole('img')
    expect(price.style.getPropertyValue('--tk-color-price')).toBe('#654321')
    expect(price.style.getPropertyValue('--tk-radius')).toBe('2px')
  })

  it('adds no inline style with the default theme', () => {
    render(<Price price={money(100)} />)
    expect(screen.getByRole('img').getAttribute('style')).toBeNull()
  })
})
