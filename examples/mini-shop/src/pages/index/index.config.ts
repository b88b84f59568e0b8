export default definePageConfig({ navigationBarTitleText: 'TradeKit 小店' })
