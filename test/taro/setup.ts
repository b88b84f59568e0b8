import '@testing-library/jest-dom/vitest'
import Taro from '@tarojs/taro'
import { cleanup } from '@testing-library/react'
import { afterEach } from 'vitest'

Taro.initPxTransform({
  designWidth: 375,
  deviceRatio: { 375: 2, 640: 2.34 / 2, 750: 1, 828: 1.81 / 2 },
})

afterEach(() => cleanup())
