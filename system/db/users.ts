import type { UserResponse } from '../shared/schemas/auth.ts'
import { inTransaction, type Pool } from './pool.ts'

export const SIGNUP_CREDITS = 100

interface UserRow {
  id: number
  email: string
  name: string
  avatar_url: string | null
  credits: number
  created_at: Date
}

const toUser = (r: UserRow): UserResponse => ({ ...r, created_at: r.created_at.toISOString() })

export interface GoogleProfile {
  sub: string
  email: string
  name: string
  picture: string | null
}

/** Finds or creates the user of a Google profile; a new user gets the sign-up credits in the ledger. */
export async function upsertGoogleUser(pool: Pool, profile: GoogleProfile): Promise<UserResponse> {
  return inTransaction(pool, async (db) => {
    const existing = await db.query<UserRow>(
      `UPDATE users SET name = $2, avatar_url = $3, google_sub = COALESCE(google_sub, $4)
        WHERE email = $1 RETURNING id, email, name, avatar_url, credits, created_at`,
      [profile.email, profile.name, profile.picture, profile.sub],
    )
    if (existing.rows[0]) return toUser(existing.rows[0])
    const created = await db.query<UserRow>(
      `INSERT INTO users (google_sub, email, name, avatar_url, credits) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (email) DO UPDATE SET name = EXCLUDED.name
       RETURNING id, email, name, avatar_url, credits, created_at, (xmax = 0) AS inserted`,
      [profile.sub, profile.email, profile.name, profile.picture, SIGNUP_CREDITS],
    )
    const row = created.rows[0] as UserRow & { inserted: boolean }
    if (row.inserted) {
      await db.query(`INSERT INTO credit_ledger (user_id, delta, reason) VALUES ($1, $2, 'signup')`, [
        row.id,
        SIGNUP_CREDITS,
      ])
    }
    const { inserted: _, ...user } = row
    return toUser(user)
  })
}

export async function getUser(pool: Pool, id: number): Promise<UserResponse | null> {
  const { rows } = await pool.query<UserRow>(
    'SELECT id, email, name, avatar_url, credits, created_at FROM users WHERE id = $1',
    [id],
  )
  return rows[0] ? toUser(rows[0]) : null
}

export async function getCredits(pool: Pool, id: number): Promise<number | null> {
  const { rows } = await pool.query<{ credits: number }>('SELECT credits FROM users WHERE id = $1', [id])
  return rows[0]?.credits ?? null
}

/** Sets a user's balance through the ledger (an adjustment row), for seeded test states only. */
export async function setCreditsForTest(pool: Pool, id: number, credits: number): Promise<void> {
  await inTransaction(pool, async (db) => {
    const { rows } = await db.query<{ credits: number }>(
      'SELECT credits FROM users WHERE id = $1 FOR UPDATE',
      [id],
    )
    const current = rows[0]?.credits ?? 0
    await db.query('UPDATE users SET credits = $2 WHERE id = $1', [id, credits])
    await db.query(`INSERT INTO credit_ledger (user_id, delta, reason) VALUES ($1, $2, 'signup')`, [
      id,
      credits - current,
    ])
  })
}
