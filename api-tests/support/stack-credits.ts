import { excludeFromLedger } from '../../harness/target/user-pool.ts'
import type { SuiteTarget } from '../setup/suite-target.ts'
import type { LocalStack } from './local-stack.ts'
import { type SignedInUser, touchedUser } from './sign-in.ts'

/**
 * Gives users a balance through the database, as an adjustment in the ledger (stack control: for
 * loads and limits that need more than 100 credits). Their balance then no longer follows from the
 * API alone, so the suite's HTTP ledger check leaves them out, saying why; the scenario's own
 * database check (invariant.ts) holds them instead.
 */
export async function setCreditsThroughStack(
  suite: SuiteTarget,
  stack: LocalStack,
  users: SignedInUser[],
  credits: number,
): Promise<void> {
  const ids = users.map((u) => u.id)
  await stack.db.query('UPDATE users SET credits = $2 WHERE id = ANY($1::int[])', [ids, credits])
  await stack.db.query(
    `INSERT INTO credit_ledger (user_id, delta, reason) SELECT unnest($1::int[]), $2, 'signup'`,
    [ids, credits - 100],
  )
  excludeFromLedger(
    suite.userPoolDir,
    users.map((u) => touchedUser(suite, u)),
    `credits set to ${credits} through the database`,
  )
}
