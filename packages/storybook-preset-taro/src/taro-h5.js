// What Taro's babel plugin does for an H5 build: `Taro.x()` is rewritten to the named export `x`
// of @tarojs/taro-h5, whose default export lacks the API methods. Outside a Taro build we merge the
// named exports into the default instead.
import * as api from '@tarojs/taro-h5'

const Taro = Object.assign({}, api.default, api)

export * from '@tarojs/taro-h5'
export default Taro
