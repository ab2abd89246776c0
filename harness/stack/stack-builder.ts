import { startContainers } from './drivers/containers.ts'
import { startLocal } from './drivers/local.ts'
import {
  DEFAULT_ENTRIES,
  DRIVERS,
  type DriverName,
  guidePorts,
  type PortMode,
  type StackOptions,
  type StackOutput,
  type StackPorts,
  type SystemRole,
} from './stack-options.ts'
import type { StartedStack } from './started-stack.ts'

export type { DriverName }

/** `STACK=local|containers` from the environment, checked; undefined when unset. */
export function driverFromEnv(env: NodeJS.ProcessEnv = process.env): DriverName | undefined {
  const raw = env.STACK
  if (raw === undefined || raw === '') return undefined
  if (!(DRIVERS as readonly string[]).includes(raw))
    throw new Error(`STACK=${raw} is not a driver (${DRIVERS.join(' | ')})`)
  return raw as DriverName
}

/**
 * Collects how a stack should look, then start() brings it up through a driver and answers a
 * StartedStack (URLs, controls, stop). Defaults: local driver, free ports, mock mode with a 10 s Sora,
 * one worker, throwaway Redis/PostgreSQL unless REDIS_URL/DATABASE_URL are set, a temp uploads dir,
 * a random JWT secret and a unique queue prefix.
 *
 * `STACK=containers` (or `local`) in the environment picks the driver of every stack, over the code's
 * withDriver(): the same suites then run unchanged on docker-compose.test.yml.
 *
 *   await using stack = await new StackBuilder().withSoraDurationS(2).start()
 */
export class StackBuilder {
  private readonly opts: StackOptions
  /** STACK from the environment: wins over withDriver(). */
  private readonly envDriver: DriverName | undefined

  constructor(env: NodeJS.ProcessEnv = process.env) {
    this.envDriver = driverFromEnv(env)
    this.opts = {
      driver: this.envDriver ?? 'local',
      soraDurationS: 10,
      workers: 1,
      env: {},
      roleEnv: {},
      redisPersistence: false,
      ports: 'free',
      fixedPorts: guidePorts(env),
      redisUrl: env.REDIS_URL || undefined,
      databaseUrl: env.DATABASE_URL || undefined,
      freshDatabase: false,
      logDir: undefined,
      uploadsDir: undefined,
      jwtSecret: undefined,
      queuePrefix: undefined,
      entries: { ...DEFAULT_ENTRIES },
      web: 'auto',
      readyDeadlineMs: 60_000,
      roleReadyDeadlineMs: {},
      output: undefined,
    }
  }

  /** The driver when STACK is not set (STACK wins, so that a suite can be moved onto containers). */
  withDriver(driver: DriverName): this {
    this.opts.driver = this.envDriver ?? driver
    return this
  }

  /** How long a mock Sora job runs (the guide: 10 s). */
  withSoraDurationS(seconds: number): this {
    this.opts.soraDurationS = seconds
    return this
  }

  withWorkers(count: number): this {
    if (!Number.isInteger(count) || count < 0)
      throw new Error(`workers must be a whole number ≥ 0, not ${count}`)
    this.opts.workers = count
    return this
  }

  /** Extra env for every system process, or for one role (e.g. a short STALLED_INTERVAL_MS for 'worker'). */
  withEnv(env: Record<string, string>, role?: SystemRole): this {
    if (role) this.opts.roleEnv[role] = { ...this.opts.roleEnv[role], ...env }
    else this.opts.env = { ...this.opts.env, ...env }
    return this
  }

  /** Redis with an append-only file synced on every write, so a restart keeps the queue. */
  withRedisPersistence(on = true): this {
    this.opts.redisPersistence = on
    return this
  }

  /** 'free' (default: two runs can overlap) or 'fixed': the guide's ports, overridable by API_PORT etc. */
  withPorts(mode: PortMode, fixed?: Partial<StackPorts>): this {
    this.opts.ports = mode
    this.opts.fixedPorts = { ...this.opts.fixedPorts, ...fixed }
    return this
  }

  /** Reuse a Redis instead of starting one (default: REDIS_URL). */
  withRedisUrl(url: string | undefined): this {
    this.opts.redisUrl = url
    return this
  }

  /** Reuse a PostgreSQL instead of starting one (default: DATABASE_URL); `fresh` makes a database of its own on it. */
  withDatabaseUrl(url: string | undefined, opts: { fresh?: boolean } = {}): this {
    this.opts.databaseUrl = url
    this.opts.freshDatabase = opts.fresh ?? false
    return this
  }

  withLogDir(dir: string): this {
    this.opts.logDir = dir
    return this
  }

  /** Where uploads and generated videos go; `keep` leaves it at stop (default: a temp dir, removed). */
  withUploadsDir(path: string, opts: { keep: boolean }): this {
    this.opts.uploadsDir = { path, keep: opts.keep }
    return this
  }

  withJwtSecret(secret: string | undefined): this {
    if (secret !== undefined && secret.length < 32)
      throw new Error('JWT secret must be at least 32 characters')
    this.opts.jwtSecret = secret
    return this
  }

  withQueuePrefix(prefix: string | undefined): this {
    this.opts.queuePrefix = prefix
    return this
  }

  /** Runs another entry file for a role (relative to the repo root), e.g. a stand-in in harness tests. */
  withEntry(role: SystemRole, file: string): this {
    this.opts.entries[role] = file
    return this
  }

  /** Leave web out even when system/web exists. */
  withoutWeb(): this {
    this.opts.web = false
    return this
  }

  /** The budget of each service's readiness probe, or of one role's (default 60 s: two busy cores). */
  withReadyDeadlineMs(ms: number, role?: SystemRole): this {
    if (role) this.opts.roleReadyDeadlineMs[role] = ms
    else this.opts.readyDeadlineMs = ms
    return this
  }

  /** Called with each line a system process prints (npm start formats them for the console). */
  withOutput(output: StackOutput): this {
    this.opts.output = output
    return this
  }

  start(): Promise<StartedStack> {
    const opts = structuredClone({ ...this.opts, output: undefined })
    switch (this.opts.driver) {
      case 'local':
        return startLocal({ ...opts, output: this.opts.output })
      case 'containers':
        return startContainers({ ...opts, output: this.opts.output })
    }
  }
}
