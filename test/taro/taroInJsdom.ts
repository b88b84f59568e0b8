import Taro from '@tarojs/taro'

// What Taro's H5 components need to render in jsdom, for the taro tests and the render bench.

// px conversion for TradeKit's 375-wide designs
Taro.initPxTransform({
  designWidth: 375,
  deviceRatio: { 375: 2, 640: 2.34 / 2, 750: 1, 828: 1.81 / 2 },
})

// jsdom has no IntersectionObserver; Taro's H5 Image uses one for lazy loading. This one reports
// every observed element as visible at once, as a browser does for an on-screen image.
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
