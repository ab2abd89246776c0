import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { asyncDispose, type ServiceHandle, type ServiceName, type StartedStack } from './started-stack.ts'

/**
 * Stack control over loopback HTTP, for test processes that did not start the stack themselves (vitest
 * runs test files in forks; the stack lives in the global setup). Only what fault tests need: kill,
 * stop or restart one service the stack started, add a worker, list the services.
 *
 *   POST /services/{name}/kill | stop | restart  → 200 ServiceState
 *   POST /workers                                → 200 ServiceState of the new worker
 *   GET  /services                               → 200 ServiceState[]
 *
 * Errors are `{detail}` with 404 (no such service) or 500 (the action failed, e.g. not ready in time).
 */
export interface ServiceState {
  name: ServiceName
  running: boolean
  pid: number | null
}

export const CONTROL_ACTIONS = ['kill', 'stop', 'restart'] as const
export type ControlAction = (typeof CONTROL_ACTIONS)[number]

export interface StackControlServer extends AsyncDisposable {
  readonly url: string
  close(): Promise<void>
}

const stateOf = (h: ServiceHandle): ServiceState => ({ name: h.name, running: h.running, pid: h.pid ?? null })

export async function serveStackControl(stack: StartedStack): Promise<StackControlServer> {
  const workers = new Set<ServiceName>(stack.services.filter((s) => s.startsWith('worker-')))
  const handleOf = (name: string): ServiceHandle | undefined => {
    try {
      return stack.service(name as ServiceName)
    } catch {
      return undefined
    }
  }
  const known = () => [...stack.services, ...workers].filter((n, i, all) => all.indexOf(n) === i)

  const route = async (req: IncomingMessage): Promise<{ status: number; body: unknown }> => {
    const path = new URL(req.url ?? '/', 'http://control').pathname
    if (req.method === 'GET' && path === '/services') {
      return { status: 200, body: known().flatMap((n) => (handleOf(n) ? [stateOf(handleOf(n)!)] : [])) }
    }
    if (req.method === 'POST' && path === '/workers') {
      const added = await stack.addWorker()
      workers.add(added.name)
      return { status: 200, body: stateOf(added) }
    }
    const action = path.match(/^\/services\/([a-z0-9-]+)\/(kill|stop|restart)$/)
    if (req.method === 'POST' && action) {
      const handle = handleOf(action[1]!)
      if (!handle) return { status: 404, body: { detail: `no service ${action[1]} in this stack` } }
      await handle[action[2] as ControlAction]()
      return { status: 200, body: stateOf(handle) }
    }
    return { status: 404, body: { detail: `no route ${req.method} ${path}` } }
  }

  const server = createServer((req, res: ServerResponse) => {
    req.resume()
    route(req)
      .catch((err: unknown) => ({
        status: 500,
        body: { detail: err instanceof Error ? err.message : String(err) },
      }))
      .then(({ status, body }) => {
        res.writeHead(status, { 'content-type': 'application/json' })
        res.end(JSON.stringify(body))
      })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  let closing: Promise<void> | undefined
  const close = () => {
    closing ??= new Promise<void>((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    })
    return closing
  }
  return {
    url: `http://127.0.0.1:${port}`,
    close,
    [asyncDispose]: close,
  }
}
