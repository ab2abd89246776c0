import { existsSync, mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { createPool, type Pool } from '../../../system/db/pool.ts'
import { portsFor, readinessOf, stackRunId, uploadsDirFor } from '../driver-parts.ts'
import { freshDatabase } from '../infra/fresh-database.ts'
import { postgresCheck, startPostgres } from '../infra/postgres.ts'
import { redisCheck, startRedis } from '../infra/redis.ts'
import { readLogEvents } from '../log-events.ts'
import { MockSoraControl } from '../mock-sora-control.ts'
import { StackStartError } from '../readiness.ts'
import { logFileFor, runLogDir } from '../run-dir.ts'
import { infraHandle, SystemService } from '../service-handles.ts'
import { commandFor, envFor, loopbackWiring, REPO_ROOT, stackConfig, stackUrls } from '../services.ts'
import type { StackOptions, SystemRole } from '../stack-options.ts'
import {
  asyncDispose,
  type ServiceHandle,
  type ServiceName,
  type StartedStack,
  type WorkerName,
} from '../started-stack.ts'
import { systemBuild } from '../system-build.ts'
import { Teardown } from '../teardown.ts'

/**
 * The `local` driver: Redis and PostgreSQL from the machine's binaries (or reused), then the system's
 * processes (services.ts says how each is launched, from the system's build), each ready by its named
 * probe. Side by side where the order allows: Redis and PostgreSQL together; then the mocks, the web
 * (it serves pages and calls nothing at start) and the worker(s) together; the API once the workers are
 * ready (the guide's order: the worker is ready before the API starts), while the rest may still start.
 */
export async function startLocal(opts: StackOptions): Promise<StartedStack> {
  const teardown = new Teardown()
  try {
    return await bringUp(opts, teardown)
  } catch (err) {
    await teardown.run()
    throw err
  }
}

/** What the stack started, in start order, and how to undo each. */
class Started {
  readonly handles = new Map<ServiceName, ServiceHandle>()
  readonly order: ServiceName[] = []
  readonly tempDirs: string[] = []
  constructor(readonly teardown: Teardown) {}

  register(h: ServiceHandle, undo: () => Promise<void>): void {
    this.handles.set(h.name, h)
    this.order.push(h.name)
    this.teardown.push(h.name, undo)
  }
}

async function bringUp(opts: StackOptions, teardown: Teardown): Promise<StartedStack> {
  const logDir = opts.logDir ?? runLogDir(stackRunId())
  mkdirSync(logDir, { recursive: true })
  const started = new Started(teardown)
  const uploadsDir = await uploadsDirFor(opts, teardown, started.tempDirs)
  const withWeb = opts.web === 'auto' && existsSync(resolve(REPO_ROOT, opts.entries.web))
  const ports = await portsFor(opts, withWeb)
  // 1. Redis, PostgreSQL (and the pool tests read the database with) and the system's build
  const redis = redisFor(opts, logDir, started)
  const [redisUrl, { databaseUrl, db }, build] = await allStarted([
    redis,
    databaseFor(opts, logDir, started, redis),
    systemBuild(),
  ] as const)

  const wiring = loopbackWiring(opts, { ports, redisUrl, databaseUrl, uploadsDir })
  const urls = stackUrls(wiring, withWeb)
  const workers: SystemService[] = []
  const ctx = { opts, wiring, workerRunning: () => workers.some((w) => w.running) }
  const serviceFor = (role: SystemRole, name: ServiceName) => {
    const logFile = logFileFor(logDir, name)
    const svc = new SystemService(
      name,
      {
        ...commandFor(opts.entries[role], build),
        env: envFor(role, wiring, { ...opts.env, ...opts.roleEnv[role] }),
        cwd: REPO_ROOT,
        logFile,
      },
      (from) => readinessOf(name, logFile, from, ctx),
      opts.output,
    )
    started.register(svc, () => svc.stop())
    return svc
  }
  const newWorker = () => {
    const w = serviceFor('worker', `worker-${workers.length + 1}` as WorkerName)
    workers.push(w)
    return w
  }

  // 2. the mocks, the web and the worker(s); 3. the API once the worker(s) are ready
  const mocks = [serviceFor('mock-sora', 'mock-sora'), serviceFor('mock-google', 'mock-google')]
  const rest = phase(withWeb ? [...mocks, serviceFor('web', 'web')] : mocks)
  const workersThenApi = phase(Array.from({ length: opts.workers }, newWorker)).then(() =>
    phase([serviceFor('api', 'api')]),
  )
  await allStarted([rest, workersThenApi])

  const stop = () => teardown.finish()
  return {
    driver: 'local',
    urls,
    redisUrl,
    databaseUrl,
    logDir,
    jwtSecret: wiring.jwtSecret,
    config: stackConfig(wiring),
    mockSora: new MockSoraControl(urls.mockSora),
    db,
    services: started.order,
    tempDirs: started.tempDirs,
    service(name) {
      const h = started.handles.get(name)
      if (!h) throw new Error(`${name} was not started by this stack (started: ${started.order.join(', ')})`)
      return h
    },
    logs: (name) => readLogEvents(logFileFor(logDir, name)),
    async addWorker() {
      if (teardown.started) throw new Error('stack is stopped')
      const w = newWorker()
      await w.start()
      return w
    },
    stop,
    [asyncDispose]: stop,
  }
}

/** Starts a phase's services together; any failure fails the phase (teardown stops the rest). */
function phase(services: SystemService[]): Promise<unknown> {
  return allStarted(services.map((s) => s.start()))
}

/**
 * Waits for every start to end, ready or failed, then fails with the first failure: nothing is still
 * starting when the caller's teardown runs, so nothing started late is left behind.
 */
async function allStarted<T extends readonly unknown[]>(
  starts: T,
): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const settled = await Promise.allSettled(starts)
  const failed = settled.find((s) => s.status === 'rejected')
  if (failed) throw failed.reason
  return settled.map((s) => (s as PromiseFulfilledResult<unknown>).value) as never
}

/** A start failure of Redis or PostgreSQL, naming it and its log (as it is when it already does). */
const startFailure = (service: string, logFile: string) => (err: Error) => {
  throw err instanceof StackStartError
    ? err
    : new StackStartError(service, logFile, `did not start: ${err.message}`)
}

/** The reused Redis (REDIS_URL), checked; else a throwaway one of this stack. */
async function redisFor(opts: StackOptions, logDir: string, started: Started): Promise<string> {
  if (opts.redisUrl) {
    const pong = await redisCheck(opts.redisUrl)()
    if (!pong.done)
      throw new StackStartError('redis', undefined, `at ${opts.redisUrl} (reused) answers: ${pong.seen}`)
    return opts.redisUrl
  }
  const logFile = logFileFor(logDir, 'redis')
  const redis = await startRedis({ logFile, persistence: opts.redisPersistence }).catch(
    startFailure('redis', logFile),
  )
  started.tempDirs.push(redis.dir)
  started.register(infraHandle('redis', redis, 'SIGTERM'), () => redis.stop())
  return redis.url
}

/**
 * The reused PostgreSQL (DATABASE_URL), checked, or a fresh database on it; else a throwaway cluster of
 * this stack. With a pool on it for the stack's users (closed at stop).
 */
async function databaseFor(
  opts: StackOptions,
  logDir: string,
  started: Started,
  /** Registered after Redis's start has ended, so a stack's services are listed in one order. */
  redis: Promise<unknown>,
): Promise<{ databaseUrl: string; db: Pool }> {
  let databaseUrl = opts.databaseUrl
  let db: Pool
  if (databaseUrl) {
    const answer = await postgresCheck(databaseUrl)()
    if (!answer.done)
      throw new StackStartError(
        'postgres',
        undefined,
        `at ${databaseUrl} (reused) is not reachable: ${answer.seen}`,
      )
    if (opts.freshDatabase) {
      const fresh = await freshDatabase(databaseUrl)
      started.teardown.push('fresh database', () => fresh.drop())
      databaseUrl = fresh.url
      db = fresh.pool
    } else {
      db = createPool(databaseUrl)
      started.teardown.push('db pool', () => db.end())
    }
  } else {
    const logFile = logFileFor(logDir, 'postgres')
    const postgres = await startPostgres({ logFile }).catch(startFailure('postgres', logFile))
    await redis.catch(() => {})
    started.tempDirs.push(postgres.dir)
    started.register(infraHandle('postgres', postgres, 'SIGINT'), () => postgres.stop())
    databaseUrl = postgres.url
    db = createPool(databaseUrl)
    started.teardown.push('db pool', () => db.end())
  }
  db.on('error', () => {}) // an idle client cut by a server shutdown is not a test failure
  return { databaseUrl, db }
}
