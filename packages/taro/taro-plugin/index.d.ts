/** TradeKit's Taro plugin: aria-* attributes in the tt/weapp templates. Use `plugins: ['@tradekit/taro/taro-plugin']`. */
declare function tradekitTaroPlugin(ctx: unknown): void
export = tradekitTaroPlugin
