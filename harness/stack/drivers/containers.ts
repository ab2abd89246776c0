import { randomUUID } from 'node:crypto'
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type Dockerode from 'dockerode'
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
import { checkPortFree, portsFor, readinessOf, stackRunId, uploadsDirFor } from '../driver-parts.ts'
import { lineSplitter } from '../line-splitter.ts'
import { readLogEvents } from '../log-events.ts'
import { MockSoraControl } from '../mock-sora-control.ts'
import { freePort } from '../ports.ts'
import { type Readiness, StackStartError } from '../readiness.ts'
import { logFileFor, runLogDir } from '../run-dir.ts'
import { loopbackWiring, REPO_ROOT, type StackWiring, stackConfig, stackUrls } from '../services.ts'
import { DEFAULT_ENTRIES, type StackOptions, type SystemRole } from '../stack-options.ts'
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
  const logDir = opts.logDir ?? runLogDir(stackRunId())
  mkdirSync(logDir, { recursive: true })
  const project = `${PROJECT_PREFIX}${randomUUID().slice(0, 8)}`
  const client = await engine()
  const compose = await composeCommand().catch((err: Error) => {
    throw new StackStartError('compose', undefined, err.message)
  })
  await ensureImages(logFileFor(logDir, 'images-build'))

  const tempDirs: string[] = []
  const { wiring, ports } = await hostWiring(opts, teardown, tempDirs)
  const withWeb = opts.web === 'auto'
  const urls = stackUrls(wiring, withWeb)
  const composed = composeProject(opts, { wiring, ports, logDir, project, compose })

  // Teardown, last-in first-out: down (even if `up` failed half-way), then the uploads dir.
  let started: StartedDockerComposeEnvironment | undefined
  teardown.push('compose down', () => composeDown(client, compose, composed.ctx, started))
  const containers = await ContainerHandles.watch(client, project, teardown, (name, logFile, from) =>
    readinessOf(name, logFile, from, {
      opts,
      wiring,
      workerRunning: () => containers.workerRunning(),
      minDeadlineMs: MIN_CONTAINER_READY_MS / 2,
    }),
  )
  const adopt = () => containers.adopt(logDir, opts.output)

  started = await upInGuideOrder(composed, opts.workers, withWeb, async (err) => {
    await adopt().catch(() => {}) // their logs, for the error
    return new StackStartError(
      'containers',
      undefined,
      `did not come up (project ${project}, logs in ${logDir}): ${err.message}`,
    )
  })
  // The compose health checks passed inside the network; now the same through the mapped ports.
  for (const h of orderOf(await adopt())) await h.awaitReady(0)

  const db = createPool(wiring.databaseUrl)
  db.on('error', () => {}) // an idle client cut by a server shutdown is not a test failure
  teardown.push('db pool', () => db.end())

  const stop = () => teardown.finish()
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
      return orderOf(containers.all()).map((h) => h.name)
    },
    tempDirs,
    service: (name) => containers.get(name),
    logs: (name) => readLogEvents(logFileFor(logDir, name)),
    async addWorker() {
      if (teardown.started) throw new Error('stack is stopped')
      workerCount += 1
      await composed.environment(workerCount, ['--no-recreate', '--no-deps']).up(['worker'])
      const [added] = (await adopt()).filter((h) => h.name.startsWith('worker-'))
      if (!added) throw new Error(`compose started no new worker (asked for ${workerCount})`)
      await added.awaitReady(0)
      return added
    },
    stop,
    [asyncDispose]: stop,
  }
}

type HostPorts = StackWiring['ports'] & { redis: number; postgres: number }

/**
 * What the containers are wired to, as this machine sees them: the uploads dir (writable by the
 * containers' user), every host port chosen before `up` (the page and CORS must know the browser's
 * URLs), Redis and PostgreSQL at their mapped ports.
 */
async function hostWiring(
  opts: StackOptions,
  teardown: Teardown,
  tempDirs: string[],
): Promise<{ wiring: StackWiring; ports: HostPorts }> {
  const uploadsDir = await uploadsDirFor(opts, teardown, tempDirs)
  chmodSync(uploadsDir, 0o777) // the containers' user writes into it
  const ports: HostPorts = { ...(await portsFor(opts, true)), ...(await storePorts(opts)) }
  const wiring = loopbackWiring(opts, {
    ports,
    redisUrl: `redis://127.0.0.1:${ports.redis}/0`,
    databaseUrl: `postgres://aivideo:${POSTGRES_PASSWORD}@127.0.0.1:${ports.postgres}/aivideo`,
    uploadsDir,
  })
  return { wiring, ports }
}

/** Redis's and PostgreSQL's host ports: free ones, or REDIS_PORT / POSTGRES_PORT (the guide's), checked free. */
async function storePorts(opts: StackOptions): Promise<{ redis: number; postgres: number }> {
  if (opts.ports === 'free') return { redis: await freePort(), postgres: await freePort() }
  const redis = Number(process.env.REDIS_PORT || 6379)
  const postgres = Number(process.env.POSTGRES_PORT || 5432)
  await checkPortFree(redis, 'redis', 'REDIS_PORT')
  await checkPortFree(postgres, 'postgres', 'POSTGRES_PORT')
  return { redis, postgres }
}

interface ComposeProject {
  /** What the harness's own compose calls need (down). */
  ctx: Parameters<typeof runCompose>[1]
  /** testcontainers' environment of the project with `worker=scale`, plus any further `up` options. */
  environment(scale: number, upOptions?: string[]): DockerComposeEnvironment
}

/**
 * The compose project of this stack: what compose interpolates into docker-compose.test.yml (ports,
 * secrets, settings) and this stack's own override file (role env, uploads mount, user, persistence).
 */
function composeProject(
  opts: StackOptions,
  p: { wiring: StackWiring; ports: HostPorts; logDir: string; project: string; compose: ComposeCommand },
): ComposeProject {
  const { wiring, ports } = p
  const env: Record<string, string> = {
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
  const roles = Object.keys(DEFAULT_ENTRIES) as SystemRole[]
  const overrideFile = join(p.logDir, 'docker-compose.override.yml')
  writeFileSync(
    overrideFile,
    composeOverride({
      roleEnv: Object.fromEntries(roles.map((r) => [r, { ...opts.env, ...opts.roleEnv[r] }])) as Record<
        SystemRole,
        Record<string, string>
      >,
      uploadsDir: wiring.uploadsDir,
      user: process.getuid?.() === 0 ? undefined : `${process.getuid?.()}:${process.getgid?.()}`,
      redisPersistence: opts.redisPersistence,
    }),
  )
  const files = [COMPOSE_FILE, overrideFile]
  return {
    ctx: { cwd: REPO_ROOT, project: p.project, files, env },
    environment: (scale, upOptions = []) =>
      new DockerComposeEnvironment(REPO_ROOT, files)
        .withProjectName(p.project)
        .withEnvironment(env)
        .withAutoCleanup(process.env.TESTCONTAINERS_RYUK_DISABLED === 'false')
        .withDefaultWaitStrategy(Wait.forHealthCheck())
        .withStartupTimeout(Math.max(opts.readyDeadlineMs, MIN_CONTAINER_READY_MS))
        .withClientOptions({
          executable: p.compose.executable,
          commandOptions: [...(scale > 0 ? ['--scale', `worker=${scale}`] : []), ...upOptions],
        }),
  }
}

/**
 * `up` in the guide's order: the stores, mocks and worker(s) healthy first, then the API, then web
 * (compose has no dependency of the API on workers, so that a stack without workers can exist).
 */
async function upInGuideOrder(
  project: ComposeProject,
  workers: number,
  withWeb: boolean,
  failed: (err: Error) => Promise<Error>,
): Promise<StartedDockerComposeEnvironment> {
  const first = ['redis', 'postgres', 'mock-sora', 'mock-google', ...(workers > 0 ? ['worker'] : [])]
  try {
    await project.environment(workers).up(first)
    return await project.environment(workers).up(['api', ...(withWeb ? ['web'] : [])])
  } catch (err) {
    throw await failed(err as Error)
  }
}

/** The project's containers as ServiceHandles, each with its log followed and its state from engine events. */
class ContainerHandles {
  private readonly handles = new Map<ServiceName, ContainerService>()
  private readonly logs: ContainerLog[] = []

  private constructor(
    private readonly client: ContainerRuntimeClient,
    private readonly project: string,
    private readonly readiness: (name: ServiceName, logFile: string, from: number) => Readiness,
  ) {}

  /** Follows the engine's start/die events of the project; teardown stops them and the log followers. */
  static async watch(
    client: ContainerRuntimeClient,
    project: string,
    teardown: Teardown,
    readiness: (name: ServiceName, logFile: string, from: number) => Readiness,
  ): Promise<ContainerHandles> {
    const handles = new ContainerHandles(client, project, readiness)
    teardown.push('container logs', async () => {
      for (const log of handles.logs) log.close()
    })
    const events = await watchEvents(client.container.dockerode, project, (id, event) => {
      for (const h of handles.handles.values()) if (h.containerId === id) h.observe(event)
    })
    teardown.push('engine events', async () => events.stop())
    return handles
  }

  all(): ContainerService[] {
    return [...this.handles.values()]
  }

  get(name: ServiceName): ContainerService {
    const h = this.handles.get(name)
    if (!h)
      throw new Error(
        `${name} was not started by this stack (started: ${[...this.handles.keys()].join(', ')})`,
      )
    return h
  }

  workerRunning(): boolean {
    return this.all().some((h) => h.name.startsWith('worker-') && h.running)
  }

  /** Handles (and log followers) for the project's containers that have none yet. */
  async adopt(logDir: string, output: StackOptions['output']): Promise<ContainerService[]> {
    const docker = this.client.container.dockerode
    const adopted: ContainerService[] = []
    for (const c of await projectContainers(this.client, this.project)) {
      const name = serviceNameOf(c.Labels)
      if (!name || this.handles.has(name)) continue
      const logFile = logFileFor(logDir, name)
      const log = new ContainerLog(docker, c.Id, logFile, output && ((line) => output(name, line, 'process')))
      this.logs.push(log)
      void log.follow(0).catch(() => {})
      const info = await docker.getContainer(c.Id).inspect()
      const handle = new ContainerService(
        name,
        c.Id,
        docker,
        log,
        (from) => this.readiness(name, logFile, from),
        {
          running: info.State.Running,
          pid: info.State.Pid || undefined,
        },
      )
      this.handles.set(name, handle)
      adopted.push(handle)
    }
    return adopted
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
