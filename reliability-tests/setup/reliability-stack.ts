import { randomBytes } from 'node:crypto'
import { mkdirSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { TestProject } from 'vitest/node'
import {
  deploymentSuiteTarget,
  localSuiteTarget,
  type SuiteSettings,
  type SuiteTarget,
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
import type { ReliabilitySettings, ReliabilityTarget } from './reliability-target.ts'

/**
 * The reliability suite's one stack (`npm run test:reliability`): local, with web, Redis persistence on
 * (a Redis restart keeps the queue), a 1 s mock Sora (the scenarios assert outcomes, not timing), and
 * short fault settings: few job attempts with a short backoff, a 5 s max wait, a short lock so that a
 * killed worker's job is picked up again within seconds. Tests control it through a loopback control
 * server (kill/stop/restart a service, add a worker). Secrets it is given are distinctive strings the
 * log scan (SEC) looks for. TARGET_API_URL runs the HTTP-only tests against a deployment instead.
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

  let stack: StartedStack | undefined
  let control: StackControlServer | undefined
  let target: SuiteTarget
  let reliability: ReliabilityTarget
  const deployment = loadTarget()
  if (deployment) {
    target = await deploymentSuiteTarget(deployment, suite, runId)
    reliability = {
      controlUrl: undefined,
      secretsDir,
      runLogDir: undefined,
      stackSecrets: undefined,
      settings: SETTINGS,
    }
  } else {
    const secrets = {
      openaiApiKey: `sk-openai-rel-${randomBytes(12).toString('hex')}`,
      soraApiKey: `sk-sora-rel-${randomBytes(12).toString('hex')}`,
      jwtSecret: randomBytes(32).toString('base64url'),
    }
    const apiEnv = {
      JOB_ATTEMPTS: String(SETTINGS.jobAttempts),
      JOB_BACKOFF_MS: String(SETTINGS.jobBackoffMs),
      GENERATE_RATE_LIMIT_PER_MIN: String(SETTINGS.rateLimitPerMin),
    }
    const runLogDir = join(reportsDir(), 'logs', runId)
    stack = await new StackBuilder()
      .withDriver('local')
      .withSoraDurationS(SORA_DURATION_S)
      .withWorkers(1)
      .withRedisPersistence(true)
      .withLogDir(runLogDir)
      .withJwtSecret(secrets.jwtSecret)
      // Every process gets both keys: mock-sora checks the bearer, the worker sends it, nobody logs it.
      .withEnv({ MOCK_SORA_API_KEY: secrets.soraApiKey, OPENAI_API_KEY: secrets.openaiApiKey })
      .withEnv(apiEnv, 'api')
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
    control = await serveStackControl(stack)
    target = await localSuiteTarget(stack, suite, runId, {
      wiring: { ...wiringOf(stack), mockSoraApiKey: secrets.soraApiKey },
      sampleVideo: resolve(REPO_ROOT, 'fixtures/sample-video.mp4'),
      apiEnv: { ...apiEnv, MOCK_SORA_API_KEY: secrets.soraApiKey, OPENAI_API_KEY: secrets.openaiApiKey },
    })
    reliability = {
      controlUrl: control.url,
      secretsDir,
      runLogDir,
      stackSecrets: secrets,
      settings: SETTINGS,
    }
    process.stdout.write(
      `reliability suite: local stack (1 s mock Sora) at ${stack.urls.api}, logs ${stack.logDir}\n`,
    )
  }
  project.provide('apiSuite', target)
  project.provide('reliability', reliability)

  return async () => {
    try {
      await control?.close()
      await stack?.stop()
    } finally {
      mergePerfParts(suite.perfDir)
      rmSync(secretsDir, { recursive: true, force: true })
    }
  }
}
