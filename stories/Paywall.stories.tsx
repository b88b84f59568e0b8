import type { Meta, StoryObj } from '@storybook/react-vite'
import { useMembership } from '@tradekit/react'
import { Paywall } from '@tradekit/taro'
import { expect, fn, userEvent, within } from 'storybook/test'
import { ArticleContent, ArticlePreview, articleContentText, articlePreviewText } from './fixtures/article'
import { textOf } from './fixtures/text'
import { purchaseModeControl, useMerchant, wait, withTrade } from './fixtures/trade'

const yearFromNow = Date.UTC(2027, 0, 31, 12)

/** Stands in for the merchant changing the user's entitlement, then the app re-reading it. */
function EntitlementControls() {
  const merchant = useMerchant()
  const { refresh } = useMembership()
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, margin: 12 }}>
      <button
        type="button"
        className="tk-story-button"
        onClick={() => {
          merchant.setEntitlement({ active: true, planId: 'vip-year', expiresAt: yearFromNow })
          void refresh()
        }}
      >
        Sandbox: grant membership
      </button>
      <button
        type="button"
        className="tk-story-button"
        onClick={() => {
          merchant.setEntitlement({ active: false })
          void refresh()
        }}
      >
        Sandbox: membership lapses
      </button>
    </div>
  )
}

/** Stands in for the membership service coming back after an outage. */
function ServiceBack() {
  const merchant = useMerchant()
  return (
    <div style={{ margin: 12 }}>
      <button type="button" className="tk-story-button" onClick={() => merchant.membershipBack()}>
        Sandbox: membership service back
      </button>
    </div>
  )
}

const meta = {
  title: 'Membership/Paywall',
  component: Paywall,
  parameters: {
    docs: {
      description: {
        component:
          'Members-only content: a preview and an unlock call to action until the entitlement is active, then the content itself. It follows the entitlement (`useEntitlement()`): a payment confirmed by the server opens it, an expiry closes it.',
      },
    },
  },
  argTypes: { purchaseMode: purchaseModeControl },
  args: {
    preview: <ArticlePreview />,
    children: <ArticleContent />,
    onUnlock: fn(),
    onContactSupport: fn(),
    purchaseMode: 'buy',
  },
  render: (args) => <Paywall {...args} />,
} satisfies Meta<typeof Paywall>

export default meta
type Story = StoryObj<typeof meta>

const content = articleContentText

/** Not a member (purchase mode `buy`): the preview and "join to unlock". */
export const Locked: Story = {
  decorators: [withTrade()],
  play: async ({ canvasElement, globals, args }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await userEvent.click(await canvas.findByRole('button', { name: t('paywall.unlock') }, wait))
    await expect(args.onUnlock).toHaveBeenCalledTimes(1)
    await expect(canvas.getByText(articlePreviewText)).toBeVisible()
    await expect(canvas.queryByText(content)).toBeNull()
  },
}

/** A member: the content itself. */
export const Unlocked: Story = {
  decorators: [withTrade({ entitlement: { active: true, planId: 'vip-year', expiresAt: yearFromNow } })],
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText(content, {}, wait)).toBeVisible()
  },
}

/** The entitlement is still being read. */
export const Loading: Story = {
  decorators: [withTrade({ latencyMs: 600_000 })],
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    await expect(
      await within(canvasElement).findByRole('status', { name: t('common.loading') }, wait),
    ).toBeVisible()
  },
}

/**
 * The entitlement could not be read: the paywall says so and offers to check again — never the
 * purchase, since the user may well be a member.
 */
export const EntitlementUnknown: Story = {
  decorators: [withTrade({ membershipDown: { entitlement: true } })],
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await expect(await canvas.findByRole('alert', {}, wait)).toHaveTextContent(t('paywall.unknown'))
    await expect(canvas.getByRole('button', { name: t('paywall.retry') })).toBeVisible()
    await expect(canvas.queryByRole('button', { name: t('paywall.unlock') })).toBeNull()
  },
}

/** Flow: the membership service comes back and "check again" opens the content of a member. */
export const EntitlementUnknownThenBack: Story = {
  name: 'Flow: membership unknown → check again → open',
  decorators: [
    withTrade({
      membershipDown: { entitlement: true },
      entitlement: { active: true, planId: 'vip-year', expiresAt: yearFromNow },
    }),
  ],
  render: (args) => (
    <>
      <Paywall {...args} />
      <ServiceBack />
    </>
  ),
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await canvas.findByRole('alert', {}, wait)
    await userEvent.click(canvas.getByRole('button', { name: 'Sandbox: membership service back' }))
    await userEvent.click(canvas.getByRole('button', { name: t('paywall.retry') }))
    await expect(await canvas.findByText(content, {}, wait)).toBeVisible()
  },
}

/** It follows the entitlement: granted → open, lapsed → locked again. */
export const FollowsEntitlement: Story = {
  name: 'Flow: membership granted → open, lapsed → locked',
  decorators: [withTrade()],
  render: (args) => (
    <>
      <Paywall {...args} />
      <EntitlementControls />
    </>
  ),
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await expect(await canvas.findByRole('button', { name: t('paywall.unlock') }, wait)).toBeVisible()
    await userEvent.click(canvas.getByRole('button', { name: 'Sandbox: grant membership' }))
    await expect(await canvas.findByText(content, {}, wait)).toBeVisible()
    await userEvent.click(canvas.getByRole('button', { name: 'Sandbox: membership lapses' }))
    await expect(await canvas.findByRole('button', { name: t('paywall.unlock') }, wait)).toBeVisible()
  },
}

/** Purchase mode `im`: contact support to join. */
export const ContactSupportMode: Story = {
  decorators: [withTrade()],
  args: { purchaseMode: 'im' },
  play: async ({ canvasElement, globals, args }) => {
    const { t } = textOf(globals)
    await userEvent.click(
      await within(canvasElement).findByRole('button', { name: t('membership.contactToJoin') }, wait),
    )
    await expect(args.onContactSupport).toHaveBeenCalledTimes(1)
  },
}

/** Purchase mode `hidden`: a neutral note, no unlock wording. */
export const HiddenMode: Story = {
  decorators: [withTrade()],
  args: { purchaseMode: 'hidden' },
  play: async ({ canvasElement, globals }) => {
    const { t } = textOf(globals)
    const canvas = within(canvasElement)
    await expect(await canvas.findByText(t('paywall.hidden'), {}, wait)).toBeVisible()
    await expect(canvas.queryByRole('button')).toBeNull()
  },
}

/** Locked, in English. */
export const LockedEnglish: Story = { ...Locked, globals: { locale: 'en-US' } }

/** Unlocked, in English. */
export const UnlockedEnglish: Story = { ...Unlocked, globals: { locale: 'en-US' } }

/** Loading, in English. */
export const LoadingEnglish: Story = { ...Loading, globals: { locale: 'en-US' } }

/** The entitlement unknown, in English. */
export const EntitlementUnknownEnglish: Story = { ...EntitlementUnknown, globals: { locale: 'en-US' } }

/** Unknown, then back, in English. */
export const EntitlementUnknownThenBackEnglish: Story = {
  ...EntitlementUnknownThenBack,
  globals: { locale: 'en-US' },
  name: 'Flow: membership unknown → check again → open, in English',
}

/** Follows the entitlement, in English. */
export const FollowsEntitlementEnglish: Story = {
  ...FollowsEntitlement,
  globals: { locale: 'en-US' },
  name: 'Flow: membership granted → open, lapsed → locked, in English',
}

/** Contact-support mode, in English. */
export const ContactSupportModeEnglish: Story = { ...ContactSupportMode, globals: { locale: 'en-US' } }

/** Hidden mode, in English. */
export const HiddenModeEnglish: Story = { ...HiddenMode, globals: { locale: 'en-US' } }
