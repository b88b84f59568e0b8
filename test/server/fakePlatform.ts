import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'

/** One request the fake platform received. */
export interface ReceivedRequest {
  method: string
  url: string
  headers: IncomingHttpHeaders
  body: string
}

/** What a route answers. */
export interface FakeAnswer {
  status?: number
  headers?: Record<string, string>
  body?: string | object
}

export type FakeRoute = (request: ReceivedRequest) => FakeAnswer | Promise<FakeAnswer>

/** A platform on 127.0.0.1 (random port) that answers from `routes` ("METHOD /path") and records every request. */
export async function startFakePlatform(routes: Record<string, FakeRoute>) {
  const requests: ReceivedRequest[] = []
  const failures: unknown[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', async () => {
      const request: ReceivedRequest = {
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      }
      requests.push(request)
      const route = routes[`${request.method} ${request.url.split('?')[0]}`]
      let answer: FakeAnswer
      try {
        answer = route ? await route(request) : { status: 404, body: { message: 'no route' } }
      } catch (error) {
        // A failed expectation inside a route: answer it, so the client side fails instead of hanging.
        failures.push(error)
        answer = { status: 599, body: { code: 'FAKE_PLATFORM_ASSERTION', message: String(error) } }
      }
      const body = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body ?? {})
      res.writeHead(answer.status ?? 200, { 'content-type': 'application/json', ...answer.headers })
      res.end(body)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    /** Expectations that failed inside a route. */
    failures,
    close: () =>
      new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  }
}

export type FakePlatform = Awaited<ReturnType<typeof startFakePlatform>>
