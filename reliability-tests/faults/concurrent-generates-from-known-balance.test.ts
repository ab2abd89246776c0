import { randomUUID } from 'node:crypto'
import { creditsOf } from '../../api-tests/support/balance.ts'
import { parameters } from '../../api-tests/support/evidence.ts'
import { guideBody } from '../../api-tests/support/videos.ts'
import { VIDEO_COST } from '../../system/shared/schemas/videos.ts'
import { describe, expect, test } from '../fixtures/test.ts'

const REQUESTS = 20

/**
 * The original app lost credit updates under concurrency. Over plain HTTP, from the balance the user has
 * (whatever a prepared user has left): twenty generates at once may accept n ≤ balance / 10, every other
 * one answers 402, and right after, the balance is exactly balance − 10 × n, never below 0. A lost update
 * leaves more, an overdraw accepts more than the balance holds. The suite's ledger check later holds the
 * refunds of those that fail. The stack variant (exact counts at 50 credits) is
 * concurrent-generates-never-overdraw.test.ts.
 */
describe('20 concurrent generates from a known balance', () => {
  test('accept at most balance / 10, refuse the rest with 402, and leave exactly balance − 10 × accepted @REL-11', async ({
    api,
    suite,
    user,
  }) => {
    const start = await creditsOf(suite.apiUrl, user)
    const body = await guideBody(suite, user)
    const answers = await Promise.all(
      Array.from({ length: REQUESTS }, () =>
        api.post('/api/v1/videos/generate').set(user.auth).set('idempotency-key', randomUUID()).send(body),
      ),
    )
    const balance = await creditsOf(suite.apiUrl, user)
    const accepted = answers.filter((a) => a.status === 201).length
    const others = answers
      .filter((a) => a.status !== 201 && a.status !== 402)
      .map((a) => `${a.status} ${a.text}`)
    await parameters({
      'start balance': start,
      accepted,
      refused: REQUESTS - accepted,
      'balance after': balance,
    })
    expect(others, 'answers neither 201 nor 402').toEqual([])
    expect(accepted, `accepted at ${start} credits`).toBeLessThanOrEqual(Math.floor(start / VIDEO_COST))
    expect(balance, 'balance after').toBe(start - VIDEO_COST * accepted)
    expect(balance).toBeGreaterThanOrEqual(0)
  })
})
