// The platform's cashier for this build.
import { douyinTradeChannel } from '@tradekit/core'

export const channel = douyinTradeChannel()
