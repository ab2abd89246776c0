import { attachVideoLogs } from '../../api-tests/support/evidence.ts'
import { waitForTerminal } from '../../api-tests/support/terminal.ts'
import { generate } from '../../api-tests/support/videos.ts'
import { must } from '../../harness/must.ts'
import { LogEvent } from '../../system/shared/log-events.ts'
import { describe, expect, test } from '../fixtures/test.ts'
import { expectCreditInvariant } from '../support/invariant.ts'

describe('Sora answering 429, then fine', () => {
  test('retries with backoff and completes the video, charged once @REL-06', async ({
    suite,
    stack,
    rel,
    mockSora,
    user,
  }) => {
    // Two 429s: the first two attempts fail on create, the third (of JOB_ATTEMPTS) gets through.
    const refusals = rel.settings.jobAttempts - 1
    must(await mockSora.setFault({ mode: 'rate_limit', count: refusals, retry_after_s: 0 }), 'arm 429')
    const { video } = await generate(suite.apiUrl, user)

    const done = await waitForTerminal(suite.apiUrl, user, video.id)
    await attachVideoLogs(stack, video.id)
    expect(done.status).toBe('completed')
    const retries = stack
      .logs('worker-1')
      .filter((e) => e.videoId === video.id && e.event === LogEvent.jobRetrying)
    expect(retries.map((e) => [e.kind, e.attempt])).toEqual(
      Array.from({ length: refusals }, (_, i) => ['rate_limited', i + 1]),
    )
    const state = must(await mockSora.state(), 'mock-sora state')
    expect(state.requests['POST /v1/videos']).toBe(refusals + 1)
    expect(state.faults).toEqual([])

    const [ledger] = await expectCreditInvariant(stack, [user.id])
    expect(ledger).toMatchObject({ initial: 100, balance: 90, videos: 1, completed: 1, refunded: 0 })
  })
})
