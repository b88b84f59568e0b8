import type { HeadersInput } from './headers'

/** A raw callback as it reached your server: its headers and its body, byte for byte. */
export interface RawCallback {
  headers: HeadersInput
  /** The request body exactly as received — never a re-serialised object. */
  body: string
}

/** What to send back to a platform's callback. */
export interface CallbackAnswer {
  status: number
  headers: Record<string, string>
  body: string
}
