import { randomUUID } from 'node:crypto'
import { existsSync, mkdirSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import pg from 'pg'
import { createPool, type Pool } from '../../../system/db/pool.ts'
import { freshDatabase } from '../infra/fresh-database.ts'
import { startPostgres } from '../infra/postgres.ts'
import { ping, startRedis } from '../infra/redis.ts'
import { readLogEvents } from '../log-events.ts'
import { MockSoraControl } from '../mock-sora-control.ts'
import { freePort, isPortFree } from '../ports.ts'
import { type Readiness, StackStartError } from '../readiness.ts'
import { logFileFor, runLogDir, runStamp } from '../run-dir.ts'
import { infraHandle, SystemService } from '../service-handles.ts'
import {
  apiHealthCheck,
  commandFor,
  envFor,
  healthCheck,
  loopbackWiring,
  pageCheck,
  REPO_ROOT,
  stackConfig,
  stackUrls,
  urlOf,
  workerReadyCheck,
} from '../services.ts'
import type { StackOptions, StackPorts, SystemRole } from '../stack-options.ts'
import {
  asyncDispose,
  type ServiceHandle,
  type ServiceName,
  type StartedStack,
  type WorkerName,
} from '../started-stack.ts'
import { Teardown } from '../teardown.ts'

/**
 * The `local` driver: Redis and PostgreSQL from the machine's binaries (or reused), then the system's
 * processes with `node --import tsx`, each ready by its named probe before the next phase starts:
 * Redis → PostgreSQL → mock-sora + mock-google (+ web, when it exists) → worker(s) → API.
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

async function bringUp(opts: StackOptions, teardown: Teardown): Promise<StartedStack> {
  const logDir = opts.logDir ?? runLogDir(`${runStamp()}-${randomUUID().slice(0, 6)}`)
  mkdirSync(logDir, { recursive: true })
  const tempDirs: string[] = []
  const handles = new Map<ServiceName, ServiceHandle>()
  const order: ServiceName[] = []
  const register = (h: ServiceHandle, undo: () => Promise<void>) => {
    handles.set(h.name, h)
    order.push(h.name)
    teardown.push(h.name, undo)
  }

  const uploadsDir = await uploadsDirFor(opts, teardown, tempDirs)
  const webEntry = resolve(REPO_ROOT, opts.entries.web)
  const withWeb = opts.web === 'auto' && existsSync(webEntry)
  const ports = await portsFor(opts, withWeb)

  // 1. Redis (PING → PONG)
  let redisUrl = opts.redisUrl
  if (redisUrl) {
    const pong = await ping(redisUrl).catch((err: Error) => err.message)
    if (pong !== 'PONG')
      throw new StackStartError('redis', undefined, `at ${redisUrl} (reused) answers: ${pong}`)
  } else {
    const logFile = logFileFor(logDir, 'redis')
    const redis = await startRedis({ logFile, persistence: opts.redisPersistence }).catch((err: Error) => {
      throw new StackStartError('redis', logFile, `did not start: ${err.message}`)
    })
    tempDirs.push(redis.dir)
    register(infraHandle('redis', redis, 'SIGTERM'), () => redis.stop())
    redisUrl = redis.url
  }

  // 2. PostgreSQL, and the pool tests read the database with
  let databaseUrl = opts.databaseUrl
  let db: Pool
  if (databaseUrl) {
    await checkDatabase(databaseUrl)
    if (opts.freshDatabase) {
      const fresh = await freshDatabase(databaseUrl)
      teardown.push('fresh database', () => fresh.drop())
      databaseUrl = fresh.url
      db = fresh.pool
    } else {
      db = createPool(databaseUrl)
      teardown.push('db pool', () => db.end())
    }
  } else {
    const logFile = logFileFor(logDir, 'postgres')
    const postgres = await startPostgres({ logFile }).catch((err: Error) => {
      throw new StackStartError('postgres', logFile, `did not start: ${err.message}`)
    })
    tempDirs.push(postgres.dir)
    register(infraHandle('postgres', postgres, 'SIGINT'), () => postgres.stop())
    databaseUrl = postgres.url
    db = createPool(databaseUrl)
    teardown.push('db pool', () => db.end())
  }
  db.on('error', () => {}) // an idle client cut by a server shutdown is not a test failure

  const wiring = loopbackWiring(opts, { ports, redisUrl, databaseUrl, uploadsDir })
  const urls = stackUrls(wiring, withWeb)

  const workers: SystemService[] = []
  const liveWorkers = () => (workers.some((w) => w.running) ? 1 : 0)
  const readinessOf = (role: SystemRole, logFile: string, from: number): Readiness => {
    const deadlineMs = opts.roleReadyDeadlineMs[role] ?? opts.readyDeadlineMs
    switch (role) {
      case 'mock-sora':
        return { what: 'mock-sora GET /health', deadlineMs, check: healthCheck(urls.mockSora) }
      case 'mock-google':
        return { what: 'mock-google GET /health', deadlineMs, check: healthCheck(urls.mockGoogle) }
      case 'worker':
        return { what: 'worker.ready in the worker log', deadlineMs, check: workerReadyCheck(logFile, from) }
      case 'api':
        return {
          what: 'API /health all ok with a live worker',
          deadlineMs,
          check: apiHealthCheck(urls.api, liveWorkers),
        }
      case 'web':
        return { what: 'web GET /', deadlineMs, check: pageCheck(urlOf(wiring, ports.web)) }
    }
  }
  const serviceFor = (role: SystemRole, name: ServiceName) => {
    const logFile = logFileFor(logDir, name)
    const svc = new SystemService(
      name,
      {
        ...commandFor(opts.entries[role]),
        env: envFor(role, wiring, { ...opts.env, ...opts.roleEnv[role] }),
        cwd: REPO_ROOT,
        logFile,
      },
      (from) => readinessOf(role, logFile, from),
      opts.output,
    )
    register(svc, () => svc.stop())
    return svc
  }
  /** Starts a phase's services together; the first failure fails the phase (teardown stops the rest). */
  const phase = async (services: SystemService[]) => {
    const ready = services.map((s) => s.start())
    for (const p of ready) p.catch(() => {})
    await Promise.all(ready)
  }
  const newWorker = () => {
    const w = serviceFor('worker', `worker-${workers.length + 1}` as WorkerName)
    workers.push(w)
    return w
  }

  // 3. the mocks and web (it serves pages and calls nothing at start), 4. the worker(s), 5. the API
  const mocks = [serviceFor('mock-sora', 'mock-sora'), serviceFor('mock-google', 'mock-google')]
  await phase(withWeb ? [...mocks, serviceFor('web', 'web')] : mocks)
  await phase(Array.from({ length: opts.workers }, newWorker))
  await phase([serviceFor('api', 'api')])

  let stopping: Promise<void> | undefined
  const stop = () => {
    stopping ??= teardown.run().then((errors) => {
      if (errors.length > 0)
        throw new AggregateError(errors, `stack teardown: ${errors.length} step(s) failed`)
    })
    return stopping
  }
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
    services: order,
    tempDirs,
    service(name) {
      const h = handles.get(name)
      if (!h) throw new Error(`${name} was not started by this stack (started: ${order.join(', ')})`)
      return h
    },
    logs: (name) => readLogEvents(logFileFor(logDir, name)),
    async addWorker() {
      if (stopping) throw new Error('stack is stopped')
      const w = newWorker()
      await w.start()
      return w
    },
    stop,
    [asyncDispose]: stop,
  }
}

async function uploadsDirFor(opts: StackOptions, teardown: Teardown, tempDirs: string[]): Promise<string> {
  if (opts.uploadsDir) {
    const dir = resolve(REPO_ROOT, opts.uploadsDir.path)
    mkdirSync(dir, { recursive: true })
    if (!opts.uploadsDir.keep) {
      tempDirs.push(dir)
      teardown.push('uploads dir', () => rm(dir, { recursive: true, force: true }))
    }
    return dir
  }
  const dir = await mkdtemp(join(tmpdir(), 'aivideo-uploads-'))
  tempDirs.push(dir)
  teardown.push('uploads dir', () => rm(dir, { recursive: true, force: true }))
  return dir
}

/** Free ports (distinct), or the fixed ones, checked free first so a clash names the port to change. */
async function portsFor(opts: StackOptions, withWeb: boolean): Promise<StackPorts> {
  if (opts.ports === 'fixed') {
    const fixed = opts.fixedPorts
    const env: Record<keyof StackPorts, [string, ServiceName]> = {
      api: ['API_PORT', 'api'],
      mockSora: ['MOCK_SORA_PORT', 'mock-sora'],
      mockGoogle: ['MOCK_GOOGLE_PORT', 'mock-google'],
      web: ['WEB_PORT', 'web'],
    }
    for (const key of Object.keys(env) as (keyof StackPorts)[]) {
      if (key === 'web' && !withWeb) continue
      const [variable, service] = env[key]
      if (!(await isPortFree(fixed[key])))
        throw new StackStartError(
          service,
          undefined,
          `cannot listen: port ${fixed[key]} is in use (set ${variable})`,
        )
    }
    return fixed
  }
  return {
    api: await freePort(),
    mockSora: await freePort(),
    mockGoogle: await freePort(),
    web: await freePort(),
  }
}

async function checkDatabase(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 })
  try {
    await client.connect()
    await client.query('SELECT 1')
  } catch (err) {
    throw new StackStartError(
      'postgres',
      undefined,
      `at ${url} (reused) is not reachable: ${(err as Error).message}`,
    )
  } finally {
    await client.end().catch(() => {})
  }
}
