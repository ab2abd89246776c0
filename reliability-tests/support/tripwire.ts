import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A local listener that must stay untouched: it counts every TCP connection (not just requests) and
 * answers anything with a PNG, so a fetch that reached it would have succeeded.
 */
export interface Tripwire extends AsyncDisposable {
  readonly port: number
  readonly connections: number
  close(): Promise<void>
}

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

export async function startTripwire(host = '127.0.0.1'): Promise<Tripwire> {
  let connections = 0
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'image/png' })
    res.end(PNG_MAGIC)
  })
  server.on('connection', () => {
    connections += 1
  })
  await new Promise<void>((resolve) => server.listen(0, host, () => resolve()))
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    })
  return {
    port: (server.address() as AddressInfo).port,
    get connections() {
      return connections
    },
    close,
    [Symbol.asyncDispose]: close,
  }
}
