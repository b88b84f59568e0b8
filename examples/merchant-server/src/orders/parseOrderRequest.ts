import { ApiError, invalidArgument } from '../http/ApiError.ts'
import {
  isObject,
  readMoney,
  readObject,
  readOpaqueJson,
  readOptionalString,
  readString,
} from '../http/validate.ts'
import { type AddressInput, parseAddress } from './parseAddress.ts'

/** One validated order line. */
export interface OrderLineInput {
  readonly skuId: string
  readonly quantity: number
  readonly options?: Readonly<Record<string, string>>
}

/** A validated `OrderRequest` (TradeKit's contract); prices never come from here. */
export interface OrderInput {
  readonly lines: readonly OrderLineInput[]
  readonly coupon?: string
  readonly contact?: { readonly name?: string; readonly phone?: string; readonly note?: string }
  /** The shipping address, checked (see `parseAddress`). */
  readonly address?: AddressInput
  /** The payment channel id; `sandbox` when left out. */
  readonly channel: string
  readonly meta?: Readonly<Record<string, unknown>>
  readonly expectedPayable?: { readonly amount: number; readonly currency: string }
}

/** The most lines an order may have. */
export const MAX_LINES = 50
/** The most units of one line. */
export const MAX_LINE_QUANTITY = 999

export const SKU_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/
const PHONE = /^\+?[0-9][0-9 -]{4,19}$/

/**
 * Validates an `OrderRequest` body. Fields the contract does not name are ignored (a client that
 * sends a price on a line is not believed: the server prices). Throws a typed 4xx `ApiError`.
 */
export function parseOrderRequest(body: unknown, options: { requireExpectedPayable: boolean }): OrderInput {
  const request = readObject(body, 'body')
  if (!Array.isArray(request.lines) || request.lines.length === 0) {
    throw invalidArgument('lines', 'lines must be a non-empty array')
  }
  if (request.lines.length > MAX_LINES) throw invalidArgument('lines', `At most ${MAX_LINES} lines per order`)
  const lines = request.lines.map((raw, index) => parseLine(raw, `lines[${index}]`))

  const input: {
    -readonly [K in keyof OrderInput]: OrderInput[K]
  } = { lines, channel: 'sandbox' }
  const coupon = readOptionalString(request.coupon, 'coupon', 64, /^[A-Za-z0-9_-]+$/)
  if (coupon !== undefined) input.coupon = coupon
  if (request.contact !== undefined) {
    const contact = readObject(request.contact, 'contact')
    const name = readOptionalString(contact.name, 'contact.name', 64)
    const phone = readOptionalString(contact.phone, 'contact.phone', 20, PHONE)
    const note = readOptionalString(contact.note, 'contact.note', 500)
    input.contact = {
      ...(name !== undefined ? { name } : {}),
      ...(phone !== undefined ? { phone } : {}),
      ...(note !== undefined ? { note } : {}),
    }
  }
  if (request.address !== undefined && request.address !== null) input.address = parseAddress(request.address)
  const channel = readOptionalString(request.channel, 'channel', 32, /^[A-Za-z0-9_-]+$/)
  if (channel !== undefined) input.channel = channel
  if (request.meta !== undefined) {
    input.meta = readOpaqueJson(readObject(request.meta, 'meta'), 'meta', 4000) as Record<string, unknown>
  }
  if (request.expectedPayable !== undefined || options.requireExpectedPayable) {
    input.expectedPayable = readMoney(request.expectedPayable, 'expectedPayable')
  }
  return input
}

function parseLine(raw: unknown, field: string): OrderLineInput {
  const line = readObject(raw, field)
  const skuId = readString(line.skuId, `${field}.skuId`, 64, SKU_ID)
  const { quantity } = line
  if (
    typeof quantity !== 'number' ||
    !Number.isInteger(quantity) ||
    quantity < 1 ||
    quantity > MAX_LINE_QUANTITY
  ) {
    throw new ApiError(
      400,
      'INVALID_QUANTITY',
      `${field}.quantity must be an integer from 1 to ${MAX_LINE_QUANTITY}`,
      { field: `${field}.quantity`, skuIds: [skuId] },
    )
  }
  if (line.options === undefined) return { skuId, quantity }
  if (!isObject(line.options))
    throw invalidArgument(`${field}.options`, 'options must be an object of strings')
  const entries = Object.entries(line.options)
  if (entries.length > 10) throw invalidArgument(`${field}.options`, 'At most 10 options per line')
  // fromEntries defines own properties, so a key such as `__proto__` stays plain data.
  const options = Object.fromEntries(
    entries.map(([key, value]) => [
      readString(key, `${field}.options key`, 64),
      readString(value, `${field}.options.${key}`, 200),
    ]),
  )
  return entries.length === 0 ? { skuId, quantity } : { skuId, quantity, options }
}
