// TradeKit's Taro plugin: adds the aria-* attributes of TradeKit's components to the mini-program
// templates (View, Text, Image, Input, Button, ScrollView, Swiper, SwiperItem, Picker) and the matching runtime registration, so accessible
// names, roles and states reach tt, weapp and alipay. H5 renders ARIA attributes itself.
//
//   // config/index.ts
//   plugins: ['@tradekit/taro/taro-plugin']
const path = require('node:path')
const components = require('./components')

/**
 * Alipay's template writes each `<swiper-item>` inline in the `<swiper>` loop (Alipay wants its items
 * as direct children) with only class, style and id, and drops SwiperItem's own template: the aria
 * attributes merged above never reach it there. Adds them to that inline tag, by their aliases.
 */
function ariaOnInlineSwiperItems(template) {
  const modify = template.modifyLoopContainer
  if (typeof modify !== 'function') return
  template.modifyLoopContainer = (children, nodeName) => {
    const result = modify.call(template, children, nodeName)
    const alias = template.componentsAlias?.['swiper-item']
    if (nodeName !== 'swiper' || !alias || !/<swiper-item [^>]*data-sid="\{\{item\.sid\}\}"/.test(result)) {
      return result
    }
    const attributes = Object.keys(components.SwiperItem)
      .map((attribute) => {
        const camel = attribute.replace(/-(\w)/g, (_, letter) => letter.toUpperCase())
        return `${attribute}="{{item.${alias[camel] ?? camel}}}"`
      })
      .join(' ')
    return result.replace(/(<swiper-item [^>]*data-sid="\{\{item\.sid\}\}")/, (tag) => `${tag} ${attributes}`)
  }
}

module.exports = (ctx) => {
  ctx.registerMethod({
    name: 'onSetupClose',
    fn(platform) {
      if (!platform.template) return
      platform.template.mergeComponents(ctx, components)
      ariaOnInlineSwiperItems(platform.template)
      platform.runtimePath = [platform.runtimePath, path.join(__dirname, 'runtime.js')].flat()
    },
  })
}
