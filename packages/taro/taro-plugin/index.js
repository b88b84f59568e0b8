// TradeKit's Taro plugin: adds the aria-* attributes of TradeKit's components to the mini-program
// templates (View, Text, Image, Input, Button, ScrollView, Swiper, SwiperItem, Picker) and the matching runtime registration, so accessible
// names, roles and states reach tt and weapp. H5 renders ARIA attributes itself.
//
//   // config/index.ts
//   plugins: ['@tradekit/taro/taro-plugin']
const path = require('node:path')
const components = require('./components')

module.exports = (ctx) => {
  ctx.registerMethod({
    name: 'onSetupClose',
    fn(platform) {
      if (!platform.template) return
      platform.template.mergeComponents(ctx, components)
      platform.runtimePath = [platform.runtimePath, path.join(__dirname, 'runtime.js')].flat()
    },
  })
}
