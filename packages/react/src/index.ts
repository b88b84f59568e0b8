export {
  LocaleProvider,
  type LocaleProviderProps,
  type LocaleValue,
  useLocale,
} from './locale/LocaleProvider'
export { TradeProvider, type TradeProviderProps } from './provider/TradeProvider'
