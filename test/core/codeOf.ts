import { isTradeKitError, type TradeKitErrorCode } from '@tradekit/core'

/** The TradeKitError code `run` throws, `'no error'`, or `'foreign error'` for anything else thrown. */
export const codeOf = (run: () => unknown): TradeKitErrorCode | 'no error' | 'foreign error' => {
  try {
    run()
    return 'no error'
  } catch (error) {
    return isTradeKitError(error) ? error.code : 'foreign error'
  }
}
