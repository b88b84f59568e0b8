// Taro's H5 components in jsdom, as the taro tests render them (px conversion, IntersectionObserver).
import '../../test/taro/taroInJsdom'
