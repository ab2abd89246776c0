import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Redis } from 'ioredis'
import type { Probe } from '../../wait.ts'
import { freePort } from '../ports.ts'
import type { ServiceProcess } from '../process.ts'
import { startReady } from '../readiness.ts'
import type { StartedServer } from './started-server.ts'

/** Redis answers PING with PONG. */
export function redisCheck(url: string): Probe<true> {
  return async () => {
    const pong = await ping(url).catch((err: Error) => err.message)
    return pong === 'PONG' ? { done: true, value: true } : { done: false, seen: pong }
  }
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
}): Promise<StartedServer> {
  const port = await freePort()
  const dir = await mkdtemp(join(tmpdir(), 'aivideo-redis-'))
  const url = `redis://127.0.0.1:${port}/0`
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '']
  args.push('--appendonly', opts.persistence ? 'yes' : 'no')
  if (opts.persistence) args.push('--appendfsync', 'always')
  const launch = () =>
    startReady(
      { name: 'redis', command: opts.binary ?? 'redis-server', args, logFile: opts.logFile },
      { what: 'redis PING', deadlineMs: 10_000, check: redisCheck(url) },
    )
  let first: ServiceProcess
  try {
    first = await launch()
  } catch (err) {
    await rm(dir, { recursive: true, force: true })
    throw err
  }
  const started: StartedServer = {
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
