import { isTradeKitError, type TradeKitError } from '@tradekit/core'
import { taroLifecycle, taroStorage } from '@tradekit/taro'
import { afterEach, describe, expect, it, vi } from 'vitest'

afterEach(() => {
  localStorage.clear()
  vi.restoreAllMocks()
})

describe('taroStorage', () => {
  it('round-trips strings through Taro storage and answers null for a missing key', () => {
    const storage = taroStorage()
    expect(storage.getItem('tradekit:default:guest:cart')).toBeNull()
    storage.setItem('tradekit:default:guest:cart', '{"v":1,"lines":[]}')
    expect(storage.getItem('tradekit:default:guest:cart')).toBe('{"v":1,"lines":[]}')
    storage.removeItem('tradekit:default:guest:cart')
    expect(storage.getItem('tradekit:default:guest:cart')).toBeNull()
  })

  it('reports a full quota as STORAGE_FAILED to the caller and to onError', () => {
    const errors: TradeKitError[] = []
    const storage = taroStorage({ onError: (e) => errors.push(e) })
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
    })
    let thrown: unknown
    try {
      storage.setItem('k', 'v')
    } catch (error) {
      thrown = error
    }
    expect(isTradeKitError(thrown, 'STORAGE_FAILED')).toBe(true)
    expect(errors).toHaveLength(1)
    expect(errors[0]?.message).toContain('quota')
  })
})

describe('taroLifecycle', () => {
  function setVisibility(state: 'visible' | 'hidden') {
    Object.defineProperty(document, 'visibilityState', { value: state, configurable: true })
    window.dispatchEvent(new Event('visibilitychange'))
  }

  it('tells show and hide, and stops after unsubscribing', () => {
    const lifecycle = taroLifecycle()
    const seen: string[] = []
    const offShow = lifecycle.onShow(() => seen.push('show'))
    const offHide = lifecycle.onHide(() => seen.push('hide'))
    setVisibility('hidden')
    setVisibility('visible')
    offShow()
    offHide()
    setVisibility('hidden')
    setVisibility('visible')
    expect(seen).toEqual(['hide', 'show'])
  })
})
