import { isMoney } from '../money/money'
import type { OrderRequest } from './types'

/** What one attempt pays: the request, how (pay or sign), through which channel. */
export interface Attempt {
  readonly request: OrderRequest
  readonly method: 'pay' | 'sign'
  readonly channelId: string
  /** Names "the same request" (lines, coupon, agreed total, channel, method) across launches. */
  readonly fingerprint: string
}

function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

/** The attempt for a request; its fingerprint ignores key order and absent fields. */
export function attemptOf(request: OrderRequest, method: 'pay' | 'sign', channelId: string): Attempt {
  const { lines, coupon, expectedPayable } = request
  const fingerprint = stableStringify({ lines, coupon, expectedPayable, channel: channelId, method })
  return { request, method, channelId, fingerprint }
}

/** True when a request names lines (skuId, quantity > 0) and the agreed total. */
export function isValidRequest(request: OrderRequest): boolean {
  if (typeof request !== 'object' || request === null) return false
  if (!Array.isArray(request.lines) || request.lines.length === 0) return false
  const linesOk = request.lines.every(
    (line) =>
      typeof line === 'object' &&
      line !== null &&
      typeof line.skuId === 'string' &&
      line.skuId !== '' &&
      Number.isSafeInteger(line.quantity) &&
      line.quantity > 0,
  )
  return linesOk && isMoney(request.expectedPayable)
}
