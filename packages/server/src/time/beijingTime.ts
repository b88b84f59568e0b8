const BEIJING_OFFSET_MS = 8 * 3600 * 1000

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0')
}

/** `yyyy-MM-dd HH:mm:ss` in Beijing time (UTC+8), as Alipay writes its timestamps. */
export function beijingDateTime(ms: number): string {
  const d = new Date(ms + BEIJING_OFFSET_MS)
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(
    d.getUTCMinutes(),
  )}:${pad(d.getUTCSeconds())}`
}

/** RFC 3339 with the +08:00 offset (`2018-06-08T10:34:56+08:00`), as WeChat Pay writes times. */
export function beijingRfc3339(ms: number): string {
  return `${beijingDateTime(ms).replace(' ', 'T')}+08:00`
}

/** Reads Alipay's `yyyy-MM-dd HH:mm:ss` (Beijing time) into milliseconds since the epoch. */
export function parseBeijingDateTime(text: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text)
  if (!match) return undefined
  const [, y, mo, d, h, mi, s] = match.map(Number) as [number, number, number, number, number, number, number]
  return Date.UTC(y, mo - 1, d, h, mi, s) - BEIJING_OFFSET_MS
}

/** Milliseconds since the epoch of a time given as a `Date` or as milliseconds. */
export function toEpochMs(time: Date | number): number {
  return typeof time === 'number' ? time : time.getTime()
}
