import { attachVideoLogs } from '../../api-tests/support/evidence.ts'
import { waitForTerminal } from '../../api-tests/support/terminal.ts'
import { generate } from '../../api-tests/support/videos.ts'
import { must } from '../../harness/must.ts'
import { LogEvent } from '../../system/shared/log-events.ts'
import { describe, expect, test } from '../fixtures/test.ts'
import { expectCreditInvariant } from '../support/invariant.ts'

describe('Sora answering 500 every time', () => {
  test('fails the video after every attempt is used, and refunds it once @REL-07', async ({
    suite,
    stack,
    rel,
    mockSora,
    user,
  }) => {
    must(await mockSora.setFault({ mode: 'server_error', count: -1 }), 'arm 500 until reset')
    const { video } = await generate(suite.apiUrl, user)

    const done = await waitForTerminal(suite.apiUrl, user, video.id)
    await attachVideoLogs(stack, video.id)
    expect(done.status).toBe('failed')
    expect(done.error_message).toBe(
      'The video service is unavailable right now; please try again later. Your 10 credits have been refunded.',
    )
    const events = stack.logs('worker-1').filter((e) => e.videoId === video.id)
    const attempts = rel.settings.jobAttempts
    expect(events.filter((e) => e.event === LogEvent.jobRetrying).map((e) => e.attempt)).toEqual(
      Array.from({ length: attempts - 1 }, (_, i) => i + 1),
    )
    expect(events.filter((e) => e.event === LogEvent.jobFailed).map((e) => [e.kind, e.attempt])).toEqual([
      ['server', attempts],
    ])
    expect(events.filter((e) => e.event === LogEvent.videoRefunded)).toHaveLength(1)
    const state = must(await mockSora.state(), 'mock-sora state')
    expect(state.requests['POST /v1/videos']).toBe(attempts)

    const [ledger] = await expectCreditInvariant(stack, [user.id])
    expect(ledger).toMatchObject({ initial: 100, balance: 100, videos: 1, failed: 1, refunded: 1 })
  })
})
