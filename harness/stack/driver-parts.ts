import { randomUUID } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { postgresCheck } from './infra/postgres.ts'
import { redisCheck } from './infra/redis.ts'
import { freePort, isPortFree } from './ports.ts'
import { apiHealthCheck, healthCheck, pageCheck, workerReadyCheck } from './probes.ts'
import { type Readiness, StackStartError } from './readiness.ts'
import { runStamp } from './run-dir.ts'
import { REPO_ROOT, type StackWiring, urlOf } from './services.ts'
import type { StackOptions, StackPorts, SystemRole } from './stack-options.ts'
import type { ServiceName } from './started-stack.ts'
import type { Teardown } from './teardown.ts'

/*
 * The parts both drivers (drivers/local.ts, drivers/containers.ts) build a stack from, so that a stack
 * is ready, wired and cleaned up the same way whichever runs it.
 */

/** A stack's run id (its log dir's name): when it started, and enough randomness that two never clash. */
export const stackRunId = (): string => `${runStamp()}-${randomUUID().slice(0, 6)}`

/** The role a service plays; Redis and PostgreSQL have none. */
export function roleOf(name: ServiceName): SystemRole | undefined {
  if (name.startsWith('worker-')) return 'worker'
  return name === 'redis' || name === 'postgres' ? undefined : (name as SystemRole)
}

export interface ReadinessContext {
  opts: Pick<StackOptions, 'readyDeadlineMs' | 'roleReadyDeadlineMs'>
  wiring: StackWiring
  /** Whether any worker runs now: then the API is ready only once its /health counts a live one. */
  workerRunning: () => boolean
  /** No probe gets less time than this (e.g. containers, which all start at once on shared cores). */
  minDeadlineMs?: number
}

/**
 * How a service shows that it is ready, under its deadline: HTTP /health for the mocks, the API's
 * /health with every dependency ok and a live worker's heartbeat, the web's page, `worker.ready`
 * in a worker's log after byte `from` (so a restart needs a new one), PING and SELECT 1 for the stores.
 */
export function readinessOf(
  name: ServiceName,
  logFile: string,
  from: number,
  ctx: ReadinessContext,
): Readiness {
  const role = roleOf(name)
  const deadlineMs = Math.max(
    (role && ctx.opts.roleReadyDeadlineMs[role]) ?? ctx.opts.readyDeadlineMs,
    ctx.minDeadlineMs ?? 0,
  )
  const { ports } = ctx.wiring
  const url = (port: number) => urlOf(ctx.wiring, port)
  switch (role) {
    case 'mock-sora':
      return { what: 'mock-sora GET /health', deadlineMs, check: healthCheck(url(ports.mockSora)) }
    case 'mock-google':
      return { what: 'mock-google GET /health', deadlineMs, check: healthCheck(url(ports.mockGoogle)) }
    case 'worker':
      return { what: 'worker.ready in the worker log', deadlineMs, check: workerReadyCheck(logFile, from) }
    case 'api':
      return {
        what: 'API /health all ok with a live worker',
        deadlineMs,
        check: apiHealthCheck(url(ports.api), () => (ctx.workerRunning() ? 1 : 0)),
      }
    case 'web':
      return { what: 'web GET /', deadlineMs, check: pageCheck(url(ports.web)) }
    default:
      return name === 'redis'
        ? { what: 'Redis PING', deadlineMs, check: redisCheck(ctx.wiring.redisUrl) }
        : { what: 'PostgreSQL SELECT 1', deadlineMs, check: postgresCheck(ctx.wiring.databaseUrl) }
  }
}

/** The uploads dir: the builder's (removed at stop unless kept), else a temp dir removed at stop. */
export async function uploadsDirFor(
  opts: StackOptions,
  teardown: Teardown,
  tempDirs: string[],
): Promise<string> {
  const given = opts.uploadsDir
  const dir = given ? resolve(REPO_ROOT, given.path) : await mkdtemp(join(tmpdir(), 'aivideo-uploads-'))
  if (given) mkdirSync(dir, { recursive: true })
  if (!given?.keep) {
    tempDirs.push(dir)
    teardown.push('uploads dir', () => rm(dir, { recursive: true, force: true }))
  }
  return dir
}

const PORT_VARIABLES: Record<keyof StackPorts, [string, ServiceName]> = {
  api: ['API_PORT', 'api'],
  mockSora: ['MOCK_SORA_PORT', 'mock-sora'],
  mockGoogle: ['MOCK_GOOGLE_PORT', 'mock-google'],
  web: ['WEB_PORT', 'web'],
}

/** Free ports (distinct), or the fixed ones, checked free first so that a clash names the port to change. */
export async function portsFor(opts: StackOptions, withWeb: boolean): Promise<StackPorts> {
  if (opts.ports === 'free')
    return {
      api: await freePort(),
      mockSora: await freePort(),
      mockGoogle: await freePort(),
      web: await freePort(),
    }
  const fixed = opts.fixedPorts
  for (const key of Object.keys(PORT_VARIABLES) as (keyof StackPorts)[]) {
    if (key === 'web' && !withWeb) continue
    const [variable, service] = PORT_VARIABLES[key]
    await checkPortFree(fixed[key], service, variable)
  }
  return fixed
}

/** A fixed port must be free: if not, start fails naming the service and the variable that moves it. */
export async function checkPortFree(port: number, service: string, variable: string): Promise<void> {
  if (!(await isPortFree(port)))
    throw new StackStartError(service, undefined, `cannot listen: port ${port} is in use (set ${variable})`)
}
