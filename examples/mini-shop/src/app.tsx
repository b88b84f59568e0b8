import { TradeProvider } from '@tradekit/react'
import { ConfigProvider, taroLifecycle, taroPlatform, taroStorage } from '@tradekit/taro'
import type { PropsWithChildren } from 'react'
import { checkoutApi, membershipApi } from './trade/api'
import { channels } from './trade/channel'
import { DEMO_USER_ID } from './trade/merchant'
import { sandboxTiming } from './trade/sandboxSettings'
import './app.css'

// Made once: the provider keeps one checkout per (api, channels, storage, lifecycle) and resumes it
// on launch, so a payment interrupted by a killed app is reconciled on the next start.
const storage = taroStorage()
const lifecycle = taroLifecycle()
const platform = taroPlatform()
const timing = sandboxTiming()

export default function App({ children }: PropsWithChildren) {
  return (
    <TradeProvider
      namespace="mini-shop"
      userId={DEMO_USER_ID}
      storage={storage}
      lifecycle={lifecycle}
      platform={platform}
      channels={channels}
      api={checkoutApi}
      membershipApi={membershipApi}
      timing={timing}
    >
      <ConfigProvider>{children}</ConfigProvider>
    </TradeProvider>
  )
}
