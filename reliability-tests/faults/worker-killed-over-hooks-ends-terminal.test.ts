import { onTestFinished } from 'vitest'
import { creditsOf } from '../../api-tests/support/balance.ts'
import { parameters } from '../../api-tests/support/evidence.ts'
import { waitForTerminal } from '../../api-tests/support/terminal.ts'
import { generate, guideBody } from '../../api-tests/support/videos.ts'
import { GuideVideo } from '../../harness/target/guide-schemas.ts'
import { waitFor } from '../../harness/wait.ts'
import { describe, expect, test } from '../fixtures/test.ts'
import { HOOK_SCENARIO_TIMEOUT_MS, runHook, untilQuiet } from '../support/fault-hooks.ts'

/** From the worker's restart: the job's retry or stall detection with room (the guide's video takes ~10 s). */
const RECOVERY_MS = 120_000

/**
 * The worker killed while it processes a video, on a deployment the user controls (their fault hooks),
 * then started again: the video must still end, completed, or failed with its credits back, within
 * the deadline. A video left processing for good (the task lost with the worker) is the defect.
 * Locally the stack-control variant is worker-killed-mid-generation-resumes.test.ts.
 */
describe('the worker killed mid-generation, through the fault hooks', () => {
  test('the video ends completed, or failed and refunded, after the worker is started again @REL-01', {
    timeout: HOOK_SCENARIO_TIMEOUT_MS,
  }, async ({ api, suite, user, faultHooks }) => {
    await faultHooks('worker-kill', 'worker-start')
    await untilQuiet(suite)
    const body = await guideBody(suite, user)
    const before = await creditsOf(suite.apiUrl, user)
    const { video } = await generate(suite.apiUrl, user, body)
    await waitFor(
      async () => {
        const seen = GuideVideo.parse(
          (await api.get(`/api/v1/videos/${video.id}`).set(user.auth).expect(200)).body,
        )
        return seen.status === 'processing' ? { done: true, value: seen } : { done: false, seen: seen.status }
      },
      { deadlineMs: 60_000, intervalMs: 100, what: `video ${video.id} processing` },
    )
    let killed = false
    onTestFinished(async () => void (killed && (await runHook(suite, 'worker-start'))))
    await runHook(suite, 'worker-kill')
    killed = true
    const killedAt = Date.now()
    await runHook(suite, 'worker-start')
    killed = false

    const done = await waitForTerminal(suite.apiUrl, user, video.id, RECOVERY_MS)
    await parameters({ 'kill to terminal (ms)': Date.now() - killedAt, status: done.status })
    if (done.status === 'failed')
      expect(await creditsOf(suite.apiUrl, user), 'failed video refunded').toBe(before)
    else expect(done.status).toBe('completed')
  })
})
