import { ServerError } from '../errors/ServerError'

/** The `fetch` the clients call: the global one unless a test or a proxy injects its own. */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>

/** What {@link requestJson} hands back: the raw text (signatures cover it) and its JSON. */
export interface JsonAnswer {
  status: number
  headers: Headers
  text: string
  json: unknown
}

/**
 * Sends one request and reads a JSON answer. A request that never got an answer is `NETWORK`; an
 * answer that is not JSON is `PLATFORM_ERROR` with its status. The caller judges the status.
 */
export async function requestJson(
  fetchImpl: FetchLike,
  platform: string,
  url: string,
  init: RequestInit,
): Promise<JsonAnswer> {
  let response: Response
  let text: string
  try {
    response = await fetchImpl(url, init)
    text = await response.text()
  } catch (error) {
    throw new ServerError('NETWORK', `${platform}: ${init.method ?? 'GET'} ${url} failed`, { cause: error })
  }
  if (text === '') return { status: response.status, headers: response.headers, text, json: undefined }
  try {
    return { status: response.status, headers: response.headers, text, json: JSON.parse(text) }
  } catch (error) {
    throw new ServerError('PLATFORM_ERROR', `${platform}: the answer to ${url} is not JSON`, {
      status: response.status,
      cause: error,
    })
  }
}

/** The object at `value`, or an empty one: platform answers are read defensively. */
export function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {}
}

/** A string field of a platform answer, or undefined. */
export function stringField(record: Record<string, unknown>, key: string): string | undefined {
  const value = record[key]
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined
}
