// Runs in the mini-program before the app: tells Taro's runtime about the attributes the build
// added to the templates, so it sends them in setData. (CommonJS, like the rest of this folder:
// it is bundled from node_modules, where no loader turns modules into scripts.)
const { mergeInternalComponents } = require('@tarojs/shared')
const components = require('./components')

mergeInternalComponents(components)
