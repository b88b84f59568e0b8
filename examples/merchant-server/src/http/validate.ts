import { ApiError, invalidArgument } from './ApiError.ts'

/** A JSON object (not an array, not null). */
export type JsonObject = Record<string, unknown>

// PostgreSQL's text and jsonb refuse NUL and unpaired surrogates: refuse them at the door (4xx),
// never let them reach the database as a 500.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
const isUnsafeText = (text: string) => text.includes('\u0000') || LONE_SURROGATE.test(text)

/** True for a plain JSON object. */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Reads an object field or throws `INVALID_ARGUMENT`. */
export function readObject(value: unknown, field: string): JsonObject {
  if (!isObject(value)) throw invalidArgument(field, `${field} must be an object`)
  return value
}

/** Reads a string of 1…`max` characters, free of NUL and broken surrogates, optionally matching `pattern`. */
export function readString(value: unknown, field: string, max: number, pattern?: RegExp): string {
  if (typeof value !== 'string') throw invalidArgument(field, `${field} must be a string`)
  if (value.length === 0 || value.length > max) {
    throw invalidArgument(field, `${field} must have 1 to ${max} characters`)
  }
  if (isUnsafeText(value)) throw invalidArgument(field, `${field} contains characters that are not allowed`)
  if (pattern && !pattern.test(value)) throw invalidArgument(field, `${field} has an invalid format`)
  return value
}

/** Like `readString`, `undefined` when the value is absent. */
export function readOptionalString(
  value: unknown,
  field: string,
  max: number,
  pattern?: RegExp,
): string | undefined {
  return value === undefined ? undefined : readString(value, field, max, pattern)
}

/**
 * Checks an opaque JSON value the server only stores (address, meta): bounded depth, size and
 * safe strings.
 */
export function readOpaqueJson(value: unknown, field: string, maxChars: number): unknown {
  const visit = (node: unknown, path: string, depth: number): void => {
    if (depth > 6) throw invalidArgument(path, `${field} is nested too deeply`)
    if (typeof node === 'string') {
      if (isUnsafeText(node)) throw invalidArgument(path, `${path} contains characters that are not allowed`)
    } else if (Array.isArray(node)) {
      for (const [index, item] of node.entries()) visit(item, `${path}[${index}]`, depth + 1)
    } else if (isObject(node)) {
      for (const [key, item] of Object.entries(node)) {
        if (isUnsafeText(key)) throw invalidArgument(path, `${path} has a key that is not allowed`)
        visit(item, `${path}.${key}`, depth + 1)
      }
    }
  }
  visit(value, field, 0)
  if (JSON.stringify(value).length > maxChars) {
    throw invalidArgument(field, `${field} must be at most ${maxChars} characters of JSON`)
  }
  return value
}

/** Money on the wire: `{ amount: integer minor units, currency: 'CNY' }`; floats and strings are refused. */
export function readMoney(value: unknown, field: string): { amount: number; currency: string } {
  if (!isObject(value))
    throw new ApiError(400, 'INVALID_AMOUNT', `${field} must be { amount, currency }`, { field })
  const { amount, currency } = value
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount < 0) {
    throw new ApiError(
      400,
      'INVALID_AMOUNT',
      `${field}.amount must be a non-negative integer in minor units`,
      {
        field: `${field}.amount`,
      },
    )
  }
  if (typeof currency !== 'string' || !/^[A-Z]{3}$/.test(currency)) {
    throw new ApiError(400, 'INVALID_AMOUNT', `${field}.currency must be an ISO 4217 code`, {
      field: `${field}.currency`,
    })
  }
  return { amount, currency }
}

/** An integer in `[min, max]`, or `INVALID_ARGUMENT`. */
export function readInteger(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw invalidArgument(field, `${field} must be an integer from ${min} to ${max}`)
  }
  return value
}
