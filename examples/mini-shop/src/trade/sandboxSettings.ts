import Taro from '@tarojs/taro'
import type { CheckoutTiming, SandboxStep } from '@tradekit/core'

/** What the sandbox cashier answers: the situations a real cashier puts an app in. */
export type SandboxBehaviour = 'success' | 'cancel' | 'cancel-but-paid' | 'unknown' | 'fail'

export const SANDBOX_BEHAVIOURS: readonly { id: SandboxBehaviour; label: string }[] = [
  { id: 'success', label: '支付成功' },
  { id: 'cancel', label: '用户取消' },
  { id: 'cancel-but-paid', label: '显示取消，实际已付款' },
  { id: 'unknown', label: '结果未知' },
  { id: 'fail', label: '支付失败' },
]

/**
 * The sandbox settings, kept in storage so they survive a reload: the cashier's behaviour (chosen on
 * the checkout page) and, for tests and demos, a shorter confirmation budget (`confirmBudgetMs`).
 */
export interface SandboxSettings {
  behaviour?: SandboxBehaviour
  confirmBudgetMs?: number
}

const KEY = 'mini-shop:sandbox'

export function readSandboxSettings(): SandboxSettings {
  try {
    const value = Taro.getStorageSync(KEY) as unknown
    const parsed = typeof value === 'string' && value !== '' ? (JSON.parse(value) as unknown) : value
    return typeof parsed === 'object' && parsed !== null ? (parsed as SandboxSettings) : {}
  } catch {
    return {}
  }
}

export function writeSandboxSettings(settings: SandboxSettings): void {
  Taro.setStorageSync(KEY, JSON.stringify(settings))
}

/** The cashier step for a behaviour. */
export function sandboxStep(behaviour: SandboxBehaviour = 'success'): SandboxStep {
  switch (behaviour) {
    case 'cancel':
      // the user closes the cashier: no money moves, the order stays unpaid ("continue to pay")
      return { outcome: 'cancel', delayMs: 300 }
    case 'cancel-but-paid':
      // the money has moved (the channel notified the server first), the cashier says "cancelled"
      return { outcome: 'cancel', delayMs: 300 }
    case 'unknown':
      // the cashier cannot say; the platform's notification reaches the server later (or never)
      return { outcome: 'unknown', delayMs: 300 }
    case 'fail':
      return { outcome: 'fail', delayMs: 300, retryable: true }
    default:
      return { outcome: 'success', delayMs: 300 }
  }
}

/** Checkout timing overrides from the sandbox settings (none by default). */
export function sandboxTiming(): Partial<CheckoutTiming> | undefined {
  const { confirmBudgetMs } = readSandboxSettings()
  return typeof confirmBudgetMs === 'number' && confirmBudgetMs > 0 ? { confirmBudgetMs } : undefined
}
