import { appendFileSync, closeSync, existsSync, mkdirSync, openSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'

/**
 * The prepared users of a target run (TARGET_ACCESS_TOKENS or TARGET_USER_IDS), each handed to one test
 * only: a test claims the next free index by creating its marker file exclusively, so vitest's forks,
 * which each start their own module state, never share a user. One pool dir serves a whole acceptance
 * run (`TARGET_USER_POOL_DIR`, set by harness/acceptance.ts), so the API and reliability suites take
 * different users too.
 *
 * Every user a test touched (prepared or signed in) is also noted with its balance at the start, so the
 * ledger check at the end of each suite can hold it to `balance = start − 10 × videos not failed`.
 */
export class UserPoolExhausted extends Error {
  override name = 'UserPoolExhausted'
}

export function claimIndex(poolDir: string, size: number): number {
  mkdirSync(join(poolDir, 'claims'), { recursive: true })
  for (let i = 0; i < size; i++) {
    try {
      closeSync(openSync(join(poolDir, 'claims', String(i)), 'wx'))
      return i
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
    }
  }
  throw new UserPoolExhausted(
    `all ${size} prepared users of this run are taken (one per test): give more users (TARGET_ACCESS_TOKENS or TARGET_USER_IDS)`,
  )
}

export const TouchedUser = z.object({
  id: z.number(),
  /** The API the user lives on: a suite may run on several stacks (the reliability suite, one per fork). */
  apiUrl: z.string(),
  accessToken: z.string(),
  startCredits: z.number(),
  /** Which suite touched it: the ledger check of a suite looks at its own users. */
  suite: z.string(),
  /** Videos the user had before the test got it (a prepared user's earlier runs): not this run's. */
  priorVideoIds: z.array(z.number()).optional(),
  /** Why the ledger check leaves it out: a test changed its balance behind the API (stack control). */
  excluded: z.string().optional(),
})
export type TouchedUser = z.infer<typeof TouchedUser>

const touchedFile = (poolDir: string) => join(poolDir, 'touched.jsonl')

/** One line per user, appended (atomic for lines this short), from any fork. */
export function noteTouched(poolDir: string, user: TouchedUser): void {
  mkdirSync(poolDir, { recursive: true })
  appendFileSync(touchedFile(poolDir), `${JSON.stringify(user)}\n`)
}

/** Leaves users out of the ledger check, saying why. */
export function excludeFromLedger(poolDir: string, users: TouchedUser[], why: string): void {
  for (const u of users) noteTouched(poolDir, { ...u, excluded: why })
}

/** The users a suite touched, once each, with the balance first noted; excluded if any note says so. */
export function touchedUsers(poolDir: string, suite: string): TouchedUser[] {
  if (!existsSync(touchedFile(poolDir))) return []
  const byKey = new Map<string, TouchedUser>()
  for (const line of readFileSync(touchedFile(poolDir), 'utf8').split('\n').filter(Boolean)) {
    const u = TouchedUser.parse(JSON.parse(line))
    if (u.suite !== suite) continue
    const key = `${u.apiUrl} ${u.id}`
    const first = byKey.get(key)
    byKey.set(key, first ? { ...first, excluded: first.excluded ?? u.excluded } : u)
  }
  return [...byKey.values()]
}
