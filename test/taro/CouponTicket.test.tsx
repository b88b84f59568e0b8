import { fireEvent, render, screen, within } from '@testing-library/react'
import { type ClaimState, type Coupon, money } from '@tradekit/core'
import { enUS } from '@tradekit/core/locales/en-US'
import { TradeProvider } from '@tradekit/react'
import { CouponTicket } from '@tradekit/taro'
import { describe, expect, it, vi } from 'vitest'

const full: Coupon = {
  id: 'full-100-20',
  title: '满减券',
  kind: 'threshold',
  threshold: money(10000),
  amountOff: money(2000),
  startsAt: new Date(2026, 10, 1, 12).getTime(),
  expiresAt: new Date(2026, 11, 1).getTime(),
}
const percent: Coupon = { id: 'pct', kind: 'percent', percentOffBps: 1500, maxDiscount: money(3000) }

describe('CouponTicket', () => {
  it('draws the amount, threshold, rule and validity days', () => {
    render(<CouponTicket coupon={full} />)
    const ticket = screen.getByRole('group', { name: '满减券' })
    expect(within(ticket).getByText('¥20')).toBeInTheDocument()
    expect(within(ticket).getByText('满¥100可用')).toBeInTheDocument()
    expect(within(ticket).getByText('满¥100减¥20')).toBeInTheDocument()
    expect(within(ticket).getByText('2026.11.01 至 2026.11.30')).toBeInTheDocument()
  })

  it('names a percentage coupon by its rule, without a threshold', () => {
    render(<CouponTicket coupon={percent} />)
    const ticket = screen.getByRole('group', { name: '立减 15%，最高减¥30' })
    expect(within(ticket).getByText('15%')).toBeInTheDocument()
    expect(within(ticket).getByText('无门槛')).toBeInTheDocument()
    expect(within(ticket).getByText('长期有效')).toBeInTheDocument()
  })

  it('claims with a busy button that ignores taps while claiming', () => {
    const onClaim = vi.fn()
    const { rerender } = render(<CouponTicket coupon={full} state="claimable" onClaim={onClaim} />)
    fireEvent.click(screen.getByRole('button', { name: '领取满减券' }))
    expect(onClaim).toHaveBeenCalledTimes(1)
    rerender(<CouponTicket coupon={full} state="claimable" claiming onClaim={onClaim} />)
    const busy = screen.getByRole('button', { name: '领取满减券' })
    expect(busy).toHaveAttribute('aria-busy', 'true')
    fireEvent.click(busy)
    expect(onClaim).toHaveBeenCalledTimes(1)
    rerender(<CouponTicket coupon={full} state="claimable" claimFailed onClaim={onClaim} />)
    expect(screen.getByRole('alert')).toHaveTextContent('领取失败，请重试')
    // a claim that got no answer may have gone through: not confirmed, never "failed"
    rerender(<CouponTicket coupon={full} state="claimable" claimFailed claimUnconfirmed onClaim={onClaim} />)
    expect(screen.getByRole('alert')).toHaveTextContent('网络不稳定，未能确认是否领到，请再试一次')
    expect(screen.queryByText('领取失败，请重试')).toBeNull()
  })

  it("reads the busy button and the notes from the wallet's claim", () => {
    const onClaim = vi.fn()
    const ticket = (claim?: ClaimState) => (
      <CouponTicket coupon={full} state="claimable" claim={claim} onClaim={onClaim} />
    )
    const { rerender } = render(ticket({ status: 'claiming' }))
    expect(screen.getByRole('button', { name: '领取满减券' })).toHaveAttribute('aria-busy', 'true')
    expect(screen.queryByRole('alert')).toBeNull()
    rerender(ticket({ status: 'failed', error: new Error('refused') }))
    expect(screen.getByRole('button', { name: '领取满减券' })).not.toHaveAttribute('aria-busy', 'true')
    expect(screen.getByRole('alert')).toHaveTextContent('领取失败，请重试')
    rerender(ticket({ status: 'failed', error: new Error('timeout'), unconfirmed: true }))
    expect(screen.getByRole('alert')).toHaveTextContent('网络不稳定，未能确认是否领到，请再试一次')
    expect(screen.queryByText('领取失败，请重试')).toBeNull()
    // a prop given wins over the claim
    rerender(
      <CouponTicket
        coupon={full}
        state="claimable"
        claim={{ status: 'claiming' }}
        claiming={false}
        onClaim={onClaim}
      />,
    )
    expect(screen.getByRole('button', { name: '领取满减券' })).not.toHaveAttribute('aria-busy', 'true')
    rerender(ticket(undefined))
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('offers to use a claimed or available coupon, and stamps used and expired ones without actions', () => {
    const onUse = vi.fn()
    const { rerender } = render(<CouponTicket coupon={full} state="claimed" onUse={onUse} />)
    expect(screen.getByText('已领取')).toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: '去使用满减券' }))
    expect(onUse).toHaveBeenCalledTimes(1)
    rerender(<CouponTicket coupon={full} state="used" onUse={onUse} />)
    expect(screen.getByText('已使用')).toBeInTheDocument()
    expect(screen.queryByRole('button')).toBeNull()
    rerender(<CouponTicket coupon={full} state="expired" onUse={onUse} />)
    expect(screen.getByText('已过期')).toBeInTheDocument()
    expect(screen.queryByRole('button')).toBeNull()
  })

  it('says why a held coupon cannot be used now, and offers no use', () => {
    render(<CouponTicket coupon={full} reason="below_threshold" shortfall={money(1200)} onUse={vi.fn()} />)
    expect(screen.getByText('还差¥12可用')).toBeInTheDocument()
    expect(screen.queryByRole('button')).toBeNull()
  })

  it('speaks English', () => {
    render(
      <TradeProvider locale="en-US" messages={enUS}>
        <CouponTicket coupon={full} state="claimable" onClaim={vi.fn()} />
      </TradeProvider>,
    )
    expect(screen.getByText('Orders over ¥100')).toBeInTheDocument()
    expect(screen.getByText('2026-11-01 to 2026-11-30')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Claim 满减券' })).toBeInTheDocument()
  })
})
