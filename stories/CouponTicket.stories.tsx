import type { Meta, StoryObj } from '@storybook/react-vite'
import { type Coupon, couponValidity, formatMoney, money } from '@tradekit/core'
import { CouponTicket, useCouponWallet } from '@tradekit/taro'
import { useState } from 'react'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { expectFitsPhone } from './fixtures/addresses'
import { fullReduction, memoryCouponsApi, newcomer, percentOff } from './fixtures/coupons'
import { textOf } from './fixtures/text'

const meta = {
  title: 'Coupon/CouponTicket',
  component: CouponTicket,
  args: { coupon: fullReduction, onUse: fn(), onClaim: fn() },
  parameters: { phone: { padded: true } },
} satisfies Meta<typeof CouponTicket>

export default meta
type Story = StoryObj<typeof meta>

const validityOf = (coupon: Coupon, globals: Record<string, unknown>) => {
  const { t, locale } = textOf(globals)
  const { from, until } = couponValidity(coupon, locale)
  return from && until
    ? t('couponWallet.validRange', { from, until })
    : t('couponWallet.validUntil', { until: until ?? '' })
}

/** Available: amount, threshold, rule, validity and "use". */
export const Available: Story = {
  play: async ({ canvasElement, globals, args }) => {
    const { t, locale } = textOf(globals)
    const canvas = within(canvasElement)
    const yuan = (fen: number) => formatMoney(money(fen), { locale, trimZeros: true })
    await expect(canvas.getByText(yuan(2000))).toBeVisible()
    await expect(canvas.getByText(t('couponWallet.threshold', { amount: yuan(10000) }))).toBeVisible()
    await expect(canvas.getByText(validityOf(fullReduction, globals))).toBeVisible()
    await userEvent.click(
      canvas.getByRole('button', { name: t('couponWallet.useLabel', { title: fullReduction.title! }) }),
    )
    await expect(args.onUse).toHaveBeenCalledTimes(1)
    await expectFitsPhone(canvasElement)
  },
}

/** A percentage without threshold or expiry. */
export const PercentNoThreshold: Story = {
  args: { coupon: percentOff },
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await expect(canvas.getByText(t('couponWallet.percent', { percent: '15' }))).toBeVisible()
    await expect(canvas.getByText(t('couponWallet.noThreshold'))).toBeVisible()
    await expect(canvas.getByText(t('couponWallet.noExpiry'))).toBeVisible()
  },
}

/** Used: stamped and greyed, no action. */
export const Used: Story = {
  args: { state: 'used' },
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await expect(canvas.getByText(t('couponWallet.status.used'))).toBeVisible()
    await expect(canvas.queryByRole('button')).toBeNull()
  },
}

/** Expired: stamped and greyed, no action. */
export const Expired: Story = {
  args: { state: 'expired' },
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await expect(canvas.getByText(t('couponWallet.status.expired'))).toBeVisible()
    await expect(canvas.queryByRole('button')).toBeNull()
  },
}

/** Held but not usable now: greyed, with the reason. */
export const UnusableWithReason: Story = {
  args: { reason: 'below_threshold', shortfall: money(1200) },
  play: async ({ canvasElement, globals }) => {
    const { t, locale } = textOf(globals)
    const canvas = within(canvasElement)
    const amount = formatMoney(money(1200), { locale, trimZeros: true })
    await expect(canvas.getByText(t('coupon.reason.below_threshold', { amount }))).toBeVisible()
    await expect(canvas.queryByRole('button')).toBeNull()
  },
}

/** On a product page: "claim". */
export const Claimable: Story = {
  args: { coupon: newcomer, state: 'claimable' },
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    await expect(
      within(canvasElement).getByRole('button', {
        name: t('couponWallet.claimLabel', { title: newcomer.title! }),
      }),
    ).toBeVisible()
    await expectFitsPhone(canvasElement)
  },
}

/** The wallet's claim is running (`claim={wallet.snapshot.claims[id]}`): faded and busy, taps do nothing. */
export const Claiming: Story = {
  args: { coupon: newcomer, state: 'claimable', claim: { status: 'claiming' } },
  play: async ({ canvasElement, globals, args }) => {
    const { t } = textOf(globals)
    const button = within(canvasElement).getByRole('button', {
      name: t('couponWallet.claimLabel', { title: newcomer.title! }),
    })
    await expect(button).toHaveAttribute('aria-busy', 'true')
    await userEvent.click(button)
    await expect(args.onClaim).not.toHaveBeenCalled()
    await expect(within(canvasElement).queryByRole('alert')).toBeNull()
    await expectFitsPhone(canvasElement)
  },
}

/** The last claim was refused: "could not claim, try again". */
export const ClaimFailed: Story = {
  args: { coupon: newcomer, state: 'claimable', claimFailed: true },
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    await expect(within(canvasElement).getByRole('alert')).toHaveTextContent(t('couponWallet.claimFailed'))
    await expectFitsPhone(canvasElement)
  },
}

/** The last claim got no answer, so it may have gone through: "not confirmed, try again", never "failed". */
export const ClaimUnconfirmed: Story = {
  args: { coupon: newcomer, state: 'claimable', claimFailed: true, claimUnconfirmed: true },
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('alert')).toHaveTextContent(t('couponWallet.claimUnconfirmed'))
    await expect(canvas.queryByText(t('couponWallet.claimFailed'))).toBeNull()
    await expectFitsPhone(canvasElement)
  },
}

/** Claimed: "claimed" and "use". */
export const Claimed: Story = {
  args: { coupon: newcomer, state: 'claimed' },
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await expect(canvas.getByText(t('couponWallet.status.claimed'))).toBeVisible()
    await expect(
      canvas.getByRole('button', { name: t('couponWallet.useLabel', { title: newcomer.title! }) }),
    ).toBeVisible()
  },
}

/** A claim on a product page through the coupon wallet store (one request however often it is tapped). */
function WalletClaim({ onUse, lostAnswers }: { onUse?: () => void; lostAnswers?: number }) {
  const [api] = useState(() => memoryCouponsApi(undefined, { latencyMs: 300, lostAnswers }))
  const wallet = useCouponWallet(api, { load: false })
  const claim = wallet.snapshot.claims[newcomer.id]
  return (
    <div data-claims={api.claims.size}>
      <CouponTicket
        coupon={newcomer}
        state={claim?.status === 'claimed' ? 'claimed' : 'claimable'}
        claim={claim}
        onClaim={() => wallet.claim(newcomer.id)}
        onUse={onUse}
      />
    </div>
  )
}

/** What a claim flow plays on: the story's text, its canvas and the newcomer coupon's claim button. */
function claimStage(canvasElement: HTMLElement, globals: Record<string, unknown>) {
  const { t } = textOf(globals)
  const canvas = within(canvasElement)
  const button = canvas.getByRole('button', {
    name: t('couponWallet.claimLabel', { title: newcomer.title! }),
  })
  return { t, canvas, button }
}

/** The merchant made one claim, however often the button was pressed. */
const claimedOnce = (canvasElement: HTMLElement) =>
  waitFor(() => expect(canvasElement.querySelector('[data-claims]')).toHaveAttribute('data-claims', '1'))

/** Flow: tap "claim" twice → one claim → claimed. */
export const ClaimFlow: Story = {
  args: { coupon: newcomer, state: 'claimable' },
  render: (args) => <WalletClaim onUse={args.onUse} />,
  play: async ({ canvasElement, globals }) => {
    const { t, canvas, button } = claimStage(canvasElement, globals)
    await userEvent.click(button)
    await userEvent.click(button)
    await expect(await canvas.findByText(t('couponWallet.status.claimed'))).toBeVisible()
    await claimedOnce(canvasElement)
  },
}

/**
 * Flow: the claim goes through on the server but its answer is lost → "not confirmed, try again" (never
 * "failed": the coupon may be the user's) → the retry sends the same key → claimed, one claim.
 */
export const ClaimUnconfirmedFlow: Story = {
  args: { coupon: newcomer, state: 'claimable' },
  render: (args) => <WalletClaim onUse={args.onUse} lostAnswers={1} />,
  play: async ({ canvasElement, globals }) => {
    const { t, canvas, button } = claimStage(canvasElement, globals)
    await userEvent.click(button)
    await expect(await canvas.findByRole('alert')).toHaveTextContent(t('couponWallet.claimUnconfirmed'))
    await expect(canvas.queryByText(t('couponWallet.claimFailed'))).toBeNull()
    await userEvent.click(button)
    await expect(await canvas.findByText(t('couponWallet.status.claimed'))).toBeVisible()
    await claimedOnce(canvasElement)
  },
}

/** The claim not confirmed, in English: the same flow. */
export const ClaimUnconfirmedFlowEnglish: Story = { ...ClaimUnconfirmedFlow, globals: { locale: 'en-US' } }

/** The claim not confirmed, in English. */
export const ClaimUnconfirmedEnglish: Story = { ...ClaimUnconfirmed, globals: { locale: 'en-US' } }

/** Available, in English. */
export const AvailableEnglish: Story = { ...Available, globals: { locale: 'en-US' } }

/** Unusable with a reason, in English. */
export const UnusableWithReasonEnglish: Story = { ...UnusableWithReason, globals: { locale: 'en-US' } }

/** Claimable, in English. */
export const ClaimableEnglish: Story = { ...Claimable, globals: { locale: 'en-US' } }

/** Expired, in English. */
export const ExpiredEnglish: Story = { ...Expired, globals: { locale: 'en-US' } }
