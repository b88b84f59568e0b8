// Runs in the mini-program before the app: tells Taro's runtime about the attributes the build
// added to the templates (plugins/ariaTemplates.js), so it sends them in setData.
import { mergeInternalComponents } from '@tarojs/shared'
import components from './ariaComponents'

mergeInternalComponents(components)
