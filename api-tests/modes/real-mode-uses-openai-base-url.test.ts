import { soraMode } from '../../harness/doctor/checks/sora-mode.ts'
import { freePort } from '../../harness/stack/ports.ts'
import { startSideService } from '../../harness/stack/side-service.ts'
import { LogEvent } from '../../system/shared/log-events.ts'
import { HealthResponse } from '../../system/shared/schemas/health.ts'
import { describe, expect, test } from '../fixtures/test.ts'
import type { LocalStackInfo } from '../setup/suite-target.ts'
import { doctorFor } from '../support/doctor.ts'
import { attachLog } from '../support/evidence.ts'
import { generate, waitForCompleted } from '../support/videos.ts'
import { workerEventsWhenFinished } from '../support/worker-log.ts'

/**
 * Real mode without OpenAI: USE_MOCK_SORA=false, OPENAI_BASE_URL at the stack's mock-sora (a faithful
 * Videos API) and OPENAI_API_KEY its key, on a queue of its own. MOCK_SORA_URL points at a dead port, so
 * a completed video proves the job went through the real-mode endpoint.
 */
async function realModeEnv({ wiring, mockSoraUrl }: LocalStackInfo, queue: string) {
  return {
    USE_MOCK_SORA: 'false',
    OPENAI_BASE_URL: mockSoraUrl,
    OPENAI_API_KEY: wiring.mockSoraApiKey,
    MOCK_SORA_URL: `http://127.0.0.1:${await freePort()}`,
    QUEUE_PREFIX: `${wiring.queuePrefix}-${queue}`,
  }
}

describe('real mode (USE_MOCK_SORA=false)', () => {
  test('says USING REAL OPENAI SORA 2 SERVICE and completes a video through OPENAI_BASE_URL with the same client @MODE-01', async ({
    suite,
    stack,
    signedInUser,
    prompt,
  }) => {
    const { wiring, logDir, apiEnv, mockSoraUrl } = stack.info
    const real = await realModeEnv(stack.info, 'real')
    const [worker, api] = await Promise.all([
      startSideService({ role: 'worker', name: 'worker-real-mode', wiring, logDir, env: real }),
      startSideService({ role: 'api', name: 'api-real-mode', wiring, logDir, env: { ...apiEnv, ...real } }),
    ])
    try {
      const banner = api.logs().filter((e) => e.event === LogEvent.apiBanner)
      expect(banner.map((e) => e.msg)).toContain('USING REAL OPENAI SORA 2 SERVICE')
      expect(banner.every((e) => e.mock_sora === false)).toBe(true)
      expect(banner.map((e) => e.msg)).not.toContain('USING MOCK SORA SERVICE FOR TESTING')
      const health = HealthResponse.parse(await (await fetch(`${api.url}/health`)).json())
      expect(health).toMatchObject({ mock_sora: false, workers: 1 })

      const { video } = await generate(api.url!, signedInUser, { prompt, model: 'sora-2' })
      const done = await waitForCompleted(suite, signedInUser, video.id, api.url!)
      expect(done).toMatchObject({
        status: 'completed',
        video_url: `/uploads/videos/user_${signedInUser.id}_video_${video.id}.mp4`,
      })
      const events = await workerEventsWhenFinished(stack, video.id, 'worker-real-mode')
      const soraJobId = events.find((e) => e.event === LogEvent.soraJobCreated)?.soraJobId
      const atMock = await fetch(`${mockSoraUrl}/v1/videos/${soraJobId}`, {
        headers: { authorization: `Bearer ${wiring.mockSoraApiKey}` },
      })
      expect(atMock.status).toBe(200)
      expect(await atMock.json()).toMatchObject({ id: soraJobId, status: 'completed' })
      await attachLog('real-mode API banner', banner)
      await attachLog(`real-mode worker log, video ${video.id}`, events)
    } finally {
      await Promise.all([api.stop(), worker.stop()])
    }
  })

  // The doctor judges the mode by /health. The suite's own stack runs mock mode, where a /health that
  // always said mock looks right (api-tests/diagnostics/); only a real-mode API shows it tells the truth.
  test('the doctor finds the real mode the API runs as configured, and a mock-mode expectation wrong @DIAG-04', async ({
    suite,
    stack,
  }) => {
    const { wiring, logDir, apiEnv } = stack.info
    const real = await realModeEnv(stack.info, 'real-doctor')
    const api = await startSideService({
      role: 'api',
      name: 'api-real-mode-doctor',
      wiring,
      logDir,
      env: { ...apiEnv, ...real },
    })
    try {
      const asConfigured = await soraMode.run(doctorFor(suite, { apiUrl: api.url!, expectMock: false }))
      expect(asConfigured, asConfigured.detail).toMatchObject({ status: 'pass' })
      expect(asConfigured.detail).toContain('USING REAL OPENAI SORA 2 SERVICE')
      const mockExpected = await soraMode.run(doctorFor(suite, { apiUrl: api.url!, expectMock: true }))
      expect(mockExpected, mockExpected.detail).toMatchObject({ status: 'fail' })
      expect(mockExpected.fix).toContain('USE_MOCK_SORA=true')
    } finally {
      await api.stop()
    }
  })
})
