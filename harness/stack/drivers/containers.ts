import { randomUUID } from 'node:crypto'
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type Dockerode from 'dockerode'
import pg from 'pg'
import {
  type ContainerRuntimeClient,
  DockerComposeEnvironment,
  getContainerRuntimeClient,
  type StartedDockerComposeEnvironment,
  Wait,
} from 'testcontainers'
import { createPool } from '../../../system/db/pool.ts'
import { type ComposeCommand, composeCommand, runCompose } from '../containers/compose-command.ts'
import { serviceNameOf } from '../containers/compose-names.ts'
import { composeOverride } from '../containers/compose-override.ts'
import { ContainerLog } from '../containers/container-log.ts'
import { ContainerService } from '../containers/container-service.ts'
import { ensureImages } from '../containers/images.ts'
import { ping } from '../infra/redis.ts'
import { lineSplitter } from '../line-splitter.ts'
import { readLogEvents } from '../log-events.ts'
import { MockSoraControl } from '../mock-sora-control.ts'
import { freePort, isPortFree } from '../ports.ts'
import { type Readiness, StackStartError } from '../readiness.ts'
import { logFileFor, runLogDir, runStamp } from '../run-dir.ts'
import {
  apiHealthCheck,
  healthCheck,
  loopbackWiring,
  pageCheck,
  REPO_ROOT,
  type StackWiring,
  stackConfig,
  stackUrls,
  urlOf,
  workerReadyCheck,
} from '../services.ts'
import { DEFAULT_ENTRIES, guidePorts, type StackOptions, type SystemRole } from '../stack-options.ts'
import { asyncDispose, type ServiceName, type StartedStack } from '../started-stack.ts'
import { Teardown } from '../teardown.ts'

export const COMPOSE_FILE = 'docker-compose.test.yml'
/** Every project this driver starts is named so (the leftovers check of test:containers looks for it). */
export const PROJECT_PREFIX = 'aivideo-stack-'
const POSTGRES_PASSWORD = 'aivideo'
/** All services start together on two shared cores, each compiling its TypeScript: a wider budget. */
const MIN_CONTAINER_READY_MS = 180_000

/**
 * The `containers` driver: docker-compose.test.yml through testcontainers' DockerComposeEnvironment.
 * Images are built first (docker/build-images.sh; layer-cached), every host port is chosen before `up`
 * (the page and CORS must know the browser's URLs) and bound to 127.0.0.1, uploads are a temp dir of
 * this machine mounted into the API and workers, each container's output is streamed to
 * reports/logs/<run>/<service>.log, and stack control goes through the engine (docker stop/kill/start).
 * Ryuk (testcontainers' reaper) is off unless TESTCONTAINERS_RYUK_DISABLED=false: its image cannot be
 * pulled without a registry, so teardown is ours and always runs `down -v`, after a failed start too.
 */
export async function startContainers(opts: StackOptions): Promise<StartedStack> {
  const teardown = new Teardown()
  try {
    return await bringUp(opts, teardown)
  } catch (err) {
    const errors = await teardown.run()
    if (errors.length > 0 && err instanceof Error)
      err.message += `\n  teardown after the failed start: ${errors.map((e) => e.message).join('; ')}`
    throw err
  }
}

async function bringUp(opts: StackOptions, teardown: Teardown): Promise<StartedStack> {
  refuseUnsupported(opts)
  process.env.TESTCONTAINERS_RYUK_DISABLED ??= 'true'
  const runId = `${runStamp()}-${randomUUID().slice(0, 6)}`
  const logDir = opts.logDir ?? runLogDir(runId)
  mkdirSync(logDir, { recursive: true })
  const project = `${PROJECT_PREFIX}${randomUUID().slice(0, 8)}`

  const client = await engine()
  const compose = await composeCommand().catch((err: Error) => {
    throw new StackStartError('compose', undefined, err.message)
  })
  await ensureImages(logFileFor(logDir, 'images-build'))

  const tempDirs: string[] = []
  const uploadsDir = await uploadsDirFor(opts, teardown, tempDirs)
  const withWeb = opts.web === 'auto'
  const ports = await portsFor(opts)
  const wiring = loopbackWiring(opts, {
    ports,
    redisUrl: `redis://127.0.0.1:${ports.redis}/0`,
    databaseUrl: `postgres://aivideo:${POSTGRES_PASSWORD}@127.0.0.1:${ports.postgres}/aivideo`,
    uploadsDir,
  })
  const urls = stackUrls(wiring, withWeb)

  // What compose interpolates into docker-compose.test.yml, and this stack's own override file.
  const composeEnv: Record<string, string> = {
    API_PORT: String(ports.api),
    WEB_PORT: String(ports.web),
    MOCK_SORA_PORT: String(ports.mockSora),
    MOCK_GOOGLE_PORT: String(ports.mockGoogle),
    REDIS_PORT: String(ports.redis),
    POSTGRES_PORT: String(ports.postgres),
    POSTGRES_PASSWORD,
    QUEUE_PREFIX: wiring.queuePrefix,
    JWT_SECRET: wiring.jwtSecret,
    MOCK_SORA_DURATION_S: String(wiring.soraDurationS),
    MOCK_SORA_API_KEY: wiring.mockSoraApiKey,
    GOOGLE_CLIENT_ID: wiring.googleClientId,
    GOOGLE_CLIENT_SECRET: wiring.googleClientSecret,
    LOG_LEVEL: wiring.logLevel,
  }
  const roles: SystemRole[] = ['mock-sora', 'mock-google', 'worker', 'api', 'web']
  const overrideFile = join(logDir, 'docker-compose.override.yml')
  writeFileSync(
    overrideFile,
    composeOverride({
      roleEnv: Object.fromEntries(roles.map((r) => [r, { ...opts.env, ...opts.roleEnv[r] }])) as Record<
        SystemRole,
        Record<string, string>
      >,
      uploadsDir,
      user: process.getuid?.() === 0 ? undefined : `${process.getuid?.()}:${process.getgid?.()}`,
      redisPersistence: opts.redisPersistence,
    }),
  )
  const files = [COMPOSE_FILE, overrideFile]
  const composeCtx = { cwd: REPO_ROOT, project, files, env: composeEnv }
  const services = [
    'redis',
    'postgres',
    'mock-sora',
    'mock-google',
    ...(opts.workers > 0 ? ['worker'] : []),
    'api',
    ...(withWeb ? ['web'] : []),
  ]
  const environment = (scale: number) =>
    new DockerComposeEnvironment(REPO_ROOT, files)
      .withProjectName(project)
      .withEnvironment(composeEnv)
      .withAutoCleanup(process.env.TESTCONTAINERS_RYUK_DISABLED === 'false')
      .withDefaultWaitStrategy(Wait.forHealthCheck())
      .withStartupTimeout(Math.max(opts.readyDeadlineMs, MIN_CONTAINER_READY_MS))
      .withClientOptions({
        executable: compose.executable,
        commandOptions: scale > 0 ? ['--scale', `worker=${scale}`] : [],
      })

  // Teardown, last-in first-out: down (even if `up` failed half-way), then the uploads dir.
  let started: StartedDockerComposeEnvironment | undefined
  teardown.push('compose down', () => composeDown(client, compose, composeCtx, started))

  const docker = client.container.dockerode
  const handles = new Map<ServiceName, ContainerService>()
  const logs: ContainerLog[] = []
  teardown.push('container logs', async () => {
    for (const log of logs) log.close()
  })
  const events = await watchEvents(docker, project, (id, event) => {
    for (const h of handles.values()) if (h.containerId === id) h.observe(event)
  })
  teardown.push('engine events', async () => events.stop())

  const runningWorkers = () => [...handles.values()].filter((h) => h.name.startsWith('worker-') && h.running)
  const readinessOf = (name: ServiceName, logFile: string, from: number): Readiness => {
    const role = roleOf(name)
    const deadlineMs = Math.max(
      (role && opts.roleReadyDeadlineMs[role]) ?? opts.readyDeadlineMs,
      MIN_CONTAINER_READY_MS / 2,
    )
    switch (role) {
      case 'mock-sora':
        return { what: 'mock-sora GET /health', deadlineMs, check: healthCheck(urls.mockSora) }
      case 'mock-google':
        return { what: 'mock-google GET /health', deadlineMs, check: healthCheck(urls.mockGoogle) }
      case 'worker':
        return { what: 'worker.ready in the worker log', deadlineMs, check: workerReadyCheck(logFile, from) }
      case 'api':
        return {
          what: 'API /health all ok with every running worker',
          deadlineMs,
          check: apiHealthCheck(urls.api, () => runningWorkers().length),
        }
      case 'web':
        return { what: 'web GET /', deadlineMs, check: pageCheck(urls.web ?? urlOf(wiring, ports.web)) }
      default:
        return name === 'redis'
          ? { what: 'Redis PING', deadlineMs, check: redisCheck(wiring.redisUrl) }
          : { what: 'PostgreSQL SELECT 1', deadlineMs, check: postgresCheck(wiring.databaseUrl) }
    }
  }
  /** Handles (and log followers) for the project's containers that have none yet. */
  const adopt = async (): Promise<ContainerService[]> => {
    const adopted: ContainerService[] = []
    for (const c of await projectContainers(client, project)) {
      const name = serviceNameOf(c.Labels)
      if (!name || handles.has(name)) continue
      const logFile = logFileFor(logDir, name)
      const output = opts.output
      const log = new ContainerLog(docker, c.Id, logFile, output && ((line) => output(name, line, 'process')))
      logs.push(log)
      void log.follow(0).catch(() => {})
      const info = await docker.getContainer(c.Id).inspect()
      const handle = new ContainerService(
        name,
        c.Id,
        docker,
        log,
        (from) => readinessOf(name, logFile, from),
        { running: info.State.Running, pid: info.State.Pid || undefined },
      )
      handles.set(name, handle)
      adopted.push(handle)
    }
    return adopted
  }

  try {
    // The guide's order: the API starts once the worker(s) are healthy (compose has no dependency of the
    // API on workers, so that a stack without workers can exist), then web.
    const last = ['api', 'web']
    await environment(opts.workers).up(services.filter((s) => !last.includes(s)))
    started = await environment(opts.workers).up(services.filter((s) => last.includes(s)))
  } catch (err) {
    await adopt().catch(() => {}) // their logs, for the error
    throw new StackStartError(
      'containers',
      undefined,
      `did not come up (project ${project}, logs in ${logDir}): ${(err as Error).message}`,
    )
  }
  const order = orderOf(await adopt())
  // The compose health checks passed inside the network; now the same through the mapped ports.
  for (const h of order) await h.awaitReady(0)

  const db = createPool(wiring.databaseUrl)
  db.on('error', () => {}) // an idle client cut by a server shutdown is not a test failure
  teardown.push('db pool', () => db.end())

  let stopping: Promise<void> | undefined
  const stop = () => {
    stopping ??= teardown.run().then((errors) => {
      if (errors.length > 0)
        throw new AggregateError(errors, `stack teardown: ${errors.length} step(s) failed`)
    })
    return stopping
  }
  let workerCount = opts.workers
  return {
    driver: 'containers',
    urls,
    redisUrl: wiring.redisUrl,
    databaseUrl: wiring.databaseUrl,
    logDir,
    jwtSecret: wiring.jwtSecret,
    config: stackConfig(wiring),
    mockSora: new MockSoraControl(urls.mockSora),
    db,
    get services() {
      return orderOf([...handles.values()]).map((h) => h.name)
    },
    tempDirs,
    service(name) {
      const h = handles.get(name)
      if (!h)
        throw new Error(`${name} was not started by this stack (started: ${[...handles.keys()].join(', ')})`)
      return h
    },
    logs: (name) => readLogEvents(logFileFor(logDir, name)),
    async addWorker() {
      if (stopping) throw new Error('stack is stopped')
      workerCount += 1
      const env = environment(workerCount).withClientOptions({
        executable: compose.executable,
        commandOptions: ['--scale', `worker=${workerCount}`, '--no-recreate', '--no-deps'],
      })
      await env.up(['worker'])
      const [added] = (await adopt()).filter((h) => h.name.startsWith('worker-'))
      if (!added) throw new Error(`compose started no new worker (asked for ${workerCount})`)
      await added.awaitReady(0)
      return added
    },
    stop,
    [asyncDispose]: stop,
  }
}

/** What only the local driver can do, refused with what to change. */
function refuseUnsupported(opts: StackOptions): void {
  const why = (reason: string) => new StackStartError('containers', undefined, reason)
  if (opts.redisUrl || opts.databaseUrl)
    throw why(
      'start their own Redis and PostgreSQL: unset REDIS_URL / DATABASE_URL (withRedisUrl/withDatabaseUrl)',
    )
  for (const role of Object.keys(DEFAULT_ENTRIES) as SystemRole[])
    if (opts.entries[role] !== DEFAULT_ENTRIES[role])
      throw why(`run the image's own servers: withEntry('${role}', …) is for the local driver`)
}

async function engine(): Promise<ContainerRuntimeClient> {
  try {
    return await getContainerRuntimeClient()
  } catch (err) {
    throw new StackStartError(
      'docker',
      undefined,
      `engine not reachable: ${(err as Error).message} (start dockerd; npm run test:containers starts one)`,
    )
  }
}

/** `down -v` through testcontainers when `up` returned, else through the CLI; then nothing may be left. */
async function composeDown(
  client: ContainerRuntimeClient,
  compose: ComposeCommand,
  ctx: Parameters<typeof runCompose>[1],
  started: StartedDockerComposeEnvironment | undefined,
): Promise<void> {
  if (started) await started.down({ timeout: 5000, removeVolumes: true })
  else await runCompose(compose, ctx, ['down', '-v', '-t', '5', '--remove-orphans'])
  const left = await projectContainers(client, ctx.project, { all: true })
  if (left.length > 0) {
    for (const c of left) await client.container.dockerode.getContainer(c.Id).remove({ force: true, v: true })
    throw new Error(`compose down left ${left.map((c) => c.Names[0]).join(', ')} (removed by force)`)
  }
}

async function projectContainers(
  client: ContainerRuntimeClient,
  project: string,
  opts: { all?: boolean } = {},
): Promise<Dockerode.ContainerInfo[]> {
  return client.container.dockerode.listContainers({
    all: opts.all ?? false,
    filters: { label: [`com.docker.compose.project=${project}`] },
  })
}

function roleOf(name: ServiceName): SystemRole | undefined {
  if (name.startsWith('worker-')) return 'worker'
  return name === 'redis' || name === 'postgres' ? undefined : (name as SystemRole)
}

/** The local driver's start order: Redis, PostgreSQL, mocks, workers, API, web. */
function orderOf(handles: ContainerService[]): ContainerService[] {
  const rank = (n: ServiceName) =>
    ['redis', 'postgres', 'mock-sora', 'mock-google'].indexOf(n) + 1 ||
    (n.startsWith('worker-') ? 5 + Number(n.slice(7)) / 1000 : n === 'api' ? 6 : 7)
  return [...handles].sort((a, b) => rank(a.name) - rank(b.name))
}

/** The engine's start/die events of the project's containers, as they come. */
async function watchEvents(
  docker: Dockerode,
  project: string,
  onEvent: (containerId: string, event: 'start' | 'die') => void,
): Promise<{ stop(): void }> {
  const stream = (await docker.getEvents({
    filters: {
      type: ['container'],
      event: ['start', 'die'],
      label: [`com.docker.compose.project=${project}`],
    },
  })) as NodeJS.ReadableStream & { destroy?(): void }
  const lines = lineSplitter((line) => {
    try {
      const e = JSON.parse(line) as { id?: string; status?: string; Action?: string }
      const action = e.Action ?? e.status
      if (e.id && (action === 'start' || action === 'die')) onEvent(e.id, action)
    } catch {
      // not an event line
    }
  })
  stream.on('data', (chunk: Buffer) => lines.push(chunk))
  stream.on('error', () => {})
  return { stop: () => stream.destroy?.() }
}

async function uploadsDirFor(opts: StackOptions, teardown: Teardown, tempDirs: string[]): Promise<string> {
  let dir: string
  if (opts.uploadsDir) {
    dir = resolve(REPO_ROOT, opts.uploadsDir.path)
    mkdirSync(dir, { recursive: true })
    if (!opts.uploadsDir.keep) {
      tempDirs.push(dir)
      teardown.push('uploads dir', () => rm(dir, { recursive: true, force: true }))
    }
  } else {
    dir = await mkdtemp(join(tmpdir(), 'aivideo-uploads-'))
    tempDirs.push(dir)
    teardown.push('uploads dir', () => rm(dir, { recursive: true, force: true }))
  }
  chmodSync(dir, 0o777) // the containers' user writes into it
  return dir
}

type HostPorts = StackWiring['ports'] & { redis: number; postgres: number }

/** Every host port chosen before `up`: free ones (distinct), or the guide's, checked free first. */
async function portsFor(opts: StackOptions): Promise<HostPorts> {
  if (opts.ports === 'fixed') {
    const env = { ...guidePorts(), ...opts.fixedPorts }
    const fixed: HostPorts = {
      ...env,
      redis: Number(process.env.REDIS_PORT || 6379),
      postgres: Number(process.env.POSTGRES_PORT || 5432),
    }
    for (const [key, port] of Object.entries(fixed))
      if (!(await isPortFree(port)))
        throw new StackStartError('containers', undefined, `cannot publish ${key} on port ${port}: in use`)
    return fixed
  }
  return {
    api: await freePort(),
    mockSora: await freePort(),
    mockGoogle: await freePort(),
    web: await freePort(),
    redis: await freePort(),
    postgres: await freePort(),
  }
}

function redisCheck(url: string) {
  return async () => {
    const pong = await ping(url).catch((err: Error) => err.message)
    return pong === 'PONG' ? { done: true as const, value: true } : { done: false as const, seen: pong }
  }
}

function postgresCheck(url: string) {
  return async () => {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 })
    try {
      await client.connect()
      await client.query('SELECT 1')
      return { done: true as const, value: true }
    } catch (err) {
      return { done: false as const, seen: (err as Error).message }
    } finally {
      await client.end().catch(() => {})
    }
  }
}
