import { resolve } from 'node:path'
import type { TestProject } from 'vitest/node'
import { mergePerfParts, perfPartsDir } from '../../harness/report/perf-parts.ts'
import { runStamp } from '../../harness/stack/run-dir.ts'
import { REPO_ROOT } from '../../harness/stack/services.ts'
import { StackBuilder } from '../../harness/stack/stack-builder.ts'
import type { StartedStack } from '../../harness/stack/started-stack.ts'
import { loadTarget } from '../../harness/target/target-env.ts'
import {
  deploymentSuiteTarget,
  localSuiteTarget,
  type SuiteSettings,
  type SuiteTarget,
} from './suite-target.ts'

/**
 * The API acceptance suite's one stack: local by default (strict timing: a 10 s mock Sora;
 * TIMING=fast: 1 s), or the deployment at TARGET_API_URL (sign-in through TARGET_GOOGLE_URL).
 * Tests get a SuiteTarget through `inject('apiSuite')`; at the end the stack stops and the numbers
 * the tests measured are merged into reports/perf.json.
 */
const API_ENV = {
  // PERF-01 loads POST /videos/generate from 20 connections: the per-user limit would answer 429.
  GENERATE_RATE_LIMIT_PER_MIN: '0',
}

export default async function setup(project: TestProject) {
  const timing = process.env.TIMING === 'fast' ? 'fast' : 'strict'
  const runId = `api-${runStamp()}`
  const suite: SuiteSettings = {
    timing,
    soraDurationS: timing === 'fast' ? 1 : 10,
    perfDir: perfPartsDir(runId),
  }

  let stack: StartedStack | undefined
  let target: SuiteTarget
  const deployment = loadTarget()
  if (deployment) {
    target = await deploymentSuiteTarget(deployment, suite, runId)
  } else {
    const sampleVideo = resolve(REPO_ROOT, process.env.MOCK_SORA_SAMPLE_VIDEO ?? 'fixtures/sample-video.mp4')
    const builder = new StackBuilder()
      .withDriver('local')
      .withSoraDurationS(suite.soraDurationS)
      .withWorkers(1)
      .withoutWeb()
      .withEnv(API_ENV, 'api')
    // The guide's 151 MB case: `npm run fixtures:large` then MOCK_SORA_SAMPLE_VIDEO=.tmp/large-sample.mp4
    if (process.env.MOCK_SORA_SAMPLE_VIDEO)
      builder.withEnv({ MOCK_SORA_SAMPLE_VIDEO: sampleVideo }, 'mock-sora')
    stack = await builder.start()
    target = await localSuiteTarget(stack, suite, runId, { sampleVideo, apiEnv: API_ENV })
    process.stdout.write(
      `api suite: local stack (${timing} timing) at ${stack.urls.api}, logs ${stack.logDir}\n`,
    )
  }
  project.provide('apiSuite', target)

  return async () => {
    try {
      await stack?.stop()
    } finally {
      mergePerfParts(suite.perfDir)
    }
  }
}
