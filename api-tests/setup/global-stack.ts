import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { TestProject } from 'vitest/node'
import { mergePerf, Perf } from '../../harness/report/perf.ts'
import { reportsDir } from '../../harness/reports-dir.ts'
import { REPO_ROOT } from '../../harness/stack/services.ts'
import { wiringOf } from '../../harness/stack/side-service.ts'
import { StackBuilder } from '../../harness/stack/stack-builder.ts'
import type { StartedStack } from '../../harness/stack/started-stack.ts'
import { probeCapabilities } from '../../harness/target/capabilities.ts'
import { loadTarget } from '../../harness/target/target-env.ts'
import type { SuiteTarget } from './suite-target.ts'
import { targetSuite, userPoolDir } from './target-suite.ts'

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
  const soraDurationS = timing === 'fast' ? 1 : 10
  const runId = `api-${new Date().toISOString().replace(/[:.]/g, '-')}`
  const perfDir = join(reportsDir(), '.perf-parts', runId)
  mkdirSync(perfDir, { recursive: true })
  const redirectUri = process.env.TARGET_REDIRECT_URI ?? 'http://localhost:8080/auth/callback'

  let stack: StartedStack | undefined
  let target: SuiteTarget
  const deployment = loadTarget()
  if (deployment) {
    target = await targetSuite(deployment, { timing, soraDurationS, perfDir }, runId)
  } else {
    const sampleVideo = resolve(REPO_ROOT, process.env.MOCK_SORA_SAMPLE_VIDEO ?? 'fixtures/sample-video.mp4')
    const builder = new StackBuilder()
      .withDriver('local')
      .withSoraDurationS(soraDurationS)
      .withWorkers(1)
      .withoutWeb()
      .withEnv(API_ENV, 'api')
    // The guide's 151 MB case: `npm run fixtures:large` then MOCK_SORA_SAMPLE_VIDEO=.tmp/large-sample.mp4
    if (process.env.MOCK_SORA_SAMPLE_VIDEO)
      builder.withEnv({ MOCK_SORA_SAMPLE_VIDEO: sampleVideo }, 'mock-sora')
    stack = await builder.start()
    target = {
      mode: 'local',
      timing,
      soraDurationS,
      apiUrl: stack.urls.api,
      googleUrl: stack.urls.mockGoogle,
      auth: { kind: 'mock-google', googleUrl: stack.urls.mockGoogle },
      googleClientId: stack.config.googleClientId,
      redirectUri,
      webOrigin: stack.config.corsOrigins[0]!,
      webUrl: undefined,
      redisUrl: stack.redisUrl,
      expectMock: true,
      capabilities: await probeCapabilities(stack.urls.api),
      userPoolDir: userPoolDir(runId),
      jwtSecret: stack.jwtSecret,
      hooks: {},
      perfDir,
      local: {
        wiring: wiringOf(stack),
        logDir: stack.logDir,
        mockSoraUrl: stack.urls.mockSora,
        sampleVideo,
        apiEnv: API_ENV,
      },
    }
    process.stdout.write(
      `api suite: local stack (${timing} timing) at ${stack.urls.api}, logs ${stack.logDir}\n`,
    )
  }
  project.provide('apiSuite', target)

  return async () => {
    try {
      await stack?.stop()
    } finally {
      mergePerfParts(perfDir)
    }
  }
}

/** Each test wrote its numbers to a file of its own; one writer merges them, keeping other suites' keys. */
export function mergePerfParts(dir: string): void {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'))
  const part: Perf = {}
  for (const f of files.sort())
    Object.assign(part, Perf.parse(JSON.parse(readFileSync(resolve(dir, f), 'utf8'))))
  if (Object.keys(part).length > 0) {
    mkdirSync(reportsDir(), { recursive: true })
    mergePerf(join(reportsDir(), 'perf.json'), part)
  }
  rmSync(dir, { recursive: true, force: true })
}
