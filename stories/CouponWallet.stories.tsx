import type { Meta, StoryObj } from '@storybook/react-vite'
import type { CouponsApi, WalletStatus } from '@tradekit/core'
import { CouponWallet, type CouponWalletProps, useCouponWallet } from '@tradekit/taro'
import { useState } from 'react'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { expectFitsPhone } from './fixtures/addresses'
import { emptyWallet, memoryCouponsApi, walletCoupons } from './fixtures/coupons'
import { textOf } from './fixtures/text'

/** The wallet as a page holds it: its own store over an in-memory coupon backend. */
function Page(props: Omit<CouponWalletProps, 'tabs'> & { api: () => CouponsApi }) {
  const { api: makeApi, ...rest } = props
  const [api] = useState(makeApi)
  const wallet = useCouponWallet(api)
  return <CouponWallet {...rest} tabs={wallet.snapshot.tabs} onRetry={wallet.load} />
}

type Args = Omit<CouponWalletProps, 'tabs'> & { api: () => CouponsApi }

const meta = {
  title: 'Coupon/CouponWallet',
  component: Page,
  args: { api: () => memoryCouponsApi(), onUse: fn(), onTabChange: fn() },
} satisfies Meta<Args>

export default meta
type Story = StoryObj<typeof meta>

const tabName = (t: ReturnType<typeof textOf>['t'], status: WalletStatus, count: number) =>
  t(`couponWallet.tab.${status}`, { count })

/** The available tab with the counts of every tab; one coupon not usable yet says why. */
export const Tabs: Story = {
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    const available = await canvas.findByRole('tab', { name: tabName(t, 'available', 3) })
    await expect(available).toHaveAttribute('aria-selected', 'true')
    // each tab counts its coupons once its own list has come
    await expect(await canvas.findByRole('tab', { name: tabName(t, 'used', 1) })).toBeVisible()
    await expect(await canvas.findByRole('tab', { name: tabName(t, 'expired', 1) })).toBeVisible()
    await expect(within(canvas.getByRole('list')).getAllByRole('listitem')).toHaveLength(3)
    await expect(canvas.getByText(t('coupon.reason.not_started'))).toBeVisible()
    await expectFitsPhone(canvasElement)
  },
}

/** The used tab. */
export const UsedTab: Story = {
  args: { defaultTab: 'used' },
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await expect(await canvas.findByRole('tab', { name: tabName(t, 'used', 1) })).toHaveAttribute(
      'aria-selected',
      'true',
    )
    await expect(canvas.getByText(t('couponWallet.status.used'))).toBeVisible()
  },
}

/** The expired tab. */
export const ExpiredTab: Story = {
  args: { defaultTab: 'expired' },
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await expect(await canvas.findByRole('tab', { name: tabName(t, 'expired', 1) })).toHaveAttribute(
      'aria-selected',
      'true',
    )
    await expect(canvas.getByText(t('couponWallet.status.expired'))).toBeVisible()
  },
}

/** No coupons at all. */
export const Empty: Story = {
  args: { api: () => memoryCouponsApi(emptyWallet) },
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await expect(await canvas.findByText(t('couponWallet.empty.available'))).toBeVisible()
    await expect(canvas.getByRole('tab', { name: tabName(t, 'available', 0) })).toBeVisible()
    await expectFitsPhone(canvasElement)
  },
}

/** Loading: skeleton tickets, tabs without counts yet. */
export const Loading: Story = {
  args: { api: () => memoryCouponsApi(walletCoupons, { never: true }) },
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    // found, not got: the play may start before the first render has landed
    await expect(
      await canvas.findByRole('tabpanel', { name: t('couponWallet.tabName.available') }),
    ).toHaveAttribute('aria-busy', 'true')
    await expect(canvas.getByRole('tab', { name: t('couponWallet.tabName.available') })).toBeVisible()
    await expect(canvas.getAllByRole('status', { name: t('common.loading') })).toHaveLength(2)
  },
}

/** Loading failed: the reason and a retry (the next load answers). */
export const Failed: Story = {
  args: {
    api: () => {
      const api = memoryCouponsApi()
      let failed = false
      return {
        ...api,
        listCoupons: (query, ctx) => {
          if (query.status === 'available' && !failed) {
            failed = true
            return Promise.reject(new Error('offline'))
          }
          return api.listCoupons(query, ctx)
        },
      }
    },
  },
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await expect(await canvas.findByRole('alert')).toHaveTextContent(t('couponWallet.failed'))
    await expect(canvas.getByRole('button', { name: t('couponWallet.retry') })).toBeVisible()
    await expectFitsPhone(canvasElement)
  },
}

/** Flow: loading failed → retry → the coupons. */
export const RetryFlow: Story = {
  ...Failed,
  play: async (context) => {
    await Failed.play?.(context)
    const { t } = textOf(context.globals)
    const canvas = within(context.canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: t('couponWallet.retry') }))
    await expect(await canvas.findByRole('tab', { name: tabName(t, 'available', 3) })).toBeVisible()
    await expect(canvas.queryByRole('alert')).toBeNull()
  },
}

/** Flow: from the available tab to the used and then the expired tab. */
export const SwitchTabsFlow: Story = {
  play: async ({ canvasElement, globals, args }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await userEvent.click(await canvas.findByRole('tab', { name: tabName(t, 'used', 1) }))
    await expect(args.onTabChange).toHaveBeenLastCalledWith('used')
    await userEvent.click(canvas.getByRole('tab', { name: tabName(t, 'expired', 1) }))
    await waitFor(() =>
      expect(canvas.getByRole('tab', { name: tabName(t, 'expired', 1) })).toHaveAttribute(
        'aria-selected',
        'true',
      ),
    )
    await expect(canvas.getByText(t('couponWallet.status.expired'))).toBeVisible()
  },
}

/** Tabs, in English. */
export const TabsEnglish: Story = { ...Tabs, globals: { locale: 'en-US' } }

/** Empty, in English. */
export const EmptyEnglish: Story = { ...Empty, globals: { locale: 'en-US' } }

/** Failed, in English. */
export const FailedEnglish: Story = { ...Failed, globals: { locale: 'en-US' } }

/** Loading, in English. */
export const LoadingEnglish: Story = { ...Loading, globals: { locale: 'en-US' } }
