import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export type Handler = (req: IncomingMessage, res: ServerResponse) => void

/** A throwaway HTTP server on a free port that answers as `handler` says; close() when done. */
export async function stubServer(handler: Handler): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer(handler)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

export const json = (
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers })
  res.end(JSON.stringify(body))
}

export const health = (over: Record<string, unknown> = {}) => ({
  status: 'ok',
  redis: 'ok',
  database: 'ok',
  queue: 'ok',
  mock_sora: true,
  workers: 1,
  ...over,
})

/** An API-shaped stub: /health as given, 401 on /api/v1, CORS for `origin`, 404 JSON elsewhere. */
export function apiLike(opts: {
  health: Record<string, unknown>
  healthStatus?: number
  origin?: string
}): Handler {
  return (req, res) => {
    const path = (req.url ?? '/').split('?')[0]!
    if (req.method === 'OPTIONS') {
      const allowed = req.headers.origin === opts.origin
      res.writeHead(204, {
        ...(allowed ? { 'access-control-allow-origin': opts.origin! } : {}),
        'access-control-allow-headers': 'authorization, content-type',
        'access-control-allow-methods': 'GET, POST',
      })
      return res.end()
    }
    if (path === '/health') return json(res, opts.healthStatus ?? 200, opts.health)
    if (path.startsWith('/api/v1/')) return json(res, 401, { detail: 'Not authenticated' })
    return json(res, 404, { detail: 'Not Found' })
  }
}
