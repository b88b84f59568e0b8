export {
  ConfigProvider,
  type ConfigProviderProps,
  ThemeProvider,
  type ThemeProviderProps,
} from './config/ConfigProvider'
export { Price, type PriceProps } from './Price/Price'
export { defaultTheme, type Theme, themeStyle, tokenVariable } from './theme/theme'
