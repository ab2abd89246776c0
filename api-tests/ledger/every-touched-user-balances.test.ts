import { inject } from 'vitest'
import { touchedUsers } from '../../harness/target/user-pool.ts'
import { describe, expect, test } from '../fixtures/test.ts'
import { parameters } from '../support/evidence.ts'
import { describeLedger, ledgerOf, stallMsFor, waitUntilSettled } from '../support/ledger.ts'
import { suiteName } from '../support/sign-in.ts'

/**
 * Runs last in its suite (the API suite and the reliability suite each include it): over every user the
 * suite's tests touched, over plain HTTP, so it holds a deployment we do not control to the ledger as
 * much as ours. Users whose balance a test set through the database are left out, with the reason.
 */
const suite = inject('apiSuite')

describe('the credit ledger', () => {
  test(`${suiteName(suite)}: every user touched ends at start − 10 × videos not failed (a failed video refunded) @OK-07`, {
    timeout: 31 * 60_000,
  }, async () => {
    const users = touchedUsers(suite.userPoolDir, suiteName(suite))
    const held = users.filter((u) => !u.excluded)
    const stallMs = stallMsFor(suite.soraDurationS)
    const stuck = await waitUntilSettled(held, stallMs)
    const lines = await Promise.all(held.map(ledgerOf))
    const broken = lines.filter((l) => l.balance !== l.expected)
    await parameters({
      'users checked': held.length,
      'users left out': users.length - held.length,
      videos: lines.reduce((n, l) => n + l.videos, 0),
      failed: lines.reduce((n, l) => n + l.failed, 0),
    })
    expect(held.length, 'users touched by the suite').toBeGreaterThan(0)
    // Soft: a stuck video and a wrong balance are both reported, each with its users.
    expect.soft(stuck, `videos neither completed nor failed, none moving for ${stallMs / 1000} s`).toEqual([])
    expect
      .soft(broken.map(describeLedger), 'users whose balance is not start − 10 × videos not failed')
      .toEqual([])
  })
})
