import Taro from '@tarojs/taro'

/** Back to the catalogue: back when it is below this page, a relaunch otherwise (a deep link). */
export function goHome(): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
  else void Taro.reLaunch({ url: '/pages/index/index' })
}
