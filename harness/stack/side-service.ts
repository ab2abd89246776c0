import { http } from '../http.ts'
import type { Probe } from '../wait.ts'
import { type LogEntry, readLogEvents } from './log-events.ts'
import { freePort } from './ports.ts'
import { workerReadyCheck } from './probes.ts'
import { logFileFor } from './run-dir.ts'
import { SystemService } from './service-handles.ts'
import { commandFor, envFor, REPO_ROOT, type StackWiring, urlOf } from './services.ts'
import { DEFAULT_ENTRIES } from './stack-options.ts'
import { asyncDispose, type ServiceName, type StartedStack } from './started-stack.ts'
import { systemBuild } from './system-build.ts'

/**
 * One more API, worker or mock-sora process beside a running stack, wired like the stack's own (same
 * Redis, PostgreSQL, uploads, JWT secret, mocks) except for `env`, e.g. another queue prefix, a dead
 * Redis or USE_MOCK_SORA=false. Tests use it where the stack's own processes must stay as they are for
 * others: a queue no worker serves, an API whose queue is down, real mode against mock-sora, a mock-sora
 * serving another sample (point a side worker's and API's wiring at its port).
 */
export interface SideService extends AsyncDisposable {
  readonly name: string
  /** The API's or mock-sora's base URL (not for role 'worker'). */
  readonly url: string | undefined
  /** Its port (not for role 'worker'). */
  readonly port: number | undefined
  /** The process id while it runs (e.g. to read its memory in /proc). */
  readonly pid: number | undefined
  readonly logFile: string
  logs(): LogEntry[]
  stop(): Promise<void>
}

export type SideReadiness =
  /** API: GET /health answers with any status (e.g. 503 when its Redis is down on purpose). */
  | 'answers'
  /** API or mock-sora: GET /health answers 200. */
  | 'healthy'
  /** Worker: `worker.ready` in its log. */
  | 'worker-ready'

export interface SideServiceOptions {
  role: 'api' | 'worker' | 'mock-sora'
  /** Unique within the stack's log dir: its log is `<logDir>/<name>.log`. */
  name: string
  wiring: StackWiring
  logDir: string
  /** Env on top of the stack's own for that role. */
  env?: Record<string, string>
  ready?: SideReadiness
  readyDeadlineMs?: number
}

/** The wiring a started stack gave its services, so that a side service can be given the same. */
export function wiringOf(stack: StartedStack, logLevel = process.env.LOG_LEVEL ?? 'info'): StackWiring {
  return {
    host: '127.0.0.1',
    ports: stack.config.ports,
    redisUrl: stack.redisUrl,
    databaseUrl: stack.databaseUrl,
    uploadsDir: stack.config.uploadsDir,
    jwtSecret: stack.jwtSecret,
    queuePrefix: stack.config.queuePrefix,
    soraDurationS: stack.config.soraDurationS,
    mockSoraApiKey: stack.config.mockSoraApiKey,
    googleClientId: stack.config.googleClientId,
    googleClientSecret: stack.config.googleClientSecret,
    logLevel,
  }
}

export async function startSideService(opts: SideServiceOptions): Promise<SideService> {
  const port = opts.role === 'worker' ? undefined : await freePort()
  const portKey = opts.role === 'mock-sora' ? 'mockSora' : 'api'
  const wiring: StackWiring =
    port === undefined ? opts.wiring : { ...opts.wiring, ports: { ...opts.wiring.ports, [portKey]: port } }
  const url = port === undefined ? undefined : urlOf(wiring, port)
  const logFile = logFileFor(opts.logDir, opts.name)
  const ready = opts.ready ?? (opts.role === 'worker' ? 'worker-ready' : 'healthy')
  const check = (from: number): Probe<unknown> =>
    ready === 'worker-ready' ? workerReadyCheck(logFile, from) : healthAnswers(url!, ready === 'healthy')
  const service = new SystemService(
    opts.name as ServiceName,
    {
      ...commandFor(DEFAULT_ENTRIES[opts.role], await systemBuild()),
      env: envFor(opts.role, wiring, opts.env ?? {}),
      cwd: REPO_ROOT,
      logFile,
    },
    (from) => ({
      what: `${opts.name}: ${ready}`,
      deadlineMs: opts.readyDeadlineMs ?? 60_000,
      check: check(from),
    }),
    undefined,
  )
  try {
    await service.start()
  } catch (err) {
    await service.stop()
    throw err
  }
  const stop = () => service.stop()
  return {
    name: opts.name,
    url,
    port,
    get pid() {
      return service.pid
    },
    logFile,
    logs: () => readLogEvents(logFile),
    stop,
    [asyncDispose]: stop,
  }
}

function healthAnswers(url: string, mustBeOk: boolean): Probe<unknown> {
  return async () => {
    // A dependency down on purpose makes /health wait for its own check timeouts (~2 s) before the 503.
    const r = await http(`${url}/health`, { timeoutMs: 5000 })
    if (!r.ok) return { done: false, seen: r.detail }
    if (!mustBeOk || r.value.status === 200) return { done: true, value: r.value.body }
    return { done: false, seen: `HTTP ${r.value.status} ${JSON.stringify(r.value.body)}` }
  }
}
