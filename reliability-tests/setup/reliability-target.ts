import type { SuiteTarget } from '../../api-tests/setup/suite-target.ts'

/**
 * What a reliability test gets from the suite's global setup (reliability-stack.ts) on top of the API
 * suite's SuiteTarget: its stack's control, the secrets the stacks were given (so the log scan can look
 * for them), and the settings the fault scenarios rely on.
 */
export interface ReliabilityTarget {
  /** harness/stack/control-server.ts of the test's stack; undefined in target mode. */
  controlUrl: string | undefined
  /** Every secret a test handled (tokens, codes) is recorded here, one JSON line each (SEC log scan). */
  secretsDir: string
  /** reports/logs/<run>/: every log file of this run's stacks and side processes. */
  runLogDir: string | undefined
  /** Secrets every local stack of the run was started with; undefined in target mode. */
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

/** One stack of the run, and its control; in target mode the deployment, without control. */
export interface ForkStack {
  suite: SuiteTarget
  controlUrl: string | undefined
}

/**
 * What the global setup provides: one stack per fork the suite runs at once (FORKS), and what they
 * share. A fork runs one test file at a time, so a file has its fork's stack to itself: a fault
 * scenario may kill or restart any of its services while the other forks' files go on elsewhere.
 */
export interface ReliabilityRun extends Omit<ReliabilityTarget, 'controlUrl'> {
  stacks: ForkStack[]
}

/** At most this many test files at once (vitest.reliability.config.ts), each fork on its own stack. */
export const FORKS = 3

/**
 * This fork's stack. vitest numbers the forks of a group 1…maxWorkers (VITEST_POOL_ID), and no two forks
 * running at once share a number; in target mode every fork has the one deployment.
 */
export function stackOfThisFork(run: ReliabilityRun): ForkStack {
  if (run.stacks.length === 1) return run.stacks[0]!
  const fork = Number(process.env.VITEST_POOL_ID)
  const stack = run.stacks[fork - 1]
  if (!stack)
    throw new Error(
      `fork ${process.env.VITEST_POOL_ID} has no stack: the setup started ${run.stacks.length}, one per fork (FORKS); run with at most that many workers`,
    )
  return stack
}

declare module 'vitest' {
  export interface ProvidedContext {
    reliability: ReliabilityRun
  }
}
