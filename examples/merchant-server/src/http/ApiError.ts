import type { ContentfulStatusCode } from 'hono/utils/http-status'

/**
 * The codes this server answers with: TradeKit's error catalogue (`@tradekit/core`'s `ERROR_CODES`),
 * the ones a backend can mean.
 */
export type ApiErrorCode =
  | 'INVALID_ARGUMENT'
  | 'INVALID_QUANTITY'
  | 'INVALID_AMOUNT'
  | 'OUT_OF_STOCK'
  | 'PRICE_CHANGED'
  | 'ORDER_REJECTED'
  | 'ORDER_EXPIRED'
  | 'PAYMENT_UNAVAILABLE'
  | 'NETWORK'

/** The JSON body of every error answer: `{ error: { code, message, ...data } }`. */
export interface ApiErrorBody {
  readonly error: {
    readonly code: ApiErrorCode
    readonly message: string
    readonly [key: string]: unknown
  }
}

/** A typed 4xx answer: thrown anywhere in a handler, rendered by the app's error handler. */
export class ApiError extends Error {
  readonly status: ContentfulStatusCode
  readonly code: ApiErrorCode
  readonly data: Readonly<Record<string, unknown>>

  constructor(
    status: ContentfulStatusCode,
    code: ApiErrorCode,
    message: string,
    data: Readonly<Record<string, unknown>> = {},
  ) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.data = data
  }

  /** The response body. */
  toBody(): ApiErrorBody {
    const { code: _code, message: _message, ...data } = this.data
    return { error: { code: this.code, message: this.message, ...data } }
  }
}

/** A 400 `INVALID_ARGUMENT` about one field (`field` is a path such as `lines[0].skuId`). */
export function invalidArgument(field: string, message: string): ApiError {
  return new ApiError(400, 'INVALID_ARGUMENT', message, { field })
}
