/**
 * What the reliability suite's global setup (reliability-stack.ts) hands its tests on top of the API
 * suite's SuiteTarget (plain data for vitest `provide`/`inject`): stack control, the secrets the stack
 * was given (so the log scan can look for them), and the settings the fault scenarios rely on.
 */
export interface ReliabilityTarget {
  /** harness/stack/control-server.ts of the local stack; undefined in target mode. */
  controlUrl: string | undefined
  /** Every secret a test handled (tokens, codes) is recorded here, one JSON line each (SEC log scan). */
  secretsDir: string
  /** reports/logs/<run>/: every log file of this run's stack and side processes. */
  runLogDir: string | undefined
  /** Secrets the local stack was started with; undefined in target mode. */
  stackSecrets: { openaiApiKey: string; soraApiKey: string; jwtSecret: string } | undefined
  /** The fault-relevant settings of the local stack. */
  settings: ReliabilitySettings
}

export interface ReliabilitySettings {
  /** JOB_ATTEMPTS of the API: how many times a job runs before its video fails. */
  jobAttempts: number
  jobBackoffMs: number
  /** MAX_WAIT_SECONDS of the worker (the guide's 1200, short here). */
  maxWaitSeconds: number
  /** GENERATE_RATE_LIMIT_PER_MIN of the API. */
  rateLimitPerMin: number
  /** LOCK_DURATION_MS of the worker: how long a killed worker's job stays locked. */
  lockDurationMs: number
  stalledIntervalMs: number
}

declare module 'vitest' {
  export interface ProvidedContext {
    reliability: ReliabilityTarget
  }
}
