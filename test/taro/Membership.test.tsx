import { act, fireEvent, render, screen, within } from '@testing-library/react'
import {
  type CheckoutApi,
  type Entitlement,
  type MembershipApi,
  memoryStorage,
  money,
  type Plan,
  sandboxChannel,
  TradeKitError,
} from '@tradekit/core'
import { TradeProvider } from '@tradekit/react'
import { AutoRenewNotice, MembershipSheet, Paywall, PlanPicker } from '@tradekit/taro'
import { type ReactNode, useState } from 'react'
import { describe, expect, it, vi } from 'vitest'

const monthly: Plan = {
  id: 'vip-month-auto',
  title: '连续包月',
  price: money(1200),
  originalPrice: money(2500),
  period: { unit: 'month', count: 1 },
  autoRenew: true,
  trialDays: 7,
  benefits: ['畅读'],
}
const year: Plan = {
  id: 'vip-year',
  title: '年卡',
  price: money(12800),
  period: { unit: 'year', count: 1 },
  benefits: ['畅读'],
}

function merchant(initial: Entitlement = { active: false }) {
  let entitlement = initial
  const api: CheckoutApi = {
    createOrder: vi.fn(async (req) => ({
      orderId: 'o1',
      amount: req.expectedPayable,
      payment: { orderId: 'o1' },
    })),
    getOrderStatus: vi.fn(async () => {
      entitlement = { active: true, planId: 'vip-month-auto' }
      return 'paid' as const
    }),
  }
  const membershipApi: MembershipApi = {
    getPlans: async () => [monthly, year],
    getEntitlement: async () => entitlement,
  }
  return {
    api,
    membershipApi,
    set: (next: Entitlement) => {
      entitlement = next
    },
  }
}

function Trade({ m, children }: { m: ReturnType<typeof merchant>; children: ReactNode }) {
  return (
    <TradeProvider
      api={m.api}
      membershipApi={m.membershipApi}
      channel={sandboxChannel({ outcome: 'success' })}
      storage={memoryStorage()}
      timing={{ pollDelaysMs: [10] }}
    >
      {children}
    </TradeProvider>
  )
}

describe('PlanPicker', () => {
  it('shows per-period prices in buy mode and no price in hidden mode', () => {
    const { rerender } = render(
      <PlanPicker plans={[monthly, year]} value="vip-year" onChange={vi.fn()} purchaseMode="buy" />,
    )
    expect(screen.getByText('¥12/月')).toBeInTheDocument()
    expect(screen.getByRole('radio', { name: /^年卡/ })).toHaveAttribute('aria-checked', 'true')
    rerender(<PlanPicker plans={[monthly, year]} value="vip-year" onChange={vi.fn()} purchaseMode="hidden" />)
    expect(screen.queryByText(/¥/)).toBeNull()
    expect(screen.getByRole('radio', { name: '连续包月' })).toBeInTheDocument()
  })
})

describe('AutoRenewNotice', () => {
  it('states the renewal terms and reports the consent', () => {
    const onChange = vi.fn()
    render(<AutoRenewNotice plan={monthly} checked={false} onChange={onChange} purchaseMode="buy" />)
    expect(
      screen.getByText('开通后每月自动续费 ¥12，于每期到期前 24 小时扣费，可随时取消。'),
    ).toBeInTheDocument()
    fireEvent.click(screen.getByRole('checkbox', { name: '我已阅读并同意《自动续费服务协议》' }))
    expect(onChange).toHaveBeenCalledWith(true)
  })
})

describe('MembershipSheet', () => {
  it('does not pay for an auto-renew plan before consent, then unlocks with it', async () => {
    const m = merchant()
    render(
      <Trade m={m}>
        <MembershipSheet />
        <Paywall preview="预览">会员内容</Paywall>
      </Trade>,
    )
    const pay = await screen.findByRole('button', { name: '同意协议并开通 ¥12/月' })
    fireEvent.click(pay)
    expect(await screen.findByRole('alert')).toHaveTextContent('请先阅读并同意自动续费协议')
    expect(m.api.createOrder).not.toHaveBeenCalled()
    fireEvent.click(screen.getByRole('checkbox', { name: '我已阅读并同意《自动续费服务协议》' }))
    fireEvent.click(pay)
    expect(await screen.findByText('会员内容')).toBeInTheDocument()
    expect(m.api.createOrder).toHaveBeenCalledTimes(1)
    expect(vi.mocked(m.api.createOrder).mock.calls[0]?.[0]).toMatchObject({
      expectedPayable: money(1200),
      meta: { planId: 'vip-month-auto', autoRenew: true },
    })
    expect(screen.getByRole('status')).toHaveTextContent('开通成功，会员权益已生效')
  })

  it('a plan bought once needs no consent', async () => {
    const m = merchant()
    render(
      <Trade m={m}>
        <MembershipSheet defaultPlanId="vip-year" />
      </Trade>,
    )
    fireEvent.click(await screen.findByRole('button', { name: '立即开通 ¥128/年' }))
    expect(screen.queryByRole('checkbox')).toBeNull()
    await act(async () => {})
    expect(m.api.createOrder).toHaveBeenCalledTimes(1)
  })
})

describe('MembershipSheet as a bottom sheet', () => {
  function Opened({ m, onClose }: { m: ReturnType<typeof merchant>; onClose: () => void }) {
    const [open, setOpen] = useState(true)
    return (
      <Trade m={m}>
        <MembershipSheet
          open={open}
          defaultPlanId="vip-year"
          onClose={() => {
            onClose()
            setOpen(false)
          }}
        />
      </Trade>
    )
  }

  it('is a modal dialog named by its title, whose close button closes it', async () => {
    const m = merchant()
    const onClose = vi.fn()
    render(<Opened m={m} onClose={onClose} />)
    const dialog = await screen.findByRole('dialog', { name: '开通会员' })
    expect(dialog).toHaveAttribute('aria-modal', 'true')
    expect(within(dialog).getByRole('button', { name: '立即开通 ¥128/年' })).toBeInTheDocument()
    fireEvent.click(within(dialog).getByRole('button', { name: '关闭' }))
    expect(onClose).toHaveBeenCalledTimes(1)
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('renders nothing while closed', () => {
    render(
      <Trade m={merchant()}>
        <MembershipSheet open={false} />
      </Trade>,
    )
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(screen.queryByRole('region')).toBeNull()
  })
})

describe('Paywall', () => {
  it('follows the entitlement: open while active, locked again when it lapses', async () => {
    const m = merchant({ active: true, planId: 'vip-year' })
    let refresh: (() => Promise<unknown>) | undefined
    const { useMembership } = await import('@tradekit/react')
    function Grab() {
      refresh = useMembership().refresh
      return null
    }
    render(
      <Trade m={m}>
        <Grab />
        <Paywall preview="预览" onUnlock={vi.fn()}>
          会员内容
        </Paywall>
      </Trade>,
    )
    expect(await screen.findByText('会员内容')).toBeInTheDocument()
    m.set({ active: false })
    await act(async () => {
      await refresh?.()
    })
    expect(screen.queryByText('会员内容')).toBeNull()
    expect(screen.getByRole('button', { name: '开通会员解锁' })).toBeInTheDocument()
  })
})

describe('Paywall when the entitlement cannot be read', () => {
  it('says it could not check and offers to try again, never to pay; a retry that reads it opens', async () => {
    const m = merchant({ active: true, planId: 'vip-year' })
    let down = true
    const read = m.membershipApi.getEntitlement
    m.membershipApi.getEntitlement = (ctx) =>
      down ? Promise.reject(new TradeKitError('NETWORK')) : read(ctx)
    const onUnlock = vi.fn()
    render(
      <Trade m={m}>
        <Paywall preview="预览" onUnlock={onUnlock}>
          会员内容
        </Paywall>
      </Trade>,
    )
    expect(await screen.findByText('暂时无法确认会员状态')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: '开通会员解锁' })).toBeNull()
    expect(screen.queryByText('会员内容')).toBeNull()
    down = false
    fireEvent.click(screen.getByRole('button', { name: '重新查询' }))
    expect(await screen.findByText('会员内容')).toBeInTheDocument()
    expect(onUnlock).not.toHaveBeenCalled()
  })
})

describe('MembershipSheet when the plans cannot be read', () => {
  it('says the plans could not be loaded (not that there are none) and loads them again', async () => {
    const m = merchant()
    let down = true
    const read = m.membershipApi.getPlans
    m.membershipApi.getPlans = (ctx) => (down ? Promise.reject(new TradeKitError('NETWORK')) : read(ctx))
    render(
      <Trade m={m}>
        <MembershipSheet />
      </Trade>,
    )
    expect(await screen.findByText('套餐加载失败')).toBeInTheDocument()
    expect(screen.queryByText('暂无可开通的套餐')).toBeNull()
    down = false
    fireEvent.click(screen.getByRole('button', { name: '重新加载' }))
    expect(await screen.findByText('年卡')).toBeInTheDocument()
  })
})
