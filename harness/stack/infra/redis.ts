import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Redis } from 'ioredis'
import { waitFor } from '../../wait.ts'
import { freePort } from '../ports.ts'
import { ServiceProcess } from '../process.ts'

export interface StartedRedis {
  url: string
  port: number
  /** Its temp dir (data and AOF), removed by stop(). */
  dir: string
  process: ServiceProcess
  /** Restarts on the same port and data dir (with persistence on, data survives). */
  restart(): Promise<void>
  stop(): Promise<void>
}

export async function ping(url: string): Promise<string> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 1000 })
  client.on('error', () => {})
  try {
    await client.connect()
    return await client.ping()
  } finally {
    client.disconnect()
  }
}

/** A throwaway redis-server from the machine's binary, on a free port, in a temp dir. */
export async function startRedis(opts: {
  logFile: string
  persistence?: boolean
  binary?: string
}): Promise<StartedRedis> {
  const port = await freePort()
  const dir = await mkdtemp(join(tmpdir(), 'aivideo-redis-'))
  const url = `redis://127.0.0.1:${port}/0`
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '']
  args.push('--appendonly', opts.persistence ? 'yes' : 'no')
  if (opts.persistence) args.push('--appendfsync', 'always')
  const launch = async () => {
    const p = ServiceProcess.start({
      name: 'redis',
      command: opts.binary ?? 'redis-server',
      args,
      logFile: opts.logFile,
    })
    const exited = new AbortController()
    void p.exited.then(({ code, signal }) =>
      exited.abort(new Error(`redis-server exited (code ${code}, signal ${signal}), see ${opts.logFile}`)),
    )
    try {
      await waitFor(
        async () => {
          const pong = await ping(url)
          return pong === 'PONG' ? { done: true, value: p } : { done: false, seen: pong }
        },
        { deadlineMs: 10_000, what: 'redis PING', signal: exited.signal },
      )
    } catch (err) {
      await p.kill()
      throw err
    }
    return p
  }
  let first: ServiceProcess
  try {
    first = await launch()
  } catch (err) {
    await rm(dir, { recursive: true, force: true })
    throw err
  }
  const started: StartedRedis = {
    url,
    port,
    dir,
    process: first,
    async restart() {
      await started.process.stop()
      started.process = await launch()
    },
    async stop() {
      await started.process.stop()
      await rm(dir, { recursive: true, force: true })
    },
  }
  return started
}
