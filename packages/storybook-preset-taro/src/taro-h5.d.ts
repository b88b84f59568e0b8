import type * as api from '@tarojs/taro-h5'

export * from '@tarojs/taro-h5'

/** Taro's H5 API with every method on the default export, as `import Taro from '@tarojs/taro'` expects. */
declare const Taro: typeof api & Record<string, unknown>
export default Taro
