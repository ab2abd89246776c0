import { freePort } from '../../harness/stack/ports.ts'
import { startSideService } from '../../harness/stack/side-service.ts'
import { waitFor } from '../../harness/wait.ts'
import { LogEvent } from '../../system/shared/log-events.ts'
import { CreditsResponse } from '../../system/shared/schemas/auth.ts'
import { ErrorResponse } from '../../system/shared/schemas/errors.ts'
import { HealthResponse } from '../../system/shared/schemas/health.ts'
import { describe, expect, test } from '../fixtures/test.ts'
import { attachLog } from '../support/evidence.ts'
import { GUIDE_PROMPT } from '../support/videos.ts'

/**
 * "Queue unreachable" without taking the shared Redis away from the other tests: a second API on the
 * stack's database whose REDIS_URL points at a port nothing listens on.
 */
describe('generate while the queue is down', () => {
  test('answers 503 and charges nothing, leaving no video row behind @OK-07 @OK-08', async ({
    api,
    stack,
    signedInUser,
  }) => {
    const { wiring, logDir, apiEnv } = stack.info
    await using downApi = await startSideService({
      role: 'api',
      name: 'api-queue-down',
      wiring,
      logDir,
      env: { ...apiEnv, REDIS_URL: `redis://127.0.0.1:${await freePort()}/0` },
      ready: 'answers',
    })
    const health = await api.get('/health')
    expect(health.status).toBe(200) // the stack's own API is unaffected
    const downHealth = await fetch(`${downApi.url}/health`)
    expect(downHealth.status).toBe(503)
    expect(HealthResponse.parse(await downHealth.json())).toMatchObject({ redis: 'error', queue: 'error' })

    const res = await fetch(`${downApi.url}/api/v1/videos/generate`, {
      method: 'POST',
      headers: { ...signedInUser.auth, 'content-type': 'application/json' },
      body: JSON.stringify({ prompt: GUIDE_PROMPT, model: 'sora-2' }),
    })
    expect(res.status).toBe(503)
    expect(ErrorResponse.parse(await res.json())).toEqual({
      detail: 'Video queue is unavailable; nothing was charged. Try again later.',
    })
    // The line reaches the log file through a pipe: wait for it rather than read at once.
    const unavailable = await waitFor(
      async () => {
        const line = downApi.logs().find((e) => e.event === LogEvent.queueUnavailable)
        return line ? { done: true, value: line } : { done: false, seen: 'no queue_unavailable line yet' }
      },
      { deadlineMs: 5000, what: `${LogEvent.queueUnavailable} in the API log` },
    )
    expect(unavailable.msg).toBe('queue unavailable: nothing charged')
    await attachLog(
      'API (queue down) log',
      downApi.logs().filter((e) => e.event === LogEvent.queueUnavailable || e.event === LogEvent.httpRequest),
    )

    const credits = CreditsResponse.parse(
      (await api.get('/api/v1/users/credits').set(signedInUser.auth).expect(200)).body,
    )
    expect(credits.credits).toBe(100)
    const rows = await stack.db.query('SELECT id FROM videos WHERE user_id = $1', [signedInUser.id])
    expect(rows.rowCount).toBe(0)
    expect(await stack.ledger(signedInUser.id)).toEqual([{ video_id: null, delta: 100, reason: 'signup' }])
  })
})
