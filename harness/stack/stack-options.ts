import type { ServiceName } from './started-stack.ts'

export type PortMode = 'free' | 'fixed'
/**
 * A line a system process printed (`origin: 'process'`), or the harness's own note about that
 * process, e.g. that it exited by itself (`origin: 'harness'`).
 */
export type StackOutput = (service: ServiceName, line: string, origin: 'process' | 'harness') => void
/** The system's own processes (as opposed to Redis/PostgreSQL); workers share one role. */
export type SystemRole = 'mock-sora' | 'mock-google' | 'worker' | 'api' | 'web'
export type StackPorts = { api: number; mockSora: number; mockGoogle: number; web: number }

/** What a StackBuilder collected; a driver turns it into a StartedStack. */
/** `local`: the machine's processes; `containers`: docker-compose.test.yml through testcontainers. */
export type DriverName = 'local' | 'containers'
export const DRIVERS: readonly DriverName[] = ['local', 'containers']

export interface StackOptions {
  driver: DriverName
  soraDurationS: number
  workers: number
  /** Extra env for every system process (after the stack's own, so it can override them). */
  env: Record<string, string>
  /** Extra env for one role, applied last. */
  roleEnv: Partial<Record<SystemRole, Record<string, string>>>
  redisPersistence: boolean
  ports: PortMode
  /** The ports of `withPorts('fixed')`: the guide's, each overridable by env. */
  fixedPorts: StackPorts
  /** Reuse this Redis / PostgreSQL instead of starting one. */
  redisUrl: string | undefined
  databaseUrl: string | undefined
  /** On a reused PostgreSQL, make a database of our own (dropped at stop) instead of using the URL's. */
  freshDatabase: boolean
  logDir: string | undefined
  /** Default: a temp dir removed at stop. */
  uploadsDir: { path: string; keep: boolean } | undefined
  jwtSecret: string | undefined
  queuePrefix: string | undefined
  /** Entry file per role, relative to the repo root (tests swap in stand-ins). */
  entries: Record<SystemRole, string>
  /** 'auto' starts web only if its entry file exists. */
  web: 'auto' | false
  /** Budget of each service's readiness probe, and of one role's when set there. */
  readyDeadlineMs: number
  roleReadyDeadlineMs: Partial<Record<SystemRole, number>>
  /** Each line a system process prints, as it comes (npm start prints them). */
  output: StackOutput | undefined
}

export const DEFAULT_ENTRIES: Record<SystemRole, string> = {
  'mock-sora': 'system/mock-sora/src/server.ts',
  'mock-google': 'system/mock-google/src/server.ts',
  worker: 'system/worker/src/server.ts',
  api: 'system/api/src/server.ts',
  web: 'system/web/src/server.ts',
}

/** The guide's ports (API 8000, web 8080, mock-sora 4010, mock-google 4020), each overridable by env. */
export function guidePorts(env: NodeJS.ProcessEnv = process.env): StackPorts {
  const port = (name: string, fallback: number) => {
    const raw = env[name]
    if (raw === undefined || raw === '') return fallback
    const n = Number(raw)
    if (!Number.isInteger(n) || n <= 0 || n > 65535) throw new Error(`${name}=${raw} is not a port`)
    return n
  }
  return {
    api: port('API_PORT', 8000),
    mockSora: port('MOCK_SORA_PORT', 4010),
    mockGoogle: port('MOCK_GOOGLE_PORT', 4020),
    web: port('WEB_PORT', 8080),
  }
}
