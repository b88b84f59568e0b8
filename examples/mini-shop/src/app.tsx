import { TradeProvider } from '@tradekit/react'
import { ConfigProvider, taroLifecycle, taroPlatform, taroStorage } from '@tradekit/taro'
import { type PropsWithChildren, useEffect, useState } from 'react'
import { checkoutApi, membershipApi } from './trade/api'
import { channels } from './trade/channel'
import { ordersApi } from './trade/orders'
import { sandboxTiming } from './trade/sandboxSettings'
import { currentSession, storedSession } from './trade/session'
import './app.css'

// Made once: the provider keeps one checkout per (api, channels, storage, lifecycle) and resumes it
// on launch, so a payment interrupted by a killed app is reconciled on the next start.
const storage = taroStorage()
const lifecycle = taroLifecycle()
const platform = taroPlatform()
const timing = sandboxTiming()

/**
 * The logged-in user: known at once from the last session (so a relaunch resumes that user's pending
 * payments), otherwise after the launch's login. Every merchant call waits for that login too, so
 * nothing is shown — or added to a cart — before the user is known.
 */
function useSessionUserId(): string | undefined {
  const [userId, setUserId] = useState(() => storedSession()?.userId)
  useEffect(() => {
    let active = true
    const settle = () =>
      currentSession().then(
        (session) => active && setUserId(session.userId),
        // offline at launch: the next merchant call logs in; try again in a moment meanwhile
        () => active && setTimeout(settle, 3000),
      )
    settle()
    return () => {
      active = false
    }
  }, [])
  return userId
}

export default function App({ children }: PropsWithChildren) {
  const userId = useSessionUserId()
  return (
    <TradeProvider
      namespace="mini-shop"
      userId={userId}
      storage={storage}
      lifecycle={lifecycle}
      platform={platform}
      channels={channels}
      api={checkoutApi}
      membershipApi={membershipApi}
      ordersApi={ordersApi}
      timing={timing}
    >
      <ConfigProvider>{children}</ConfigProvider>
    </TradeProvider>
  )
}
