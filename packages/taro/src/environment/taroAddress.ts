// Named imports: see taroStorage.ts.
import { chooseAddress } from '@tarojs/taro'
import { type AddressChoice, type AddressPort, normalizeAddress } from '@tradekit/core'

/** Options of {@link taroAddress}. */
export interface TaroAddressOptions {
  /**
   * The Taro platform the app runs on.
   * @default process.env.TARO_ENV
   */
  env?: string
}

// Mini-programs whose `chooseAddress` has the Douyin/WeChat shape (userName, telNumber, provinceName…).
const CHOOSE_ADDRESS_ENVS = new Set(['tt', 'weapp', 'qq', 'swan', 'jd'])

interface AlipayAnswer {
  resultStatus?: string | number
  result?: unknown
  error?: string | number
  errorMessage?: string
}

interface AlipayMy {
  getAddress?(options: { success(res: AlipayAnswer): void; fail(res: AlipayAnswer): void }): void
}

const errMsgOf = (error: unknown): string =>
  String(
    (error as { errMsg?: unknown } | null)?.errMsg ??
      (error instanceof Error ? error.message : (error ?? '')),
  )

/**
 * Douyin and WeChat fail `chooseAddress` with an errMsg: "chooseAddress:fail cancel" (Douyin errorCode
 * 103995) or "…fail auth cancel" when the user closed the picker; "…fail auth deny", "…fail:auth
 * denied" or "…fail authorize no response" when the user refused — now or earlier, after which no
 * dialog shows again. Anything else (the API not enabled for the app, not declared in app.json, a
 * system error) leaves typing the address by hand.
 */
function fromChooseAddressFailure(error: unknown): AddressChoice {
  const errMsg = errMsgOf(error)
  const code = String((error as { errorCode?: unknown } | null)?.errorCode ?? '')
  if (/cancel/i.test(errMsg) || code === '103995') return { kind: 'cancelled' }
  if (/auth|deny|denied|permission|scope/i.test(errMsg)) return { kind: 'denied' }
  return { kind: 'unavailable' }
}

async function viaChooseAddress(): Promise<AddressChoice> {
  if (typeof chooseAddress !== 'function') return { kind: 'unavailable' }
  try {
    const result = await chooseAddress()
    return { kind: 'chosen', address: normalizeAddress(result) }
  } catch (error) {
    return fromChooseAddressFailure(error)
  }
}

/**
 * Alipay's `my.getAddress` answers in `success` with `resultStatus` "9000" and the address in
 * `result`, or "6001" when the user cancelled; a refusal comes to `fail` as `{ error: 4, errorMessage:
 * "无权调用该接口" }` (2001 is Alipay's general "user refused authorisation", 11 its "user cancelled").
 */
function fromAlipayAnswer(answer: AlipayAnswer, failed: boolean): AddressChoice {
  const status = String(answer?.resultStatus ?? '')
  const error = String(answer?.error ?? '')
  if (!failed && status === '9000' && typeof answer.result === 'object' && answer.result !== null) {
    return { kind: 'chosen', address: normalizeAddress({ result: answer.result }) }
  }
  if (status === '6001' || error === '11') return { kind: 'cancelled' }
  if (error === '4' || error === '2001') return { kind: 'denied' }
  return { kind: 'unavailable' }
}

function viaAlipay(): Promise<AddressChoice> {
  const my = (globalThis as { my?: AlipayMy }).my
  if (typeof my?.getAddress !== 'function') return Promise.resolve({ kind: 'unavailable' })
  const getAddress = my.getAddress.bind(my)
  return new Promise((resolve) => {
    try {
      getAddress({
        success: (answer) => resolve(fromAlipayAnswer(answer, false)),
        fail: (answer) => resolve(fromAlipayAnswer(answer, true)),
      })
    } catch {
      resolve({ kind: 'unavailable' })
    }
  })
}

/**
 * The address port over the platform's own address picker: `Taro.chooseAddress` on Douyin and WeChat
 * (where the user's authorisation is asked the first time), `my.getAddress` on Alipay. It never
 * throws: a refusal answers `denied`, a closed picker `cancelled`, H5 and platforms without a picker
 * `unavailable` — `AddressCard` then offers `AddressForm`.
 *
 * Declare the API for your app: WeChat wants `"requiredPrivateInfos": ["chooseAddress"]` in app.json
 * and the interface enabled in the admin console; Douyin asks for `scope.address`.
 *
 * @example
 * ```tsx
 * <AddressCard port={taroAddress()} value={address} onChange={setAddress} required={needsShippingAddress(lines)} />
 * ```
 */
export function taroAddress(options: TaroAddressOptions = {}): AddressPort {
  return {
    choose() {
      const env = options.env ?? process.env.TARO_ENV ?? ''
      if (env === 'alipay') return viaAlipay()
      if (CHOOSE_ADDRESS_ENVS.has(env)) return viaChooseAddress()
      return Promise.resolve({ kind: 'unavailable' })
    },
  }
}
