import Taro from '@tarojs/taro'

// As the taro tests do: px conversion for 375-wide designs, and an IntersectionObserver that
// reports every element visible at once (Taro's H5 Image lazy-loads through one; jsdom has none).
Taro.initPxTransform({
  designWidth: 375,
  deviceRatio: { 375: 2, 640: 2.34 / 2, 750: 1, 828: 1.81 / 2 },
})

class ImmediateIntersectionObserver {
  constructor(private readonly callback: (entries: { isIntersecting: boolean; target: Element }[]) => void) {}
  observe(target: Element) {
    this.callback([{ isIntersecting: true, target }])
  }
  unobserve() {}
  disconnect() {}
  takeRecords() {
    return []
  }
}
if (typeof globalThis.IntersectionObserver === 'undefined') {
  Object.assign(globalThis, { IntersectionObserver: ImmediateIntersectionObserver })
}
