import type { Context } from 'hono'
import { ApiError } from './ApiError.ts'

/** Reads a JSON request body (the size was already limited); 415 for other types, 400 for bad JSON. */
export async function readJsonBody(c: Context): Promise<unknown> {
  const type = c.req.header('content-type') ?? ''
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new ApiError(415, 'INVALID_ARGUMENT', 'Send JSON with Content-Type: application/json', {
      reason: 'unsupported_media_type',
    })
  }
  const text = await c.req.text()
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw new ApiError(400, 'INVALID_ARGUMENT', 'The body is not valid JSON', { reason: 'malformed_json' })
  }
}
