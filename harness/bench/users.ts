import { randomUUID } from 'node:crypto'
import { setCreditsForTest } from '../../system/db/users.ts'
import { must } from '../must.ts'
import { type SignedIn, signInByLoginHint } from '../sign-in.ts'
import type { StartedStack } from '../stack/started-stack.ts'

export interface BenchUser extends SignedIn {
  id: number
}

/**
 * `count` new users signed in through mock-google, each given `credits` through the ledger (an
 * adjustment row, as the tests grant credits), so that the ledger still sums to the balance.
 */
export async function benchUsers(stack: StartedStack, count: number, credits: number): Promise<BenchUser[]> {
  const tag = randomUUID().slice(0, 6)
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const signed = must(
        await signInByLoginHint({
          apiUrl: stack.urls.api,
          googleUrl: stack.urls.mockGoogle,
          clientId: stack.config.googleClientId,
          email: `bench-${tag}-${i}@example.com`,
        }),
        'sign-in',
      )
      const { rows } = await stack.db.query<{ id: number }>('SELECT id FROM users WHERE email = $1', [
        signed.email,
      ])
      const id = rows[0]!.id
      await setCreditsForTest(stack.db, id, credits)
      return { ...signed, id }
    }),
  )
}

/** Each user's balance and whether the ledger sums to it. */
export async function balances(
  stack: StartedStack,
  ids: number[],
): Promise<Map<number, { balance: number; ledger: number }>> {
  const { rows } = await stack.db.query<{ id: number; balance: number; ledger: number }>(
    `SELECT u.id, u.credits::float AS balance, COALESCE(SUM(l.delta), 0)::float AS ledger
       FROM users u LEFT JOIN credit_ledger l ON l.user_id = u.id
      WHERE u.id = ANY($1::int[]) GROUP BY u.id`,
    [ids],
  )
  return new Map(rows.map((r) => [r.id, { balance: r.balance, ledger: r.ledger }]))
}
