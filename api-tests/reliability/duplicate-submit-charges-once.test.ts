import { randomUUID } from 'node:crypto'
import { VideoResponse } from '../../system/shared/schemas/videos.ts'
import { describe, expect, test } from '../fixtures/reliability.ts'
import { expectCreditInvariant } from '../support/invariant.ts'
import { waitForTerminal } from '../support/terminal.ts'
import { GUIDE_PROMPT } from '../support/videos.ts'

/**
 * A double submit (a double click, a client retrying after a timeout) carries the same Idempotency-Key:
 * two at once and one more later all answer the same video; one row, one job, one charge. The double
 * click in the page itself is the browser suite's (the button is disabled while generating).
 */
describe('a duplicate submit with the same Idempotency-Key', () => {
  test('gives one video and one charge, however many times and however concurrently it is sent @REL-10', async ({
    api,
    suite,
    stack,
    user,
  }) => {
    const key = randomUUID()
    const send = () =>
      api
        .post('/api/v1/videos/generate')
        .set(user.auth)
        .set('idempotency-key', key)
        .send({ prompt: GUIDE_PROMPT, model: 'sora-2' })
    const together = await Promise.all([send(), send()])
    const later = await send()

    const answers = [...together, later]
    expect(answers.map((r) => r.status)).toEqual([201, 201, 201])
    const ids = answers.map((r) => VideoResponse.parse(r.body).id)
    expect(new Set(ids).size).toBe(1)
    expect(answers.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(2)

    const done = await waitForTerminal(suite.apiUrl, user, ids[0]!)
    expect(done.status).toBe('completed')
    // A repeat after completion still answers the same (completed) video and charges nothing.
    const afterwards = await send()
    expect(afterwards.status).toBe(201)
    expect(VideoResponse.parse(afterwards.body)).toMatchObject({ id: ids[0], status: 'completed' })

    const [ledger] = await expectCreditInvariant(stack, [user.id])
    expect(ledger).toMatchObject({ initial: 100, balance: 90, videos: 1, completed: 1 })
  })
})
