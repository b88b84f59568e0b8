import type { Context } from 'hono'
import { ApiError } from './ApiError.ts'

/** The raw text of a JSON request body (the size was already limited); 415 for other types. */
export async function readJsonText(c: Context): Promise<string> {
  const type = c.req.header('content-type') ?? ''
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new ApiError(415, 'INVALID_ARGUMENT', 'Send JSON with Content-Type: application/json', {
      reason: 'unsupported_media_type',
    })
  }
  try {
    return await c.req.text()
  } catch (error) {
    if (error instanceof ApiError) throw error
    // The client hung up before the body was complete: nobody waits for an answer, and it is not a
    // failure of this server (nothing to log, nothing was written).
    throw new ApiError(400, 'INVALID_ARGUMENT', 'The request body was not received in full', {
      reason: 'body_incomplete',
    })
  }
}

/** Reads a JSON request body (the size was already limited); 415 for other types, 400 for bad JSON. */
export async function readJsonBody(c: Context): Promise<unknown> {
  const text = await readJsonText(c)
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw new ApiError(400, 'INVALID_ARGUMENT', 'The body is not valid JSON', { reason: 'malformed_json' })
  }
}
