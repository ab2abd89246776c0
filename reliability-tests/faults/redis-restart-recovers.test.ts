import { attachVideoLogs, parameters } from '../../api-tests/support/evidence.ts'
import { waitForTerminal } from '../../api-tests/support/terminal.ts'
import { GUIDE_PROMPT, generate } from '../../api-tests/support/videos.ts'
import { must } from '../../harness/must.ts'
import { waitFor } from '../../harness/wait.ts'
import { CreditsResponse } from '../../system/shared/schemas/auth.ts'
import { ErrorResponse } from '../../system/shared/schemas/errors.ts'
import { HealthResponse } from '../../system/shared/schemas/health.ts'
import { describe, expect, test } from '../fixtures/test.ts'
import { expectCreditInvariant } from '../support/invariant.ts'
import { videoInFlight } from '../support/video-in-flight.ts'

/**
 * Redis (append-only file, fsync on every write) goes down while a video is being generated and comes
 * back on the same port with its data. Meanwhile the API says it cannot queue (503 on /health and on
 * generate, nothing charged); afterwards the queue, the in-flight video and new generates all work.
 */
describe('Redis restarted in the middle of a run', () => {
  test('API answers 503 and charges nothing during the outage; the in-flight video and new ones complete after @REL-03', async ({
    api,
    suite,
    stack,
    control,
    mockSora,
    user,
  }) => {
    const { video: inFlight } = await videoInFlight({ suite, stack, control, mockSora, user }, 'redis')

    const downAt = Date.now()
    must(await control.stop('redis'), 'stop redis')
    const health = await api.get('/health')
    expect(health.status).toBe(503)
    expect(HealthResponse.parse(health.body)).toMatchObject({
      status: 'degraded',
      redis: 'error',
      queue: 'error',
    })

    const refused = await api
      .post('/api/v1/videos/generate')
      .set(user.auth)
      .set('idempotency-key', `outage-${inFlight.id}`)
      .send({ prompt: GUIDE_PROMPT, model: 'sora-2' })
    expect(refused.status).toBe(503)
    expect(ErrorResponse.parse(refused.body).detail).toBe(
      'Video queue is unavailable; nothing was charged. Try again later.',
    )
    const credits = CreditsResponse.parse(
      (await api.get('/api/v1/users/credits').set(user.auth).expect(200)).body,
    )
    expect(credits.credits).toBe(90) // only the in-flight video's charge
    const rows = await stack.db.query('SELECT id FROM videos WHERE user_id = $1', [user.id])
    expect(rows.rowCount).toBe(1)

    must(await control.restart('redis'), 'start redis again')
    const outageMs = Date.now() - downAt
    await waitFor(
      async () => {
        const h = await api.get('/health')
        return h.status === 200 ? { done: true, value: true } : { done: false, seen: JSON.stringify(h.body) }
      },
      { deadlineMs: 30_000, what: 'API healthy again after Redis is back' },
    )

    const recovered = await waitForTerminal(suite.apiUrl, user, inFlight.id)
    expect(recovered.status).toBe('completed')
    const after = (await generate(suite.apiUrl, user)).video
    expect((await waitForTerminal(suite.apiUrl, user, after.id)).status).toBe('completed')
    await parameters({ 'outage (ms)': outageMs })
    await attachVideoLogs(stack, inFlight.id)

    const [ledger] = await expectCreditInvariant(stack, [user.id])
    expect(ledger).toMatchObject({ initial: 100, balance: 80, videos: 2, completed: 2 })
  })
})
