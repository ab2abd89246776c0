import type { Pool } from '../../system/db/pool.ts'
import type { LogEntry } from './log-events.ts'
import type { MockSoraControl } from './mock-sora-control.ts'

/** Node 20 may lack Symbol.asyncDispose; `await using` (esbuild, tsc) falls back to the same registry symbol. */
export const asyncDispose: typeof Symbol.asyncDispose =
  Symbol.asyncDispose ?? (Symbol.for('Symbol.asyncDispose') as typeof Symbol.asyncDispose)

export type WorkerName = `worker-${number}`
export type ServiceName = 'redis' | 'postgres' | 'mock-sora' | 'mock-google' | 'api' | 'web' | WorkerName

/**
 * One process the stack started (a container, with the containers driver); stop/kill/restart only ever
 * touch that process.
 */
export interface ServiceHandle {
  readonly name: ServiceName
  readonly running: boolean
  /** The process id on this machine (a container's main process, as the engine reports it). */
  readonly pid: number | undefined
  readonly logFile: string
  /** SIGTERM (SIGINT for PostgreSQL), escalating to SIGKILL after a grace period (`docker stop`). */
  stop(): Promise<void>
  /** SIGKILL, as a crash would (`docker kill`). */
  kill(): Promise<void>
  /** Stops it if running, starts it again with the same ports and env, waits until it is ready. */
  restart(): Promise<void>
}

export interface StackUrls {
  api: string
  mockSora: string
  mockGoogle: string
  /** Only when system/web exists. */
  web?: string
}

/** The settings the stack gave its services that tests need to know. */
export interface StackConfig {
  queuePrefix: string
  uploadsDir: string
  soraDurationS: number
  useMockSora: boolean
  mockSoraApiKey: string
  googleClientId: string
  googleClientSecret: string
  corsOrigins: string[]
  imageAllowedHosts: string[]
  /** Ports the services listen on (web's is reserved even when there is no web yet). */
  ports: { api: number; mockSora: number; mockGoogle: number; web: number }
}

export interface StartedStack extends AsyncDisposable {
  readonly driver: 'local' | 'containers'
  readonly urls: StackUrls
  readonly redisUrl: string
  readonly databaseUrl: string
  /** reports/logs/<run>/: one <service>.log per service. */
  readonly logDir: string
  readonly jwtSecret: string
  readonly config: StackConfig
  /** mock-sora's control endpoint: setFault(), reset(), state(). */
  readonly mockSora: MockSoraControl
  /** A pool on the stack's database, closed by stop(). */
  readonly db: Pool
  /** What this stack started, in start order (Redis/PostgreSQL only when not reused). */
  readonly services: readonly ServiceName[]
  /** Temp dirs this stack made; stop() removes them. */
  readonly tempDirs: readonly string[]
  /** A process this stack started; throws for one it did not start (e.g. a reused Redis). */
  service(name: ServiceName): ServiceHandle
  /** The JSON events a service has logged so far (non-JSON lines skipped). */
  logs(name: ServiceName): LogEntry[]
  /** Starts one more worker and waits until it is ready. */
  addWorker(): Promise<ServiceHandle>
  /** Stops what it started, in reverse order, and removes its temp dirs; a second call is a no-op. */
  stop(): Promise<void>
  [Symbol.asyncDispose](): Promise<void>
}
