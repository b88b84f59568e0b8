import Taro from '@tarojs/taro'

/**
 * `Taro.request`, answering every HTTP status as a response and rejecting only when no answer came
 * (the network failed, or the request was aborted). Douyin, WeChat and H5 answer a 4xx/5xx through
 * `success`; Alipay's `my.request` calls `fail` with `{ error: 19, status, data, headers }` for one,
 * which would otherwise read as a network failure (a refusal retried as if the request were lost).
 */
export function httpRequest(options: Taro.request.Option): Promise<Taro.request.SuccessCallbackResult> & {
  abort?: () => void
} {
  const task = Taro.request(options)
  const answered = task.then(
    (res) => res,
    (error: unknown) => {
      const failed = error as { status?: unknown; data?: unknown; headers?: unknown } | null
      if (typeof failed?.status === 'number' && failed.status >= 400) {
        return {
          statusCode: failed.status,
          data: failed.data,
          header: (failed.headers ?? {}) as TaroGeneral.IAnyObject,
          errMsg: 'request:ok',
        } as Taro.request.SuccessCallbackResult
      }
      throw error
    },
  )
  return Object.assign(answered, { abort: () => task.abort?.() })
}
