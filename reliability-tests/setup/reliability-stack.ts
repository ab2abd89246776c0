import { randomBytes } from 'node:crypto'
import { mkdirSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { TestProject } from 'vitest/node'
import {
  deploymentSuiteTarget,
  localSuiteTarget,
  type SuiteSettings,
} from '../../api-tests/setup/suite-target.ts'
import { mergePerfParts, perfPartsDir } from '../../harness/report/perf-parts.ts'
import { reportsDir } from '../../harness/reports-dir.ts'
import { type StackControlServer, serveStackControl } from '../../harness/stack/control-server.ts'
import { runStamp } from '../../harness/stack/run-dir.ts'
import { REPO_ROOT } from '../../harness/stack/services.ts'
import { wiringOf } from '../../harness/stack/side-service.ts'
import { StackBuilder } from '../../harness/stack/stack-builder.ts'
import type { StartedStack } from '../../harness/stack/started-stack.ts'
import { loadTarget } from '../../harness/target/target-env.ts'
import { FORKS, type ReliabilityRun, type ReliabilitySettings } from './reliability-target.ts'

/**
 * The reliability suite's stacks (`npm run test:reliability`): one per fork (FORKS), each a test file's
 * alone while it runs, so fault scenarios run side by side without touching each other's services.
 * Each is local, with web, Redis persistence on (a Redis restart keeps the queue), a 1 s mock Sora (the
 * scenarios assert outcomes, not timing), and short fault settings: few job attempts with a short
 * backoff, a 5 s max wait, a short lock so that a killed worker's job is picked up again within seconds.
 * Tests control their stack through a loopback control server (kill/stop/restart a service, add a
 * worker). The secrets the stacks are given are distinctive strings the log scan (SEC) looks for.
 * TARGET_API_URL runs the HTTP-only tests against a deployment instead.
 */
export const SETTINGS: ReliabilitySettings = {
  jobAttempts: 3,
  jobBackoffMs: 300,
  maxWaitSeconds: 5,
  rateLimitPerMin: 30,
  lockDurationMs: 5000,
  stalledIntervalMs: 2000,
}
const SORA_DURATION_S = 1

export default async function setup(project: TestProject) {
  const runId = `reliability-${runStamp()}`
  const suite: SuiteSettings = {
    timing: 'fast',
    soraDurationS: SORA_DURATION_S,
    perfDir: perfPartsDir(runId),
    feature: 'Reliability, security and bad input',
  }
  const secretsDir = join(reportsDir(), '.secrets', runId)
  mkdirSync(secretsDir, { recursive: true })
  const shared = { secretsDir, settings: SETTINGS }

  let run: ReliabilityRun
  const started: Array<{ stack: StartedStack; control: StackControlServer }> = []
  const deployment = loadTarget()
  if (deployment) {
    const target = await deploymentSuiteTarget(deployment, suite, runId)
    run = {
      ...shared,
      runLogDir: undefined,
      stackSecrets: undefined,
      stacks: [{ suite: target, controlUrl: undefined }],
    }
  } else {
    const secrets = {
      openaiApiKey: `sk-openai-rel-${randomBytes(12).toString('hex')}`,
      soraApiKey: `sk-sora-rel-${randomBytes(12).toString('hex')}`,
      jwtSecret: randomBytes(32).toString('base64url'),
    }
    const runLogDir = join(reportsDir(), 'logs', runId)
    // One stack per fork, started side by side; if one fails to start, the others are stopped.
    const starts = await Promise.allSettled(
      Array.from({ length: FORKS }, (_, i) => startStack(join(runLogDir, `stack-${i + 1}`), secrets)),
    )
    for (const s of starts) if (s.status === 'fulfilled') started.push(s.value)
    const failed = starts.find((s) => s.status === 'rejected')
    if (failed) {
      await stopAll(started)
      throw failed.reason
    }
    const stacks = await Promise.all(
      started.map(async ({ stack, control }) => ({
        controlUrl: control.url,
        suite: await localSuiteTarget(stack, suite, runId, {
          wiring: { ...wiringOf(stack), mockSoraApiKey: secrets.soraApiKey },
          sampleVideo: resolve(REPO_ROOT, 'fixtures/sample-video.mp4'),
          apiEnv: { ...API_ENV, MOCK_SORA_API_KEY: secrets.soraApiKey, OPENAI_API_KEY: secrets.openaiApiKey },
        }),
      })),
    )
    run = { ...shared, runLogDir, stackSecrets: secrets, stacks }
    process.stdout.write(
      `reliability suite: ${FORKS} local stacks (1 s mock Sora), one per fork, at ${stacks.map((s) => s.suite.apiUrl).join(', ')}; logs ${runLogDir}\n`,
    )
  }
  // The API suite's fixtures and the ledger read `apiSuite`; the reliability fixtures pick their fork's.
  project.provide('apiSuite', run.stacks[0]!.suite)
  project.provide('reliability', run)

  return async () => {
    try {
      await stopAll(started)
    } finally {
      mergePerfParts(suite.perfDir)
      rmSync(secretsDir, { recursive: true, force: true })
    }
  }
}

const API_ENV = {
  JOB_ATTEMPTS: String(SETTINGS.jobAttempts),
  JOB_BACKOFF_MS: String(SETTINGS.jobBackoffMs),
  GENERATE_RATE_LIMIT_PER_MIN: String(SETTINGS.rateLimitPerMin),
}

async function startStack(
  logDir: string,
  secrets: NonNullable<ReliabilityRun['stackSecrets']>,
): Promise<{ stack: StartedStack; control: StackControlServer }> {
  const stack = await new StackBuilder()
    .withDriver('local')
    .withSoraDurationS(SORA_DURATION_S)
    .withWorkers(1)
    .withRedisPersistence(true)
    .withLogDir(logDir)
    .withJwtSecret(secrets.jwtSecret)
    // Every process gets both keys: mock-sora checks the bearer, the worker sends it, nobody logs it.
    .withEnv({ MOCK_SORA_API_KEY: secrets.soraApiKey, OPENAI_API_KEY: secrets.openaiApiKey })
    .withEnv(API_ENV, 'api')
    .withEnv(
      {
        MAX_WAIT_SECONDS: String(SETTINGS.maxWaitSeconds),
        SORA_POLL_INTERVAL_MS: '250',
        // REL-12 leaves ~600 jobs queued; twice the default's slots drain them in half the time.
        WORKER_CONCURRENCY: '128',
        LOCK_DURATION_MS: String(SETTINGS.lockDurationMs),
        STALLED_INTERVAL_MS: String(SETTINGS.stalledIntervalMs),
      },
      'worker',
    )
    .start()
  return { stack, control: await serveStackControl(stack) }
}

async function stopAll(started: Array<{ stack: StartedStack; control: StackControlServer }>): Promise<void> {
  await Promise.all(
    started.map(async ({ stack, control }) => {
      await control.close()
      await stack.stop()
    }),
  )
}
