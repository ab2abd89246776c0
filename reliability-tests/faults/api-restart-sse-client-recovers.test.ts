import { onTestFinished } from 'vitest'
import { parameters } from '../../api-tests/support/evidence.ts'
import { generate } from '../../api-tests/support/videos.ts'
import { must } from '../../harness/must.ts'
import { describe, expect, test } from '../fixtures/test.ts'
import { expectCreditInvariant } from '../support/invariant.ts'
import { VideoFollower } from '../support/sse-follow.ts'

/**
 * A client follows its video over Server-Sent Events (as the web page does) when the API restarts
 * under it. The stream breaks; the client reconnects the way EventSource does, with a new stream
 * token once the API is back (falling back to GET /videos/{id} while it cannot get one), and gets the
 * result. The page's own reconnect and polling fallback are the browser suite's (e2e/transport).
 */
describe('the API restarted while a client waits on the SSE stream', () => {
  test('the client reconnects with a new stream token and receives the completed video @REL-09', async ({
    suite,
    stack,
    rel,
    control,
    mockSora,
    user,
  }) => {
    onTestFinished(async () => void must(await control.ensureRunning('api'), 'api running'))
    // Slow enough that the client is still waiting when the API goes away.
    must(await mockSora.setFault({ mode: 'slow', count: 1, duration_s: 4 }), 'arm slow')
    const { video } = await generate(suite.apiUrl, user)
    const follower = new VideoFollower({
      apiUrl: suite.apiUrl,
      auth: user.auth,
      videoId: video.id,
      deadlineMs: 90_000,
      secretsDir: rel.secretsDir,
    })
    const following = follower.run()
    onTestFinished(() => follower.stop())
    await follower.eventsSeen(1)
    expect(follower.events.at(-1)?.status).not.toBe('completed')

    const t0 = Date.now()
    must(await control.restart('api'), 'restart api')
    const restartMs = Date.now() - t0
    const result = await following
    await parameters({
      'API restart (ms)': restartMs,
      'streams opened': result.connections,
      'polls while down': result.polls,
      'events received': result.events.length,
      'final state via': result.via,
    })

    expect(result.final.status).toBe('completed')
    expect(result.final.video_url).toBe(`/uploads/videos/user_${user.id}_video_${video.id}.mp4`)
    expect(result.via).toBe('stream')
    expect(result.connections).toBeGreaterThanOrEqual(2)

    const [ledger] = await expectCreditInvariant(stack, [user.id])
    expect(ledger).toMatchObject({ initial: 100, balance: 90, videos: 1, completed: 1 })
  })
})
