// A native mini-program (no Taro) that uses TradeKit's native components.
App({})
