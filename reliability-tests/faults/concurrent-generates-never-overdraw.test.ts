import { randomUUID } from 'node:crypto'
import { parameters } from '../../api-tests/support/evidence.ts'
import { setCreditsThroughStack } from '../../api-tests/support/stack-credits.ts'
import { waitForTerminal } from '../../api-tests/support/terminal.ts'
import { GUIDE_PROMPT } from '../../api-tests/support/videos.ts'
import { ErrorResponse } from '../../system/shared/schemas/errors.ts'
import { VideoResponse } from '../../system/shared/schemas/videos.ts'
import { describe, expect, test } from '../fixtures/test.ts'
import { expectCreditInvariant } from '../support/invariant.ts'

const BALANCE = 50
const REQUESTS = 20

/**
 * The original app lost credit updates under concurrency. Twenty generates arrive at once for a user
 * holding 50 credits: exactly five are accepted, the rest answer 402 with the balance, and it ends at 0.
 */
describe('20 concurrent generates at 50 credits', () => {
  test('accept exactly 5, refuse 15 with 402, and leave the balance at 0.0 @REL-11', async ({
    api,
    suite,
    stack,
    user,
  }) => {
    await setCreditsThroughStack(suite, stack, [user], BALANCE)

    const answers = await Promise.all(
      Array.from({ length: REQUESTS }, () =>
        api
          .post('/api/v1/videos/generate')
          .set(user.auth)
          .set('idempotency-key', randomUUID())
          .send({ prompt: GUIDE_PROMPT, model: 'sora-2' }),
      ),
    )
    const accepted = answers.filter((a) => a.status === 201)
    const refused = answers.filter((a) => a.status === 402)
    await parameters({ accepted: accepted.length, refused: refused.length })
    expect(accepted).toHaveLength(BALANCE / 10)
    expect(refused).toHaveLength(REQUESTS - BALANCE / 10)
    for (const r of refused)
      expect(ErrorResponse.parse(r.body).detail).toBe('Insufficient credits. Required: 10.0, Available: 0.0')

    for (const a of accepted) {
      const id = VideoResponse.parse(a.body).id
      expect((await waitForTerminal(suite.apiUrl, user, id)).status).toBe('completed')
    }
    const [ledger] = await expectCreditInvariant(stack, [user.id])
    expect(ledger).toMatchObject({ initial: BALANCE, balance: 0, videos: 5, completed: 5 })
  })
})
