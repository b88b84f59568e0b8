/**
 * Request headers as frameworks hand them over: a Fetch `Headers` (Hono, undici) or Node's
 * `IncomingMessage.headers` (lower-case names, a value or a list of values).
 */
export type HeadersInput = Headers | Readonly<Record<string, string | readonly string[] | undefined>>

/** One header's value, whatever the case of its name; the first one when repeated. */
export function headerOf(headers: HeadersInput, name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined
  const record = headers as Readonly<Record<string, string | readonly string[] | undefined>>
  const lower = name.toLowerCase()
  for (const key of Object.keys(record)) {
    if (key.toLowerCase() !== lower) continue
    const value = record[key]
    return typeof value === 'string' ? value : value?.[0]
  }
  return undefined
}
