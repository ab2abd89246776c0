import { attachVideoLogs } from '../../api-tests/support/evidence.ts'
import { waitForTerminal } from '../../api-tests/support/terminal.ts'
import { generate } from '../../api-tests/support/videos.ts'
import { must } from '../../harness/must.ts'
import { describe, expect, test } from '../fixtures/test.ts'
import { expectCreditInvariant } from '../support/invariant.ts'

describe('a Sora job that fails', () => {
  test('ends the video failed with the reason and refunds its 10 credits once @REL-05', async ({
    suite,
    stack,
    mockSora,
    user,
  }) => {
    must(await mockSora.setFault({ mode: 'fail', count: 1 }), 'arm fail')
    const { video } = await generate(suite.apiUrl, user)

    const done = await waitForTerminal(suite.apiUrl, user, video.id)
    expect(done.status).toBe('failed')
    expect(done.error_message).toMatch(
      /^Sora could not generate this video: .+ Your 10 credits have been refunded\.$/,
    )
    expect(done.video_url).toBeNull()
    await attachVideoLogs(stack, video.id)

    const [ledger] = await expectCreditInvariant(stack, [user.id])
    expect(ledger).toMatchObject({ initial: 100, balance: 100, videos: 1, failed: 1, refunded: 1 })
  })
})
