import { randomUUID } from 'node:crypto'
import { parameters } from '../../api-tests/support/evidence.ts'
import { setCreditsThroughStack } from '../../api-tests/support/stack-credits.ts'
import { GUIDE_PROMPT } from '../../api-tests/support/videos.ts'
import { waitFor } from '../../harness/wait.ts'
import { ErrorResponse } from '../../system/shared/schemas/errors.ts'
import { describe, expect, test } from '../fixtures/test.ts'
import { expectCreditInvariant } from '../support/invariant.ts'

const CREDITS = 1000

/**
 * GENERATE_RATE_LIMIT_PER_MIN (30 by default) per user and minute: the next generate answers 429 with
 * a detail, charges nothing and leaves no row; another user is not affected. The window is the clock
 * minute, so the burst (31 requests in turn, well under a second here) starts at least 8 s before its end.
 */
describe('the per-user rate limit on generate', () => {
  test('answers 429 with a detail after the limit, charging nothing; other users still get 201 @SEC-10', async ({
    api,
    rel,
    suite,
    stack,
    user,
    newUser,
  }) => {
    const limit = rel.settings.rateLimitPerMin
    await setCreditsThroughStack(suite, stack, [user], CREDITS)
    await waitFor(
      async () => {
        const s = new Date().getSeconds()
        return s < 52 ? { done: true, value: s } : { done: false, seen: `${s} s into the minute` }
      },
      {
        deadlineMs: 20_000,
        intervalMs: 250,
        what: 'the start of a rate-limit window with room for the burst',
      },
    )
    const send = (who = user) =>
      api
        .post('/api/v1/videos/generate')
        .set(who.auth)
        .set('idempotency-key', randomUUID())
        .send({ prompt: GUIDE_PROMPT, model: 'sora-2' })
    const statuses: number[] = []
    for (let i = 0; i < limit; i++) statuses.push((await send()).status)
    const over = await send()
    await parameters({ limit, accepted: statuses.filter((s) => s === 201).length })

    expect(statuses).toEqual(Array(limit).fill(201))
    expect(over.status).toBe(429)
    expect(ErrorResponse.parse(over.body).detail).toBe('Too many video requests, try again in a minute')
    const someoneElse = await newUser()
    expect((await send(someoneElse)).status).toBe(201)

    const ledgers = await expectCreditInvariant(stack, [user.id, someoneElse.id])
    expect(ledgers[0]).toMatchObject({ initial: CREDITS, balance: CREDITS - 10 * limit, videos: limit })
  })
})
