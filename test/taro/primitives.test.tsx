import { render, screen } from '@testing-library/react'
import { enUS } from '@tradekit/core/locales/en-US'
import { ConfigProvider, Empty, Skeleton, Tag } from '@tradekit/taro'
import { describe, expect, it } from 'vitest'

describe('Tag', () => {
  it('shows its text with the tone and variant asked for', () => {
    render(
      <Tag tone="warning" variant="outline">
        仅剩 3 件
      </Tag>,
    )
    const tag = screen.getByText('仅剩 3 件')
    expect(tag.className).toContain('tk-tag--warning')
    expect(tag.className).toContain('tk-tag--outline')
  })

  it('defaults to a light, neutral tag', () => {
    render(<Tag>新品</Tag>)
    const tag = screen.getByText('新品')
    expect(tag).toHaveClass('tk-tag', 'tk-tag--default', 'tk-tag--light')
  })
})

describe('Skeleton', () => {
  it('announces loading once and hides the bars from screen readers', () => {
    render(<Skeleton rows={3} image="side" />)
    const status = screen.getByRole('status', { name: '加载中' })
    expect(status).toHaveAttribute('aria-busy', 'true')
    expect(status.querySelectorAll('.tk-skeleton__row')).toHaveLength(3)
    expect(status.querySelector('.tk-skeleton__image')).not.toBeNull()
  })

  it('speaks English under an en-US provider', () => {
    render(
      <ConfigProvider locale="en-US" messages={enUS}>
        <Skeleton />
      </ConfigProvider>,
    )
    expect(screen.getByRole('status', { name: 'Loading' })).toBeInTheDocument()
  })

  it('renders the content once loaded', () => {
    render(
      <Skeleton loading={false}>
        <p>loaded product</p>
      </Skeleton>,
    )
    expect(screen.getByText('loaded product')).toBeInTheDocument()
    expect(screen.queryByRole('status')).toBeNull()
  })
})

describe('Empty', () => {
  it('says the catalogue title by default, in both locales', () => {
    const { unmount } = render(<Empty />)
    expect(screen.getByText('暂无内容')).toBeInTheDocument()
    unmount()
    render(
      <ConfigProvider locale="en-US" messages={enUS}>
        <Empty />
      </ConfigProvider>,
    )
    expect(screen.getByText('Nothing here yet')).toBeInTheDocument()
  })

  it('shows a custom title, description and actions', () => {
    render(
      <Empty title="购物车是空的" description="去挑点喜欢的吧">
        <button type="button">去逛逛</button>
      </Empty>,
    )
    expect(screen.getByText('购物车是空的')).toBeInTheDocument()
    expect(screen.getByText('去挑点喜欢的吧')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: '去逛逛' })).toBeInTheDocument()
  })

  it('keeps a custom illustration out of the accessibility tree', () => {
    const { container } = render(<Empty image="https://example.invalid/empty.png" />)
    expect(container.querySelector('.tk-empty__image')).toHaveAttribute('aria-hidden', 'true')
    expect(screen.queryByRole('img')).toBeNull()
  })
})
