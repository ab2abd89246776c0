import { attachVideoLogs, parameters } from '../../api-tests/support/evidence.ts'
import { waitForTerminal } from '../../api-tests/support/terminal.ts'
import { generate } from '../../api-tests/support/videos.ts'
import { must } from '../../harness/must.ts'
import { VideoResponse } from '../../system/shared/schemas/videos.ts'
import { describe, expect, test } from '../fixtures/test.ts'
import { expectCreditInvariant } from '../support/invariant.ts'

describe('a Sora job that never finishes', () => {
  test('fails the video at the max wait (MAX_WAIT_SECONDS, short here) and refunds it once @REL-08', async ({
    suite,
    stack,
    rel,
    mockSora,
    user,
  }) => {
    must(await mockSora.setFault({ mode: 'never_finish', count: 1 }), 'arm never_finish')
    const submitted = await generate(suite.apiUrl, user)
    const id = submitted.video.id

    const done = VideoResponse.parse(
      await waitForTerminal(suite.apiUrl, user, id, rel.settings.maxWaitSeconds * 1000 + 30_000),
    )
    const tookS = (Date.parse(done.updated_at) - Date.parse(done.created_at)) / 1000
    await parameters({ 'max wait (s)': rel.settings.maxWaitSeconds, 'failed after (s)': tookS.toFixed(1) })
    await attachVideoLogs(stack, id)
    expect(done.status).toBe('failed')
    expect(done.error_message).toBe(
      `Video generation did not finish within ${rel.settings.maxWaitSeconds} seconds. Your 10 credits have been refunded.`,
    )
    // The wait counts from the Sora job's created_at, which has whole seconds.
    expect(tookS).toBeGreaterThanOrEqual(rel.settings.maxWaitSeconds - 1)

    const [ledger] = await expectCreditInvariant(stack, [user.id])
    expect(ledger).toMatchObject({ initial: 100, balance: 100, videos: 1, failed: 1, refunded: 1 })
  })
})
