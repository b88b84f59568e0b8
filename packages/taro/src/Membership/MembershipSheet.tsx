import { Text, View } from '@tarojs/components'
import {
  type Entitlement,
  formatPlanPrice,
  goodsMessages,
  isMoving,
  membershipMessages,
  type PurchaseMode,
} from '@tradekit/core'
import { useCheckout, useMembership, usePurchaseMode, useTranslate } from '@tradekit/react'
import { type ReactNode, useEffect, useRef, useState } from 'react'
import { PaymentStatus } from '../Checkout/PaymentStatus'
import { a11y } from '../internal/a11y'
import { Pressable } from '../internal/Pressable'
import { Skeleton } from '../Skeleton/Skeleton'
import { BottomSheet } from '../Sku/BottomSheet'
import { useThemeVars } from '../theme/ThemeContext'
import '../theme/tokens.css'
import { AutoRenewNotice } from './AutoRenewNotice'
import { BenefitList } from './BenefitList'
import './MembershipSheet.css'
import { PlanPicker } from './PlanPicker'

/** Props of {@link MembershipSheet}. */
export interface MembershipSheetProps {
  /** The plan chosen at first. @default the first plan offered */
  defaultPlanId?: string
  /** A badge per plan id ("最受欢迎"). */
  badges?: Readonly<Record<string, string>>
  /** Where the user stops an auto-renewal, shown in the terms. */
  cancelRoute?: string
  /**
   * `buy`: plans, prices and pay; `im`: prices and "contact support to join"; `hidden`: neither
   * prices nor subscribe wording.
   * @default usePurchaseMode('virtual')
   */
  purchaseMode?: PurchaseMode
  /** The `im` action. */
  onContactSupport?: () => void
  /** Called once the entitlement is active after a purchase. */
  onUnlocked?: (entitlement: Entitlement) => void
  /** Shows a close button that calls it (and, as a sheet, a tap on the mask). */
  onClose?: () => void
  /**
   * Given, the sheet is a real bottom sheet over a mask (anchored to the bottom, above the home
   * indicator, a dialog for assistive technology) shown while `open`; left out, it renders inline
   * as a panel of the page.
   */
  open?: boolean
  /** Extra class of the root. */
  className?: string
}

/**
 * The membership-unlock sheet ready to drop in: plans, their benefits, the auto-renew terms with
 * the consent an auto-renew plan needs, the pay button and the payment status. Driven only by the
 * hooks (`useMembership`, `useCheckout`, `usePurchaseMode`) inside a `TradeProvider` with an `api`
 * and a `membershipApi`; `Paywall` and `MemberBadge` open by themselves once the entitlement is
 * active.
 *
 * @example
 * ```tsx
 * {open ? <MembershipSheet badges={{ 'vip-month': '最受欢迎' }} cancelRoute="我的 › 设置 › 自动续费" onClose={() => setOpen(false)} onUnlocked={() => setOpen(false)} /> : null}
 * ```
 */
export function MembershipSheet({
  defaultPlanId,
  badges,
  cancelRoute,
  purchaseMode,
  onContactSupport,
  onUnlocked,
  onClose,
  open,
  className,
}: MembershipSheetProps) {
  const themeVars = useThemeVars()
  const { t, locale, messages } = useTranslate(membershipMessages, goodsMessages)
  const membership = useMembership()
  const checkout = useCheckout()
  const defaultMode = usePurchaseMode('virtual')
  const mode = purchaseMode ?? defaultMode
  const [picked, setPicked] = useState<string | undefined>(defaultPlanId)
  const [consent, setConsent] = useState(false)
  const [triedWithoutConsent, setTriedWithoutConsent] = useState(false)
  // set once the user paid from this sheet: an entitlement turning active after it is their unlock,
  // whether it came through unlock() or through the status's "pay now" / "try again"
  const [started, setStarted] = useState(false)
  const [pending, setPending] = useState(false)
  const plan = membership.plans.find((p) => p.id === picked) ?? membership.plans[0]
  const busy = membership.unlocking !== null || isMoving(checkout.status)

  // a payment finished through the status's "pay now" / "try again" (outside unlock()) is followed
  // by core's membership store, which re-reads the entitlement: the sheet only shows it
  const entitled = membership.entitlement?.active === true

  const unlockedOnce = useRef(false)
  useEffect(() => {
    if (started && membership.entitlement?.active && !unlockedOnce.current) {
      unlockedOnce.current = true
      onUnlocked?.(membership.entitlement)
    }
  }, [started, membership.entitlement, onUnlocked])

  const close = onClose ? (
    <Pressable className="tk-membership-sheet__close" onPress={onClose}>
      {t('membership.close')}
    </Pressable>
  ) : null
  const header = (
    <View className="tk-membership-sheet__header">
      <Text className="tk-membership-sheet__title">{t('membership.sheetTitle')}</Text>
      {close}
    </View>
  )
  const classes = className ? `tk-membership-sheet ${className}` : 'tk-membership-sheet'
  const region = a11y({ role: 'region', label: t('membership.sheetTitle') })
  // inline: a panel of the page with its own header; as a sheet: BottomSheet's title, close and footer
  const frame = (content: ReactNode, bar?: ReactNode) =>
    open === undefined ? (
      <View style={themeVars} className={classes} {...region}>
        {header}
        {content}
        {bar}
      </View>
    ) : (
      <BottomSheet
        open={open}
        title={t('membership.sheetTitle')}
        closeLabel={t('membership.close')}
        onClose={onClose ?? noop}
        footer={bar}
        className={className}
      >
        {content}
      </BottomSheet>
    )

  if (membership.status === 'idle' || (membership.status === 'loading' && membership.plans.length === 0)) {
    return frame(<Skeleton rows={4} />)
  }
  if (!plan && membership.status === 'error') {
    // a failed read is not "no plans"
    return frame(
      <View className="tk-membership-sheet__body">
        <Text className="tk-membership-sheet__note" {...a11y({ role: 'alert' })}>
          {t('membership.loadFailed')}
        </Text>
        <View className="tk-membership-sheet__bar">
          <Pressable className="tk-membership-sheet__pay" onPress={() => void membership.load()}>
            {t('membership.reload')}
          </Pressable>
        </View>
      </View>,
    )
  }
  if (!plan) {
    return frame(<Text className="tk-membership-sheet__note">{t('membership.noPlans')}</Text>)
  }

  const price = formatPlanPrice(plan.price, plan.period, { locale, messages })
  const needsConsent = plan.autoRenew === true
  const pay = async () => {
    if (needsConsent && !consent) {
      setTriedWithoutConsent(true)
      return
    }
    setStarted(true)
    setPending(false)
    const outcome = await membership.unlock(plan.id, { consent })
    setPending(outcome.status === 'pending')
  }

  return frame(
    <View className="tk-membership-sheet__body">
      <PlanPicker
        plans={membership.plans}
        value={plan.id}
        badges={badges}
        purchaseMode={mode}
        onChange={(id) => {
          setPicked(id)
          setTriedWithoutConsent(false)
        }}
      />
      <BenefitList benefits={plan.benefits} />
      {needsConsent ? (
        <AutoRenewNotice
          plan={plan}
          checked={consent}
          onChange={setConsent}
          cancelRoute={cancelRoute}
          purchaseMode={mode}
          showError={triedWithoutConsent}
        />
      ) : null}
      {started && entitled ? (
        <Text className="tk-membership-sheet__done" {...a11y({ role: 'status' })}>
          {t('membership.active')}
        </Text>
      ) : pending ? (
        <Text className="tk-membership-sheet__note" {...a11y({ role: 'status' })}>
          {t('membership.pending')}
        </Text>
      ) : (
        <PaymentStatus />
      )}
    </View>,
    started && entitled ? null : mode === 'buy' ? (
      <View className="tk-membership-sheet__bar">
        <Pressable className="tk-membership-sheet__pay" busy={busy} onPress={() => void pay()}>
          {t(needsConsent ? 'membership.joinRenew' : 'membership.joinPrice', { price })}
        </Pressable>
      </View>
    ) : mode === 'im' ? (
      <View className="tk-membership-sheet__bar">
        <Pressable className="tk-membership-sheet__pay" onPress={onContactSupport}>
          {t('membership.contactToJoin')}
        </Pressable>
      </View>
    ) : (
      <Text className="tk-membership-sheet__note">{t('membership.notAvailable')}</Text>
    ),
  )
}

const noop = () => {}
