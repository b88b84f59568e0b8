// Loaded into every story by Storybook: the styles of Taro's H5 components and the px transform
// that `Taro.pxTransform` needs, as a Taro app's H5 entry sets them up.
import '@tarojs/components-react/dist/index.css'
import options from 'virtual:@tradekit/storybook-preset-taro/options'
import { initPxTransform } from '@tarojs/taro-h5'

initPxTransform(options.pxTransform)
