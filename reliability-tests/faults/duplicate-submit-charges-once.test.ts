import { randomUUID } from 'node:crypto'
import { creditsOf } from '../../api-tests/support/balance.ts'
import { waitForTerminal } from '../../api-tests/support/terminal.ts'
import { guideBody } from '../../api-tests/support/videos.ts'
import { GuideVideo } from '../../harness/target/guide-schemas.ts'
import { describe, expect, test } from '../fixtures/test.ts'
import { expectCreditInvariant } from '../support/invariant.ts'

/**
 * A double submit (a double click, a client retrying after a timeout) carries the same Idempotency-Key:
 * two at once and one more later all answer the same video; one row, one job, one charge. The double
 * click in the page itself is the browser suite's (the button is disabled while generating).
 *
 * This runs against any target, even one whose OpenAPI document has no Idempotency-Key: a retried
 * submit charging twice is a defect the user feels (their credits), not a missing extra, so "not
 * offered" would hide it. Only the replay header is the reference's own (conformance).
 */
describe('a duplicate submit with the same Idempotency-Key', () => {
  test('gives one video and one charge, however many times and however concurrently it is sent @REL-10', async ({
    api,
    suite,
    localStack,
    user,
    conformance,
  }) => {
    const key = randomUUID()
    const body = await guideBody(suite, user)
    const before = await creditsOf(suite.apiUrl, user)
    const send = () =>
      api.post('/api/v1/videos/generate').set(user.auth).set('idempotency-key', key).send(body)
    const together = await Promise.all([send(), send()])
    const later = await send()

    const answers = [...together, later]
    expect(answers.map((r) => r.status)).toEqual([201, 201, 201])
    const ids = answers.map((r) => GuideVideo.parse(r.body).id)
    expect(await creditsOf(suite.apiUrl, user), 'charged once').toBe(before - 10)
    expect(new Set(ids).size, `video ids ${ids.join(', ')}`).toBe(1)
    await conformance.equal(
      'idempotent-replayed headers of the three answers',
      2,
      answers.filter((r) => r.headers['idempotent-replayed'] === 'true').length,
    )

    const done = await waitForTerminal(suite.apiUrl, user, ids[0]!)
    expect(done.status).toBe('completed')
    // A repeat after completion still answers the same (completed) video and charges nothing.
    const afterwards = await send()
    expect(afterwards.status).toBe(201)
    expect(GuideVideo.parse(afterwards.body)).toMatchObject({ id: ids[0], status: 'completed' })
    expect(await creditsOf(suite.apiUrl, user)).toBe(before - 10)

    if (localStack) {
      const [ledger] = await expectCreditInvariant(localStack, [user.id])
      expect(ledger).toMatchObject({ initial: 100, balance: 90, videos: 1, completed: 1 })
    }
  })
})
