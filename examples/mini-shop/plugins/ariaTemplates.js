// A Taro plugin (what @tarojs/plugin-inject does, which stops at 4.1.x): adds the aria-* attributes
// of plugins/ariaComponents.js to the mini-program templates of View, Text, Image, Input and Button,
// and the matching runtime patch, so TradeKit's accessible names and roles reach tt and weapp.
const path = require('node:path')
const components = require('./ariaComponents')

module.exports = (ctx) => {
  ctx.registerMethod({
    name: 'onSetupClose',
    fn(platform) {
      if (!platform.template) return // H5 renders ARIA attributes itself
      platform.template.mergeComponents(ctx, components)
      const runtime = path.join(__dirname, 'ariaRuntime.js')
      platform.runtimePath = [platform.runtimePath, runtime].flat()
    },
  })
}
