import { attachVideoLogs, parameters } from '../../api-tests/support/evidence.ts'
import { waitForTerminal } from '../../api-tests/support/terminal.ts'
import { GUIDE_PROMPT, generate } from '../../api-tests/support/videos.ts'
import { must } from '../../harness/must.ts'
import { waitFor } from '../../harness/wait.ts'
import { ErrorResponse } from '../../system/shared/schemas/errors.ts'
import { HealthResponse } from '../../system/shared/schemas/health.ts'
import { describe, expect, test } from '../fixtures/test.ts'
import { expectCreditInvariant } from '../support/invariant.ts'
import { videoInFlight } from '../support/video-in-flight.ts'

/**
 * PostgreSQL goes down while a video is being generated and comes back on the same port. During the
 * outage the API answers 503 with a detail (health and generate); afterwards the in-flight video
 * ends terminal, new generates complete, and no credit is lost or doubled.
 */
describe('PostgreSQL restarted in the middle of a run', () => {
  test('API answers 503 during the outage; the in-flight video ends terminal and new ones complete after @REL-04', async ({
    api,
    suite,
    stack,
    control,
    mockSora,
    user,
  }) => {
    const { video: inFlight } = await videoInFlight({ suite, stack, control, mockSora, user }, 'postgres')

    const downAt = Date.now()
    must(await control.stop('postgres'), 'stop postgres')
    const health = await api.get('/health')
    expect(health.status).toBe(503)
    expect(HealthResponse.parse(health.body)).toMatchObject({ status: 'degraded', database: 'error' })
    const refused = await api
      .post('/api/v1/videos/generate')
      .set(user.auth)
      .send({ prompt: GUIDE_PROMPT, model: 'sora-2' })
    expect(refused.status).toBe(503)
    expect(ErrorResponse.parse(refused.body).detail).toMatch(/unavailable/i)

    must(await control.restart('postgres'), 'start postgres again')
    const outageMs = Date.now() - downAt
    await waitFor(
      async () => {
        const h = await api.get('/health')
        return h.status === 200 ? { done: true, value: true } : { done: false, seen: JSON.stringify(h.body) }
      },
      { deadlineMs: 30_000, what: 'API healthy again after PostgreSQL is back' },
    )

    const settled = await waitForTerminal(suite.apiUrl, user, inFlight.id)
    const after = (await generate(suite.apiUrl, user)).video
    expect((await waitForTerminal(suite.apiUrl, user, after.id)).status).toBe('completed')
    await parameters({ 'outage (ms)': outageMs, 'in-flight video': settled.status })
    await attachVideoLogs(stack, inFlight.id)

    const [ledger] = await expectCreditInvariant(stack, [user.id])
    expect(ledger).toMatchObject({ initial: 100, videos: 2 })
  })
})
