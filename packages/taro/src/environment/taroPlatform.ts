// Named imports: see taroStorage.ts.
import { getSystemInfoSync } from '@tarojs/taro'

/**
 * The platform for `TradeProvider`'s `platform` option: the OS from Taro's system info, which
 * decides how virtual goods may be sold (WeChat and Douyin restrict them on iOS).
 *
 * @example
 * ```tsx
 * <TradeProvider platform={taroPlatform()} channels={[wechatChannel()]} … />
 * ```
 */
export function taroPlatform(): { os: 'ios' | 'android' | 'other' } {
  let system = ''
  try {
    const info = getSystemInfoSync() as { platform?: string; system?: string }
    system = `${info.platform ?? ''} ${info.system ?? ''}`.toLowerCase()
  } catch {
    return { os: 'other' }
  }
  if (system.includes('ios') || system.includes('iphone') || system.includes('ipad')) return { os: 'ios' }
  if (system.includes('android') || system.includes('harmony')) return { os: 'android' }
  return { os: 'other' }
}
