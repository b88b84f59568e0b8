import { act, fireEvent, render, screen, within } from '@testing-library/react'
import { type CouponsApi, money, TradeKitError, type WalletCoupon, type WalletStatus } from '@tradekit/core'
import { CouponTicket, CouponWallet, useCouponWallet } from '@tradekit/taro'
import { describe, expect, it, vi } from 'vitest'

const held = (
  id: string,
  status: WalletStatus = 'available',
  extra: Partial<WalletCoupon> = {},
): WalletCoupon => ({
  coupon: { id, title: `券${id}`, kind: 'amount', amountOff: money(500) },
  status,
  ...extra,
})

function deferred<T>() {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((res) => {
    resolve = res
  })
  return { promise, resolve }
}

function Wallet({ api, onUse }: { api: CouponsApi; onUse?: (entry: WalletCoupon) => void }) {
  const wallet = useCouponWallet(api)
  return <CouponWallet tabs={wallet.snapshot.tabs} onRetry={wallet.load} onUse={onUse} />
}

const lists: Record<WalletStatus, WalletCoupon[]> = {
  available: [held('a'), held('b', 'available', { reason: 'not_started' })],
  used: [held('u', 'used')],
  expired: [],
}

describe('CouponWallet', () => {
  it('shows the loading state, then the tabs with their counts and the available coupons', async () => {
    const answer = deferred<void>()
    const api: CouponsApi = {
      listCoupons: vi.fn<CouponsApi['listCoupons']>(async ({ status }) => {
        await answer.promise
        return lists[status]
      }),
      claimCoupon: vi.fn(),
    }
    const onUse = vi.fn()
    render(<Wallet api={api} onUse={onUse} />)
    expect(screen.getByRole('tab', { name: '可使用' })).toHaveAttribute('aria-selected', 'true')
    expect(screen.getByRole('tabpanel', { name: '可使用' })).toHaveAttribute('aria-busy', 'true')
    expect(screen.getAllByRole('status', { name: '加载中' })).toHaveLength(2)
    await act(async () => answer.resolve())
    expect(screen.getAllByRole('tab').map((tab) => tab.textContent)).toEqual([
      '可使用（2）',
      '已使用（1）',
      '已过期（0）',
    ])
    const items = within(screen.getByRole('list')).getAllByRole('listitem')
    expect(items).toHaveLength(2)
    expect(within(items[1]!).getByText('未到使用时间')).toBeInTheDocument()
    expect(within(items[1]!).queryByRole('button')).toBeNull()
    fireEvent.click(within(items[0]!).getByRole('button', { name: '去使用券a' }))
    expect(onUse).toHaveBeenCalledWith(lists.available[0])
  })

  it('is busy from its first frame: a wallet not loaded yet shows the skeleton and says it is loading', () => {
    // the first frame comes before the load starts (the tabs are idle): what is shown is the
    // skeleton, so the panel is busy too, not a panel that says it is done
    function NotLoaded() {
      const wallet = useCouponWallet({ listCoupons: vi.fn(), claimCoupon: vi.fn() }, { load: false })
      return <CouponWallet tabs={wallet.snapshot.tabs} />
    }
    render(<NotLoaded />)
    expect(screen.getByRole('tabpanel', { name: '可使用' })).toHaveAttribute('aria-busy', 'true')
    expect(screen.getAllByRole('status', { name: '加载中' })).toHaveLength(2)
  })

  it('switches tabs: used coupons are stamped, an empty tab says so', async () => {
    const api: CouponsApi = {
      listCoupons: vi.fn<CouponsApi['listCoupons']>(async ({ status }) => lists[status]),
      claimCoupon: vi.fn(),
    }
    render(<Wallet api={api} />)
    fireEvent.click(await screen.findByRole('tab', { name: '已使用（1）' }))
    expect(screen.getByRole('tab', { name: '已使用（1）' })).toHaveAttribute('aria-selected', 'true')
    expect(within(screen.getByRole('tabpanel', { name: '已使用' })).getByText('已使用')).toBeInTheDocument()
    fireEvent.click(screen.getByRole('tab', { name: '已过期（0）' }))
    expect(screen.getByText('没有过期的优惠券')).toBeInTheDocument()
  })

  it('changes tabs with the arrow keys from one Tab stop (WAI-ARIA tabs, active descendant)', async () => {
    const api: CouponsApi = {
      listCoupons: vi.fn<CouponsApi['listCoupons']>(async ({ status }) => lists[status]),
      claimCoupon: vi.fn(),
    }
    render(<Wallet api={api} />)
    await screen.findByRole('tab', { name: '已使用（1）' })
    const tablist = screen.getByRole('tablist')
    expect(tablist).toHaveAttribute('tabindex', '0')
    fireEvent.keyDown(tablist, { key: 'ArrowRight' })
    const used = screen.getByRole('tab', { name: '已使用（1）' })
    expect(used).toHaveAttribute('aria-selected', 'true')
    expect(tablist).toHaveAttribute('aria-activedescendant', used.id)
    fireEvent.keyDown(tablist, { key: 'ArrowLeft' })
    fireEvent.keyDown(tablist, { key: 'ArrowLeft' }) // wraps to the last
    expect(screen.getByRole('tab', { name: '已过期（0）' })).toHaveAttribute('aria-selected', 'true')
    expect(screen.getByText('没有过期的优惠券')).toBeInTheDocument()
  })

  it('offers a retry when a tab failed to load', async () => {
    const listCoupons = vi.fn<CouponsApi['listCoupons']>(async ({ status }) => lists[status])
    listCoupons.mockRejectedValueOnce(new Error('offline'))
    render(<Wallet api={{ listCoupons, claimCoupon: vi.fn() }} />)
    expect(await screen.findByRole('alert')).toHaveTextContent('优惠券加载失败')
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '重新加载' })))
    expect(screen.getByRole('tab', { name: '可使用（2）' })).toBeInTheDocument()
    expect(screen.queryByRole('alert')).toBeNull()
  })
})

describe('claiming a coupon', () => {
  function Claim({ api }: { api: CouponsApi }) {
    const wallet = useCouponWallet(api, { load: false })
    const claim = wallet.snapshot.claims.c1
    return (
      <CouponTicket
        coupon={held('c1').coupon}
        state={claim?.status === 'claimed' ? 'claimed' : 'claimable'}
        claiming={claim?.status === 'claiming'}
        claimFailed={claim?.status === 'failed'}
        claimUnconfirmed={claim?.status === 'failed' && claim.unconfirmed}
        onClaim={() => wallet.claim('c1')}
        onUse={vi.fn()}
      />
    )
  }

  it('sends one request with one key for a double tap, then shows the coupon claimed', async () => {
    const answer = deferred<WalletCoupon>()
    const claimCoupon = vi.fn<CouponsApi['claimCoupon']>(() => answer.promise)
    render(<Claim api={{ listCoupons: vi.fn(), claimCoupon }} />)
    const button = screen.getByRole('button', { name: '领取券c1' })
    fireEvent.click(button)
    fireEvent.click(button)
    expect(claimCoupon).toHaveBeenCalledTimes(1)
    expect(claimCoupon.mock.calls[0]![1].idempotencyKey).toEqual(expect.any(String))
    await act(async () => answer.resolve(held('c1')))
    expect(screen.getByText('已领取')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: '去使用券c1' })).toBeInTheDocument()
  })

  it.each([
    // a refusal: the claim failed
    {
      error: new Error('timeout'),
      says: '领取失败，请重试',
      never: '网络不稳定，未能确认是否领到，请再试一次',
    },
    // no answer: it may have gone through, so it is not confirmed, never "failed"
    {
      error: new TradeKitError('NETWORK'),
      says: '网络不稳定，未能确认是否领到，请再试一次',
      never: '领取失败，请重试',
    },
  ])('says "$says" after $error, and claims again with the same key', async ({ error, says, never }) => {
    const claimCoupon = vi.fn<CouponsApi['claimCoupon']>(async () => held('c1'))
    claimCoupon.mockRejectedValueOnce(error)
    render(<Claim api={{ listCoupons: vi.fn(), claimCoupon }} />)
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '领取券c1' })))
    expect(screen.getByRole('alert')).toHaveTextContent(says)
    expect(screen.queryByText(never)).toBeNull()
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '领取券c1' })))
    expect(screen.getByText('已领取')).toBeInTheDocument()
    const [first, second] = claimCoupon.mock.calls
    expect(second![1].idempotencyKey).toBe(first![1].idempotencyKey)
  })
})
